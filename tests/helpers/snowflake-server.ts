import { randomUUID, verify, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * A local server speaking the REST protocol snowflake-sdk speaks to Snowflake, as the driver's source
 * (lib/services/sf.js, connection/statement.js, connection/result/*) sends and reads it: a login request
 * (password, or a SNOWFLAKE_JWT token checked against the user's public key) giving a session token; query
 * requests answered with `rowtype` and a JSON `rowset` whose rest is in gzipped result chunks fetched from
 * the URLs in `chunks` (as the service hands out cloud storage URLs, with the qrmk encryption header); a
 * query still running answered 333333 with a `getResultUrl` the driver polls; abort requests; logout; and
 * Snowflake's error bodies (`success: false`, code, message, data). Queries come from a lookup table.
 */

export type SnowflakeType = 'timestamp_ntz' | 'timestamp_ltz' | 'text' | 'real' | 'fixed' | 'variant';
export type SnowflakeValue = Date | number | string | null;

export type SnowflakeAnswer =
  | { columns: { name: string; type: SnowflakeType }[]; rows: SnowflakeValue[][] }
  | { error: { code: string; message: string; sqlState: string } }
  /** Runs until aborted: the result URL is polled and never ready. */
  | { hang: true };

export interface SnowflakeServerOptions {
  account: string;
  user: string;
  password?: string;
  /** Accepts SNOWFLAKE_JWT logins signed by the matching private key. */
  publicKey?: KeyObject;
  /** The answer to a statement's text (SET statements are answered by the server itself). */
  answer: (sql: string) => SnowflakeAnswer | undefined;
  /** Rows sent inline in the query response; the rest go into chunks of `chunkRows`. */
  inlineRows?: number;
  chunkRows?: number;
}

export interface SnowflakeServer {
  /** ANOMSTACK_SNOWFLAKE_HOST / _PORT / _PROTOCOL pointing the driver here. */
  env: Record<string, string>;
  /** Login bodies' `data` as received. */
  logins: Record<string, unknown>[];
  /** Statements received, in order. */
  statements: string[];
  /** Session variables set with SET. */
  variables: Map<string, string>;
  chunkDownloads: number;
  /** Query ids (or request ids) aborted. */
  aborts: string[];
  logouts: number;
  close(): Promise<void>;
}

interface Running {
  aborted: boolean;
  waiting: (() => void)[];
}

const PARAMETERS = [
  { name: 'TIMEZONE', value: 'America/Los_Angeles' },
  { name: 'TIMESTAMP_OUTPUT_FORMAT', value: 'YYYY-MM-DD HH24:MI:SS.FF3 TZHTZM' },
  { name: 'TIMESTAMP_NTZ_OUTPUT_FORMAT', value: 'YYYY-MM-DD HH24:MI:SS.FF3' },
  { name: 'CLIENT_SESSION_KEEP_ALIVE', value: false },
  { name: 'QUERY_CONTEXT_CACHE_SIZE', value: 5 },
];

export async function startSnowflakeServer(options: SnowflakeServerOptions): Promise<SnowflakeServer> {
  const inlineRows = options.inlineRows ?? 100;
  const chunkRows = options.chunkRows ?? 1000;
  const sessions = new Set<string>();
  const chunks = new Map<string, Buffer>();
  const running = new Map<string, Running>();
  const qrmk = Buffer.from(randomUUID()).toString('base64');
  let base = '';
  const state: SnowflakeServer = {
    env: {}, logins: [], statements: [], variables: new Map(), chunkDownloads: 0, aborts: [], logouts: 0,
    close: async () => {
      for (const query of running.values()) abort(query);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };

  const abort = (query: Running): void => {
    query.aborted = true;
    for (const wake of query.waiting.splice(0)) wake();
  };

  const login = (data: Record<string, unknown>): object => {
    state.logins.push(data);
    const sameName = String(data['ACCOUNT_NAME']).toUpperCase() === options.account.toUpperCase()
      && String(data['LOGIN_NAME']).toUpperCase() === options.user.toUpperCase();
    const ok = sameName && (data['AUTHENTICATOR'] === 'SNOWFLAKE_JWT' ? jwtValid(String(data['TOKEN']), options.publicKey) : options.password !== undefined && data['PASSWORD'] === options.password);
    if (!ok) {
      return failure('390100', 'Incorrect username or password was specified.', { nextAction: 'RETRY_LOGIN', authnMethod: data['AUTHENTICATOR'] === 'SNOWFLAKE_JWT' ? 'KEYPAIR' : 'USERNAME_PASSWORD', signInOptions: {} });
    }
    const token = `ver:1-hint:1-${randomUUID()}`;
    sessions.add(token);
    return {
      data: {
        masterToken: `ver:1-master-${randomUUID()}`, token, validityInSeconds: 3600, masterValidityInSeconds: 14400,
        displayUserName: options.user.toUpperCase(), serverVersion: '9.0.0', firstLogin: false, healthCheckInterval: 45,
        sessionId: Math.floor(Math.random() * 1e12), parameters: PARAMETERS,
        sessionInfo: { databaseName: null, schemaName: null, warehouseName: null, roleName: 'PUBLIC' },
      },
      code: null, message: null, success: true,
    };
  };

  const queryResponse = (sql: string): object => {
    const queryId = randomUUID();
    const set = /^\s*SET\s+(\w+)\s*=\s*(.+?)\s*;?\s*$/is.exec(sql);
    if (set) {
      state.variables.set((set[1] ?? '').toLowerCase(), set[2] ?? '');
      return result(queryId, { columns: [{ name: 'status', type: 'text' }], rows: [['Statement executed successfully.']] });
    }
    const answer = options.answer(sql) ?? { error: { code: '002003', sqlState: '42S02', message: `SQL compilation error:\nObject '${sql.trim().split(/\s+/).pop() ?? ''}' does not exist or not authorized.` } };
    if ('error' in answer) return failure(answer.error.code, answer.error.message, { errorCode: answer.error.code, sqlState: answer.error.sqlState, queryId, line: -1, pos: -1, type: 'COMPILATION', internalError: false });
    if ('hang' in answer) {
      running.set(queryId, { aborted: false, waiting: [] });
      return inProgress(queryId);
    }
    return result(queryId, answer);
  };

  const result = (queryId: string, answer: Extract<SnowflakeAnswer, { rows: unknown }>): object => {
    const encoded = answer.rows.map((row) => row.map((value, c) => encode(value, answer.columns[c]?.type ?? 'text')));
    const chunkList = [];
    for (let from = inlineRows, n = 0; from < encoded.length; from += chunkRows, n++) {
      const rows = encoded.slice(from, from + chunkRows);
      // A chunk is the rows without the enclosing brackets, as the driver expects (it wraps them itself).
      const text = rows.map((row) => JSON.stringify(row)).join(',');
      const key = `${queryId}/${n}`;
      chunks.set(key, gzipSync(text));
      chunkList.push({ url: `${base}/results/${key}/main.json.gz`, rowCount: rows.length, uncompressedSize: Buffer.byteLength(text), compressedSize: chunks.get(key)?.length ?? 0 });
    }
    return {
      data: {
        parameters: PARAMETERS,
        rowtype: answer.columns.map((column) => rowType(column.name, column.type)),
        rowset: encoded.slice(0, inlineRows),
        total: encoded.length, returned: encoded.length, queryId,
        databaseProvider: null, finalDatabaseName: null, finalSchemaName: null, finalWarehouseName: 'WH', finalRoleName: 'PUBLIC',
        numberOfBinds: 0, arrayBindSupported: false, statementTypeId: 4096, version: 1, sendResultTime: Date.now(),
        queryResultFormat: 'json', queryContext: { entries: [{ id: 0, timestamp: Date.now() * 1000, priority: 0, context: {} }] },
        ...(chunkList.length > 0 ? { chunks: chunkList, qrmk } : {}),
      },
      code: null, message: null, success: true,
    };
  };

  const inProgress = (queryId: string): object => ({
    data: { queryId, getResultUrl: `/queries/${queryId}/result`, queryAbortsAfterSecs: 300, progressDesc: null },
    code: '333333', message: 'Query execution in progress. Use provided query id to perform query monitoring and management.', success: true,
  });

  const handle = async (req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> => {
    const url = new URL(req.url ?? '/', base);
    const path = url.pathname;
    const json = (status: number, value: object): void => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    const chunk = /^\/results\/([\w-]+\/\d+)\/main\.json\.gz$/.exec(path);
    if (req.method === 'GET' && chunk) {
      const data = chunks.get(chunk[1] ?? '');
      // The storage service refuses a chunk without the result's key, as S3 does without SSE-C headers.
      if (!data || req.headers['x-amz-server-side-encryption-customer-key'] !== qrmk) {
        res.writeHead(403, { 'Content-Type': 'application/xml' });
        res.end('<Error><Code>AccessDenied</Code></Error>');
        return;
      }
      state.chunkDownloads++;
      res.writeHead(200, { 'Content-Type': 'binary/octet-stream', 'Content-Encoding': 'gzip' });
      res.end(data);
      return;
    }
    if (req.method === 'POST' && path === '/session/v1/login-request') {
      json(200, login(((parse(req, body)['data'] ?? {}) as Record<string, unknown>)));
      return;
    }
    const token = /^Snowflake Token="(.*)"$/.exec(req.headers.authorization ?? '')?.[1];
    if (token === undefined || !sessions.has(token)) {
      json(200, failure('390104', 'Authentication token has expired.  The user must authenticate again.', null));
      return;
    }
    if (req.method === 'POST' && path === '/queries/v1/query-request') {
      const sql = String(parse(req, body)['sqlText'] ?? '');
      state.statements.push(sql);
      json(200, queryResponse(sql));
      return;
    }
    const poll = /^\/queries\/([\w-]+)\/result$/.exec(path);
    if (req.method === 'GET' && poll) {
      const query = running.get(poll[1] ?? '');
      if (!query) return json(200, failure('000605', 'Identified SQL statement is not currently executing.', null));
      // Long-polled, as the service holds a result request while the query runs; an abort answers it.
      if (!query.aborted) await new Promise<void>((resolve) => query.waiting.push(resolve));
      json(200, failure('000604', 'SQL execution canceled', { errorCode: '000604', sqlState: '57014', queryId: poll[1] }));
      return;
    }
    const abortById = /^\/queries\/([\w-]+)\/abort-request$/.exec(path);
    if (req.method === 'POST' && (abortById || path === '/queries/v1/abort-request')) {
      const id = abortById?.[1] ?? String(parse(req, body)['requestId'] ?? '');
      state.aborts.push(id);
      const query = running.get(id);
      if (query) abort(query);
      json(200, { data: null, code: null, message: null, success: true });
      return;
    }
    if (req.method === 'POST' && path === '/session' && url.searchParams.get('delete') === 'true') {
      sessions.delete(token);
      state.logouts++;
      json(200, { data: null, code: null, message: null, success: true });
      return;
    }
    if (req.method === 'POST' && path === '/telemetry/send') {
      json(200, { data: null, code: null, message: null, success: true });
      return;
    }
    json(404, failure('404', `no route ${req.method ?? ''} ${path}`, null));
  };

  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      handle(req, res, Buffer.concat(parts)).catch((error: unknown) => {
        res.writeHead(500);
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  state.env = { ANOMSTACK_SNOWFLAKE_HOST: '127.0.0.1', ANOMSTACK_SNOWFLAKE_PORT: String(port), ANOMSTACK_SNOWFLAKE_PROTOCOL: 'http' };
  return state;
}

/** A request body: JSON, gzipped when the driver compressed it (it does for every body it sends). */
function parse(req: IncomingMessage, body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  const text = req.headers['content-encoding'] === 'gzip' ? gunzipSync(body).toString('utf8') : body.toString('utf8');
  return JSON.parse(text) as Record<string, unknown>;
}

function failure(code: string, message: string, data: object | null): object {
  return { data, code, message, success: false, headers: null };
}

/** A column's metadata as the service describes it. */
function rowType(name: string, type: SnowflakeType): object {
  const number = type === 'fixed' ? { precision: 38, scale: 0 } : type.startsWith('timestamp') ? { precision: 0, scale: 9 } : { precision: null, scale: null };
  return {
    name, database: 'DB', schema: 'PUBLIC', table: '', nullable: true, type, byteLength: type === 'text' ? 16777216 : null,
    length: type === 'text' ? 16777216 : null, collation: null, ...number,
  };
}

/** A value in the JSON result format: every value a string; timestamps as epoch seconds with nine decimals. */
function encode(value: SnowflakeValue, type: SnowflakeType): string | null {
  if (value === null) return null;
  if (value instanceof Date) {
    const ms = value.getTime();
    const seconds = Math.floor(ms / 1000);
    const nanos = String((ms - seconds * 1000) * 1_000_000).padStart(9, '0');
    return type === 'timestamp_ntz' || type === 'timestamp_ltz' ? `${seconds}.${nanos}` : value.toISOString();
  }
  return String(value);
}

/** Whether `token` is an RS256 JWT signed by `publicKey`, unexpired. */
function jwtValid(token: string, publicKey: KeyObject | undefined): boolean {
  const [header, payload, signature] = token.split('.');
  if (!publicKey || header === undefined || payload === undefined || signature === undefined) return false;
  const signed = verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, 'base64url'));
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: number };
  return signed && typeof claims.exp === 'number' && claims.exp > Date.now();
}

import { generateKeyPairSync, randomUUID, verify, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for BigQuery's REST API and Google's OAuth token endpoint, speaking their wire formats as the real
 * `@google-cloud/bigquery` client calls them:
 * - `POST /token`: the JWT-bearer grant a service account's client signs (RS256, checked against the key's public
 *   half, `iss`, `aud` and `exp`), answered with a Bearer access token; a bad signature gets Google's `invalid_grant`.
 * - `POST /bigquery/v2/projects/{p}/queries` (jobs.query): starts a job; answers `jobComplete: false` so the client polls.
 * - `GET /bigquery/v2/projects/{p}/queries/{job}` (jobs.getQueryResults): `jobComplete: false` for `pendingPolls` more
 *   calls, then typed rows (`{f: [{v}]}`, every scalar a string) with the schema, `maxResults` at a time, page tokens.
 * - `POST /bigquery/v2/projects/{p}/jobs/{job}/cancel` (jobs.cancel).
 * Errors are BigQuery's bodies (`{error: {code, message, errors: [{reason, message}], status}}`). It evaluates no SQL:
 * each query text the tests send is looked up in `queries`; an unknown one is answered as BigQuery's invalidQuery.
 */
export interface FakeQuery {
  /** The result's schema (BigQuery's legacy type names, as the API returns them: FLOAT, INTEGER, TIMESTAMP...). */
  fields?: { name: string; type: string; mode?: string }[];
  /** Rows in wire form: strings (TIMESTAMP as epoch microseconds), or null. */
  rows?: (string | null)[][];
  /** BigQuery's error for this query (a syntax error: code 400, reason invalidQuery). */
  error?: { code: number; reason: string; message: string };
  /** Never completes: every poll answers `jobComplete: false` until the job is cancelled. */
  hang?: boolean;
  /** jobs.query answers with the job complete and the first page, as BigQuery does for a quick query. */
  immediate?: boolean;
}

export interface ServiceAccount {
  type: 'service_account';
  project_id: string;
  private_key_id: string;
  private_key: string;
  client_email: string;
  client_id: string;
  token_uri: string;
}

export interface BigQueryServer {
  /** For ANOMSTACK_BIGQUERY_API_ENDPOINT. */
  endpoint: string;
  /** A key the token endpoint trusts, whose `token_uri` is this server's. */
  key: ServiceAccount;
  /** Another key with the same name, which the token endpoint refuses (its signature does not verify). */
  wrongKey: ServiceAccount;
  queries: Map<string, FakeQuery>;
  /** The jobs.query bodies received. */
  readonly queryRequests: Record<string, unknown>[];
  /** The project of each jobs.query (its URL's). */
  readonly queryProjects: string[];
  /** The getQueryResults query strings received. */
  readonly resultRequests: URLSearchParams[];
  /** Job ids jobs.cancel was called for. */
  readonly cancelled: string[];
  /** Token requests refused. */
  readonly refusedTokens: number;
  close(): Promise<void>;
}

const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
const DEFAULT_PAGE_ROWS = 100_000;

interface Job {
  id: string;
  projectId: string;
  query: FakeQuery;
  pendingPolls: number;
  cancelled: boolean;
  pageTokens: Map<string, number>;
}

export async function bigQueryServer(options: { pendingPolls?: number } = {}): Promise<BigQueryServer> {
  const trusted = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const untrusted = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const clientEmail = 'anomstack-test@test-project.iam.gserviceaccount.com';
  const tokens = new Set<string>();
  const jobs = new Map<string, Job>();
  const queries = new Map<string, FakeQuery>();
  const queryRequests: Record<string, unknown>[] = [];
  const queryProjects: string[] = [];
  const resultRequests: URLSearchParams[] = [];
  const cancelled: string[] = [];
  let refusedTokens = 0;

  const server = createServer((req, res) => {
    void readBody(req).then((body) => handle(req, body, res)).catch((error: unknown) => {
      send(res, 500, { error: { code: 500, message: String(error), errors: [{ reason: 'backendError', message: String(error) }] } });
    });
  });

  function handle(req: IncomingMessage, body: string, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'POST' && url.pathname === '/token') {
      const token = grant(new URLSearchParams(body), trusted.publicKey, clientEmail);
      if (token === undefined) {
        refusedTokens++;
        send(res, 400, { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' });
        return;
      }
      tokens.add(token);
      send(res, 200, { access_token: token, expires_in: 3599, token_type: 'Bearer' });
      return;
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (bearer === undefined || !tokens.has(bearer)) {
      apiError(res, 401, 'unauthorized', 'Request had invalid authentication credentials. Expected OAuth 2 access token.', 'UNAUTHENTICATED');
      return;
    }
    const route = /^\/bigquery\/v2\/projects\/([^/]+)\/(queries|jobs)(?:\/([^/]+))?(\/cancel)?$/.exec(url.pathname);
    const [, projectId = '', kind, jobId, cancel] = route ?? [];
    if (req.method === 'POST' && kind === 'queries' && jobId === undefined) {
      const request = JSON.parse(body) as Record<string, unknown>;
      queryRequests.push(request);
      queryProjects.push(decodeURIComponent(projectId));
      const sql = String(request['query']);
      const query = queries.get(sql) ?? {
        error: { code: 400, reason: 'invalidQuery', message: `Syntax error: Unexpected identifier at [1:1] (the fake server knows no query ${JSON.stringify(sql.slice(0, 40))})` },
      };
      if (query.error) {
        apiError(res, query.error.code, query.error.reason, query.error.message, 'INVALID_ARGUMENT');
        return;
      }
      const job: Job = { id: `job_${randomUUID().replaceAll('-', '_')}`, projectId, query, pendingPolls: options.pendingPolls ?? 1, cancelled: false, pageTokens: new Map() };
      jobs.set(job.id, job);
      const first = typeof request['maxResults'] === 'number' ? request['maxResults'] : DEFAULT_PAGE_ROWS;
      send(res, 200, query.immediate === true ? { ...page(job, 0, first), kind: 'bigquery#queryResponse' } : { kind: 'bigquery#queryResponse', jobReference: reference(job), jobComplete: false });
      return;
    }
    const job = jobId === undefined ? undefined : jobs.get(jobId);
    if (job === undefined || job.projectId !== projectId) {
      apiError(res, 404, 'notFound', `Not found: Job ${projectId}:US.${jobId ?? ''}`, 'NOT_FOUND');
      return;
    }
    if (req.method === 'POST' && kind === 'jobs' && cancel !== undefined) {
      job.cancelled = true;
      cancelled.push(job.id);
      send(res, 200, { kind: 'bigquery#jobCancelResponse', job: { jobReference: reference(job), status: { state: 'RUNNING' } } });
      return;
    }
    if (req.method === 'GET' && kind === 'queries' && cancel === undefined) {
      resultRequests.push(url.searchParams);
      results(job, url.searchParams, res);
      return;
    }
    apiError(res, 404, 'notFound', `Not found: URL ${url.pathname}`, 'NOT_FOUND');
  }

  function results(job: Job, params: URLSearchParams, res: ServerResponse): void {
    if (job.cancelled) {
      apiError(res, 400, 'stopped', 'Job execution was cancelled: User requested cancellation', 'INVALID_ARGUMENT');
      return;
    }
    if (job.query.hang === true || job.pendingPolls > 0) {
      job.pendingPolls--;
      send(res, 200, { kind: 'bigquery#getQueryResultsResponse', jobReference: reference(job), jobComplete: false });
      return;
    }
    const token = params.get('pageToken');
    const offset = token === null ? 0 : job.pageTokens.get(token);
    if (offset === undefined) {
      apiError(res, 400, 'invalid', 'Invalid page token', 'INVALID_ARGUMENT');
      return;
    }
    send(res, 200, page(job, offset, Number(params.get('maxResults') ?? DEFAULT_PAGE_ROWS)));
  }

  /** The rows from `offset`, at most `size`, with the schema and a token for the rest. */
  function page(job: Job, offset: number, size: number): Record<string, unknown> {
    const rows = job.query.rows ?? [];
    const end = Math.min(rows.length, offset + size);
    let pageToken: string | undefined;
    if (end < rows.length) {
      pageToken = randomUUID();
      job.pageTokens.set(pageToken, end);
    }
    return {
      kind: 'bigquery#getQueryResultsResponse',
      etag: randomUUID(),
      schema: { fields: (job.query.fields ?? []).map((f) => ({ mode: 'NULLABLE', ...f })) },
      jobReference: reference(job),
      totalRows: String(rows.length),
      ...(end > offset ? { rows: rows.slice(offset, end).map((row) => ({ f: row.map((v) => ({ v })) })) } : {}),
      ...(pageToken === undefined ? {} : { pageToken }),
      totalBytesProcessed: '0',
      jobComplete: true,
      cacheHit: false,
    };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const account = (privateKey: KeyObject): ServiceAccount => ({
    type: 'service_account',
    project_id: 'test-project',
    private_key_id: randomUUID().replaceAll('-', ''),
    private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    client_email: clientEmail,
    client_id: '100000000000000000001',
    token_uri: `${endpoint}/token`,
  });
  return {
    endpoint,
    key: account(trusted.privateKey),
    wrongKey: account(untrusted.privateKey),
    queries,
    queryRequests,
    queryProjects,
    resultRequests,
    cancelled,
    get refusedTokens() {
      return refusedTokens;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A new access token for a valid JWT-bearer assertion from `email` signed by `key`, else undefined. */
function grant(form: URLSearchParams, key: KeyObject, email: string): string | undefined {
  if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') return undefined;
  const [header, payload, signature] = (form.get('assertion') ?? '').split('.');
  if (header === undefined || payload === undefined || signature === undefined) return undefined;
  const signed = verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url'));
  if (!signed) return undefined;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { iss?: string; aud?: string; exp?: number; scope?: string };
  const fresh = typeof claims.exp === 'number' && claims.exp * 1000 > Date.now();
  if (claims.iss !== email || claims.aud !== GOOGLE_TOKEN_URL || !fresh || !(claims.scope ?? '').includes('bigquery')) return undefined;
  return `ya29.test-${randomUUID()}`;
}

function reference(job: Job): Record<string, string> {
  return { projectId: job.projectId, jobId: job.id, location: 'US' };
}

function apiError(res: ServerResponse, code: number, reason: string, message: string, status: string): void {
  send(res, code, { error: { code, message, errors: [{ message, domain: 'global', reason }], status } });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';

/**
 * A libSQL server as @libsql/client's HTTP client talks to Turso: Hrana over HTTP with JSON bodies (`POST
 * /v2/pipeline`, or `/v3/pipeline`; `GET /v2`, `/v3` answer the version probe), each request checked for
 * `Authorization: Bearer <token>` (401 otherwise). Statements run on a real SQLite database (node:sqlite), so
 * results and error messages are SQLite's own.
 */
export interface HranaServer {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** Pipeline requests received, for checking what the client sent. */
  readonly requests: PipelineRequest[];
  /** The database statements run on, for the test to fill. */
  db: DatabaseSync;
  close(): Promise<void>;
}

interface HranaValue {
  type: 'null' | 'integer' | 'float' | 'text' | 'blob';
  value?: string | number;
  base64?: string;
}

interface Stmt {
  sql?: string;
  args?: HranaValue[];
  named_args?: { name: string; value: HranaValue }[];
  want_rows?: boolean;
}

export interface PipelineRequest {
  baton: string | null;
  requests: { type: string; stmt?: Stmt }[];
}

type StreamResult =
  | { type: 'ok'; response: Record<string, unknown> }
  | { type: 'error'; error: { message: string; code: string } };

export async function hranaServer(options: { token: string; file?: string }): Promise<HranaServer> {
  const db = new DatabaseSync(options.file ?? ':memory:');
  const requests: PipelineRequest[] = [];
  let batons = 0;
  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => send(res, 500, 'text/plain', String(error)));
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    if (req.headers.authorization !== `Bearer ${options.token}`) {
      send(res, 401, 'text/plain', 'Unauthorized: the token is missing or not valid');
      return;
    }
    const route = `${req.method} ${(req.url ?? '').replace(/\?.*$/, '')}`;
    if (route === 'GET /v2' || route === 'GET /v3') {
      send(res, 200, 'text/plain', '');
      return;
    }
    if (route !== 'POST /v2/pipeline' && route !== 'POST /v3/pipeline') {
      send(res, 404, 'text/plain', 'Not found');
      return;
    }
    const pipeline = JSON.parse(body) as PipelineRequest;
    requests.push(pipeline);
    const results = pipeline.requests.map((request) => runRequest(db, request));
    const closed = pipeline.requests.some((r) => r.type === 'close');
    send(res, 200, 'application/json', JSON.stringify({ baton: closed ? null : `baton-${++batons}`, base_url: null, results }));
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    db,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (db.isOpen) db.close();
    },
  };
}

function runRequest(db: DatabaseSync, request: { type: string; stmt?: Stmt }): StreamResult {
  if (request.type === 'close') return { type: 'ok', response: { type: 'close' } };
  if (request.type !== 'execute' || request.stmt?.sql === undefined) {
    return { type: 'error', error: { message: `request type ${request.type} is not supported here`, code: 'UNSUPPORTED' } };
  }
  const stmt = request.stmt;
  try {
    const statement = db.prepare(stmt.sql ?? '');
    statement.setReadBigInts(true);
    statement.setAllowUnknownNamedParameters(true);
    const named: Record<string, SQLInputValue> = {};
    // Hrana's names may carry their prefix (`:now`) or not (`now`); node:sqlite takes them bare.
    for (const arg of stmt.named_args ?? []) named[arg.name.replace(/^[:@$]/, '')] = fromHrana(arg.value);
    const positional = (stmt.args ?? []).map(fromHrana);
    const columns = statement.columns();
    statement.setReturnArrays(true);
    const rows = (statement.all(named, ...positional) as unknown as unknown[][]).map((row) => row.map(toHrana));
    return {
      type: 'ok',
      response: {
        type: 'execute',
        result: {
          cols: columns.map((c) => ({ name: c.name, decltype: c.type })),
          rows,
          affected_row_count: 0,
          last_insert_rowid: null,
        },
      },
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { type: 'error', error: { message: `SQLite error: ${message}`, code: 'SQLITE_UNKNOWN' } };
  }
}

function fromHrana(value: HranaValue): SQLInputValue {
  switch (value.type) {
    case 'null': return null;
    case 'integer': return BigInt(String(value.value));
    case 'float': return Number(value.value);
    case 'text': return String(value.value);
    case 'blob': return Buffer.from(value.base64 ?? '', 'base64');
  }
}

function toHrana(value: unknown): HranaValue {
  if (value === null || value === undefined) return { type: 'null' };
  if (typeof value === 'bigint') return { type: 'integer', value: value.toString() };
  if (typeof value === 'number') return { type: 'float', value };
  if (value instanceof Uint8Array) return { type: 'blob', base64: Buffer.from(value).toString('base64') };
  return { type: 'text', value: String(value) };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'content-type': contentType });
  res.end(body);
}

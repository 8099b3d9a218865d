import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import {
  decodeCursorRequest, decodePipelineRequest, encodeCursorEntry, encodeCursorResponse, encodePipelineResponse,
  type CursorEntry, type CursorRequest, type HranaValue, type PipelineRequest, type Stmt, type StreamResult,
} from './hrana-protobuf.ts';

export type { CursorRequest, PipelineRequest } from './hrana-protobuf.ts';

/**
 * A libSQL server as @libsql/hrana-client talks to Turso over HTTP. Hrana 3 (`GET /v3-protobuf` answers the
 * version probe; `POST /v3-protobuf/pipeline` and `/v3-protobuf/cursor`, protobuf; `/v3/...` the same in JSON)
 * and Hrana 2 (`/v2/pipeline`, JSON) unless `versions` leaves it out. A cursor's response body is streamed: each
 * row is stepped from the database and written as it comes, waiting on the socket when the client is not reading.
 * Requests are checked for `Authorization: Bearer <token>` (401 otherwise). Statements run on a real SQLite
 * database (node:sqlite), so results and error messages are SQLite's own.
 */
export interface HranaServer {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** Pipeline requests received (in Hrana's JSON form, whichever encoding they came in). */
  readonly requests: PipelineRequest[];
  /** Cursor requests received (JSON form). */
  readonly cursors: CursorRequest[];
  /** Rows stepped into cursor responses so far (each written within the next few kilobytes of the response). */
  readonly rowsWritten: number;
  /** The database statements run on, for the test to fill. */
  db: DatabaseSync;
  /** Lets a cursor held at `pauseAfterRows` go on. */
  resume(): void;
  close(): Promise<void>;
}

export interface HranaServerOptions {
  token: string;
  file?: string;
  /** The protocol versions served (default both); without 3 the version probe fails and clients fall back to 2. */
  versions?: readonly (2 | 3)[];
  /** A cursor stops writing after this many rows until `resume()`: what the client has then is what was streamed. */
  pauseAfterRows?: number;
}

export async function hranaServer(options: HranaServerOptions): Promise<HranaServer> {
  const versions = options.versions ?? [2, 3];
  const db = new DatabaseSync(options.file ?? ':memory:');
  const requests: PipelineRequest[] = [];
  const cursors: CursorRequest[] = [];
  let rowsWritten = 0;
  let batons = 0;
  let release: () => void = () => undefined;
  const resumed = new Promise<void>((resolve) => (release = resolve));
  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain', String(error));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const route = `${req.method} ${(req.url ?? '').replace(/\?.*$/, '')}`;
    const v3 = versions.includes(3);
    // The client probes the version without its token, so a probe is answered without one.
    if ((route === 'GET /v2' && versions.includes(2)) || (v3 && (route === 'GET /v3' || route === 'GET /v3-protobuf'))) return send(res, 200, 'text/plain', '');
    if (req.headers.authorization !== `Bearer ${options.token}`) return send(res, 401, 'text/plain', 'Unauthorized: the token is missing or not valid');
    const protobuf = route.startsWith('POST /v3-protobuf/');
    if ((route === 'POST /v2/pipeline' && versions.includes(2)) || (v3 && (route === 'POST /v3/pipeline' || route === 'POST /v3-protobuf/pipeline'))) {
      const pipeline = protobuf ? decodePipelineRequest(body) : (JSON.parse(body.toString('utf8')) as PipelineRequest);
      requests.push(pipeline);
      const results = pipeline.requests.map((request) => runRequest(db, request));
      const baton = pipeline.requests.some((r) => r.type === 'close') ? null : `baton-${++batons}`;
      if (protobuf) return send(res, 200, 'application/x-protobuf', encodePipelineResponse(baton, results));
      return send(res, 200, 'application/json', JSON.stringify({ baton, base_url: null, results }));
    }
    if (v3 && (route === 'POST /v3/cursor' || route === 'POST /v3-protobuf/cursor')) {
      const cursor = protobuf ? decodeCursorRequest(body) : (JSON.parse(body.toString('utf8')) as CursorRequest);
      cursors.push(cursor);
      return streamCursor(cursor, res, protobuf);
    }
    send(res, 404, 'text/plain', 'Not found');
  }

  /** The cursor's entries, each written once its row is stepped; a full socket holds the stepping back. */
  async function streamCursor(cursor: CursorRequest, res: ServerResponse, protobuf: boolean): Promise<void> {
    res.writeHead(200, { 'content-type': protobuf ? 'application/x-protobuf' : 'text/plain' });
    let gone = false;
    res.on('close', () => (gone = true));
    // Entries are gathered into writes of a few kilobytes (one write a row is slow), then the socket's own
    // backpressure holds the stepping back: a client that stops reading stops the statement.
    let pending: (Uint8Array | string)[] = [];
    let pendingBytes = 0;
    const flush = async (): Promise<void> => {
      const data = protobuf ? Buffer.concat(pending as Uint8Array[]) : pending.join('');
      pending = [];
      pendingBytes = 0;
      if (gone || res.write(data)) return;
      await new Promise<void>((resolve) => {
        const done = (): void => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    };
    const write = async (data: Uint8Array | string): Promise<void> => {
      pending.push(data);
      pendingBytes += data.length;
      if (pendingBytes >= 16_384) await flush();
    };
    const entry = (e: CursorEntry): Uint8Array | string => (protobuf ? encodeCursorEntry(e) : `${JSON.stringify(e)}\n`);
    await write(protobuf ? encodeCursorResponse(`baton-${++batons}`) : `${JSON.stringify({ baton: `baton-${batons}`, base_url: null })}\n`);
    for (const [step, { stmt }] of cursor.batch.steps.entries()) {
      let rows: Iterator<unknown[]>;
      try {
        const statement = prepare(db, stmt);
        rows = (statement.iterate(...bindings(stmt)) as Iterator<unknown>) as Iterator<unknown[]>;
        await write(entry({ type: 'step_begin', step, cols: columnsOf(statement) }));
        for (;;) {
          if (gone) return;
          // A runtime error (malformed JSON, a failing function) comes from this step, after the rows before it.
          const row = rows.next();
          if (row.done === true) break;
          await write(entry({ type: 'row', row: row.value.map(toHrana) }));
          if (++rowsWritten === options.pauseAfterRows) {
            await flush();
            await resumed;
          }
        }
        await write(entry({ type: 'step_end', affected_row_count: 0, last_insert_rowid: null }));
      } catch (error) {
        await write(entry({ type: 'step_error', step, error: sqliteError(error) }));
      }
    }
    await flush();
    res.end();
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    cursors,
    get rowsWritten() {
      return rowsWritten;
    },
    db,
    resume: () => release(),
    close: async () => {
      release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (db.isOpen) db.close();
    },
  };
}

function prepare(db: DatabaseSync, stmt: Stmt): StatementSync {
  const statement = db.prepare(stmt.sql ?? '');
  statement.setReadBigInts(true);
  statement.setAllowUnknownNamedParameters(true);
  statement.setReturnArrays(true);
  return statement;
}

/** The named arguments (Hrana's names may carry their prefix, `:now`, or not; node:sqlite takes them bare), then the positional ones. */
function bindings(stmt: Stmt): [Record<string, SQLInputValue>, ...SQLInputValue[]] {
  const named: Record<string, SQLInputValue> = {};
  for (const arg of stmt.named_args ?? []) named[arg.name.replace(/^[:@$]/, '')] = fromHrana(arg.value);
  return [named, ...(stmt.args ?? []).map(fromHrana)];
}

const columnsOf = (statement: StatementSync): { name: string; decltype: string | null }[] =>
  statement.columns().map((c) => ({ name: c.name, decltype: c.type }));

const sqliteError = (error: unknown): { message: string; code: string } => ({
  message: `SQLite error: ${error instanceof Error ? error.message : String(error)}`,
  code: 'SQLITE_UNKNOWN',
});

function runRequest(db: DatabaseSync, request: { type: string; stmt?: Stmt }): StreamResult {
  if (request.type === 'close') return { type: 'ok', response: { type: 'close' } };
  if (request.type !== 'execute' || request.stmt?.sql === undefined) {
    return { type: 'error', error: { message: `request type ${request.type} is not supported here`, code: 'UNSUPPORTED' } };
  }
  const stmt = request.stmt;
  try {
    const statement = prepare(db, stmt);
    const rows = (statement.all(...bindings(stmt)) as unknown as unknown[][]).map((row) => row.map(toHrana));
    return {
      type: 'ok',
      response: { type: 'execute', result: { cols: columnsOf(statement), rows, affected_row_count: 0, last_insert_rowid: null } },
    };
  } catch (error) {
    return { type: 'error', error: sqliteError(error) };
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

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

function send(res: ServerResponse, status: number, contentType: string, body: string | Uint8Array): void {
  res.writeHead(status, { 'content-type': contentType });
  res.end(body);
}

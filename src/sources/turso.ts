import { fileURLToPath } from 'node:url';
import { expandConfig } from '@libsql/core/config';
import { encodeBaseUrl } from '@libsql/core/uri';
import { openHttp, type HttpClient, type HttpStream } from '@libsql/hrana-client';
import { redact } from '../runtime/redact.ts';
import type { OpenSource, RawRow, RowChunk } from './source.ts';
import { openSqliteFileSource, resolveSqlitePath, sqliteNow } from './sqlite.ts';

/** `:now` (also `@now`, `$now`) anywhere in the SQL: only then is the run's clock sent. */
const NOW_PARAMETER = /[:@$]now\b/i;

type Stmt = Parameters<HttpStream['_execute']>[0];
type Cursor = Awaited<ReturnType<HttpStream['_openCursor']>>;
type Value = Stmt['args'][number];

/**
 * Runs a batch's SQL on Turso or any libSQL server (`turso_database_url`, libsql:// or https://; the token:
 * ANOMSTACK_TURSO_AUTH_TOKEN) over Hrana over HTTP, through @libsql/client's own protocol library. Its cursor
 * (Hrana 3: `POST /v3-protobuf/cursor`) streams the rows back as the server steps the statement; they are read
 * only as the ingest job asks for chunks, so memory holds a chunk and what the network buffers, however large
 * the result. A server that speaks only Hrana 2 (an old sqld) answers with the whole result, handed on in chunks.
 *
 * The HTTP protocol needs no native binding (the library's default entry loads one for local files, which the
 * action's single-file bundle cannot carry for every runner); a `file:` URL is a SQLite file, read with
 * node:sqlite as `db: sqlite` reads it.
 */
export const openTursoSource: OpenSource = async (batch, now, env) => {
  const url = batch.config.turso_database_url;
  if (url === undefined) throw new Error('no Turso database: set turso_database_url (or ANOMSTACK_TURSO_DATABASE_URL)');
  if (batch.ingest.kind !== 'sql') throw new Error(`batch ${batch.name} has no ingest SQL`);
  if (/^file:/i.test(url)) return openSqliteFileSource(resolveSqlitePath(localPath(url), batch), batch, now);
  if (/[?&]authToken=/i.test(url)) {
    throw new Error('turso_database_url holds an authToken: give the token in ANOMSTACK_TURSO_AUTH_TOKEN instead');
  }
  const token = env['ANOMSTACK_TURSO_AUTH_TOKEN'];
  const sql = batch.ingest.sql;
  const aborter = new AbortController();
  let client: HttpClient;
  try {
    const config = expandConfig({ url }, true);
    if (config.scheme !== 'https' && config.scheme !== 'http') throw new Error(`turso_database_url must be libsql:, https: or http:, got ${config.scheme}:`);
    // Every request can be stopped: cancel() aborts the one under way (a cursor's body too); the server sees the
    // connection dropped. Version 3 makes the client ask the server for Hrana 3, which has cursors.
    const abortable = (request: Request): Promise<Response> => fetch(request, { signal: aborter.signal });
    client = openHttp(encodeBaseUrl(config.scheme, config.authority, config.path), token || undefined, abortable, undefined, 3);
  } catch (error) {
    throw cleanError(error, token);
  }
  const stmt: Stmt = {
    sql,
    sqlId: undefined,
    args: [],
    namedArgs: NOW_PARAMETER.test(sql) ? [{ name: 'now', value: sqliteNow(now) }] : [],
    wantRows: true,
  };
  return {
    chunks: (size) => readRows(client, stmt, size, token),
    cancel: () => aborter.abort(new Error('the query was cancelled')),
    close: () => client.close(),
  };
};

/** The file a `file:` URL names: `file:relative.db`, `file:/abs.db` or `file:///abs.db` (options after `?` dropped). */
function localPath(url: string): string {
  const withoutQuery = url.replace(/[?#].*$/, '');
  return withoutQuery.startsWith('file://') ? fileURLToPath(withoutQuery) : decodeURIComponent(withoutQuery.slice('file:'.length));
}

async function* readRows(client: HttpClient, stmt: Stmt, size: number, token: string | undefined): AsyncGenerator<RowChunk> {
  let stream: HttpStream | undefined;
  let cursor: Cursor | undefined;
  try {
    // The version probe the client started when it was made; a refused or silent server fails or hangs here.
    const version = await client.getVersion();
    stream = client.openStream();
    if (version < 3) {
      yield* wholeResult(await stream._execute(stmt), size);
      return;
    }
    cursor = await stream._openCursor({ steps: [{ condition: undefined, stmt }] });
    yield* cursorRows(cursor, size);
  } catch (error) {
    throw cleanError(error, token);
  } finally {
    cursor?.close();
    stream?.close();
  }
}

/**
 * The cursor's entries for the batch's one step: `step_begin` names the columns, then a `row` each, then
 * `step_end`; `step_error` or `error` is the database's failure, mid-stream too. The next entry is read only when
 * the chunk being filled needs it, so the server is held back by the network once a chunk is waiting.
 */
async function* cursorRows(cursor: Cursor, size: number): AsyncGenerator<RowChunk> {
  let columns: string[] | undefined;
  let chunk: RawRow[] = [];
  for (;;) {
    const entry = await cursor.next();
    if (entry === undefined) throw new Error('the server ended the result before its end');
    if (entry.type === 'step_begin') columns = entry.cols.map((col, i) => col.name ?? `column${i + 1}`);
    else if (entry.type === 'step_error' || entry.type === 'error') throw new Error(entry.error.message);
    else if (entry.type === 'row') {
      if (columns === undefined) throw new Error('the server sent a row before its columns');
      chunk.push(toRow(columns, entry.row));
      if (chunk.length >= size) {
        yield { columns, rows: chunk };
        chunk = [];
      }
    } else if (entry.type === 'step_end') {
      if (columns !== undefined && chunk.length > 0) yield { columns, rows: chunk };
      return;
    }
  }
}

function* wholeResult(result: Awaited<ReturnType<HttpStream['_execute']>>, size: number): Generator<RowChunk> {
  const columns = result.cols.map((col, i) => col.name ?? `column${i + 1}`);
  for (let from = 0; from < result.rows.length; from += size) {
    yield { columns, rows: result.rows.slice(from, from + size).map((row) => toRow(columns, row)) };
  }
}

/** A row by column name. Integers come as bigint (the protocol's 64-bit integers; the ingest job reads both). */
function toRow(columns: readonly string[], values: readonly Value[]): RawRow {
  const row: RawRow = {};
  for (let c = 0; c < columns.length; c++) row[columns[c] ?? ''] = values[c] ?? null;
  return row;
}

/**
 * The library's error as the message to show: its own words plus the network's reason (fetch says only "fetch
 * failed"), with no token and no credentials of a URL in it.
 */
function cleanError(error: unknown, token: string | undefined): Error {
  let message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error ? error.cause : undefined;
  const reason = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : undefined;
  if (reason !== undefined && reason !== '' && !message.includes(reason)) message += ` (${reason})`;
  if (token) message = message.split(token).join('***');
  return new Error(redact(message));
}

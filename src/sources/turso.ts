import { fileURLToPath } from 'node:url';
import { createClient, type Client, type ResultSet } from '@libsql/client/http';
import { redact } from '../runtime/redact.ts';
import type { OpenSource, RawRow, RowChunk } from './source.ts';
import { openSqliteFileSource, resolveSqlitePath, sqliteNow } from './sqlite.ts';

/** `:now` (also `@now`, `$now`) anywhere in the SQL: only then is the run's clock sent. */
const NOW_PARAMETER = /[:@$]now\b/i;

/**
 * Runs a batch's SQL on Turso or any libSQL server (`turso_database_url`, libsql:// or https://; the token:
 * ANOMSTACK_TURSO_AUTH_TOKEN) over libSQL's HTTP protocol. The HTTP-only client is used because the library's
 * default entry loads a native binding for local files, which the action's single-file bundle cannot carry for
 * every runner; a `file:` URL is a SQLite file, read with node:sqlite as `db: sqlite` reads it.
 *
 * The HTTP protocol answers a statement with its whole result, so a batch's result is held in memory once (one
 * result, never more) and handed on in chunks.
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
  let client: Client;
  try {
    client = createClient({
      url,
      ...(token ? { authToken: token } : {}),
      // bigint rather than a RangeError for integers beyond 2^53; the ingest job reads both.
      intMode: 'bigint',
      // Every request can be stopped: cancel() aborts the one under way; the server sees the connection dropped.
      fetch: (request: Request) => fetch(request, { signal: aborter.signal }),
    });
  } catch (error) {
    throw cleanError(error, token);
  }
  return {
    chunks: (size) => readResult(client, sql, now, size, token),
    cancel: () => aborter.abort(new Error('the query was cancelled')),
    close: () => client.close(),
  };
};

/** The file a `file:` URL names: `file:relative.db`, `file:/abs.db` or `file:///abs.db` (options after `?` dropped). */
function localPath(url: string): string {
  const withoutQuery = url.replace(/[?#].*$/, '');
  return withoutQuery.startsWith('file://') ? fileURLToPath(withoutQuery) : decodeURIComponent(withoutQuery.slice('file:'.length));
}

async function* readResult(client: Client, sql: string, now: Date, size: number, token: string | undefined): AsyncGenerator<RowChunk> {
  let result: ResultSet;
  try {
    result = await client.execute({ sql, args: NOW_PARAMETER.test(sql) ? { now: sqliteNow(now) } : {} });
  } catch (error) {
    throw cleanError(error, token);
  }
  const { columns } = result;
  const { rows } = result;
  for (let from = 0; from < rows.length; from += size) {
    const chunk: RawRow[] = [];
    for (let i = from; i < Math.min(rows.length, from + size); i++) {
      const row = rows[i];
      const out: RawRow = {};
      for (let c = 0; c < columns.length; c++) out[columns[c] ?? ''] = row?.[c];
      chunk.push(out);
    }
    yield { columns, rows: chunk };
  }
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

import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Batch } from '../config/load.ts';
import type { OpenSource, Source } from './source.ts';
import { WorkerInbox } from './worker-rows.ts';

/** `:now` (also `@now`, `$now`) anywhere in the SQL: only then is the run's clock bound. */
const NOW_PARAMETER = /[:@$]now\b/i;

/** Messages from the worker: the result's columns once the statement is prepared, then one per `{ next }`. */
/**
 * The worker: opens the file read-only, prepares the statement, then steps it a chunk at a time when asked
 * (`{ next: size }`), so at most one chunk is held or copied between the threads. node:sqlite is synchronous and
 * has no interrupt: stepping in a worker keeps the run's own thread free, so the ingest time limit fires on time
 * and the worker is terminated (between two rows; a single step that runs long ends first). Evaluated as a
 * CommonJS script, so that the action's single-file bundle carries it as text.
 */
const WORKER_SOURCE = String.raw`
const { workerData, parentPort } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const send = (message) => parentPort.postMessage(message);
try {
  const db = new DatabaseSync(workerData.file, { readOnly: true });
  const statement = db.prepare(workerData.sql);
  // Integers beyond 2^53 come as bigint instead of failing the whole read.
  statement.setReadBigInts(true);
  const columns = statement.columns().map((column) => column.name);
  const rows = statement.iterate(workerData.params);
  send({ type: 'columns', columns });
  parentPort.on('message', ({ next }) => {
    try {
      const chunk = [];
      while (chunk.length < next) {
        const row = rows.next();
        if (row.done) break;
        chunk.push(row.value);
      }
      send(chunk.length > 0 ? { type: 'rows', rows: chunk } : { type: 'done' });
    } catch (error) {
      send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  });
} catch (error) {
  send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
`;

/**
 * Runs a batch's SQL on a SQLite file (`sqlite_path`, or ANOMSTACK_SQLITE_PATH), opened read-only: a batch's
 * query can neither change the file nor, when the path is wrong, create an empty one. A relative path is looked
 * for beside the batch's config, then in the metrics folder, then from the working directory.
 */
export const openSqliteSource: OpenSource = async (batch, now) => {
  const configured = batch.config.sqlite_path;
  if (configured === undefined) throw new Error('no SQLite database: set sqlite_path (or ANOMSTACK_SQLITE_PATH)');
  return openSqliteFileSource(resolveSqlitePath(configured, batch), batch, now);
};

/** The first of the places a relative path may be that holds a file; an absolute path as it is. */
export function resolveSqlitePath(file: string, batch: Pick<Batch, 'dir' | 'metricsDir'>): string {
  if (path.isAbsolute(file)) return file;
  const candidates = [batch.dir, batch.metricsDir, process.cwd()].map((dir) => path.resolve(dir, file));
  return candidates.find((candidate) => existsSync(candidate)) ?? path.resolve(file);
}

/** The run's clock as SQLite writes times itself (`datetime('now')`): UTC text, comparable with such text. */
export function sqliteNow(now: Date): string {
  return now.toISOString().slice(0, 19).replace('T', ' ');
}

/** The SQL's result from a SQLite file, read-only (also Turso's `file:` URLs). */
export async function openSqliteFileSource(file: string, batch: Batch, now: Date): Promise<Source> {
  if (batch.ingest.kind !== 'sql') throw new Error(`batch ${batch.name} has no ingest SQL`);
  if (!existsSync(file)) throw new Error(`SQLite database file ${file} does not exist`);
  const sql = batch.ingest.sql;
  const params: Record<string, string> = NOW_PARAMETER.test(sql) ? { now: sqliteNow(now) } : {};
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, sql, params } });
  // A worker still inside a long step after its terminate() must not keep the run's process alive.
  worker.unref();
  const inbox = new WorkerInbox(worker, (code) => new Error(`the SQLite worker exited with code ${code}`));
  const stop = (reason: string): void => {
    inbox.fail(new Error(reason));
    void worker.terminate();
  };
  let columns: string[];
  try {
    // The file's and the statement's errors (a syntax error, a missing table) surface here, as with other databases.
    columns = await inbox.columns('the SQLite worker');
  } catch (error) {
    stop('the SQLite source was closed');
    throw error;
  }
  return {
    chunks: (size) => inbox.chunks(worker, columns, size, 'the SQLite worker'),
    cancel: () => stop('the query was cancelled'),
    close: () => stop('the SQLite source was closed'),
  };
}

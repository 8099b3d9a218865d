import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Batch } from '../config/load.ts';
import type { OpenSource, Source } from './source.ts';
import { SqliteProcess } from './sqlite-process.ts';

/** `:now` (also `@now`, `$now`) anywhere in the SQL: only then is the run's clock bound. */
const NOW_PARAMETER = /[:@$]now\b/i;

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
  const child = new SqliteProcess(file, sql, params);
  let columns: string[];
  try {
    // The file's and the statement's errors (a syntax error, a missing table) surface here, as with other databases.
    columns = await child.columns();
  } catch (error) {
    child.stop('the SQLite source was closed');
    throw error;
  }
  return {
    chunks: (size) => child.chunks(columns, size),
    // Kills the process even inside one long step: the time limit really stops the query.
    cancel: () => child.stop('the query was cancelled'),
    close: () => child.stop('the SQLite source was closed'),
  };
}

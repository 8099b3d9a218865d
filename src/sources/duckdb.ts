import { DuckDb } from '../store/duckdb.ts';
import type { Batch } from '../config/load.ts';
import type { RawRow, Source } from './source.ts';

/**
 * Runs a batch's SQL on an in-memory DuckDB, so users can generate series or read CSV, Parquet and JSON.
 * It is a separate database from the metrics store: a batch's SQL cannot read or damage stored metrics.
 * Relative file paths resolve from the batch folder, then the metrics folder, then the working directory.
 * The run's clock is `getvariable('now')` (a UTC TIMESTAMP), so a run pinned with `--now` is reproducible.
 */
export async function openDuckDbSource(batch: Batch, now: Date): Promise<Source> {
  if (batch.ingest.kind !== 'sql') throw new Error(`batch ${batch.name} has no ingest SQL`);
  const sql = batch.ingest.sql;
  const db = await DuckDb.open(':memory:');
  const searchPath = [batch.dir, batch.metricsDir, process.cwd()].join(',');
  await db.run('SET file_search_path = $path', { path: searchPath });
  await db.run('SET VARIABLE now = $now::TIMESTAMP', { now: now.toISOString().replace('T', ' ').replace('Z', '') });
  return {
    fetch: async (): Promise<RawRow[]> => db.all(sql),
    close: () => db.close(),
  };
}

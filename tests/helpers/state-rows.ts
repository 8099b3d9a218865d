/** State folders with rows in them, for the state sync's tests: what a run's `.anomstack` holds, in small. */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DuckDb } from '../../src/store/duckdb.ts';
import { MetricsTable } from '../../src/store/metrics-table.ts';
import { insertSeries } from './metrics-dir.ts';

/** Adds `n` hourly points of `metric` (batch `b`) ending at `end` to the folder's `anomstack.duckdb`. */
export async function addStateRows(dir: string, metric: string, n: number, end = '2026-03-01T00:00:00Z'): Promise<void> {
  await mkdir(dir, { recursive: true });
  const db = await DuckDb.open(path.join(dir, 'anomstack.duckdb'));
  try {
    const store = new MetricsTable(db, 'metrics');
    await store.ensure();
    await insertSeries(store, 'b', metric, n, new Date(end));
  } finally {
    db.close();
  }
}

/** Points per metric in the folder's `anomstack.duckdb`. */
export async function stateRowCounts(dir: string): Promise<Record<string, number>> {
  const db = await DuckDb.open(path.join(dir, 'anomstack.duckdb'));
  try {
    const rows = await db.all('SELECT metric_name, count(*)::INTEGER AS n FROM metrics GROUP BY 1 ORDER BY 1');
    return Object.fromEntries(rows.map((r) => [String(r['metric_name']), Number(r['n'])]));
  } finally {
    db.close();
  }
}

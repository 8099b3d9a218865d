import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuckDb } from '../../src/store/duckdb.ts';
import { MetricsTable, type MetricRow } from '../../src/store/metrics-table.ts';
import { hasKeyConstraint } from '../../src/store/metrics-schema.ts';
import { allRows, disposeAfterEach, tempMetrics } from '../helpers/metrics-dir.ts';

const track = disposeAfterEach();
const T0 = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;

/** The table as versions before the key was dropped created it, keyed and filled the way their inserts did. */
const OLD_TABLE = (name: string): string => `CREATE TABLE ${name} (
  metric_timestamp TIMESTAMP NOT NULL, metric_batch VARCHAR NOT NULL, metric_name VARCHAR NOT NULL,
  metric_type VARCHAR NOT NULL, metric_value DOUBLE, metadata VARCHAR,
  PRIMARY KEY (metric_batch, metric_name, metric_type, metric_timestamp))`;

async function oldFile(file: string, table: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDb.open(file);
  try {
    if (table.includes('.')) await db.run(`CREATE SCHEMA ${table.split('.')[0] ?? ''}`);
    await db.run(OLD_TABLE(table));
    await db.run(
      `INSERT OR IGNORE INTO ${table} SELECT TIMESTAMP '2026-01-01' + to_hours(h), 'shop', 'm' || m, t,
         h * 10 + m, CASE WHEN t = 'score' THEN '{"models":{"knn":' || h || '}}' END
       FROM range(3) AS a(m), range(24) AS b(h), (VALUES ('metric'), ('score')) AS c(t)`,
    );
    return await allRows(db, table);
  } finally {
    db.close();
  }
}

function row(name: string, hour: number, value: number, type: MetricRow['metric_type'] = 'metric'): MetricRow {
  return { metric_timestamp: new Date(T0 + hour * HOUR), metric_batch: 'shop', metric_name: name, metric_type: type, metric_value: value };
}

describe('metrics table made with a primary key by an older version', () => {
  for (const table of ['metrics', 'analytics.metrics']) {
    it(`${table}: loses the key on first use and keeps every row, and inserts still skip stored keys`, async () => {
      const ws = track(await tempMetrics({}));
      const file = path.join(ws.root, 'old.duckdb');
      const before = await oldFile(file, table);
      expect(before).toHaveLength(3 * 24 * 2);
      const db = await DuckDb.open(file);
      try {
        const [schema, name] = table.includes('.') ? table.split('.') : ['main', table];
        expect(await hasKeyConstraint(db, schema ?? '', name ?? '')).toBe(true);
        const store = new MetricsTable(db, table);
        await store.ensure();
        expect(await hasKeyConstraint(db, schema ?? '', name ?? '')).toBe(false);
        expect(await allRows(db, table)).toEqual(before);
        // A stored key given again keeps its first value; a new one is added once, however often it is given.
        expect(await store.insert([row('m0', 5, -1), row('m0', 30, 1), row('m0', 30, 2), row('m1', 2, -1, 'score')])).toBe(1);
        expect(await store.insert([row('m0', 30, 3)])).toBe(0);
        const m0 = await store.latest('shop', 'm0', 'metric', 100);
        expect(m0).toHaveLength(25);
        expect(m0.find((p) => p.timestamp.getTime() === T0 + 5 * HOUR)?.value).toBe(50);
        expect(m0.at(-1)?.value).toBe(1);
        const tables = await db.all(`SELECT table_name FROM duckdb_tables() ORDER BY 1`);
        expect(tables.map((t) => t['table_name'])).toEqual(['metrics']);
      } finally {
        db.close();
      }
    });
  }

  it('migrates inside a job transaction, and a rolled-back transaction leaves the old table as it was', async () => {
    const ws = track(await tempMetrics({}));
    const file = path.join(ws.root, 'old.duckdb');
    const before = await oldFile(file, 'metrics');
    const db = await DuckDb.open(file);
    try {
      const failing = new MetricsTable(db, 'metrics');
      const failure = db.transaction(async () => {
        await failing.insert([row('m9', 1, 1)]);
        throw new Error('the job failed');
      });
      await expect(failure).rejects.toThrow('the job failed');
      expect(await hasKeyConstraint(db, 'main', 'metrics')).toBe(true);
      expect(await allRows(db)).toEqual(before);
      // A new handle (the next run) migrates again, this time as part of a transaction that commits.
      const store = new MetricsTable(db, 'metrics');
      expect(await db.transaction(() => store.insert([row('m9', 1, 1), row('m0', 1, 99)]))).toBe(1);
      expect(await hasKeyConstraint(db, 'main', 'metrics')).toBe(false);
      expect(await allRows(db)).toHaveLength(before.length + 1);
    } finally {
      db.close();
    }
  });
});

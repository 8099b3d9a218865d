import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuckDb } from '../../src/store/duckdb.ts';
import { mergeDatabase } from '../../src/store/merge.ts';
import { MetricsTable } from '../../src/store/metrics-table.ts';
import { RunLog } from '../../src/store/run-log.ts';
import { SilenceStore } from '../../src/store/silences.ts';
import { allRows, disposeAfterEach, insertSeries, tempMetrics } from '../helpers/metrics-dir.ts';

const track = disposeAfterEach();
const END = new Date('2026-01-10T00:00:00Z');

async function withDb<T>(file: string, work: (db: DuckDb) => Promise<T>): Promise<T> {
  const db = await DuckDb.open(file);
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

describe('mergeDatabase', () => {
  it("adds the rows only the source has, keeps the target's value on a shared key, and is idempotent", async () => {
    const ws = track(await tempMetrics({}));
    const mine = path.join(ws.root, 'mine.duckdb');
    const theirs = path.join(ws.root, 'theirs.duckdb');
    await withDb(mine, async (db) => {
      const store = new MetricsTable(db, 'metrics');
      await store.ensure();
      await insertSeries(store, 'shop', 'orders', 10, END, () => 1);
      await new RunLog(db).record({ batch: 'shop', job: 'ingest', startedAt: END, ms: 5, status: 'ok', message: 'mine', counts: {} });
    });
    await withDb(theirs, async (db) => {
      const store = new MetricsTable(db, 'metrics');
      await store.ensure();
      // 12 points: the 10 the target has (other values) and 2 newer ones; plus a batch in its own table.
      await insertSeries(store, 'shop', 'orders', 12, new Date(END.getTime() + 2 * 3_600_000), () => 2);
      const other = new MetricsTable(db, 'analytics.metrics');
      await other.ensure();
      await insertSeries(other, 'web', 'visits', 3, END);
      await new RunLog(db).record({ batch: 'shop', job: 'ingest', startedAt: END, ms: 7, status: 'ok', message: 'theirs', counts: {} });
    });

    expect(await mergeDatabase(mine, theirs)).toEqual({ anomstack_runs: 1, metrics: 2, 'analytics.metrics': 3 });
    expect(await mergeDatabase(mine, theirs)).toEqual({ anomstack_runs: 0, metrics: 0, 'analytics.metrics': 0 });

    await withDb(mine, async (db) => {
      const rows = await allRows(db);
      expect(rows).toHaveLength(12);
      expect(rows.filter((r) => r['metric_value'] === 1)).toHaveLength(10);
      expect((await allRows(db, 'analytics.metrics')).map((r) => r['metric_name'])).toEqual(['visits', 'visits', 'visits']);
      expect((await new RunLog(db).recent('shop', 10)).map((r) => r.message).sort()).toEqual(['mine', 'theirs']);
      // The created table is a metrics table like any other: storing an existing point again adds nothing.
      const other = new MetricsTable(db, 'analytics.metrics');
      await insertSeries(other, 'web', 'visits', 3, END, () => 99);
      expect(await allRows(db, 'analytics.metrics')).toHaveLength(3);
    });
  });

  it('carries over a silence expired in the source only, and keeps an expiry the target has', async () => {
    const ws = track(await tempMetrics({}));
    const mine = path.join(ws.root, 'mine.duckdb');
    const theirs = path.join(ws.root, 'theirs.duckdb');
    const silence = { metric: 'payments_*', until: null, reason: 'migration' };
    const at = new Date('2026-01-10T00:00:00Z');
    await withDb(mine, async (db) => void (await new SilenceStore(db).add('shop', silence, at)));
    // The other run restored the same state, so holds the same silence #1, and expired it.
    await withDb(theirs, async (db) => {
      const store = new SilenceStore(db);
      await store.add('shop', silence, at);
      await store.expire(1, new Date('2026-01-11T00:00:00Z'));
    });
    expect(await mergeDatabase(mine, theirs)).toMatchObject({ anomstack_silences: 1 });
    const expiredAt = async (): Promise<(Date | null)[]> => withDb(mine, async (db) => (await new SilenceStore(db).list('shop')).map((s) => s.expiredAt));
    expect(await expiredAt()).toEqual([new Date('2026-01-11T00:00:00Z')]);
    // Merging the other way (the target expired, the source not) changes nothing; neither does merging again.
    expect(await mergeDatabase(mine, theirs)).toMatchObject({ anomstack_silences: 0 });
    expect(await expiredAt()).toEqual([new Date('2026-01-11T00:00:00Z')]);
  });

  it('merges a file an older version made, with a primary key, into a new one and the other way round', async () => {
    const ws = track(await tempMetrics({}));
    const keyed = `CREATE TABLE metrics (metric_timestamp TIMESTAMP NOT NULL, metric_batch VARCHAR NOT NULL,
      metric_name VARCHAR NOT NULL, metric_type VARCHAR NOT NULL, metric_value DOUBLE, metadata VARCHAR,
      PRIMARY KEY (metric_batch, metric_name, metric_type, metric_timestamp))`;
    const old = path.join(ws.root, 'old.duckdb');
    const current = path.join(ws.root, 'new.duckdb');
    await withDb(old, async (db) => {
      await db.run(keyed);
      await db.run(`INSERT INTO metrics SELECT TIMESTAMP '2026-01-01' + to_hours(h), 'shop', 'orders', 'metric', 1, NULL FROM range(10) AS t(h)`);
    });
    await withDb(current, async (db) => {
      await insertSeries(new MetricsTable(db, 'metrics'), 'shop', 'orders', 12, new Date('2026-01-01T11:00:00Z'), () => 2);
    });
    const keyedTables = `SELECT count(*)::INTEGER AS n FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'`;

    expect(await mergeDatabase(current, old)).toEqual({ metrics: 0 });
    const intoOld = await mergeDatabase(old, current);
    expect(intoOld).toEqual({ metrics: 2 });
    await withDb(old, async (db) => {
      expect((await db.all(keyedTables))[0]?.['n']).toBe(0);
      const rows = await allRows(db);
      expect(rows).toHaveLength(12);
      expect(rows.filter((r) => r['metric_value'] === 1)).toHaveLength(10);
    });
    expect(await mergeDatabase(old, current)).toEqual({ metrics: 0 });
  });
});

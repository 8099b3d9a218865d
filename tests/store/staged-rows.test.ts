import { afterEach, describe, expect, it } from 'vitest';
import { DuckDb } from '../../src/store/duckdb.ts';
import { MetricsTable } from '../../src/store/metrics-table.ts';
import { appendStaged, createNumberedStaging, RowColumns } from '../../src/store/row-columns.ts';
import { firstStagedRows, stagedKeys } from '../../src/store/staged-keys.ts';

let db: DuckDb | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

const T0 = Date.UTC(2026, 0, 1);
const MIN = 60_000;

/** Rows (name, minute, value) in this order: row numbers 1, 2, ... */
type Row = [string, number, number];

/** Stages the rows in chunks of `chunk` rows the way the ingest job does, clearing the columns after each. */
async function stageInChunks(target: DuckDb, rows: readonly Row[], chunk: number): Promise<RowColumns> {
  const columns = new RowColumns();
  const numbers: number[] = [];
  await createNumberedStaging(target);
  for (const [i, [name, minute, value]] of rows.entries()) {
    columns.add(columns.seriesId('b', name, 'metric'), T0 + minute * MIN, value, null);
    numbers.push(i + 1);
    if (columns.length === chunk) {
      await appendStaged(target, columns, numbers);
      columns.clearRows();
      numbers.length = 0;
    }
  }
  await appendStaged(target, columns, numbers);
  columns.clearRows();
  return columns;
}

async function store(): Promise<MetricsTable> {
  db = await DuckDb.open(':memory:');
  const table = new MetricsTable(db, 'metrics');
  await table.ensure();
  return table;
}

const stored = (table: MetricsTable): Promise<Record<string, unknown>[]> =>
  table.db.all('SELECT metric_name, epoch_ms(metric_timestamp)::DOUBLE AS ms, metric_value FROM metrics ORDER BY ALL');

describe('staging a chunk at a time', () => {
  it('insertStaged after chunks stores what insertColumns stores for all the rows at once', async () => {
    const rows: Row[] = [['a', 1, 1], ['b', 1, 2], ['a', 2, 3], ['a', 1, 9], ['c', 5, 4], ['b', 1, 2], ['a', 3, 5]];
    const chunked = await store();
    const columns = await stageInChunks(chunked.db, rows, 2);
    expect(columns.length).toBe(0);
    // What the rows tell about themselves survives clearing them: series, time range, order.
    expect(columns.names).toEqual(['a', 'b', 'c']);
    expect([columns.minMs, columns.maxMs]).toEqual([T0 + MIN, T0 + 5 * MIN]);
    expect(columns.distinct).toBe(false);
    expect(await chunked.insertStaged(columns)).toBe(5);

    const whole = new MetricsTable(await DuckDb.open(':memory:'), 'metrics');
    try {
      const all = new RowColumns();
      for (const [name, minute, value] of rows) all.add(all.seriesId('b', name, 'metric'), T0 + minute * MIN, value, null);
      expect(await whole.insertColumns(all)).toBe(5);
      expect(await stored(chunked)).toEqual(await stored(whole));
    } finally {
      whole.db.close();
    }
    expect(await stored(chunked)).toContainEqual({ metric_name: 'a', ms: T0 + MIN, metric_value: 1 });
  });

  it('knows rows in rising time per series are distinct across chunks, and a time going back is not', async () => {
    db = await DuckDb.open(':memory:');
    expect((await stageInChunks(db, [['a', 1, 1], ['a', 2, 1], ['a', 3, 1], ['b', 1, 1]], 1)).distinct).toBe(true);
    expect((await stageInChunks(db, [['a', 1, 1], ['a', 2, 1], ['a', 2, 1]], 2)).distinct).toBe(false);
  });

  it('stagedKeys counts the keys and lists the rows that repeat one with another value, first by row number', async () => {
    db = await DuckDb.open(':memory:');
    const rows: Row[] = [['a', 1, 1], ['a', 2, 2], ['a', 1, 1], ['b', 1, 5], ['a', 1, 3], ['b', 1, 6], ['a', 2, 2], ['a', 1, 4]];
    await stageInChunks(db, rows, 3);
    expect(await stagedKeys(db, 2)).toEqual({
      keys: 3,
      unique: false,
      conflicts: 3,
      listed: [
        { row: 5, series: 0, ms: T0 + MIN, value: 3, first: 1 },
        { row: 6, series: 1, ms: T0 + MIN, value: 6, first: 5 },
      ],
    });
    expect((await firstStagedRows(db)).map((r) => [r.series, r.ms, r.value])).toEqual([
      [0, T0 + MIN, 1],
      [0, T0 + 2 * MIN, 2],
      [1, T0 + MIN, 5],
    ]);
  });

  it('stagedKeys finds keys unique when rows come back to a series without repeating a time', async () => {
    db = await DuckDb.open(':memory:');
    await stageInChunks(db, [['a', 1, 1], ['b', 1, 1], ['a', 2, 1], ['b', 2, 1]], 3);
    expect(await stagedKeys(db, 10)).toEqual({ keys: 4, unique: true, conflicts: 0, listed: [] });
  });
});

import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DuckDb } from '../../src/store/duckdb.ts';
import { MetricsTable, type MetricRow, type MetricType, type Point } from '../../src/store/metrics-table.ts';
import { RowColumns } from '../../src/store/row-columns.ts';
import { inGroups, type SeriesGroup } from '../../src/store/series-group.ts';

let db: DuckDb | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

const T0 = Date.UTC(2026, 0, 1);
const MIN = 60_000;

function rows(name: string, type: MetricType, minutes: number[], value = (m: number) => m): MetricRow[] {
  return minutes.map((m) => ({ metric_timestamp: new Date(T0 + m * MIN), metric_batch: 'b', metric_name: name, metric_type: type, metric_value: value(m) }));
}

/** Every series of a group as points (taking them empties the group, so times are read first). */
function all(group: SeriesGroup): { times: number[]; points: Point[] }[] {
  return Array.from({ length: group.size }, (_, i) => ({ times: [...group.times(i)], points: group.take(i) }));
}

async function table(): Promise<MetricsTable> {
  db = await DuckDb.open(':memory:');
  const store = new MetricsTable(db, 'metrics');
  await store.insert([
    ...rows('a', 'metric', [5, 1, 3, 2, 4]),
    ...rows('b', 'metric', [10, 11]),
    ...rows('a', 'score', [3, 4, 5], (m) => m / 10),
    { ...(rows('a', 'metric', [6])[0] as MetricRow), metric_batch: 'other' },
  ]);
  return store;
}

describe('MetricsTable reads of several series', () => {
  it('latestMany gives each series its newest points, oldest first, the same as latest one by one', async () => {
    const store = await table();
    const names = ['b', 'missing', 'a'];
    const many = all(await store.latestMany('b', names, 'metric', 3));
    expect(many.map((s) => s.points)).toEqual([await store.latest('b', 'b', 'metric', 3), [], await store.latest('b', 'a', 'metric', 3)]);
    expect(many[2]?.times).toEqual([3, 4, 5].map((m) => T0 + m * MIN));
    expect(many[2]?.points.map((p) => p.value)).toEqual([3, 4, 5]);
  });

  it('latestMany keeps reading exactly what latest reads once it bounds its reads in time: stale, short, gappy and missing series', async () => {
    db = await DuckDb.open(':memory:');
    const store = new MetricsTable(db, 'metrics');
    const regular = Array.from({ length: 12 }, (_, i) => `r${String(i).padStart(2, '0')}`);
    const every5 = (from: number, to: number): number[] => Array.from({ length: (to - from) / 5 + 1 }, (_, k) => from + 5 * k);
    const all5 = every5(0, 995);
    // Stored time by time, all series mixed, as runs appending their newest points leave the table.
    const stored = [
      ...regular.flatMap((name) => rows(name, 'metric', all5)),
      ...rows('stale', 'metric', every5(0, 245)),
      ...rows('short', 'metric', [990, 995]),
      ...rows('new1', 'metric', [995]),
      ...rows('new2', 'metric', [980, 985]),
      ...rows('gappy', 'metric', [...every5(0, 400), ...every5(900, 995)]),
    ].sort((x, y) => x.metric_timestamp.getTime() - y.metric_timestamp.getTime());
    await store.insert(stored);
    const names = [...regular.slice(0, 5), 'stale', ...regular.slice(5, 9), 'short', 'missing', ...regular.slice(9), 'gappy', 'new1', 'new2'];
    // Starting with a group where no series is full, which lets the next read take every point: the regular series hold
    // far more than four windows, so that read gives up and falls back to each series' window.
    const newFirst = ['short', 'missing', 'new1', 'new2', ...regular, 'stale', 'gappy'];
    for (const limit of [10, 30]) {
      // Twice over the groups: from the second group on, reads use the bound the previous one taught.
      for (const group of [...inGroups(names, 4), ...inGroups(names, 4), ...inGroups(newFirst, 4), ...inGroups(newFirst, 4)]) {
        const read = all(await store.latestMany('b', group, 'metric', limit)).map((series) => series.points);
        const expected = await Promise.all(group.map((name) => store.latest('b', name, 'metric', limit)));
        expect(read).toEqual(expected);
      }
    }
  });

  it('sinceMany gives each series its points after its own bound (null: all)', async () => {
    const store = await table();
    const bound = new Date(T0 + 3 * MIN);
    const many = all(await store.sinceMany('b', ['a', 'b'], 'score', [bound, null]));
    expect(many.map((s) => s.points)).toEqual([await store.since('b', 'a', 'score', bound), []]);
    expect(many[0]?.points.map((p) => p.value)).toEqual([0.4, 0.5]);
    expect(all(await store.sinceMany('b', ['a'], 'metric', [null]))[0]?.points).toEqual(await store.since('b', 'a', 'metric', null));
  });

  it('reads score rows as stored, as each point\'s own score, or as the alert rule\'s evidence (an extreme point\'s own)', async () => {
    db = await DuckDb.open(':memory:');
    const store = new MetricsTable(db, 'metrics');
    const score = (m: number, value: number, metadata: MetricRow['metadata']): MetricRow => ({ ...(rows('s', 'score', [m], () => value)[0] as MetricRow), metadata });
    await store.insert([
      score(1, 0.1, null),
      score(2, 0.2, { point: 0.3 }),
      score(3, 0.4, { point: 0.9, extreme: true }),
      score(4, 0.5, { expected: { baseline: 1, low: 0, high: 2 } }),
      score(5, 0.6, { point: 'not a number', extreme: true }),
    ]);
    const values = async (reading: 'score' | 'point' | 'evidence'): Promise<number[][]> => [
      all(await store.latestMany('b', ['s'], 'score', 10, reading))[0]?.points.map((p) => p.value) ?? [],
      all(await store.sinceMany('b', ['s'], 'score', [null], reading))[0]?.points.map((p) => p.value) ?? [],
    ];
    expect(await values('score')).toEqual([[0.1, 0.2, 0.4, 0.5, 0.6], [0.1, 0.2, 0.4, 0.5, 0.6]]);
    // Without a usable `point` a row's own score is its stored score.
    expect(await values('point')).toEqual([[0.1, 0.3, 0.9, 0.5, 0.6], [0.1, 0.3, 0.9, 0.5, 0.6]]);
    expect(await values('evidence')).toEqual([[0.1, 0.2, 0.9, 0.5, 0.6], [0.1, 0.2, 0.9, 0.5, 0.6]]);
  });

  it('insert keeps the first value of a row and counts only new rows, across series and types', async () => {
    const store = await table();
    expect(await store.insert([...rows('a', 'metric', [5, 7], () => 99), ...rows('c', 'alert', [1, 1])])).toBe(2);
    const a = await store.latest('b', 'a', 'metric', 10);
    expect(a.map((p) => p.value)).toEqual([1, 2, 3, 4, 5, 99]);
    expect(await store.latest('b', 'c', 'alert', 10)).toHaveLength(1);
  });

  it('insert skips a key given twice however the rows are ordered, and rows in rising time per series', async () => {
    const store = await table();
    // Series by series in rising time (the jobs' order): nothing repeats within the call.
    expect(await store.insert([...rows('a', 'score', [4, 5, 6, 7], (m) => m), ...rows('d', 'score', [1, 2])])).toBe(4);
    expect((await store.latest('b', 'a', 'score', 10)).map((p) => p.value)).toEqual([0.3, 0.4, 0.5, 6, 7]);
    // A series that comes back later in the call, and times that go backwards, may repeat a key.
    const shuffled = [...rows('e', 'metric', [1, 2]), ...rows('f', 'metric', [1]), ...rows('e', 'metric', [2, 3]), ...rows('f', 'metric', [4, 1])];
    expect(await store.insert(shuffled)).toBe(5);
    expect((await store.latest('b', 'e', 'metric', 10)).map((p) => p.value)).toEqual([1, 2, 3]);
    expect((await store.latest('b', 'f', 'metric', 10)).map((p) => p.value)).toEqual([1, 4]);
  });

  it('insert run again inserts nothing and changes nothing', async () => {
    const store = await table();
    const again = [...rows('a', 'metric', [1, 2, 3, 4, 5], () => -1), ...rows('a', 'score', [3, 4, 5], () => -1), ...rows('b', 'metric', [10, 11], () => -1)];
    const before = await store.db.all('SELECT * FROM metrics ORDER BY ALL');
    expect(await store.insert(again)).toBe(0);
    expect(await store.insert(again)).toBe(0);
    expect(await store.db.all('SELECT * FROM metrics ORDER BY ALL')).toEqual(before);
  });

  it('insert keeps the first of a key given twice in one call, with its value and metadata', async () => {
    const store = await table();
    const first = { ...(rows('g', 'alert', [1])[0] as MetricRow), metric_value: 1, metadata: { first: true } };
    const later = { ...first, metric_value: 2, metadata: { first: false } };
    // The key comes back after another series, and twice in a row.
    expect(await store.insert([first, ...rows('h', 'alert', [1]), later, later])).toBe(2);
    const stored = await store.db.all(`SELECT metric_value, metadata FROM metrics WHERE metric_name = 'g'`);
    expect(stored).toEqual([{ metric_value: 1, metadata: '{"first":true}' }]);
  });

  it('insertColumns stores what insert stores for the same rows', async () => {
    const store = await table();
    const columns = new RowColumns();
    const g = columns.seriesId('b', 'g', 'score');
    const h = columns.seriesId('b', 'h', 'score');
    columns.add(g, T0, 0.5, '{"models":{"knn":0.5}}');
    columns.add(h, T0, 0.25, null);
    columns.add(g, T0 + MIN, 0.75, '{"models":{"knn":0.75}}');
    // Series g comes back after h, still in rising time: no key can repeat.
    expect(columns.distinct).toBe(true);
    columns.add(g, T0 + MIN, 0.9, null);
    // Now one does: the repeat is de-duplicated (the first row wins), and the stored key (a at minute 3) is skipped.
    expect(columns.distinct).toBe(false);
    const a = columns.seriesId('b', 'a', 'score');
    columns.add(a, T0 + 3 * MIN, 9, null);
    expect(await store.insertColumns(columns)).toBe(3);
    const same = [
      { metric_timestamp: new Date(T0), metric_batch: 'b', metric_name: 'g', metric_type: 'score' as const, metric_value: 0.5, metadata: { models: { knn: 0.5 } } },
      { metric_timestamp: new Date(T0 + MIN), metric_batch: 'b', metric_name: 'g', metric_type: 'score' as const, metric_value: 0.75, metadata: { models: { knn: 0.75 } } },
      { metric_timestamp: new Date(T0), metric_batch: 'b', metric_name: 'h', metric_type: 'score' as const, metric_value: 0.25 },
    ];
    const stored = await store.db.all(`SELECT * FROM metrics WHERE metric_name IN ('g', 'h') ORDER BY ALL`);
    const other = await table();
    expect(await other.insert(same)).toBe(3);
    expect(await other.db.all(`SELECT * FROM metrics WHERE metric_name IN ('g', 'h') ORDER BY ALL`)).toEqual(stored);
    expect((await store.latest('b', 'a', 'score', 10)).map((p) => p.value)).toEqual([0.3, 0.4, 0.5]);
  });

  it('inGroups splits a list into consecutive groups', () => {
    expect(inGroups([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(inGroups([], 2)).toEqual([]);
  });
});

describe('MetricsTable writes to a file', () => {
  it('checkpoints as rows accumulate, so a run does not hold them all until it closes the file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'anomstack-checkpoint-'));
    try {
      const file = path.join(dir, 'metrics.duckdb');
      db = await DuckDb.open(file);
      const store = new MetricsTable(db, 'metrics');
      const minutes = Array.from({ length: 60_000 }, (_, m) => m);
      const walBytes = async (): Promise<number> => (await stat(`${file}.wal`).catch(() => null))?.size ?? 0;
      // Below the checkpoint threshold the rows are in the write-ahead log; past it they are in the file.
      await store.db.transaction(() => store.insert(rows('a', 'metric', minutes)));
      expect(await walBytes()).toBeGreaterThan(0);
      await store.db.transaction(() => store.insert(rows('b', 'metric', minutes)));
      expect(await walBytes()).toBe(0);
      expect((await store.summary('b')).map((s) => s.points)).toEqual([60_000, 60_000]);
    } finally {
      db?.close();
      db = undefined;
      await rm(dir, { recursive: true, force: true });
    }
  });
});

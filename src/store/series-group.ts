import { DuckDBDoubleVector, DuckDBIntegerVector } from '@duckdb/node-api';
import type { DuckDb, Params } from './duckdb.ts';
import type { Point } from './metrics-table.ts';

/**
 * How many series the jobs read per query (`latestMany`): enough that per-query overhead and table scans
 * stop mattering, few enough that a group's points (64 x 2,500 x 16 bytes here) stay a few MB.
 */
export const SERIES_PER_QUERY = 64;

/** Splits `items` into consecutive groups of at most `size`. */
export function inGroups<T>(items: readonly T[], size = SERIES_PER_QUERY): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < items.length; i += size) groups.push(items.slice(i, i + size));
  return groups;
}

/** One series as columns, oldest first: epoch milliseconds and values (what the models take: no object a point). */
export interface Series {
  readonly millis: readonly number[];
  readonly values: readonly number[];
}

export function seriesOf(points: readonly Point[]): Series {
  return { millis: points.map((p) => p.timestamp.getTime()), values: points.map((p) => p.value) };
}

export function pointsOf(series: Series): Point[] {
  return series.millis.map((ms, k) => ({ timestamp: new Date(ms), value: series.values[k] ?? 0 }));
}

/** Points `from` (below 0: the first) to `to` (exclusive; default the end) of a series; the series itself when that is all of it. */
export function sliceSeries(series: Series, from: number, to = series.millis.length): Series {
  const start = Math.max(0, from);
  if (start === 0 && to >= series.millis.length) return series;
  return { millis: series.millis.slice(start, to), values: series.values.slice(start, to) };
}

/**
 * Several series read in one query, held as plain number columns until a series is taken: two
 * objects a point for a whole group outlived V8's young generation and grew the heap with the batch.
 */
export class SeriesGroup {
  private readonly millis: number[][];
  private readonly values: number[][];

  constructor(count: number) {
    this.millis = Array.from({ length: count }, () => []);
    this.values = Array.from({ length: count }, () => []);
  }

  get size(): number {
    return this.millis.length;
  }

  /** Epoch milliseconds of series i's points, oldest first. */
  times(i: number): readonly number[] {
    return this.millis[i] ?? [];
  }

  /** Series i as points, oldest first; the group lets go of its columns. */
  take(i: number): Point[] {
    return pointsOf(this.takeSeries(i));
  }

  /** Series i as columns, oldest first; the group lets go of them. */
  takeSeries(i: number): Series {
    const series = { millis: this.millis[i] ?? [], values: this.values[i] ?? [] };
    this.millis[i] = [];
    this.values[i] = [];
    return series;
  }

  /** Series i becomes series j of `other`, which lets go of it. */
  adopt(i: number, other: SeriesGroup, j: number): void {
    this.millis[i] = other.millis[j] ?? [];
    this.values[i] = other.values[j] ?? [];
    other.millis[j] = [];
    other.values[j] = [];
  }

  /** Drops all but the newest `limit` points of each series. */
  keepNewest(limit: number): void {
    for (let i = 0; i < this.millis.length; i++) {
      const millis = this.millis[i] ?? [];
      if (millis.length <= limit) continue;
      this.millis[i] = millis.slice(millis.length - limit);
      this.values[i] = (this.values[i] ?? []).slice(millis.length - limit);
    }
  }

  add(i: number, ms: number, value: number): void {
    this.millis[i]?.push(ms);
    this.values[i]?.push(value);
  }
}

/** Later than any stored time: a "points after" bound that reads nothing. */
export const NO_POINT_MS = 8.64e15;

/**
 * For each series of the group, the instant just before its first point: `sinceMany` from there reads what was stored
 * from that point on (the scores or alerts of a window read with `latestMany`); nothing for a series with no points.
 */
export function justBeforeFirst(group: SeriesGroup): Date[] {
  return Array.from({ length: group.size }, (_, i) => new Date((group.times(i)[0] ?? NO_POINT_MS) - 1));
}

/**
 * Runs a query returning (series index INTEGER, epoch ms DOUBLE, value DOUBLE) rows and streams them
 * into a SeriesGroup, reading DuckDB's column vectors: row objects cost more than the query itself.
 */
export async function readSeriesGroup(db: DuckDb, sql: string, params: Params, count: number): Promise<SeriesGroup> {
  const read = await readSeriesGroupUpTo(db, sql, params, count, Infinity);
  return read ?? new SeriesGroup(count);
}

/**
 * `readSeriesGroup` that stops reading, and gives null, once a series has more than `maxPerSeries` points: a
 * read meant to bring about a window a series must not turn into holding a long history in memory.
 */
export async function readSeriesGroupUpTo(db: DuckDb, sql: string, params: Params, count: number, maxPerSeries: number): Promise<SeriesGroup | null> {
  const group = new SeriesGroup(count);
  const result = await db.connection.stream(sql, params);
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const index = chunk.getColumnVector(0);
    const millis = chunk.getColumnVector(1);
    const values = chunk.getColumnVector(2);
    if (!(index instanceof DuckDBIntegerVector && millis instanceof DuckDBDoubleVector && values instanceof DuckDBDoubleVector)) {
      throw new Error('metrics table: unexpected column types reading series');
    }
    // rowCount is a native call: read it once per chunk, not once per row.
    const rows = chunk.rowCount;
    for (let row = 0; row < rows; row++) {
      // A NULL value reads as 0, as Number(null) does in `latest`.
      const i = index.getItem(row) ?? 0;
      group.add(i, millis.getItem(row) ?? 0, values.getItem(row) ?? 0);
      // The rest of the result is left unread: DuckDB drops it when the connection runs its next query.
      if (group.times(i).length > maxPerSeries) return null;
    }
  }
  return group;
}

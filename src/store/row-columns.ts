import { DuckDBDataChunk, DuckDBDoubleType, DuckDBIntegerType, DuckDBVarCharType } from '@duckdb/node-api';
import type { DuckDb } from './duckdb.ts';
import { STAGING_TABLE } from './own-tables.ts';
import type { MetricRow, MetricType } from './metrics-table.ts';

/** Staged rows: epoch ms, index into the insert's series list, value; then metadata JSON and the source row number (see `appendStaged`). */
const STAGING_TYPES = [DuckDBDoubleType.instance, DuckDBIntegerType.instance, DuckDBDoubleType.instance];
/** DuckDB's vector size: a data chunk holds at most this many rows. */
const CHUNK_ROWS = 2048;
/**
 * DuckDB's row group size. A transaction that appends whole row groups has them compressed and written straight
 * into the file; the part of a row group a commit leaves goes through the WAL and is rewritten by every checkpoint
 * until the group is full. Writing 2.5 M score rows cost 5.9 s of CPU in transactions of 160,000 rows, 3.1 s in
 * transactions of 122,880, the same as in one transaction (`bench/pipeline.ts`, 1,000 metrics).
 */
export const ROW_GROUP_ROWS = 122_880;

/**
 * Rows for the long table held column by column, each series (batch, name, type) named once: the score job
 * writes millions of rows, and an object, a Date and a metadata object a row cost more than writing them.
 */
export class RowColumns {
  readonly batches: string[] = [];
  readonly names: string[] = [];
  readonly types: MetricType[] = [];
  /** Per row: index into the series lists, epoch ms, value, metadata JSON. */
  readonly series: number[] = [];
  readonly millis: number[] = [];
  readonly values: number[] = [];
  readonly metadata: (string | null)[] = [];
  /** The rows' time range, so that checking which are stored reads only that range of the table. */
  minMs = Infinity;
  maxMs = -Infinity;
  /** Whether any row has metadata: rows without (a single model's scores) are staged without the column. */
  hasMetadata = false;
  private readonly ids = new Map<string, number>();
  /** Per series: the time of its last row (kept by `clearRows`, unlike `millis`). */
  private readonly lastMs: number[] = [];
  private repeats = false;

  get length(): number {
    return this.series.length;
  }

  /**
   * Whether no key can repeat: true when each series' rows came in rising time (series may interleave, as in a
   * query's result ordered by time), which lets the insert skip de-duplicating; anything else may repeat a key.
   */
  get distinct(): boolean {
    return !this.repeats;
  }

  /** The index of a series, added on first use. */
  seriesId(batch: string, name: string, type: MetricType): number {
    const key = `${batch}\u0000${name}\u0000${type}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.batches.length;
      this.ids.set(key, id);
      this.batches.push(batch);
      this.names.push(name);
      this.types.push(type);
    }
    return id;
  }

  add(series: number, ms: number, value: number, metadata: string | null): void {
    if (!(ms > (this.lastMs[series] ?? -Infinity))) this.repeats = true;
    this.lastMs[series] = ms;
    if (ms < this.minMs) this.minMs = ms;
    if (ms > this.maxMs) this.maxMs = ms;
    this.series.push(series);
    this.millis.push(ms);
    this.values.push(value);
    this.metadata.push(metadata);
    if (metadata !== null) this.hasMetadata = true;
  }

  /**
   * Forgets the rows once staged, keeping the series, the time range and what `distinct` knows: a large insert
   * is staged a chunk at a time (`appendStaged`) and then written by `MetricsTable.insertStaged` with these.
   */
  clearRows(): void {
    this.series.length = 0;
    this.millis.length = 0;
    this.values.length = 0;
    this.metadata.length = 0;
  }

  /**
   * Moves the rows from `at` on into a new RowColumns, which names only their series, and keeps the first `at`
   * here (the series lists and time range stay: they only narrow the insert's check of stored keys).
   */
  splitAt(at: number): RowColumns {
    const rest = new RowColumns();
    let previous = -1;
    let id = 0;
    for (let i = at; i < this.length; i++) {
      const series = this.series[i] ?? 0;
      if (series !== previous) id = rest.seriesId(this.batches[series] ?? '', this.names[series] ?? '', this.types[series] ?? 'metric');
      previous = series;
      rest.add(id, this.millis[i] ?? 0, this.values[i] ?? 0, this.metadata[i] ?? null);
    }
    this.series.length = at;
    this.millis.length = at;
    this.values.length = at;
    this.metadata.length = at;
    return rest;
  }

  static fromRows(rows: readonly MetricRow[]): RowColumns {
    const columns = new RowColumns();
    let previous: MetricRow | undefined;
    let id = 0;
    for (const row of rows) {
      // Rows mostly come series by series: compare with the previous row before building a map key.
      if (!(previous && previous.metric_name === row.metric_name && previous.metric_batch === row.metric_batch && previous.metric_type === row.metric_type)) {
        id = columns.seriesId(row.metric_batch, row.metric_name, row.metric_type);
      }
      columns.add(id, row.metric_timestamp.getTime(), row.metric_value, row.metadata ? JSON.stringify(row.metadata) : null);
      previous = row;
    }
    return columns;
  }
}

/**
 * (Re)creates the staging table and fills it with `rows`, column by column in data chunks: appending value
 * by value cost more than DuckDB's own insert. Without metadata the table has no such column: marking every
 * row's metadata NULL cost a tenth of the staging.
 */
export async function stageRows(db: DuckDb, rows: RowColumns): Promise<void> {
  await db.run(`CREATE OR REPLACE TEMP TABLE ${STAGING_TABLE} (${stagingColumns(rows.hasMetadata)})`);
  await appendStaged(db, rows);
}

/**
 * (Re)creates the staging table with a column `source_row` more: the ingest job stages a source's rows with
 * their row numbers, so that a repeated key can be reported by the row it came from. Any chunk of a source may
 * bring metadata, so this table always has the column.
 */
export async function createNumberedStaging(db: DuckDb): Promise<void> {
  await db.run(`CREATE OR REPLACE TEMP TABLE ${STAGING_TABLE} (${stagingColumns(true)}, source_row INTEGER)`);
}

function stagingColumns(metadata: boolean): string {
  return `ms DOUBLE, series INTEGER, metric_value DOUBLE${metadata ? ', metadata VARCHAR' : ''}`;
}

/** Drops the staging table, if there is one: what an insert that did not happen leaves. */
export async function dropStaging(db: DuckDb): Promise<void> {
  await db.run(`DROP TABLE IF EXISTS ${STAGING_TABLE}`);
}

/**
 * Appends `rows` to the staging table: with `rowNumbers` (one a row) to one made by `createNumberedStaging`, else to
 * one made by `stageRows` for these rows (with a metadata column when they have metadata).
 */
export async function appendStaged(db: DuckDb, rows: RowColumns, rowNumbers?: readonly number[]): Promise<void> {
  const withMetadata = rowNumbers !== undefined || rows.hasMetadata;
  const types = [...STAGING_TYPES, ...(withMetadata ? [DuckDBVarCharType.instance] : []), ...(rowNumbers ? [DuckDBIntegerType.instance] : [])];
  const appender = await db.connection.createAppender(STAGING_TABLE);
  try {
    for (let from = 0; from < rows.length; from += CHUNK_ROWS) {
      const count = Math.min(CHUNK_ROWS, rows.length - from);
      const chunk = DuckDBDataChunk.create(types, count);
      const vectors = types.map((_, c) => chunk.getColumnVector(c));
      const [ms, id, value] = vectors;
      const metadata = withMetadata ? vectors[3] : undefined;
      const row = rowNumbers ? vectors[4] : undefined;
      for (let i = 0; i < count; i++) {
        ms?.setItem(i, rows.millis[from + i] ?? null);
        id?.setItem(i, rows.series[from + i] ?? null);
        value?.setItem(i, rows.values[from + i] ?? null);
        metadata?.setItem(i, rows.metadata[from + i] ?? null);
        row?.setItem(i, rowNumbers?.[from + i] ?? null);
      }
      for (const vector of vectors) vector.flush();
      appender.appendDataChunk(chunk);
    }
  } finally {
    appender.closeSync();
  }
}

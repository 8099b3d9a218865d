import { isExtremeSql, pointScoreSql } from './score-details.ts';
import { listValue, timestampValue } from '@duckdb/node-api';
import { quoteIdentifier, type DuckDb, type Row } from './duckdb.ts';
import { ensureMetricsTable } from './metrics-schema.ts';
import { STAGING_TABLE } from './own-tables.ts';
import { RowColumns, stageRows } from './row-columns.ts';
import { readSeriesGroup, readSeriesGroupUpTo, type SeriesGroup } from './series-group.ts';
import { WindowBounds } from './window-bounds.ts';

/** The earliest time a JS Date can hold: "no lower bound" for reads. */
const EARLIEST_MS = -8.64e15;
/** The latest: "no upper bound". */
const LATEST_MS = 8.64e15;

/**
 * The `$names` list as rows (metric_name, i: its 0-based position). Joined with the table, DuckDB filters the scan by
 * the names' range, which skips most of a table stored metric by metric.
 */
const NAMES_WITH_INDEX = '(SELECT unnest($names) AS metric_name, generate_subscripts($names, 1)::INTEGER - 1 AS i)';

/** How many windows' worth of points a series may bring in a bounded read before the read is redone with a window. */
const BOUNDED_READ_WINDOWS = 4;

/**
 * What a row of the long table records: Anomstack's types (thumbsup/thumbsdown: feedback on an alert), plus
 * `llmcheck`, the llmalert job's note that it asked the LLM about a metric's newest point (value 1 if the answer
 * was anomalous, 0 if not), so a re-run does not ask about the same point again.
 */
export type MetricType = 'metric' | 'score' | 'alert' | 'change' | 'tholdalert' | 'llmalert' | 'llmcheck' | 'thumbsup' | 'thumbsdown';

export interface MetricRow {
  metric_timestamp: Date;
  metric_batch: string;
  metric_name: string;
  metric_type: MetricType;
  metric_value: number;
  metadata?: Record<string, unknown> | null;
}

export interface Point {
  timestamp: Date;
  value: number;
}

export interface MetricSummary {
  metric_batch: string;
  metric_name: string;
  points: number;
  first_timestamp: Date;
  last_timestamp: Date;
  last_score_timestamp: Date | null;
  alerts: number;
}

/**
 * Anomstack's long metrics table: one row per (timestamp, batch, name, type). Every write is idempotent:
 * `insert` skips the keys already stored, so re-running a job inserts nothing it already inserted, and the
 * first value stored wins.
 */
export class MetricsTable {
  readonly db: DuckDb;
  readonly table: string;
  private readonly quoted: string;
  private ready = false;
  /** Time bounds for `latestMany`, learned read by read. */
  private readonly bounds = new WindowBounds();

  /**
   * Reads see no point after this time (epoch ms): the jobs' horizon, the run's clock plus `ingest_max_future`, so a
   * point stored with a timestamp far in the future cannot stand in for a metric's newest point for good.
   */
  private readonly untilMs: number;

  constructor(db: DuckDb, table: string, options: { until?: Date } = {}) {
    this.db = db;
    this.table = table;
    this.quoted = quoteIdentifier(table);
    this.untilMs = options.until?.getTime() ?? LATEST_MS;
  }

  async ensure(): Promise<void> {
    if (this.ready) return;
    await ensureMetricsTable(this.db, this.table);
    this.ready = true;
  }

  /** Appends rows, skipping any already stored and keeping the first of a key given twice. Returns how many were new. */
  async insert(rows: readonly MetricRow[]): Promise<number> {
    return rows.length === 0 ? 0 : this.insertColumns(RowColumns.fromRows(rows));
  }

  /** `insert` for rows built column by column. */
  async insertColumns(rows: RowColumns): Promise<number> {
    await this.ensure();
    if (rows.length === 0) return 0;
    await stageRows(this.db, rows);
    return this.insertStaged(rows);
  }

  /**
   * Writes the staged rows (`stageRows`, or `appendStaged` a chunk at a time) that are new, as `insert` does, and
   * drops the staging table. `rows` names their series and time range; its own rows may have been cleared since.
   * `distinct`: whether no key can be staged twice, so the insert need not de-duplicate them.
   */
  async insertStaged(rows: RowColumns, distinct = rows.distinct): Promise<number> {
    await this.ensure();
    // Rows already stored are found by an anti-join with the stored keys of the staged series in the staged time
    // range: DuckDB pushes both into the scan as filters, so it reads little more than those series.
    const inserted = await this.db.run(
      `INSERT INTO ${this.quoted}
       WITH keys AS (
         SELECT unnest($batches) AS metric_batch, unnest($names) AS metric_name, unnest($types) AS metric_type,
                generate_subscripts($batches, 1)::INTEGER - 1 AS series
       ), stored AS (
         SELECT k.series, epoch_ms(t.metric_timestamp)::DOUBLE AS ms
         FROM ${this.quoted} t JOIN keys k USING (metric_batch, metric_name, metric_type)
         WHERE t.metric_timestamp BETWEEN epoch_ms($from::BIGINT) AND epoch_ms($to::BIGINT)
       ), fresh AS (
         SELECT ${distinct ? '*' : 'DISTINCT ON (series, ms) *'} FROM ${STAGING_TABLE} s ANTI JOIN stored USING (series, ms)
         ${distinct ? '' : 'ORDER BY series, ms, s.rowid'}
       )
       SELECT epoch_ms(f.ms::BIGINT), k.metric_batch, k.metric_name, k.metric_type, f.metric_value, ${rows.hasMetadata ? 'f.metadata' : 'NULL'}
       FROM fresh f JOIN keys k USING (series)`,
      {
        batches: listValue(rows.batches),
        names: listValue(rows.names),
        types: listValue(rows.types),
        from: rows.minMs,
        to: rows.maxMs,
      },
    );
    await this.db.run(`DROP TABLE ${STAGING_TABLE}`);
    await this.db.wrote(inserted);
    return inserted;
  }

  /** Deletes every row of the batch (all types) older than `cutoff`; returns how many. */
  async deleteBefore(batch: string, cutoff: Date): Promise<number> {
    await this.ensure();
    return this.db.run(`DELETE FROM ${this.quoted} WHERE metric_batch = $batch AND metric_timestamp < $cutoff::TIMESTAMP`, {
      batch,
      cutoff: cutoff.toISOString(),
    });
  }

  async metricNames(batch: string): Promise<string[]> {
    await this.ensure();
    const rows = await this.db.all(
      `SELECT DISTINCT metric_name FROM ${this.quoted} WHERE metric_batch = $batch AND metric_type = 'metric' ORDER BY 1`,
      { batch },
    );
    return rows.map((row) => String(row['metric_name']));
  }

  /** The newest `limit` points of one series, oldest first. */
  async latest(batch: string, name: string, type: MetricType, limit: number): Promise<Point[]> {
    await this.ensure();
    const rows = await this.db.all(
      `SELECT metric_timestamp, metric_value FROM (
         SELECT metric_timestamp, metric_value FROM ${this.quoted}
         WHERE metric_batch = $batch AND metric_name = $name AND metric_type = $type AND metric_timestamp <= epoch_ms($until::BIGINT)
         ORDER BY metric_timestamp DESC LIMIT $limit
       ) ORDER BY metric_timestamp`,
      { batch, name, type, limit, until: this.untilMs },
    );
    return rows.map(toPoint);
  }

  /** Points of one series strictly after `after` (all when null), oldest first. */
  async since(batch: string, name: string, type: MetricType, after: Date | null): Promise<Point[]> {
    await this.ensure();
    const rows = await this.db.all(
      `SELECT metric_timestamp, metric_value FROM ${this.quoted}
       WHERE metric_batch = $batch AND metric_name = $name AND metric_type = $type
         AND metric_timestamp > coalesce($after::TIMESTAMP, '-infinity'::TIMESTAMP) AND metric_timestamp <= epoch_ms($until::BIGINT)
       ORDER BY metric_timestamp`,
      { batch, name, type, after: after ? timestampValue(BigInt(after.getTime()) * 1000n) : null, until: this.untilMs },
    );
    return rows.map(toPoint);
  }

  /**
   * `latest` for several series in one query: series i of the group holds the newest `limit` points of
   * `names[i]`, oldest first. Jobs read a batch a group of series at a time this way: one scan of the table per
   * group instead of one per series, and memory bounded by the group however many series there are.
   */
  async latestMany(batch: string, names: readonly string[], type: MetricType, limit: number, reading: ScoreReading = 'score'): Promise<SeriesGroup> {
    await this.ensure();
    const kind = JSON.stringify([batch, type, limit]);
    const group = await this.readWindows(batch, names, type, limit, this.bounds.boundFor(kind), SCORE_READINGS[reading]);
    this.bounds.learn(kind, group, limit);
    return group;
  }

  /** `latestMany` from `from` on (see WindowBounds; null: no bound known). */
  private async readWindows(batch: string, names: readonly string[], type: MetricType, limit: number, from: number | null, value: string): Promise<SeriesGroup> {
    if (from === null) return this.readLatest(batch, names, type, limit, value);
    // Within the bound a series holds about one or two windows: reading them all and keeping the newest `limit` here
    // costs less than DuckDB's per-series window function (half the time at 1,000 metrics x 2,500 points). A series
    // holding many more (an irregular one, or a long history after a group of new metrics) falls back to the window.
    const group = await this.readBounded(batch, names, type, Math.max(from, EARLIEST_MS), BOUNDED_READ_WINDOWS * limit, value);
    if (!group) return this.readLatest(batch, names, type, limit, value);
    group.keepNewest(limit);
    if (from === -Infinity) return group;
    // Series that came back short may have older points: read them again without the bound (see WindowBounds).
    const short = names.flatMap((_, i) => (group.times(i).length < limit ? [i] : []));
    if (short.length > 0) {
      const again = await this.readLatest(batch, short.map((i) => names[i] ?? ''), type, limit, value);
      short.forEach((i, j) => group.adopt(i, again, j));
    }
    return group;
  }

  /** The newest `limit` points of each series, however old (`value`: a SCORE_READINGS expression). */
  private readLatest(batch: string, names: readonly string[], type: MetricType, limit: number, value: string): Promise<SeriesGroup> {
    return readSeriesGroup(
      this.db,
      `SELECT n.i, epoch_ms(t.metric_timestamp)::DOUBLE, ${value}
       FROM ${this.quoted} t JOIN ${NAMES_WITH_INDEX} n USING (metric_name)
       WHERE t.metric_batch = $batch AND t.metric_type = $type AND t.metric_timestamp <= epoch_ms($until::BIGINT)
       QUALIFY row_number() OVER (PARTITION BY n.i ORDER BY t.metric_timestamp DESC) <= $limit
       ORDER BY n.i, t.metric_timestamp`,
      { batch, type, limit, names: listValue([...names]), until: this.untilMs },
      names.length,
    );
  }

  /** Every point of each series from `fromMs` on; null when a series has more than `maxPerSeries`. */
  private readBounded(batch: string, names: readonly string[], type: MetricType, fromMs: number, maxPerSeries: number, value: string): Promise<SeriesGroup | null> {
    return readSeriesGroupUpTo(
      this.db,
      `SELECT n.i, epoch_ms(t.metric_timestamp)::DOUBLE, ${value}
       FROM ${this.quoted} t JOIN ${NAMES_WITH_INDEX} n USING (metric_name)
       WHERE t.metric_batch = $batch AND t.metric_type = $type
         AND t.metric_timestamp BETWEEN epoch_ms($from::BIGINT) AND epoch_ms($until::BIGINT)
       ORDER BY n.i, t.metric_timestamp`,
      { batch, type, names: listValue([...names]), from: fromMs, until: this.untilMs },
      names.length,
      maxPerSeries,
    );
  }

  /** `since` for several series in one query: series i of the group holds the points of `names[i]` after `afters[i]`. */
  async sinceMany(
    batch: string,
    names: readonly string[],
    type: MetricType,
    afters: readonly (Date | null)[],
    reading: ScoreReading = 'score',
  ): Promise<SeriesGroup> {
    await this.ensure();
    // Lists of nullable timestamps have no inferable type, so "no bound" travels as the earliest JS time.
    const afterMs = names.map((_, i) => afters[i]?.getTime() ?? EARLIEST_MS);
    return readSeriesGroup(
      this.db,
      `SELECT n.i, epoch_ms(t.metric_timestamp)::DOUBLE, ${SCORE_READINGS[reading]}
       FROM ${this.quoted} t JOIN (
         SELECT unnest($names) AS metric_name, unnest($afters) AS after_ms, generate_subscripts($names, 1)::INTEGER - 1 AS i
       ) n USING (metric_name)
       WHERE t.metric_batch = $batch AND t.metric_type = $type AND t.metric_timestamp > epoch_ms(n.after_ms::BIGINT)
         AND t.metric_timestamp <= epoch_ms($until::BIGINT)
       ORDER BY n.i, t.metric_timestamp`,
      { batch, type, names: listValue([...names]), afters: listValue(afterMs), until: this.untilMs },
      names.length,
    );
  }

  async summary(batch?: string): Promise<MetricSummary[]> {
    await this.ensure();
    const rows = await this.db.all(
      `SELECT metric_batch, metric_name,
         count(*) FILTER (WHERE metric_type = 'metric') AS points,
         min(metric_timestamp) FILTER (WHERE metric_type = 'metric') AS first_timestamp,
         max(metric_timestamp) FILTER (WHERE metric_type = 'metric') AS last_timestamp,
         max(metric_timestamp) FILTER (WHERE metric_type = 'score') AS last_score_timestamp,
         count(*) FILTER (WHERE metric_type = 'alert') AS alerts
       FROM ${this.quoted}
       WHERE $batch::VARCHAR IS NULL OR metric_batch = $batch
       GROUP BY ALL ORDER BY metric_batch, metric_name`,
      { batch: batch ?? null },
    );
    return rows.map((row: Row) => ({
      metric_batch: String(row['metric_batch']),
      metric_name: String(row['metric_name']),
      points: Number(row['points']),
      first_timestamp: row['first_timestamp'] as Date,
      last_timestamp: row['last_timestamp'] as Date,
      last_score_timestamp: (row['last_score_timestamp'] as Date | null) ?? null,
      alerts: Number(row['alerts']),
    }));
  }
}

/**
 * How the group reads take a row's value: as stored; for score rows, the point's own score (metadata `point`, where
 * the stored score is a mean over alert_smooth_n points), or what the alert rule judges (see alertEvidence).
 */
export type ScoreReading = 'score' | 'point' | 'evidence';
const POINT_SCORE = `coalesce(${pointScoreSql('t.metadata')}, t.metric_value)`;
const SCORE_READINGS: Record<ScoreReading, string> = {
  score: 't.metric_value',
  point: POINT_SCORE,
  evidence: `CASE WHEN ${isExtremeSql('t.metadata')} THEN ${POINT_SCORE} ELSE t.metric_value END`,
};

function toPoint(row: Row): Point {
  return { timestamp: row['metric_timestamp'] as Date, value: Number(row['metric_value']) };
}

import {
  DuckDBDataChunk,
  DuckDBDoubleType,
  DuckDBIntegerType,
  DuckDBVarCharType,
  listValue,
  timestampValue,
} from '@duckdb/node-api';
import { quoteIdentifier, type DuckDb, type Row } from './duckdb.ts';
import { readSeriesGroup, type SeriesGroup } from './series-group.ts';

/** Staged rows: epoch ms, index into the insert's series list, value, metadata JSON. */
const STAGING_TYPES = [DuckDBDoubleType.instance, DuckDBIntegerType.instance, DuckDBDoubleType.instance, DuckDBVarCharType.instance];
/** DuckDB's vector size: a data chunk holds at most this many rows. */
const CHUNK_ROWS = 2048;

/** The earliest time a JS Date can hold: "no lower bound" for `sinceMany`. */
const EARLIEST_MS = -8.64e15;

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
 * Anomstack's long metrics table: one row per (timestamp, batch, name, type). The primary key makes every
 * write idempotent: re-running a job inserts nothing it already inserted, and the first value stored wins.
 */
export class MetricsTable {
  readonly db: DuckDb;
  readonly table: string;
  private readonly quoted: string;
  private ready = false;

  constructor(db: DuckDb, table: string) {
    this.db = db;
    this.table = table;
    this.quoted = quoteIdentifier(table);
  }

  async ensure(): Promise<void> {
    if (this.ready) return;
    const [schema] = this.table.includes('.') ? this.table.split('.') : [];
    if (schema) await this.db.run(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
    await this.db.run(`CREATE TABLE IF NOT EXISTS ${this.quoted} (
      metric_timestamp TIMESTAMP NOT NULL,
      metric_batch VARCHAR NOT NULL,
      metric_name VARCHAR NOT NULL,
      metric_type VARCHAR NOT NULL,
      metric_value DOUBLE,
      metadata VARCHAR,
      PRIMARY KEY (metric_batch, metric_name, metric_type, metric_timestamp)
    )`);
    this.ready = true;
  }

  /** Appends rows, skipping any already stored. Returns how many were new. */
  async insert(rows: readonly MetricRow[]): Promise<number> {
    await this.ensure();
    if (rows.length === 0) return 0;
    // Rows are staged column by column in data chunks, each series named once in a key list rather
    // than three strings a row: appending value by value cost more than DuckDB's own insert.
    await this.db.run('CREATE OR REPLACE TEMP TABLE anomstack_staging (ms DOUBLE, series INTEGER, metric_value DOUBLE, metadata VARCHAR)');
    const series = new Map<string, number>();
    const keys: { batch: string[]; name: string[]; type: string[] } = { batch: [], name: [], type: [] };
    let last: MetricRow | undefined;
    let lastId = 0;
    // Rows that come series by series, each series once and in rising time (as the jobs write them), hold no
    // key twice, so the insert can skip the de-duplicating aggregate over all rows; anything else keeps it.
    let distinct = true;
    const seriesOf = (row: MetricRow): number => {
      // Rows mostly come series by series: compare with the previous row before building a map key.
      if (last && last.metric_name === row.metric_name && last.metric_batch === row.metric_batch && last.metric_type === row.metric_type) {
        if (!(row.metric_timestamp.getTime() > last.metric_timestamp.getTime())) distinct = false;
        last = row;
        return lastId;
      }
      const key = `${row.metric_batch}\u0000${row.metric_name}\u0000${row.metric_type}`;
      let id = series.get(key);
      if (id === undefined) {
        id = series.size;
        series.set(key, id);
        keys.batch.push(row.metric_batch);
        keys.name.push(row.metric_name);
        keys.type.push(row.metric_type);
      } else {
        distinct = false;
      }
      last = row;
      lastId = id;
      return id;
    };
    const appender = await this.db.connection.createAppender('anomstack_staging');
    try {
      for (let from = 0; from < rows.length; from += CHUNK_ROWS) {
        const part = rows.slice(from, from + CHUNK_ROWS);
        const chunk = DuckDBDataChunk.create(STAGING_TYPES, part.length);
        const [ms, id, value, metadata] = [0, 1, 2, 3].map((c) => chunk.getColumnVector(c));
        part.forEach((row, i) => {
          ms?.setItem(i, row.metric_timestamp.getTime());
          id?.setItem(i, seriesOf(row));
          value?.setItem(i, row.metric_value);
          metadata?.setItem(i, row.metadata ? JSON.stringify(row.metadata) : null);
        });
        for (const vector of [ms, id, value, metadata]) vector?.flush();
        appender.appendDataChunk(chunk);
      }
    } finally {
      appender.closeSync();
    }
    const inserted = await this.db.run(
      `INSERT OR IGNORE INTO ${this.quoted}
       SELECT ${distinct ? '' : 'DISTINCT ON (k.metric_batch, k.metric_name, k.metric_type, metric_timestamp)'}
         epoch_ms(s.ms::BIGINT) AS metric_timestamp, k.metric_batch, k.metric_name, k.metric_type, s.metric_value, s.metadata
       FROM anomstack_staging s JOIN (
         SELECT unnest($batches) AS metric_batch, unnest($names) AS metric_name, unnest($types) AS metric_type,
                generate_subscripts($batches, 1)::INTEGER - 1 AS series
       ) k USING (series)`,
      { batches: listValue(keys.batch), names: listValue(keys.name), types: listValue(keys.type) },
    );
    await this.db.run('DROP TABLE anomstack_staging');
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
         WHERE metric_batch = $batch AND metric_name = $name AND metric_type = $type
         ORDER BY metric_timestamp DESC LIMIT $limit
       ) ORDER BY metric_timestamp`,
      { batch, name, type, limit },
    );
    return rows.map(toPoint);
  }

  /** Points of one series strictly after `after` (all when null), oldest first. */
  async since(batch: string, name: string, type: MetricType, after: Date | null): Promise<Point[]> {
    await this.ensure();
    const rows = await this.db.all(
      `SELECT metric_timestamp, metric_value FROM ${this.quoted}
       WHERE metric_batch = $batch AND metric_name = $name AND metric_type = $type
         AND metric_timestamp > coalesce($after::TIMESTAMP, '-infinity'::TIMESTAMP)
       ORDER BY metric_timestamp`,
      { batch, name, type, after: after ? timestampValue(BigInt(after.getTime()) * 1000n) : null },
    );
    return rows.map(toPoint);
  }

  /**
   * `latest` for several series in one query: series i of the group holds the newest `limit` points of
   * `names[i]`, oldest first. Jobs read a batch a group of series at a time this way: one scan of the table per
   * group instead of one per series, and memory bounded by the group however many series there are.
   */
  async latestMany(batch: string, names: readonly string[], type: MetricType, limit: number): Promise<SeriesGroup> {
    await this.ensure();
    return readSeriesGroup(
      this.db,
      `SELECT n.i, epoch_ms(t.metric_timestamp)::DOUBLE, t.metric_value
       FROM ${this.quoted} t JOIN (SELECT unnest($names) AS metric_name, generate_subscripts($names, 1)::INTEGER - 1 AS i) n USING (metric_name)
       WHERE t.metric_batch = $batch AND t.metric_type = $type
       QUALIFY row_number() OVER (PARTITION BY n.i ORDER BY t.metric_timestamp DESC) <= $limit
       ORDER BY n.i, t.metric_timestamp`,
      { batch, type, limit, names: listValue([...names]) },
      names.length,
    );
  }

  /** `since` for several series in one query: series i of the group holds the points of `names[i]` after `afters[i]`. */
  async sinceMany(batch: string, names: readonly string[], type: MetricType, afters: readonly (Date | null)[]): Promise<SeriesGroup> {
    await this.ensure();
    // Lists of nullable timestamps have no inferable type, so "no bound" travels as the earliest JS time.
    const afterMs = names.map((_, i) => afters[i]?.getTime() ?? EARLIEST_MS);
    return readSeriesGroup(
      this.db,
      `SELECT n.i, epoch_ms(t.metric_timestamp)::DOUBLE, t.metric_value
       FROM ${this.quoted} t JOIN (
         SELECT unnest($names) AS metric_name, unnest($afters) AS after_ms, generate_subscripts($names, 1)::INTEGER - 1 AS i
       ) n USING (metric_name)
       WHERE t.metric_batch = $batch AND t.metric_type = $type AND t.metric_timestamp > epoch_ms(n.after_ms::BIGINT)
       ORDER BY n.i, t.metric_timestamp`,
      { batch, type, names: listValue([...names]), afters: listValue(afterMs) },
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

function toPoint(row: Row): Point {
  return { timestamp: row['metric_timestamp'] as Date, value: Number(row['metric_value']) };
}

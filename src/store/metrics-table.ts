import { timestampValue } from '@duckdb/node-api';
import { quoteIdentifier, type DuckDb, type Row } from './duckdb.ts';

/** What a row of the long table records; Anomstack's types (thumbsup/thumbsdown: feedback on an alert) plus room for later stages. */
export type MetricType = 'metric' | 'score' | 'alert' | 'change' | 'tholdalert' | 'thumbsup' | 'thumbsdown';

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
    await this.db.run(`CREATE OR REPLACE TEMP TABLE anomstack_staging AS SELECT * FROM ${this.quoted} LIMIT 0`);
    const appender = await this.db.connection.createAppender('anomstack_staging');
    for (const row of rows) {
      appender.appendTimestamp(timestampValue(BigInt(row.metric_timestamp.getTime()) * 1000n));
      appender.appendVarchar(row.metric_batch);
      appender.appendVarchar(row.metric_name);
      appender.appendVarchar(row.metric_type);
      appender.appendDouble(row.metric_value);
      if (row.metadata) appender.appendVarchar(JSON.stringify(row.metadata));
      else appender.appendNull();
      appender.endRow();
    }
    appender.closeSync();
    const inserted = await this.db.run(`INSERT OR IGNORE INTO ${this.quoted} SELECT DISTINCT ON (metric_batch, metric_name, metric_type, metric_timestamp) * FROM anomstack_staging`);
    await this.db.run('DROP TABLE anomstack_staging');
    return inserted;
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

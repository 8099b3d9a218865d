import { quoteIdentifier } from './duckdb.ts';
import type { MetricsTable } from './metrics-table.ts';

/** One metric's rows with metric timestamps in a period. */
export interface PeriodStats {
  metric: string;
  points: number;
  scored: number;
  latestAt: Date | null;
  latestValue: number | null;
  latestScore: number | null;
  maxScore: number | null;
  alerts: number;
  changes: number;
  tholdalerts: number;
  llmalerts: number;
}

/**
 * Per metric of the batch, what its rows with a timestamp after `from` and up to `to` hold, in one scan
 * (Anomstack's summary_sql counts the same per metric: points, scores, alerts).
 */
export async function periodStats(store: MetricsTable, batch: string, from: Date, to: Date): Promise<PeriodStats[]> {
  await store.ensure();
  const rows = await store.db.all(
    `SELECT metric_name,
       count(*) FILTER (WHERE metric_type = 'metric')::INTEGER AS points,
       count(*) FILTER (WHERE metric_type = 'score')::INTEGER AS scored,
       max(metric_timestamp) FILTER (WHERE metric_type = 'metric') AS latest_at,
       arg_max(metric_value, metric_timestamp) FILTER (WHERE metric_type = 'metric') AS latest_value,
       arg_max(metric_value, metric_timestamp) FILTER (WHERE metric_type = 'score') AS latest_score,
       max(metric_value) FILTER (WHERE metric_type = 'score') AS max_score,
       count(*) FILTER (WHERE metric_type = 'alert')::INTEGER AS alerts,
       count(*) FILTER (WHERE metric_type = 'change')::INTEGER AS changes,
       count(*) FILTER (WHERE metric_type = 'tholdalert')::INTEGER AS tholdalerts,
       count(*) FILTER (WHERE metric_type = 'llmalert')::INTEGER AS llmalerts
     FROM ${quoteIdentifier(store.table)}
     WHERE metric_batch = $batch AND metric_timestamp > $from::TIMESTAMP AND metric_timestamp <= $to::TIMESTAMP
     GROUP BY metric_name ORDER BY metric_name`,
    { batch, from: from.toISOString(), to: to.toISOString() },
  );
  const numberOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
  return rows.map((row) => ({
    metric: String(row['metric_name']),
    points: Number(row['points']),
    scored: Number(row['scored']),
    latestAt: row['latest_at'] instanceof Date ? row['latest_at'] : null,
    latestValue: numberOrNull(row['latest_value']),
    latestScore: numberOrNull(row['latest_score']),
    maxScore: numberOrNull(row['max_score']),
    alerts: Number(row['alerts']),
    changes: Number(row['changes']),
    tholdalerts: Number(row['tholdalerts']),
    llmalerts: Number(row['llmalerts']),
  }));
}

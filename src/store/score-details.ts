import type { ExpectedRange } from '../models/expected-range.ts';
import { quoteIdentifier } from './duckdb.ts';
import type { MetricsTable } from './metrics-table.ts';

/** What the score job stored about a scored point besides its score (see scoreMetadata). */
export interface ScoreDetails {
  expected: ExpectedRange | null;
  /** The point's own score, when the stored score is a mean over `alert_smooth_n` points. */
  point: number | null;
  /** Whether the stored score is the point's own, its value far outside the expected range. */
  extreme: boolean;
}

/** SQL for a score row's own point score (metadata `point`; NULL where the row has none or a malformed one). */
export function pointScoreSql(metadata: string): string {
  return `TRY_CAST(try(${metadata}->>'$.point') AS DOUBLE)`;
}

/** SQL for whether a score row is marked extreme (scoreMetadata writes exactly `"extreme":true`). */
export function isExtremeSql(metadata: string): string {
  return `coalesce(contains(${metadata}, '"extreme":true'), false)`;
}

/**
 * The details the score job stored with a metric's scores after `after` (all when null), by epoch ms: what the alert
 * job says about its alerts and judges `alert_direction` by, so an alert and the band the report draws behind it are
 * the same range (a seasonal one included, which only the model can compute). Malformed metadata gives no details
 * rather than a failed job.
 */
export async function storedScoreDetails(store: MetricsTable, batch: string, name: string, after: Date | null): Promise<Map<number, ScoreDetails>> {
  await store.ensure();
  const rows = await store.db.all(
    `SELECT epoch_ms(metric_timestamp)::DOUBLE AS ms,
       TRY_CAST(try(metadata->>'$.expected.baseline') AS DOUBLE) AS baseline,
       TRY_CAST(try(metadata->>'$.expected.low') AS DOUBLE) AS low,
       TRY_CAST(try(metadata->>'$.expected.high') AS DOUBLE) AS high,
       ${pointScoreSql('metadata')} AS point,
       ${isExtremeSql('metadata')} AS extreme
     FROM ${quoteIdentifier(store.table)}
     WHERE metric_batch = $batch AND metric_name = $name AND metric_type = 'score'
       AND metric_timestamp > $after::TIMESTAMP AND metadata IS NOT NULL`,
    { batch, name, after: (after ?? new Date(0)).toISOString() },
  );
  const details = new Map<number, ScoreDetails>();
  for (const row of rows) {
    const [baseline, low, high, point] = [row['baseline'], row['low'], row['high'], row['point']];
    const expected = typeof baseline === 'number' && typeof low === 'number' && typeof high === 'number' ? { baseline, low, high } : null;
    details.set(Number(row['ms']), { expected, point: typeof point === 'number' ? point : null, extreme: row['extreme'] === true });
  }
  return details;
}

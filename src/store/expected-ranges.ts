import type { ExpectedRange } from '../models/expected-range.ts';
import { quoteIdentifier } from './duckdb.ts';
import type { MetricsTable } from './metrics-table.ts';

/**
 * The expected ranges the score job stored with a metric's scores after `after` (all when null), by epoch ms: what
 * the alert job says about its alerts and judges `alert_direction` and `alert_extreme_ratio` by, so an alert and the
 * band the report draws behind it are the same range (a seasonal one included, which only the model can compute).
 * Malformed metadata gives no range rather than a failed job.
 */
export async function storedExpectedRanges(store: MetricsTable, batch: string, name: string, after: Date | null): Promise<Map<number, ExpectedRange>> {
  await store.ensure();
  const rows = await store.db.all(
    `SELECT epoch_ms(metric_timestamp)::DOUBLE AS ms,
       TRY_CAST(try(metadata->>'$.expected.baseline') AS DOUBLE) AS baseline,
       TRY_CAST(try(metadata->>'$.expected.low') AS DOUBLE) AS low,
       TRY_CAST(try(metadata->>'$.expected.high') AS DOUBLE) AS high
     FROM ${quoteIdentifier(store.table)}
     WHERE metric_batch = $batch AND metric_name = $name AND metric_type = 'score'
       AND metric_timestamp > $after::TIMESTAMP AND contains(metadata, '"expected"')`,
    { batch, name, after: (after ?? new Date(0)).toISOString() },
  );
  const ranges = new Map<number, ExpectedRange>();
  for (const row of rows) {
    const [baseline, low, high] = [row['baseline'], row['low'], row['high']];
    if (typeof baseline === 'number' && typeof low === 'number' && typeof high === 'number') ranges.set(Number(row['ms']), { baseline, low, high });
  }
  return ranges;
}

import { quoteIdentifier } from './duckdb.ts';
import type { MetricsTable } from './metrics-table.ts';

/** Triage feedback on a batch's alerts, from the `thumbsup` / `thumbsdown` rows issue labels record. */
export interface Feedback {
  confirmed: number;
  falsePositives: number;
  /** confirmed / (confirmed + false positives); null before any feedback. */
  precision: number | null;
}

export async function batchFeedback(store: MetricsTable, batch: string): Promise<Feedback> {
  await store.ensure();
  const rows = await store.db.all(
    `SELECT metric_type, count(*)::INTEGER AS n FROM ${quoteIdentifier(store.table)}
     WHERE metric_batch = $batch AND metric_type IN ('thumbsup', 'thumbsdown') GROUP BY metric_type`,
    { batch },
  );
  const count = (type: string): number => Number(rows.find((r) => r['metric_type'] === type)?.['n'] ?? 0);
  const confirmed = count('thumbsup');
  const falsePositives = count('thumbsdown');
  const judged = confirmed + falsePositives;
  return { confirmed, falsePositives, precision: judged === 0 ? null : confirmed / judged };
}

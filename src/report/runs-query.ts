import { quoteIdentifier, type DuckDb } from '../store/duckdb.ts';

/** Alerts (of every alert kind) per UTC day for one batch, newest day first. */
export async function alertsPerDay(db: DuckDb, table: string, batch: string, days: number): Promise<{ day: string; alerts: number }[]> {
  const rows = await db.all(
    `SELECT strftime(date_trunc('day', metric_timestamp), '%Y-%m-%d') AS day, count(*) AS alerts
     FROM ${quoteIdentifier(table)}
     WHERE metric_batch = $batch AND metric_type IN ('alert', 'tholdalert', 'llmalert')
     GROUP BY ALL ORDER BY day DESC LIMIT $days`,
    { batch, days },
  );
  return rows.map((row) => ({ day: String(row['day']), alerts: Number(row['alerts']) }));
}

import { quoteIdentifier, type DuckDb } from '../store/duckdb.ts';
import { EVENT_KINDS, type EventKind, type MetricSeries, type SeriesEvent } from '../plots/series.ts';

/**
 * Every metric of a batch with its scores and events, in one pass over the long table: the report and
 * the plot job read whole batches, and one query is far cheaper than one per metric and type.
 */
export async function readBatchSeries(
  db: DuckDb,
  table: string,
  batch: string,
  filter: { since?: Date; metric?: string } = {},
): Promise<MetricSeries[]> {
  const quoted = quoteIdentifier(table);
  const sinceIso = (filter.since ?? new Date(0)).toISOString();
  const metric = filter.metric ?? null;
  const points = await db.connection.runAndReadAll(
    `SELECT m.metric_name, epoch_ms(m.metric_timestamp) AS t, m.metric_value AS value, s.metric_value AS score
     FROM ${quoted} m
     LEFT JOIN ${quoted} s ON s.metric_batch = m.metric_batch AND s.metric_name = m.metric_name
       AND s.metric_type = 'score' AND s.metric_timestamp = m.metric_timestamp
     WHERE m.metric_batch = $batch AND m.metric_type = 'metric' AND m.metric_timestamp >= $since::TIMESTAMP
       AND ($metric::VARCHAR IS NULL OR m.metric_name = $metric)
     ORDER BY m.metric_name, m.metric_timestamp`,
    { batch, since: sinceIso, metric },
  );
  const byMetric = new Map<string, MetricSeries>();
  // Columns rather than row objects: a 90-day batch of 1,000 metrics is millions of rows.
  const [names, times, values, scores] = points.getColumnsJS();
  for (let i = 0; i < (names?.length ?? 0); i++) {
    const metric = String(names?.[i]);
    let series = byMetric.get(metric);
    if (!series) {
      series = { batch, metric, t: [], value: [], score: [], events: [] };
      byMetric.set(metric, series);
    }
    series.t.push(Number(times?.[i]));
    series.value.push(Number(values?.[i]));
    const score = scores?.[i];
    series.score.push(score === null || score === undefined ? null : Number(score));
  }
  // readEvents lists newest first; a series keeps its events oldest first, like its points.
  for (const event of (await readEvents(db, table, { batch, since: sinceIso, ...(metric ? { metric } : {}) })).reverse()) {
    byMetric.get(event.metric)?.events.push(event);
  }
  return [...byMetric.values()];
}

export interface MetricEvent extends SeriesEvent {
  batch: string;
  metric: string;
}

/** Alert, change, threshold-alert, LLM-alert and feedback rows, newest first. */
export async function readEvents(
  db: DuckDb,
  table: string,
  filter: { batch?: string; metric?: string; since?: string; kinds?: readonly EventKind[]; limit?: number },
): Promise<MetricEvent[]> {
  const kinds = filter.kinds ?? EVENT_KINDS;
  // Triage feedback is stored as Anomstack's `thumbsup` / `thumbsdown` rows; the report shows both as
  // `feedback`, +1 for a confirmed anomaly and -1 for a false positive.
  const types = kinds.flatMap((k) => (k === 'feedback' ? ['thumbsup', 'thumbsdown'] : [k]));
  const rows = await db.all(
    `SELECT metric_batch, metric_name, metric_type, epoch_ms(metric_timestamp) AS t, metric_value, metadata
     FROM ${quoteIdentifier(table)}
     WHERE ($batch::VARCHAR IS NULL OR metric_batch = $batch)
       AND ($metric::VARCHAR IS NULL OR metric_name = $metric)
       AND metric_timestamp >= coalesce($since::TIMESTAMP, '-infinity'::TIMESTAMP)
       AND metric_type IN (SELECT unnest(string_split($kinds, ',')))
     ORDER BY metric_timestamp DESC, metric_batch, metric_name
     LIMIT $limit`,
    { batch: filter.batch ?? null, metric: filter.metric ?? null, since: filter.since ?? null, kinds: types.join(','), limit: filter.limit ?? 1_000_000 },
  );
  return rows.map((row) => {
    const type = String(row['metric_type']);
    const verdict = type === 'thumbsup' ? 1 : type === 'thumbsdown' ? -1 : null;
    return {
      batch: String(row['metric_batch']),
      metric: String(row['metric_name']),
      kind: (verdict === null ? type : 'feedback') as EventKind,
      t: Number(row['t']),
      value: verdict ?? Number(row['metric_value']),
      metadata: parseMetadata(row['metadata']),
    };
  });
}

function parseMetadata(raw: unknown): Record<string, unknown> | null {
  if (typeof raw !== 'string' || raw === '') return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

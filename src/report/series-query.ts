import { DuckDBDoubleVector, DuckDBVarCharVector } from '@duckdb/node-api';
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
  // The expected range is taken from the score rows before the join, so the join carries two numbers rather than
  // each row's metadata; only rows that mention one are parsed, and `try` turns malformed metadata into no band
  // rather than a failed report. Every column is cast so the vectors below have known types.
  const result = await db.connection.stream(
    `SELECT m.metric_name::VARCHAR, epoch_ms(m.metric_timestamp)::DOUBLE, m.metric_value::DOUBLE, s.score, s.low, s.high
     FROM ${quoted} m
     LEFT JOIN (
       SELECT metric_batch, metric_name, metric_timestamp, metric_value::DOUBLE AS score,
         CASE WHEN contains(metadata, '"expected"') THEN TRY_CAST(try(metadata->>'$.expected.low') AS DOUBLE) END AS low,
         CASE WHEN contains(metadata, '"expected"') THEN TRY_CAST(try(metadata->>'$.expected.high') AS DOUBLE) END AS high
       FROM ${quoted}
       WHERE metric_batch = $batch AND metric_type = 'score' AND metric_timestamp >= $since::TIMESTAMP
     ) s ON s.metric_batch = m.metric_batch AND s.metric_name = m.metric_name AND s.metric_timestamp = m.metric_timestamp
     WHERE m.metric_batch = $batch AND m.metric_type = 'metric' AND m.metric_timestamp >= $since::TIMESTAMP
       AND ($metric::VARCHAR IS NULL OR m.metric_name = $metric)
     ORDER BY m.metric_name, m.metric_timestamp`,
    { batch, since: sinceIso, metric },
  );
  const byMetric = new Map<string, MetricSeries>();
  let series: MetricSeries | undefined;
  // Column vectors chunk by chunk rather than row objects or converted columns: a 90-day batch of 1,000 metrics is
  // millions of rows, and converting them cost more than the query.
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const [names, times, values, scores, lows, highs] = [0, 1, 2, 3, 4, 5].map((c) => chunk.getColumnVector(c));
    if (!(names instanceof DuckDBVarCharVector && times instanceof DuckDBDoubleVector && values instanceof DuckDBDoubleVector
      && scores instanceof DuckDBDoubleVector && lows instanceof DuckDBDoubleVector && highs instanceof DuckDBDoubleVector)) {
      throw new Error('metrics table: unexpected column types reading series');
    }
    // rowCount is a native call: read it once per chunk, not once per row.
    const rows = chunk.rowCount;
    for (let row = 0; row < rows; row++) {
      const metric = names.getItem(row) ?? '';
      if (series?.metric !== metric) {
        series = { batch, metric, t: [], value: [], score: [], low: [], high: [], events: [] };
        byMetric.set(metric, series);
      }
      series.t.push(times.getItem(row) ?? 0);
      series.value.push(values.getItem(row) ?? 0);
      series.score.push(scores.getItem(row));
      // A band needs both bounds: one without the other would draw nothing sensible.
      const low = lows.getItem(row);
      const high = highs.getItem(row);
      const banded = low !== null && high !== null;
      series.low.push(banded ? low : null);
      series.high.push(banded ? high : null);
    }
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

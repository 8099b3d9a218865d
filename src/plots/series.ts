/** Row types drawn as marks on a metric's chart; `llmalert` and `feedback` appear once stages write them. */
export const EVENT_KINDS = ['alert', 'change', 'tholdalert', 'llmalert', 'feedback'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface SeriesEvent {
  kind: EventKind;
  /** Epoch milliseconds. */
  t: number;
  /** The event row's own value (a score for alerts, the metric value for threshold alerts, ...). */
  value: number;
  metadata: Record<string, unknown> | null;
}

/** One metric's history as plotted: columns of equal length, oldest first, plus its events. */
export interface MetricSeries {
  batch: string;
  metric: string;
  /** Epoch milliseconds. */
  t: number[];
  value: number[];
  /** The anomaly score at that timestamp, null where the point was not scored. */
  score: (number | null)[];
  /**
   * The expected range the score job stored with that point's score (`metadata.expected`), null where there is
   * none: unscored, too little history then, or scored by a version that did not store it.
   */
  low: (number | null)[];
  high: (number | null)[];
  events: SeriesEvent[];
}

/** Whether any point of the series has an expected range: charts and the site's data leave the band out otherwise. */
export function hasBand(series: MetricSeries): boolean {
  return series.low.some((l, i) => l !== null && (series.high[i] ?? null) !== null);
}

/** Alert-like rows counted as anomalies in summaries (a change is shown but is not an anomaly). */
export const ANOMALY_KINDS: readonly EventKind[] = ['alert', 'tholdalert', 'llmalert'];

/**
 * Thins a long series to about `maxPoints` for display: each bucket keeps its lowest and highest value,
 * so spikes survive, and every point carrying an event is kept whatever the budget.
 */
export function downsample(series: MetricSeries, maxPoints: number): MetricSeries {
  const n = series.t.length;
  if (n <= maxPoints || maxPoints < 4) return series;
  const keep = new Set<number>([0, n - 1]);
  const buckets = Math.max(1, Math.floor((maxPoints - 2) / 2));
  const size = n / buckets;
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor(b * size);
    const end = Math.min(n, Math.floor((b + 1) * size));
    let lowest = start;
    let highest = start;
    for (let i = start; i < end; i++) {
      if ((series.value[i] ?? 0) < (series.value[lowest] ?? 0)) lowest = i;
      if ((series.value[i] ?? 0) > (series.value[highest] ?? 0)) highest = i;
    }
    keep.add(lowest).add(highest);
  }
  const eventTimes = new Set(series.events.map((e) => e.t));
  for (let i = 0; i < n; i++) if (eventTimes.has(series.t[i] ?? NaN)) keep.add(i);
  const indices = [...keep].sort((a, b) => a - b);
  return {
    ...series,
    t: indices.map((i) => series.t[i] ?? 0),
    value: indices.map((i) => series.value[i] ?? 0),
    score: indices.map((i) => series.score[i] ?? null),
    low: indices.map((i) => series.low[i] ?? null),
    high: indices.map((i) => series.high[i] ?? null),
  };
}

/** The newest `n` points and the events within them. */
export function lastPoints(series: MetricSeries, n: number): MetricSeries {
  if (series.t.length <= n) return series;
  const from = series.t.length - n;
  const start = series.t[from] ?? -Infinity;
  return {
    ...series,
    t: series.t.slice(from),
    value: series.value.slice(from),
    score: series.score.slice(from),
    low: series.low.slice(from),
    high: series.high.slice(from),
    events: series.events.filter((e) => e.t >= start),
  };
}

export interface SeriesStats {
  points: number;
  anomalies: number;
  changes: number;
  /** Anomalies per point, the batch page's sort key. */
  anomalyRate: number;
  meanScore: number | null;
  latest: number | null;
  latestAt: number | null;
}

export function seriesStats(series: MetricSeries): SeriesStats {
  const scores = series.score.filter((s): s is number => s !== null);
  const anomalies = series.events.filter((e) => ANOMALY_KINDS.includes(e.kind)).length;
  const points = series.t.length;
  return {
    points,
    anomalies,
    changes: series.events.filter((e) => e.kind === 'change').length,
    anomalyRate: points > 0 ? anomalies / points : 0,
    meanScore: scores.length > 0 ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
    latest: series.value.at(-1) ?? null,
    latestAt: series.t.at(-1) ?? null,
  };
}

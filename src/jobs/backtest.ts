import { CronExpressionParser } from 'cron-parser';
import type { Batch } from '../config/load.ts';
import type { BatchConfig } from '../config/schema.ts';
import { isFile } from '../config/discover.ts';
import { DuckDb } from '../store/duckdb.ts';
import { MetricsTable, type Point } from '../store/metrics-table.ts';
import { decideAlerts, wantedDirection } from './alert.ts';
import type { ExpectedRange } from '../models/expected-range.ts';
import { isChangeMetric } from './change.ts';
import { advanceChanges, changeHistoryN, startStream, type ChangeStream } from './change-stream.ts';
import { isExcluded, type Reporter } from './context.ts';
import { fetchIngestRows } from './ingest.ts';
import type { SeriesTransform } from '../models/preprocess.ts';
import { loadPreprocess } from '../sources/preprocess-hook.ts';
import { seriesOf, sliceSeries, type Series } from '../store/series-group.ts';
import { roundedJson, scoreNewPoints, scoreWindow } from './score.ts';
import { alertEvidence } from '../models/evidence.ts';
import { trainMetric, type FittedMetric } from './train.ts';

export interface BacktestPoint {
  timestamp: Date;
  value: number;
  score: number | null;
  alert: boolean;
  change: boolean;
}

export interface BacktestResult {
  metric: string;
  points: BacktestPoint[];
}

/**
 * Points between retrains, as the scheduled train job refits: `backtest_retrain_every` when set; else train runs every
 * `runs` ingest runs (the cron schedules' ratio, 1 without schedules) and refits a metric once it has `train_refit_n`
 * new points, so at the first of its runs with at least that many: every runs x ceil(train_refit_n / runs) points.
 */
export function retrainEvery(config: BatchConfig): number {
  if (config.backtest_retrain_every) return config.backtest_retrain_every;
  const ingest = meanIntervalMs(config.ingest_cron_schedule);
  const train = meanIntervalMs(config.train_cron_schedule);
  const runs = ingest && train ? Math.max(1, Math.round(train / ingest)) : 1;
  return runs * Math.ceil(config.train_refit_n / runs);
}

function meanIntervalMs(expression: string | undefined): number | undefined {
  if (!expression) return undefined;
  const cron = CronExpressionParser.parse(expression, { currentDate: new Date('2026-01-05T00:00:00Z'), tz: 'UTC' });
  const times = cron.take(50).map((d) => d.getTime());
  const first = times[0];
  const last = times[times.length - 1];
  return first !== undefined && last !== undefined && times.length > 1 ? (last - first) / (times.length - 1) : undefined;
}

/**
 * Replays one metric walk-forward, tick by tick, as the scheduled jobs would see it: at each new point the
 * model is retrained when due (on the points up to this one, leaving out those without a score as the train job
 * does), then the unscored points are scored, then the alert rule runs. It calls the jobs' own pure cores (trainMetric, scoreNewPoints, decideAlerts),
 * so it cannot drift from them, and never looks at a point after the current one.
 */
export function backtestMetric(
  points: readonly Point[],
  config: BatchConfig,
  every: number,
  stages: { score: boolean; alert: boolean; transform?: SeriesTransform } = { score: true, alert: true },
): BacktestPoint[] {
  const out: BacktestPoint[] = points.map((p) => ({ timestamp: p.timestamp, value: p.value, score: null, alert: false, change: false }));
  const index = new Map(points.map((p, i) => [p.timestamp.getTime(), i]));
  const series = seriesOf(points);
  // Each scored point's own score (the stored score is a mean over it and those before it), as the score rows keep it.
  const pointScores = new Map<number, number>();
  const isScored = (ms: number): boolean => pointScores.has(ms);
  const scores: Point[] = [];
  const alerted = new Set<number>();
  const width = scoreWindow(config);
  // alert_direction, judged as the alert job judges it: against the expected ranges the score job stores with each
  // score (computed here by the same scoreNewPoints, and only when the rule needs them).
  const needsRanges = config.alert_direction !== 'both';
  const ranges = new Map<number, ExpectedRange>();
  const valueAt = (ms: number): number | null => points[index.get(ms) ?? -1]?.value ?? null;
  const rangeAt = (ms: number): ExpectedRange | null => ranges.get(ms) ?? null;
  const wanted = config.alert_direction === 'both' ? undefined : wantedDirection(valueAt, rangeAt, config.alert_direction);
  let fitted: FittedMetric | null = null;
  let trainedAt = -Infinity;
  for (let i = 0; stages.score && i < points.length; i++) {
    if (i - trainedAt >= every || fitted === null) {
      const trained = trainMetric(sliceSeries(series, i + 1 - config.train_max_n, i + 1), config, stages.transform, isScored);
      if ('detectors' in trained) {
        fitted = trained;
        trainedAt = i;
      }
    }
    if (!fitted) continue;
    const window = sliceSeries(series, i + 1 - width, i + 1);
    const fresh = scoreNewPoints(window, scoredIn(window, pointScores), fitted, config, stages.transform, needsRanges && stages.alert);
    if (fresh.millis.length === 0) continue;
    fresh.millis.forEach((ms, k) => {
      const score = fresh.scores[k] ?? 0;
      const range = fresh.expected[k];
      if (range) ranges.set(ms, range);
      const target = out[index.get(ms) ?? -1];
      if (target) target.score = score;
      // Rounded as the row's metadata stores it (a single point's score is the stored score itself).
      const own = fresh.pointScores[k] ?? 0;
      const stored = config.alert_smooth_n > 1 ? Number(roundedJson(own)) : own;
      pointScores.set(ms, stored);
      scores.push({ timestamp: new Date(ms), value: alertEvidence(score, stored, fresh.extreme[k] ?? false) });
    });
    if (!stages.alert) continue;
    for (const decision of decideAlerts(scores.slice(-config.alert_max_n), alerted, config, wanted)) {
      if (!decision.alert || alerted.has(decision.timestamp.getTime())) continue;
      alerted.add(decision.timestamp.getTime());
      const target = out[index.get(decision.timestamp.getTime()) ?? -1];
      if (target) target.alert = true;
    }
  }
  return out;
}

/** The point scores of the window's scored points, oldest first: what the score job reads from its score rows. */
export function scoredIn(window: Series, pointScores: ReadonlyMap<number, number>): Series {
  const millis: number[] = [];
  const values: number[] = [];
  for (const ms of window.millis) {
    const value = pointScores.get(ms);
    if (value === undefined) continue;
    millis.push(ms);
    values.push(value);
  }
  return { millis, values };
}

/**
 * Marks the changes the change job would report if it ran at every point: the stream starts once the history
 * read at a tick is long enough, then takes one point per tick, through the job's own `advanceChanges`.
 */
export function markChanges(points: BacktestPoint[], config: BatchConfig): void {
  const historyN = changeHistoryN(config);
  const byTime = new Map(points.map((p) => [p.timestamp.getTime(), p]));
  let stream: ChangeStream | null = null;
  points.forEach((point, i) => {
    let fed: Point[] = [point];
    if (!stream) {
      fed = points.slice(Math.max(0, i + 1 - historyN), i + 1);
      stream = startStream(fed, config);
      if (!stream) return;
    }
    for (const decision of advanceChanges(stream, fed, config)) {
      const target = byTime.get(decision.timestamp.getTime());
      if (target) target.change = true;
    }
  });
}

/**
 * The batch's history (what it has stored plus what its ingest returns when run once), replayed metric by
 * metric. Nothing is written: the store is only read, and only when it exists.
 */
export async function backtestBatch(
  batch: Batch,
  options: { now: Date; reporter: Reporter; from?: Date; to?: Date },
): Promise<{ results: BacktestResult[]; retrainEvery: number }> {
  const history = new Map<string, Map<number, number>>();
  const add = (metric: string, timestamp: Date, value: number): void => {
    const series = history.get(metric) ?? new Map<number, number>();
    history.set(metric, series);
    // The stored value wins, as in the table: the first value ingested for a timestamp is kept.
    if (!series.has(timestamp.getTime())) series.set(timestamp.getTime(), value);
  };
  if (await isFile(batch.config.duckdb_path)) {
    const db = await DuckDb.open(batch.config.duckdb_path);
    try {
      const store = new MetricsTable(db, batch.config.table_key);
      for (const metric of await store.metricNames(batch.name)) {
        for (const p of await store.since(batch.name, metric, 'metric', null)) add(metric, p.timestamp, p.value);
      }
    } finally {
      db.close();
    }
  }
  for (const row of await fetchIngestRows(batch, options.now, options.reporter)) add(row.metric_name, row.metric_timestamp, row.metric_value);

  const every = retrainEvery(batch.config);
  const preprocess = await loadPreprocess(batch);
  const results: BacktestResult[] = [];
  const metrics = [...history.keys()].sort();
  for (const [i, metric] of metrics.entries()) {
    options.reporter.progress(`backtest ${batch.name}`, i, metrics.length);
    const points = [...(history.get(metric) ?? new Map<number, number>()).entries()]
      .sort(([a], [b]) => a - b)
      .filter(([t]) => !options.to || t <= options.to.getTime())
      .map(([t, value]) => ({ timestamp: new Date(t), value }));
    const config = batch.config;
    const replayed = backtestMetric(points, config, every, {
      score: !isExcluded(metric, config.train_exclude_metrics) && !isExcluded(metric, config.score_exclude_metrics),
      alert: !isExcluded(metric, config.alert_exclude_metrics),
      ...(preprocess ? { transform: preprocess(metric) } : {}),
    });
    if (!config.disable_change && isChangeMetric(metric, config)) markChanges(replayed, config);
    results.push({ metric, points: replayed.filter((p) => !options.from || p.timestamp >= options.from) });
  }
  options.reporter.progress(`backtest ${batch.name}`, metrics.length, metrics.length);
  return { results, retrainEvery: every };
}

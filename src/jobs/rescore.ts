import { openArtifactStore } from '../artifacts/index.ts';
import { ConfigError } from '../config/issues.ts';
import { loadBatches } from '../config/load.ts';
import type { BatchConfig } from '../config/schema.ts';
import { alertEvidence } from '../models/evidence.ts';
import { directionOf, expectedJson, type ExpectedRange } from '../models/expected-range.ts';
import { OutdatedModelError } from '../models/index.ts';
import { loadModels } from '../models/model-file.ts';
import { batchFingerprint } from '../models/model-fingerprint.ts';
import { loadPreprocess } from '../sources/preprocess-hook.ts';
import { DuckDb, quoteIdentifier } from '../store/duckdb.ts';
import { MetricsTable, type Point } from '../store/metrics-table.ts';
import { RowColumns } from '../store/row-columns.ts';
import { seriesOf, sliceSeries, type Series } from '../store/series-group.ts';
import { decideAlerts, wantedDirection } from './alert.ts';
import { checkWindow, enabledBatches, type BackfillOptions } from './backfill.ts';
import { scoredIn } from './backtest.ts';
import { isExcluded, type JobContext } from './context.ts';
import { latestTimestamp } from './ingest.ts';
import { UsageError } from './run.ts';
import { roundedJson, scoreMetadata, scoreNewPoints, scoreWindow } from './score.ts';

/** The window [from, to). */
export interface RescoreWindow {
  from: Date;
  to: Date;
}

export interface BatchRescore {
  batch: string;
  /** Metrics rescored (those with a usable model and points in the window). */
  metrics: number;
  scoresBefore: number;
  scoresAfter: number;
  alertsBefore: number;
  alertsAfter: number;
}

/** What the alert rule and its rows need of a rescored point, as the score row's metadata keeps it. */
interface PointDetails {
  expected: ExpectedRange | null;
  /** The point's own score when the stored score is a mean over alert_smooth_n points. */
  point: number | null;
  extreme: boolean;
}

/** The rows one metric's rescore writes, and its alerts as the rule decided them. */
interface MetricRescore {
  scores: RowColumns;
  alerts: RowColumns;
}

/**
 * Scores the batch's points in [from, to) again with its current models and config, and runs the alert rule over
 * them. The window's `score` and `alert` rows are replaced in one transaction: everything is computed first, so a
 * metric that cannot be rescored (no usable model) fails the batch with its rows as they were. New alert rows are
 * recorded with `metadata.rescored: true` and sent nowhere: history opens no issue and posts no message. Change,
 * threshold and LLM alert rows are left alone: none of them comes from the scores.
 *
 * Every point that had a score has one again, so the score job (which scores the unscored points among the newest)
 * neither skips nor redoes any point afterwards.
 */
export async function rescore(ctx: JobContext, window: RescoreWindow): Promise<BatchRescore> {
  const { batch, store } = ctx;
  checkWindow(window.from, window.to);
  await store.ensure();
  const names = (await store.metricNames(batch.name)).filter((n) => !isExcluded(n, batch.config.score_exclude_metrics));
  const fingerprint = await batchFingerprint(batch);
  const transform = await loadPreprocess(batch);
  const results: MetricRescore[] = [];
  for (const [i, name] of names.entries()) {
    ctx.reporter.progress(`rescore ${batch.name}`, i, names.length);
    const result = await rescoreMetric(ctx, name, window, fingerprint, transform?.(name));
    if (result) results.push(result);
  }
  ctx.reporter.progress(`rescore ${batch.name}`, names.length, names.length);
  const before = await windowCounts(ctx, window);
  await store.db.transaction(async () => {
    await store.db.run(
      `DELETE FROM ${quoted(store)} WHERE metric_batch = $batch AND metric_type IN ('score', 'alert')
         AND metric_timestamp >= epoch_ms($from::BIGINT) AND metric_timestamp < epoch_ms($to::BIGINT)`,
      { batch: batch.name, from: window.from.getTime(), to: window.to.getTime() },
    );
    for (const { scores, alerts } of results) {
      await store.insertColumns(scores);
      await store.insertColumns(alerts);
    }
  });
  const after = await windowCounts(ctx, window);
  return { batch: batch.name, metrics: results.length, scoresBefore: before.score, scoresAfter: after.score, alertsBefore: before.alert, alertsAfter: after.alert };
}

/**
 * One metric's new score and alert rows for the window, or null when it has nothing to rescore (no points in the
 * window, or neither a model nor a score there). Throws when it had scores there but no usable model.
 */
async function rescoreMetric(
  ctx: JobContext,
  name: string,
  window: RescoreWindow,
  fingerprint: string,
  transform: Parameters<typeof scoreNewPoints>[4],
): Promise<MetricRescore | null> {
  const { batch, store } = ctx;
  const config = batch.config;
  const from = window.from.getTime();
  const to = window.to.getTime();
  // Points up to the window's end; the window's first point needs `scoreWindow` points before it.
  const points = (await store.since(batch.name, name, 'metric', null)).filter((p) => p.timestamp.getTime() < to);
  const series = seriesOf(points);
  const first = series.millis.findIndex((ms) => ms >= from);
  if (first < 0) return null;
  const stored = (await store.sinceMany(batch.name, [name], 'score', [null], 'point')).takeSeries(0);
  const storedInWindow = stored.millis.some((ms) => ms >= from && ms < to);
  let models;
  try {
    models = await loadModels(ctx.models, batch.name, name);
  } catch (error) {
    if (!(error instanceof OutdatedModelError)) throw error;
    models = null;
  }
  if (!models || models.file.fingerprint !== fingerprint) {
    if (!storedInWindow) return null;
    throw new UsageError(`rescore ${batch.name}/${name}: ${models ? 'its model was trained under another config' : 'it has no usable model'}; run train first (nothing was changed)`);
  }
  // Point scores known before the window (stored) and in it (computed here), as the score job reads them.
  const pointScores = new Map<number, number>();
  stored.millis.forEach((ms, k) => ms < from && pointScores.set(ms, stored.values[k] ?? 0));
  const scores = new RowColumns();
  const scoreSeries = scores.seriesId(batch.name, name, 'score');
  const evidence: Point[] = [];
  const details = new Map<number, PointDetails>();
  const tags = models.detectors.length > 1 ? models.detectors.map(({ tag }) => tag) : null;
  const width = scoreWindow(config);
  // The score job scores at most score_max_n points a run: the window is scored that many points at a time.
  for (let start = first; start < series.millis.length; start += config.score_max_n) {
    const end = Math.min(start + config.score_max_n, series.millis.length);
    const slice = sliceSeries(series, end - width, end);
    const fresh = scoreNewPoints(slice, scoredIn(slice, pointScores), models, config, transform);
    for (let k = 0; k < fresh.millis.length; k++) {
      const ms = fresh.millis[k] ?? 0;
      if (ms < from) continue;
      const own = fresh.pointScores[k] ?? 0;
      const score = fresh.scores[k] ?? 0;
      const extreme = fresh.extreme[k] ?? false;
      const range = fresh.expected[k] ?? null;
      // Kept as the score row's metadata keeps it: rounded when the stored score is a mean over several points.
      const point = config.alert_smooth_n > 1 ? Number(roundedJson(own)) : own;
      pointScores.set(ms, point);
      // The expected range as the score row stores it (rounded), which is what the alert job reads back.
      const expected = range ? (JSON.parse(expectedJson(range)) as ExpectedRange) : null;
      details.set(ms, { expected, point: config.alert_smooth_n > 1 ? point : null, extreme });
      evidence.push({ timestamp: new Date(ms), value: alertEvidence(score, point, extreme) });
      scores.add(scoreSeries, ms, score, scoreMetadata(tags, fresh.perModel, k, {
        expected: range, seasonal: fresh.seasonal?.[k] ?? null, point: config.alert_smooth_n > 1 ? own : null, extreme,
      }));
    }
  }
  const alerts = isExcluded(name, config.alert_exclude_metrics) ? new RowColumns() : await windowAlerts(ctx, name, window, evidence, series, details);
  return { scores, alerts };
}

/** The alert rule over the window's new scores, after the stored ones just before it (for alert_snooze_n). */
async function windowAlerts(
  ctx: JobContext,
  name: string,
  window: RescoreWindow,
  evidence: readonly Point[],
  series: Series,
  details: ReadonlyMap<number, PointDetails>,
): Promise<RowColumns> {
  const { batch, store } = ctx;
  const config = batch.config;
  const from = window.from.getTime();
  const storedBefore = (await store.sinceMany(batch.name, [name], 'score', [null], 'evidence')).take(0).filter((p) => p.timestamp.getTime() < from);
  const earlier = storedBefore.slice(-config.alert_snooze_n);
  const alertedBefore = (await store.since(batch.name, name, 'alert', earlier[0] ? new Date(earlier[0].timestamp.getTime() - 1) : null))
    .map((p) => p.timestamp.getTime())
    .filter((ms) => ms < from);
  const valueOf = new Map(series.millis.map((ms, i) => [ms, series.values[i] ?? 0]));
  const valueAt = (ms: number): number | null => valueOf.get(ms) ?? null;
  const rangeAt = (ms: number): ExpectedRange | null => details.get(ms)?.expected ?? null;
  const wanted = config.alert_direction === 'both' ? undefined : wantedDirection(valueAt, rangeAt, config.alert_direction);
  const judged = [...earlier, ...evidence];
  // Every point of the window is judged (not only the newest alert_recent_n), and none is forced: alert_always
  // checks that notifications arrive, which history does not send.
  const rule: BatchConfig = { ...config, alert_recent_n: judged.length, alert_always: false };
  const rows = new RowColumns();
  const alertSeries = rows.seriesId(batch.name, name, 'alert');
  for (const decision of decideAlerts(judged, new Set(alertedBefore), rule, wanted)) {
    const ms = decision.timestamp.getTime();
    if (!decision.alert || ms < from) continue;
    const point = details.get(ms);
    const expected = point?.expected ?? null;
    const direction = directionOf(valueAt(ms), expected);
    // What the alert job records (see decideAnomalies), marked as history.
    const metadata = {
      score: point?.point ?? decision.score, smoothed_score: decision.score, threshold: config.alert_threshold,
      ...(point?.extreme ? { extreme: true } : {}),
      ...(expected ? { expected, direction } : {}),
      rescored: true,
    };
    rows.add(alertSeries, ms, 1, JSON.stringify(metadata));
  }
  return rows;
}

async function windowCounts(ctx: JobContext, window: RescoreWindow): Promise<{ score: number; alert: number }> {
  const [row] = await ctx.store.db.all(
    `SELECT count(*) FILTER (WHERE metric_type = 'score')::INTEGER AS score, count(*) FILTER (WHERE metric_type = 'alert')::INTEGER AS alert
     FROM ${quoted(ctx.store)} WHERE metric_batch = $batch
       AND metric_timestamp >= epoch_ms($from::BIGINT) AND metric_timestamp < epoch_ms($to::BIGINT)`,
    { batch: ctx.batch.name, from: window.from.getTime(), to: window.to.getTime() },
  );
  return { score: Number(row?.['score'] ?? 0), alert: Number(row?.['alert'] ?? 0) };
}

function quoted(store: MetricsTable): string {
  return quoteIdentifier(store.table);
}

/** The same window options as backfill's. */
export type RescoreOptions = BackfillOptions;

/** `rescore` for every selected, enabled batch, each in its own transaction: one that fails leaves the others rescored. */
export async function rescoreBatches(options: RescoreOptions): Promise<BatchRescore[]> {
  const window = { from: options.from, to: options.to };
  checkWindow(window.from, window.to);
  const env = options.env ?? process.env;
  const now = options.now ?? new Date();
  const named = options.batches ?? [];
  const loaded = await loadBatches(options.metricsDir, { env, only: named, ...(options.defaults ? { defaults: options.defaults } : {}) });
  const unknown = named.filter((name) => !loaded.batches.some((b) => b.name === name) && !loaded.failures.some((f) => f.name === name));
  if (unknown.length > 0) throw new UsageError(`no batch named ${unknown.join(', ')} in ${options.metricsDir}`);
  if (loaded.failures.length > 0) throw new ConfigError(loaded.failures.flatMap((f) => f.error.issues));
  const results: BatchRescore[] = [];
  for (const batch of enabledBatches(loaded.batches, options.reporter, 'rescore')) {
    const db = await DuckDb.openForJobs(batch.config.duckdb_path, { waitMs: options.waitMs ?? 0 });
    try {
      const ctx: JobContext = {
        batch,
        store: new MetricsTable(db, batch.config.table_key, { until: new Date(latestTimestamp(batch, now).ms) }),
        models: openArtifactStore(batch.config.model_path, env),
        // History is sent nowhere.
        channels: [],
        now,
        reporter: options.reporter,
        env,
      };
      const result = await rescore(ctx, window);
      options.reporter.info(`rescore ${batch.name}: ${result.metrics} metrics, scores ${result.scoresBefore} -> ${result.scoresAfter}, alerts ${result.alertsBefore} -> ${result.alertsAfter}`);
      results.push(result);
    } finally {
      db.close();
    }
  }
  return results;
}

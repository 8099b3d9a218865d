import type { BatchConfig } from '../config/schema.ts';
import { combineScores, loadModels, type TrainedModels } from '../models/model-file.ts';
import { OutdatedModelError } from '../models/index.ts';
import { batchFingerprint } from '../models/model-fingerprint.ts';
import { EXPECTED_WINDOW_N, expectedJson, expectedRangesAt, isFarOutside, seasonalRangesAt, type ExpectedRange } from '../models/expected-range.ts';
import { smoothedScores } from '../models/evidence.ts';
import { featuresOf, historyNeeded, prepareSeries, type SeriesTransform } from '../models/preprocess.ts';
import { seasonalScores, type SeasonalCheck } from '../models/seasonal-check.ts';
import { seasonalBaseline } from '../models/seasonality.ts';
import { lowerBound } from '../models/stats.ts';
import { loadPreprocess } from '../sources/preprocess-hook.ts';
import { ROW_GROUP_ROWS, RowColumns } from '../store/row-columns.ts';
import { inGroups, justBeforeFirst, sliceSeries, type Series } from '../store/series-group.ts';
import { isExcluded, metricFailure, type JobContext, type JobResult } from './context.ts';
import type { FittedMetric } from './train.ts';

/** The points `scoreNewPoints` scored, column by column (a few million points a run: no object a point). */
export interface NewScores {
  /** Epoch milliseconds of the scored points, oldest first. */
  millis: number[];
  /** Their scores: each the mean over it and the points scored before it (see smoothedScores). */
  scores: number[];
  /** Each point's own score: the models' scores combined by `model_combination_method` (the seasonal check's when larger). */
  pointScores: number[];
  /** Whether the alert rule judges a point by its own score: it is larger, and the value far outside its expected range. */
  extreme: boolean[];
  /** Each model's own scores, in the detectors' order. */
  perModel: number[][];
  /** The seasonal check's scores (null: the metric has no season). */
  seasonal: number[] | null;
  /** What each point was expected to be, from the values before it (null: too few of them); empty when not asked for and not needed. */
  expected: (ExpectedRange | null)[];
}

/** How many of the newest points the score job reads for one metric. */
export function scoreWindow(config: BatchConfig): number {
  // Resampling turns an unknown number of raw points into each bucket, so it reads a training window instead.
  if (config.preprocess_params.freq) return config.train_max_n;
  // Enough earlier points for the features, and for the expected range of the oldest point scored.
  return config.score_max_n + Math.max(historyNeeded(config.preprocess_params), EXPECTED_WINDOW_N);
}

/** The newest points the features of the scored points are made from (without `freq`). */
function featurePoints(config: BatchConfig): number {
  return config.score_max_n + historyNeeded(config.preprocess_params);
}

/**
 * Scores the points of `window` (the newest `scoreWindow` points, oldest first) that have no score yet (none in
 * `earlier`, the stored point scores of the window's scored points, oldest first), at most the newest `score_max_n`
 * of them; each new score is the mean over it and the points scored before it (see smoothedScores). Pure: the
 * score job and the backtest both call it.
 */
export function scoreNewPoints(
  window: Series,
  earlier: Series,
  fitted: FittedMetric,
  config: BatchConfig,
  transform?: SeriesTransform,
  withExpected = true,
): NewScores {
  // Features from the newest points only, as many as they need; the earlier ones are there for the expected range.
  const featureWindow = config.preprocess_params.freq ? window : sliceSeries(window, window.millis.length - featurePoints(config));
  const { detectors, seasonal } = fitted;
  const prepared = prepareSeries(featureWindow, config.preprocess_params, transform);
  const { millis, rows } = featuresOf(prepared, config.preprocess_params);
  // Row numbers of the unscored points, at most the newest score_max_n.
  const scored = new Set(earlier.millis);
  const fresh: number[] = [];
  for (let i = 0; i < millis.length; i++) if (!scored.has(millis[i] ?? 0)) fresh.push(i);
  fresh.splice(0, fresh.length - config.score_max_n);
  if (fresh.length === 0) return { millis: [], scores: [], pointScores: [], extreme: [], perModel: detectors.map(() => []), seasonal: null, expected: [] };
  // Every row unscored (a first run, a backfill): the rows themselves, no copy.
  const all = fresh.length === rows.length;
  const freshRows = all ? rows : fresh.map((i) => rows[i] ?? []);
  const perModel = detectors.map(({ detector }) => detector.calibrated(freshRows));
  const freshMillis = all ? millis : fresh.map((i) => millis[i] ?? 0);
  const pointScores = combineScores(perModel, config.model_combination_method);
  // The seasonal check judges what the detectors cannot see (the time of day): the larger of the two is the point's score.
  const seasonalAt = seasonal ? seasonalScores(prepared, freshMillis.map((ms) => lowerBound(prepared.millis, ms)), seasonal) : null;
  if (seasonalAt) for (let k = 0; k < pointScores.length; k++) pointScores[k] = Math.max(pointScores[k] ?? 0, seasonalAt[k] ?? 0);
  // A point's (or a bucket's) expected range comes from the raw values stored before it.
  const ranges = withExpected || config.alert_extreme_ratio > 0 ? expectedRanges(window, freshMillis, config, seasonal) : [];
  const valueAt = (ms: number): number | null => {
    const position = lowerBound(window.millis, ms);
    return window.millis[position] === ms ? (window.values[position] ?? null) : null;
  };
  const farOutside = (k: number): boolean => isFarOutside(valueAt(freshMillis[k] ?? 0), ranges[k] ?? null, config.alert_extreme_ratio);
  const merged = mergeScores(earlier, freshMillis, pointScores);
  const { scores, extreme } = smoothedScores(merged.scores, merged.freshAt, config.alert_smooth_n, farOutside);
  return { millis: freshMillis, scores, pointScores, extreme, perModel, seasonal: seasonalAt, expected: withExpected ? ranges : [] };
}

/**
 * The stored point scores and the new ones in time order, and where the new ones are in it: the smoothing window of
 * a new point holds the points scored before it, stored or new (a point filled into a gap among them included).
 */
function mergeScores(earlier: Series, freshMillis: readonly number[], fresh: readonly number[]): { scores: number[]; freshAt: number[] } {
  if (earlier.millis.length === 0) return { scores: [...fresh], freshAt: freshMillis.map((_, k) => k) };
  const scores: number[] = [];
  const freshAt: number[] = [];
  let e = 0;
  for (let k = 0; k < freshMillis.length; k++) {
    while (e < earlier.millis.length && (earlier.millis[e] ?? 0) < (freshMillis[k] ?? 0)) scores.push(earlier.values[e++] ?? 0);
    freshAt.push(scores.length);
    scores.push(fresh[k] ?? 0);
  }
  return { scores, freshAt };
}

/**
 * What the points at `millis` were expected to be, from the raw values stored before each: around the metric's
 * seasonal baseline when it has one whose units are the values' own (no resample, or one that averages or picks).
 */
function expectedRanges(window: Series, millis: readonly number[], config: BatchConfig, seasonal: SeasonalCheck | null): (ExpectedRange | null)[] {
  const positions = millis.map((ms) => lowerBound(window.millis, ms));
  const { freq, freq_agg } = config.preprocess_params;
  if (!seasonal || (freq && (freq_agg === 'sum' || freq_agg === 'count'))) return expectedRangesAt(window.values, positions);
  return seasonalRangesAt(window.values, positions, (i) => seasonalBaseline(seasonal.season, window.millis[i] ?? 0));
}

/**
 * Scores the points in the recent window that have no score yet (the newest `score_max_n` of them), so a
 * late, skipped or repeated scheduled run scores each point exactly once, and a point filled into a gap
 * after its neighbours were scored still gets its score.
 */
export async function score(ctx: JobContext): Promise<JobResult> {
  const { batch, store } = ctx;
  const config = batch.config;
  const names = (await store.metricNames(batch.name)).filter((n) => !isExcluded(n, config.score_exclude_metrics));
  const run: ScoreRun = {
    transform: await loadPreprocess(batch),
    fingerprint: await batchFingerprint(batch),
    untrained: [],
    stale: [],
    failed: [],
    scoredMetrics: new Set(),
    done: 0,
    total: names.length,
    pending: new RowColumns(),
    scored: 0,
  };
  try {
    for (const group of inGroups(names)) await scoreGroup(ctx, group, run);
  } catch (error) {
    // The metrics scored before the failure keep their scores; the next run scores just the rest. Should this
    // write fail too (the store itself failing), the first error is the one to report.
    await store.insertColumns(run.pending).catch(() => 0);
    throw error;
  }
  run.scored += await store.insertColumns(run.pending);
  const { scored } = run;
  ctx.reporter.progress(`score ${batch.name}`, names.length, names.length);
  if (run.untrained.length > 0) ctx.reporter.info(`${batch.name}: no model yet for ${run.untrained.join(', ')}`);
  if (run.stale.length > 0) {
    ctx.reporter.warn(`${batch.name}: not scored, the model is stale (trained under another config; train retrains it): ${run.stale.join(', ')}`);
  }
  const failedNote = run.failed.length > 0 ? `; ${run.failed.length} failed (${run.failed.join(', ')}: see the warnings)` : '';
  return { counts: { scored }, message: `${scored} new scores for ${run.scoredMetrics.size} metrics${failedNote}` };
}

interface ScoreRun {
  transform: ((metric: string) => SeriesTransform) | undefined;
  /** The batch's current modelFingerprint: a model with another one is never used. */
  fingerprint: string;
  untrained: string[];
  /** Metrics whose model was trained under another config: skipped until train replaces it. */
  stale: string[];
  /** Metrics whose scoring failed (warned about): the others are scored all the same. */
  failed: string[];
  scoredMetrics: Set<string>;
  done: number;
  total: number;
  /** Scores not written yet: written whole row groups at a time (see `writeWholeRowGroups`), the rest at the end. */
  pending: RowColumns;
  /** Scores written. */
  scored: number;
}

/** Scores one group of series read in one query, adding the new scores to `run.pending`. */
async function scoreGroup(ctx: JobContext, group: readonly string[], run: ScoreRun): Promise<void> {
  const { batch, store } = ctx;
  const config = batch.config;
  const windows = await store.latestMany(batch.name, group, 'metric', scoreWindow(config));
  // Point scores already stored from each window's first point on; a series with no points reads nothing.
  const stored = await store.sinceMany(batch.name, group, 'score', justBeforeFirst(windows), 'point');
  for (const [g, name] of group.entries()) {
    ctx.reporter.progress(`score ${batch.name}`, run.done++, run.total);
    let models: TrainedModels | null;
    let fresh: NewScores;
    try {
      models = await loadOutdatedAsNone(ctx, name);
      if (!models) {
        run.untrained.push(name);
        continue;
      }
      if (models.file.fingerprint !== run.fingerprint) {
        run.stale.push(name);
        continue;
      }
      const window = windows.takeSeries(g);
      if (window.millis.length === 0) continue;
      fresh = scoreNewPoints(window, stored.takeSeries(g), models, config, run.transform?.(name));
    } catch (error) {
      // A metric's own failure (an unreadable model file, its preprocess hook) fails that metric, not the batch.
      run.failed.push(metricFailure(ctx, 'score', name, error));
      continue;
    }
    const rows = run.pending;
    const series = rows.seriesId(batch.name, name, 'score');
    // One model's score is the score itself: only an ensemble's rows say what each model thought.
    const tags = models.detectors.length > 1 ? models.detectors.map(({ tag }) => tag) : null;
    for (let k = 0; k < fresh.millis.length; k++) {
      rows.add(series, fresh.millis[k] ?? 0, fresh.scores[k] ?? 0, scoreMetadata(tags, fresh.perModel, k, {
        expected: fresh.expected[k] ?? null,
        seasonal: fresh.seasonal?.[k] ?? null,
        point: config.alert_smooth_n > 1 ? (fresh.pointScores[k] ?? null) : null,
        extreme: fresh.extreme[k] ?? false,
      }));
    }
    if (fresh.millis.length > 0) run.scoredMetrics.add(name);
    await writeWholeRowGroups(ctx, run);
  }
}

/**
 * Writes the pending scores' whole row groups, each write its own transaction (DuckDB would hold one run-wide
 * transaction's rows in memory until commit), keeping the rest pending. Rows whose write failed are not pending
 * any more: the failure is the run's error.
 */
async function writeWholeRowGroups(ctx: JobContext, run: ScoreRun): Promise<void> {
  const whole = run.pending.length - (run.pending.length % ROW_GROUP_ROWS);
  if (whole === 0) return;
  const rows = run.pending;
  run.pending = rows.splitAt(whole);
  run.scored += await ctx.store.insertColumns(rows);
}

/**
 * The metric's models; none when it has no model yet, or only one an older build wrote: after an upgrade the batch
 * keeps running (a warning per metric) and the next train replaces the file, instead of every score run failing.
 */
async function loadOutdatedAsNone(ctx: JobContext, name: string): Promise<TrainedModels | null> {
  try {
    return await loadModels(ctx.models, ctx.batch.name, name);
  } catch (error) {
    if (!(error instanceof OutdatedModelError)) throw error;
    ctx.reporter.warn(`score: ${error.message}; ${name} is scored again once train has run`);
    return null;
  }
}

/** What a score row's metadata says about its point besides each model's score (null or false: left out). */
export interface PointDetails {
  expected: ExpectedRange | null;
  /** The seasonal check's score (metrics with a season). */
  seasonal: number | null;
  /** The point's own score, when the stored score is a mean over `alert_smooth_n` points. */
  point: number | null;
  /** The alert rule judges the point by its own score: its value lies far outside the expected range (`alert_extreme_ratio`). */
  extreme: boolean;
}

/**
 * A score row's metadata: `{"models":{tag:score},"expected":{"baseline":b,"low":l,"high":h},"seasonal":s,"point":p,
 * "extreme":true}`, `models` only when the batch combines several models (point k's score from each, in `tags`'
 * order, rounded to 6 decimals), the rest as `details` gives them (scores rounded alike); null when none. The JSON is
 * written out directly because an object, a stringify and the shortest-digits formatting of the doubles a row cost
 * more than the rest of the row's write.
 */
export function scoreMetadata(
  tags: readonly string[] | null,
  perModel: readonly (readonly number[])[],
  k: number,
  details: Partial<PointDetails> = {},
): string | null {
  const parts: string[] = [];
  if (tags) {
    let models = '"models":{';
    for (let m = 0; m < tags.length; m++) models += `${m === 0 ? '' : ','}${JSON.stringify(tags[m])}:${roundedJson(perModel[m]?.[k] ?? 0)}`;
    parts.push(`${models}}`);
  }
  const { expected, seasonal, point, extreme } = details;
  if (expected) parts.push(`"expected":${expectedJson(expected)}`);
  if (seasonal != null) parts.push(`"seasonal":${roundedJson(seasonal)}`);
  if (point != null) parts.push(`"point":${roundedJson(point)}`);
  if (extreme) parts.push('"extreme":true');
  return parts.length > 0 ? `{${parts.join(',')}}` : null;
}

/** JSON.stringify(round(value)): scores in 0..1 are written from their integer millionths, anything else by JSON. */
export function roundedJson(value: number): string {
  const millionths = Math.round(value * 1e6);
  if (millionths > 0 && millionths < 1e6) {
    // k/1e6 has at most 6 significant digits, so its shortest form is "0." and k's 6 digits without trailing zeros.
    const digits = String(millionths + 1e6).slice(1);
    let end = digits.length;
    while (digits.charCodeAt(end - 1) === 48) end--;
    return `0.${digits.slice(0, end)}`;
  }
  return JSON.stringify(round(value));
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

import type { BatchConfig } from '../config/schema.ts';
import type { Detector } from '../models/detector.ts';
import { fitModels, modelFolder, readModelHeader, saveModels } from '../models/model-file.ts';
import { batchFingerprint } from '../models/model-fingerprint.ts';
import { featuresOf, frequencyMs, prepareSeries, type SeriesTransform } from '../models/preprocess.ts';
import { fitSeasonalCheck, type SeasonalCheck } from '../models/seasonal-check.ts';
import { loadPreprocess } from '../sources/preprocess-hook.ts';
import { inGroups, sliceSeries, type Series } from '../store/series-group.ts';
import { isExcluded, metricFailure, type JobContext, type JobResult } from './context.ts';
import { decidingPoints, refitReason, type RefitReason } from './refit.ts';

export type TrainedDetectors = { tag: string; detector: Detector }[];

/** What scoring a metric needs of its training: the fitted detectors and its seasonal check. */
export interface FittedMetric {
  detectors: TrainedDetectors;
  /** The daily or weekly cycle the newest points are also checked against (see seasonal-check.ts); null: none. */
  seasonal: SeasonalCheck | null;
}

/**
 * At most this share of a training window is left out for being unscored: a first run with a large `score_max_n`
 * scores part of its history in-sample rather than training on a sliver of it.
 */
const MAX_HELD_OUT_SHARE = 0.25;

/**
 * Fits the batch's detectors on one metric's points (the newest `train_max_n`, oldest first), leaving out the newest
 * `train_holdout_n` and any newer points that have no score yet (`isScored`, given epoch ms; see `pointsHeldOut`). The
 * score job then judges new points with a model that has not seen them, on a first run too, where they would otherwise
 * be in the training windows and look normal; and a model retrained at every tick does not learn an anomaly's first
 * window before judging its next. Pure: the train job and the backtest both call it, so a backtest trains exactly as
 * the scheduled job does.
 */
export function trainMetric(
  series: Series,
  config: BatchConfig,
  transform?: SeriesTransform,
  isScored: (ms: number) => boolean = () => true,
): (FittedMetric & { trainN: number; trainedTo: Date }) | { skipped: string } {
  const recent = trainingPoints(series, config, isScored);
  const n = recent.millis.length;
  if (n < config.train_min_n) return { skipped: `${n} points, needs ${config.train_min_n}` };
  const prepared = prepareSeries(recent, config.preprocess_params, transform);
  const seasonal = fitSeasonalCheck(prepared, config.seasonality, config.preprocess_params.lags_n + 1, config.seasonality_min_strength);
  const features = featuresOf(prepared, config.preprocess_params);
  if (features.rows.length === 0) return { skipped: `${n} points give no feature rows` };
  try {
    return { detectors: fitModels(config, features.rows), seasonal, trainN: features.rows.length, trainedTo: new Date(recent.millis[n - 1] ?? 0) };
  } catch (error) {
    return { skipped: error instanceof Error ? error.message : String(error) };
  }
}

/** The points trainMetric fits on: the newest `train_max_n` of `series`, less those held out (see pointsHeldOut). */
export function trainingPoints(series: Series, config: BatchConfig, isScored: (ms: number) => boolean): Series {
  const window = sliceSeries(series, series.millis.length - config.train_max_n);
  return sliceSeries(window, 0, window.millis.length - pointsHeldOut(window, config, isScored));
}

/**
 * How many of the window's newest points training leaves out: the newest `train_holdout_n`, and then any newer ones
 * without a score, in all at most max(`score_max_n`, `train_holdout_n`) points and a quarter of the window, never
 * leaving fewer than `train_min_n`. With `freq` the score job scores buckets (stamped with their start), so the
 * count is in buckets and whole buckets are left out.
 */
export function pointsHeldOut(window: Series, config: BatchConfig, isScored: (ms: number) => boolean): number {
  const { freq } = config.preprocess_params;
  const width = freq ? frequencyMs(freq) : 0;
  const n = window.millis.length;
  // What score scores: each point, or each bucket (its start, in epoch-aligned buckets as `resample` makes them).
  const unitOf = (i: number): number => {
    const ms = window.millis[i] ?? 0;
    return freq ? Math.floor(ms / width) * width : ms;
  };
  let units = n;
  if (freq) {
    units = 0;
    for (let i = 0; i < n; i++) if (i === 0 || unitOf(i) !== unitOf(i - 1)) units++;
  }
  const cap = Math.min(Math.max(config.score_max_n, config.train_holdout_n), Math.floor(units * MAX_HELD_OUT_SHARE));
  let held = 0;
  for (let taken = 0, i = n - 1; taken < cap && i >= 0; taken++) {
    const start = unitOf(i);
    let first = i;
    while (first > 0 && unitOf(first - 1) === start) first--;
    const size = i - first + 1;
    if ((taken >= config.train_holdout_n && isScored(start)) || n - held - size < config.train_min_n) break;
    held += size;
    i = first - 1;
  }
  return held;
}

/**
 * Fits the batch's detectors on each metric's latest `train_max_n` points and saves them as JSON, for the metrics
 * whose model is missing, was trained under another config (its fingerprint differs) or has `train_refit_n` new
 * trainable points (see refitReason); the others keep their model, untouched.
 */
export async function train(ctx: JobContext, options: TrainOptions = {}): Promise<JobResult> {
  const { batch, store } = ctx;
  const config = batch.config;
  const names = (await store.metricNames(batch.name)).filter((n) => !isExcluded(n, config.train_exclude_metrics));
  const preprocess = await loadPreprocess(batch);
  const fingerprint = await batchFingerprint(batch);
  const leftovers = (await ctx.models.removeLeftovers?.(modelFolder(batch.name))) ?? 0;
  if (leftovers > 0) ctx.reporter.info(`${batch.name}: removed ${leftovers} temporary model file(s) an interrupted run left in ${ctx.models.location}`);
  let trained = 0;
  let kept = 0;
  const stale: string[] = [];
  const skipped: string[] = [];
  const failed: string[] = [];
  let done = 0;
  let writing: Promise<void> = Promise.resolve();
  for (const group of inGroups(names)) {
    const plan = await planGroup(ctx, group, fingerprint, options.onlyUnusable ?? false);
    kept += plan.kept;
    done += plan.kept;
    for (const { name, series, isScored, reason } of plan.refits) {
      ctx.reporter.progress(`train ${batch.name}`, done++, names.length);
      let result: ReturnType<typeof trainMetric>;
      try {
        result = trainMetric(series, config, preprocess?.(name), isScored);
      } catch (error) {
        // A metric's own failure (its preprocess hook, say) fails that metric, not the batch.
        failed.push(metricFailure(ctx, 'train', name, error));
        continue;
      }
      if ('skipped' in result) {
        skipped.push(`${name} (${result.skipped})`);
        continue;
      }
      if (reason === 'stale') stale.push(name);
      // The file is written while the next metric trains; one write in flight at most.
      await writing;
      writing = saveModels(ctx.models, {
        metric_batch: batch.name,
        metric_name: name,
        trained_at: ctx.now.toISOString(),
        train_n: result.trainN,
        train_to: result.trainedTo.toISOString(),
        fingerprint,
        preprocess_params: { ...config.preprocess_params },
        seasonal: result.seasonal,
      }, result.detectors).then(
        () => {
          trained++;
        },
        (error: unknown) => {
          failed.push(metricFailure(ctx, 'train', name, error));
        },
      );
    }
  }
  await writing;
  ctx.reporter.progress(`train ${batch.name}`, names.length, names.length);
  if (stale.length > 0) ctx.reporter.info(`${batch.name}: retrained ${stale.length} model(s) trained under another config: ${stale.join(', ')}`);
  if (skipped.length > 0) ctx.reporter.info(`${batch.name}: not trained yet: ${skipped.join(', ')}`);
  const keptNote = kept === 0 ? '' : options.onlyUnusable ? `, ${kept} kept (train is not due)` : `, ${kept} kept (fewer than ${config.train_refit_n} new points)`;
  const failedNote = failed.length > 0 ? `; ${failed.length} failed (${failed.join(', ')}: see the warnings)` : '';
  return { counts: { trained, kept }, message: `${trained} of ${names.length} metrics trained into ${ctx.models.location}${keptNote}${failedNote}` };
}

export interface TrainOptions {
  /**
   * Fit only the metrics with no usable model (missing, unreadable, or stale by config), keeping the others whatever
   * their new points: what a tick on which train is not due still does, so a new metric or a changed config is not
   * left unscored until the next scheduled train.
   */
  onlyUnusable?: boolean;
}

/** A metric train refits: its training window (the newest `train_max_n` points), which points are scored, and why. */
interface Refit {
  name: string;
  series: Series;
  isScored: (ms: number) => boolean;
  reason: RefitReason;
}

/**
 * Which of a group's metrics train refits (see refitReason), in the group's order, with their windows; the others are
 * kept. Headers are read together, while the newest scores are queried: one round trip a group on a bucket. A file
 * that cannot be read is refitted, as it always was (should the store be failing, the write reports it). A metric
 * with a current model is decided on its newest points only (decidingPoints), and its whole window read only when it
 * is refitted: a tick that keeps most models reads a fraction of the points.
 */
async function planGroup(ctx: JobContext, group: readonly string[], fingerprint: string, onlyUnusable: boolean): Promise<{ refits: Refit[]; kept: number }> {
  const { batch, store } = ctx;
  const config = batch.config;
  const reading = Promise.all(group.map((name) => readModelHeader(ctx.models, batch.name, name).catch(() => null)));
  const newestScores = await store.latestMany(batch.name, group, 'score', 1);
  const headers = await reading;
  const current = (g: number): boolean => headers[g]?.fingerprint === fingerprint;
  const deciding = decidingPoints(config);
  // Read at once in full: metrics that are refitted whatever their points say, and all of them where the newest points cannot decide.
  const full = group.flatMap((_, g) => (!current(g) || (deciding === null && !onlyUnusable) ? [g] : []));
  const fullWindows = full.length > 0 ? await store.latestMany(batch.name, full.map((g) => group[g] ?? ''), 'metric', config.train_max_n) : null;
  // Metrics with a current model: decided on their newest points, or kept outright when only unusable models are fitted.
  const decided = onlyUnusable ? [] : group.flatMap((_, g) => (deciding !== null && current(g) ? [g] : []));
  const newest = decided.length > 0 && deciding !== null ? await store.latestMany(batch.name, decided.map((g) => group[g] ?? ''), 'metric', deciding) : null;
  const planned: (Refit | null)[] = group.map(() => null);
  const truncated: number[] = [];
  for (const [g, name] of group.entries()) {
    const scoredUpTo = newestScores.times(g)[0] ?? -Infinity;
    const isScored = (ms: number): boolean => ms <= scoredUpTo;
    if (onlyUnusable && current(g)) continue;
    const inFull = full.indexOf(g);
    const series = inFull >= 0 ? (fullWindows?.takeSeries(inFull) ?? EMPTY) : (newest?.takeSeries(decided.indexOf(g)) ?? EMPTY);
    const reason = refitReason(headers[g] ?? null, fingerprint, trainingPoints(series, config, isScored), config);
    if (reason === null) continue;
    planned[g] = { name, series, isScored, reason };
    // Fewer points than were asked for is the whole series: only a window cut short is read again.
    if (inFull < 0 && series.millis.length >= (deciding ?? Infinity)) truncated.push(g);
  }
  if (truncated.length > 0) {
    const windows = await store.latestMany(batch.name, truncated.map((g) => group[g] ?? ''), 'metric', config.train_max_n);
    truncated.forEach((g, k) => {
      const refit = planned[g];
      if (refit) refit.series = windows.takeSeries(k);
    });
  }
  const refits = planned.filter((r): r is Refit => r !== null);
  return { refits, kept: group.length - refits.length };
}

const EMPTY: Series = { millis: [], values: [] };

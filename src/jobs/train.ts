import type { BatchConfig } from '../config/schema.ts';
import type { Detector } from '../models/detector.ts';
import { fitModels, modelFolder, saveModels } from '../models/model-file.ts';
import { frequencyMs, makeFeatures, type SeriesTransform } from '../models/preprocess.ts';
import { loadPreprocess } from '../sources/preprocess-hook.ts';
import { inGroups, sliceSeries, type Series } from '../store/series-group.ts';
import { isExcluded, metricFailure, type JobContext, type JobResult } from './context.ts';

export type TrainedDetectors = { tag: string; detector: Detector }[];

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
): { detectors: TrainedDetectors; trainN: number; trainedTo: Date } | { skipped: string } {
  const window = sliceSeries(series, series.millis.length - config.train_max_n);
  const recent = sliceSeries(window, 0, window.millis.length - pointsHeldOut(window, config, isScored));
  const n = recent.millis.length;
  if (n < config.train_min_n) return { skipped: `${n} points, needs ${config.train_min_n}` };
  const features = makeFeatures(recent, config.preprocess_params, transform);
  if (features.rows.length === 0) return { skipped: `${n} points give no feature rows` };
  try {
    return { detectors: fitModels(config, features.rows), trainN: features.rows.length, trainedTo: new Date(recent.millis[n - 1] ?? 0) };
  } catch (error) {
    return { skipped: error instanceof Error ? error.message : String(error) };
  }
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

/** Fits the batch's detectors on each metric's latest `train_max_n` points and saves them as JSON. */
export async function train(ctx: JobContext): Promise<JobResult> {
  const { batch, store } = ctx;
  const config = batch.config;
  const names = (await store.metricNames(batch.name)).filter((n) => !isExcluded(n, config.train_exclude_metrics));
  const preprocess = await loadPreprocess(batch);
  const leftovers = (await ctx.models.removeLeftovers?.(modelFolder(batch.name))) ?? 0;
  if (leftovers > 0) ctx.reporter.info(`${batch.name}: removed ${leftovers} temporary model file(s) an interrupted run left in ${ctx.models.location}`);
  let trained = 0;
  const skipped: string[] = [];
  const failed: string[] = [];
  let done = 0;
  let writing: Promise<void> = Promise.resolve();
  for (const group of inGroups(names)) {
    const windows = await store.latestMany(batch.name, group, 'metric', config.train_max_n);
    const newestScores = await store.latestMany(batch.name, group, 'score', 1);
    for (const [g, name] of group.entries()) {
      ctx.reporter.progress(`train ${batch.name}`, done++, names.length);
      const scoredUpTo = newestScores.times(g)[0] ?? -Infinity;
      let result: ReturnType<typeof trainMetric>;
      try {
        result = trainMetric(windows.takeSeries(g), config, preprocess?.(name), (ms) => ms <= scoredUpTo);
      } catch (error) {
        // A metric's own failure (its preprocess hook, say) fails that metric, not the batch.
        failed.push(metricFailure(ctx, 'train', name, error));
        continue;
      }
      if ('skipped' in result) {
        skipped.push(`${name} (${result.skipped})`);
        continue;
      }
      // The file is written while the next metric trains; one write in flight at most.
      await writing;
      writing = saveModels(ctx.models, {
        metric_batch: batch.name,
        metric_name: name,
        trained_at: ctx.now.toISOString(),
        train_n: result.trainN,
        train_to: result.trainedTo.toISOString(),
        preprocess_params: { ...config.preprocess_params },
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
  if (skipped.length > 0) ctx.reporter.info(`${batch.name}: not trained yet: ${skipped.join(', ')}`);
  const failedNote = failed.length > 0 ? `; ${failed.length} failed (${failed.join(', ')}: see the warnings)` : '';
  return { counts: { trained }, message: `${trained} of ${names.length} metrics trained into ${ctx.models.location}${failedNote}` };
}

import type { BatchConfig } from '../config/schema.ts';
import type { ModelHeader } from '../models/model-file.ts';
import { frequencyMs } from '../models/preprocess.ts';
import type { Series } from '../store/series-group.ts';

/** Why train fits a metric now: it has no usable model, one trained under another config, or enough new points. */
export type RefitReason = 'missing' | 'stale' | 'new points';

/**
 * Whether the train job refits a metric whose current training points are `training` (see trainingPoints), given its
 * saved model's header (null: no file, or one this build cannot use) and the batch's current fingerprint; null keeps
 * the model. A model is refitted once `train_refit_n` of the points it would now be fitted on are newer than the
 * newest it was fitted on: points still held out do not count, so a model is not refitted only to leave them out again.
 */
export function refitReason(header: ModelHeader | null, fingerprint: string, training: Series, config: BatchConfig): RefitReason | null {
  if (header === null) return 'missing';
  if (header.fingerprint !== fingerprint) return 'stale';
  const trainedTo = Date.parse(header.train_to);
  if (Number.isNaN(trainedTo)) return 'missing';
  return newTrainablePoints(training, trainedTo, config.preprocess_params.freq, config.train_refit_n) >= config.train_refit_n ? 'new points' : null;
}

/**
 * How many of `training`'s points are newer than `trainedTo`, counting up to `enough`. With `freq` the models are
 * fitted on buckets (stamped with their start, epoch-aligned as `resample` makes them), so buckets after the one
 * holding `trainedTo` are counted instead.
 */
export function newTrainablePoints(training: Series, trainedTo: number, freq: string | undefined, enough: number): number {
  const width = freq ? frequencyMs(freq) : 0;
  const unitOf = (ms: number): number => (width > 0 ? Math.floor(ms / width) * width : ms);
  const fittedUpTo = unitOf(trainedTo);
  let count = 0;
  let previous = Number.NaN;
  // Newest first: the count stops at the first point the model has seen, or once it is enough.
  for (let i = training.millis.length - 1; i >= 0 && count < enough; i--) {
    const unit = unitOf(training.millis[i] ?? 0);
    if (unit <= fittedUpTo) break;
    if (unit !== previous) count++;
    previous = unit;
  }
  return count;
}

/**
 * How many of a metric's newest points decide refitReason exactly as its whole window would, or null when only the
 * whole window does: with `freq` the hold-out counts buckets of unknown size, and a short `train_max_n` is read whole
 * anyway. The hold-out takes at most h = max(`score_max_n`, `train_holdout_n`) points; in a window of at least 4h, and
 * `train_min_n` more than h, neither its quarter cap nor its `train_min_n` floor binds, so the newest h points decide
 * it alone, and `train_refit_n` more are enough to count new points up to the threshold.
 */
export function decidingPoints(config: BatchConfig): number | null {
  if (config.preprocess_params.freq) return null;
  const held = Math.max(config.score_max_n, config.train_holdout_n);
  const n = Math.max(4 * held, held + config.train_min_n + 1, held + config.train_refit_n);
  return n < config.train_max_n ? n : null;
}

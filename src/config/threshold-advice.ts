import { detectorNames } from '../models/index.ts';
import type { BatchConfig } from './schema.ts';

/**
 * Detectors whose calibrated score is a rank among their own training scores (see tailScores): on normal data those
 * scores spread evenly over 0..1. Relative Entropy's is its test's p-value instead, near 0 on every known pattern.
 */
const RANKED = new Set<string>(detectorNames.filter((name) => name !== 'RelativeEntropy').map((name) => name.toLowerCase()));

/** Below this, a ranked detector's smoothed score crosses the threshold on a share of normal points, every run. */
const RANKED_MIN_THRESHOLD = 0.95;

/**
 * Advice when `alert_threshold` is low for the batch's detectors (Anomstack's 0.8 with its PCA + KNN: the top fifth of
 * every metric's points), or null. Copied Anomstack configs hit this first: their scores were not calibrated.
 */
export function thresholdAdvice(config: BatchConfig): string | null {
  // Names match case-insensitively, as the registry matches them.
  const ranked = config.model_configs.map((m) => m.model_name).filter((name) => RANKED.has(name.toLowerCase()));
  if (ranked.length === 0 || config.alert_threshold >= RANKED_MIN_THRESHOLD) return null;
  const share = Math.round((1 - config.alert_threshold) * 100);
  return `${config.alert_threshold} is low for ${[...new Set(ranked)].join(', ')}: their scores are calibrated ranks spread evenly over 0..1 on normal data, so about ${share}% of normal points score above it; 0.99 or more is usual (README, "The score")`;
}

import type { BatchConfig } from '../config/schema.ts';
import { combineScores, loadModels } from '../models/model-file.ts';
import { historyNeeded, makeFeatures, type SeriesTransform } from '../models/preprocess.ts';
import { loadPreprocess } from '../sources/preprocess-hook.ts';
import type { MetricRow, Point } from '../store/metrics-table.ts';
import { isExcluded, type JobContext, type JobResult } from './context.ts';
import type { TrainedDetectors } from './train.ts';

export interface NewScore {
  timestamp: Date;
  score: number;
  /** Each model's own score, by model tag. */
  perModel: Record<string, number>;
}

/** How many of the newest points the score job reads for one metric. */
export function scoreWindow(config: BatchConfig): number {
  // Resampling turns an unknown number of raw points into each bucket, so it reads a training window instead.
  return config.preprocess_params.freq ? config.train_max_n : config.score_max_n + historyNeeded(config.preprocess_params);
}

/**
 * Scores the points of `window` (the newest `scoreWindow` points, oldest first) that have no score yet,
 * at most the newest `score_max_n` of them. Pure: the score job and the backtest both call it.
 */
export function scoreNewPoints(
  window: readonly Point[],
  isScored: (timestamp: Date) => boolean,
  detectors: TrainedDetectors,
  config: BatchConfig,
  transform?: SeriesTransform,
): NewScore[] {
  const features = makeFeatures(window, config.preprocess_params, transform);
  const fresh = features.timestamps
    .map((timestamp, i) => ({ timestamp, i }))
    .filter(({ timestamp }) => !isScored(timestamp))
    .slice(-config.score_max_n);
  if (fresh.length === 0) return [];
  const rows = fresh.map(({ i }) => features.rows[i] ?? []);
  const perModel = detectors.map(({ detector }) => detector.score(rows));
  const combined = combineScores(perModel, config.model_combination_method);
  return fresh.map(({ timestamp }, k) => ({
    timestamp,
    score: combined[k] ?? 0,
    perModel: Object.fromEntries(detectors.map(({ tag }, m) => [tag, perModel[m]?.[k] ?? 0])),
  }));
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
  const preprocess = await loadPreprocess(batch);
  const untrained: string[] = [];
  const scoredMetrics = new Set<string>();
  // One transaction for the run (all or nothing), but rows are written metric by metric so memory stays
  // flat however many metrics a batch has.
  const scored = await store.db.transaction(async () => {
    let inserted = 0;
    for (const [index, name] of names.entries()) {
      ctx.reporter.progress(`score ${batch.name}`, index, names.length);
      const models = await loadModels(ctx.models, batch.name, name);
      if (!models) {
        untrained.push(name);
        continue;
      }
      const window = await store.latest(batch.name, name, 'metric', scoreWindow(config));
      const first = window[0];
      if (!first) continue;
      const done = new Set(
        (await store.since(batch.name, name, 'score', new Date(first.timestamp.getTime() - 1))).map((p) => p.timestamp.getTime()),
      );
      const rows: MetricRow[] = scoreNewPoints(window, (t) => done.has(t.getTime()), models.detectors, config, preprocess?.(name)).map((fresh) => ({
        metric_timestamp: fresh.timestamp,
        metric_batch: batch.name,
        metric_name: name,
        metric_type: 'score',
        metric_value: fresh.score,
        metadata: { models: Object.fromEntries(Object.entries(fresh.perModel).map(([tag, s]) => [tag, round(s)])) },
      }));
      if (rows.length > 0) scoredMetrics.add(name);
      inserted += await store.insert(rows);
    }
    return inserted;
  });
  ctx.reporter.progress(`score ${batch.name}`, names.length, names.length);
  if (untrained.length > 0) ctx.reporter.info(`${batch.name}: no model yet for ${untrained.join(', ')}`);
  return { counts: { scored }, message: `${scored} new scores for ${scoredMetrics.size} metrics` };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

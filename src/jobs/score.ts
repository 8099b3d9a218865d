import { combineScores, loadModels } from '../models/model-file.ts';
import { historyNeeded, makeFeatures } from '../models/preprocess.ts';
import type { MetricRow } from '../store/metrics-table.ts';
import { isExcluded, type JobContext, type JobResult } from './context.ts';

/**
 * Scores the points in the recent window that have no score yet (the newest `score_max_n` of them), so a
 * late, skipped or repeated scheduled run scores each point exactly once, and a point filled into a gap
 * after its neighbours were scored still gets its score.
 */
export async function score(ctx: JobContext): Promise<JobResult> {
  const { batch, store } = ctx;
  const config = batch.config;
  const names = (await store.metricNames(batch.name)).filter((n) => !isExcluded(n, config.score_exclude_metrics));
  const rows: MetricRow[] = [];
  const untrained: string[] = [];
  for (const [index, name] of names.entries()) {
    ctx.reporter.progress(`score ${batch.name}`, index, names.length);
    const models = await loadModels(ctx.models, batch.name, name);
    if (!models) {
      untrained.push(name);
      continue;
    }
    // Resampling turns an unknown number of raw points into each bucket, so it reads a training window instead.
    const window = config.preprocess_params.freq ? config.train_max_n : config.score_max_n + historyNeeded(config.preprocess_params);
    const points = await store.latest(batch.name, name, 'metric', window);
    const features = makeFeatures(points, config.preprocess_params);
    const firstRow = features.timestamps[0];
    if (!firstRow) continue;
    const scored = new Set(
      (await store.since(batch.name, name, 'score', new Date(firstRow.getTime() - 1))).map((p) => p.timestamp.getTime()),
    );
    const fresh = features.timestamps
      .map((timestamp, i) => ({ timestamp, i }))
      .filter(({ timestamp }) => !scored.has(timestamp.getTime()))
      .slice(-config.score_max_n);
    if (fresh.length === 0) continue;
    const featureRows = fresh.map(({ i }) => features.rows[i] ?? []);
    const perModel = models.detectors.map(({ detector }) => detector.score(featureRows));
    const combined = combineScores(perModel, config.model_combination_method);
    fresh.forEach(({ timestamp }, k) => {
      rows.push({
        metric_timestamp: timestamp,
        metric_batch: batch.name,
        metric_name: name,
        metric_type: 'score',
        metric_value: combined[k] ?? 0,
        metadata: { models: Object.fromEntries(models.detectors.map(({ tag }, m) => [tag, round(perModel[m]?.[k] ?? 0)])) },
      });
    });
  }
  ctx.reporter.progress(`score ${batch.name}`, names.length, names.length);
  if (untrained.length > 0) ctx.reporter.info(`${batch.name}: no model yet for ${untrained.join(', ')}`);
  const scored = await store.db.transaction(() => store.insert(rows));
  return { counts: { scored }, message: `${scored} new scores for ${new Set(rows.map((r) => r.metric_name)).size} metrics` };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

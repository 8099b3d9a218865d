import { fitModels, saveModels } from '../models/model-file.ts';
import { makeFeatures } from '../models/preprocess.ts';
import { isExcluded, type JobContext, type JobResult } from './context.ts';

/** Fits the batch's detectors on each metric's latest `train_max_n` points and saves them as JSON. */
export async function train(ctx: JobContext): Promise<JobResult> {
  const { batch, store } = ctx;
  const config = batch.config;
  const names = (await store.metricNames(batch.name)).filter((n) => !isExcluded(n, config.train_exclude_metrics));
  let trained = 0;
  const skipped: string[] = [];
  for (const [index, name] of names.entries()) {
    ctx.reporter.progress(`train ${batch.name}`, index, names.length);
    const points = await store.latest(batch.name, name, 'metric', config.train_max_n);
    const features = makeFeatures(points, config.preprocess_params);
    if (points.length < config.train_min_n || features.rows.length === 0) {
      skipped.push(`${name} (${points.length} points, needs ${config.train_min_n})`);
      continue;
    }
    let detectors;
    try {
      detectors = fitModels(config, features.rows);
    } catch (error) {
      skipped.push(`${name} (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    const last = points[points.length - 1];
    await saveModels(ctx.models, {
      metric_batch: batch.name,
      metric_name: name,
      trained_at: ctx.now.toISOString(),
      train_n: features.rows.length,
      train_to: last ? last.timestamp.toISOString() : '',
      preprocess_params: { ...config.preprocess_params },
    }, detectors);
    trained++;
  }
  ctx.reporter.progress(`train ${batch.name}`, names.length, names.length);
  if (skipped.length > 0) ctx.reporter.info(`${batch.name}: not trained yet: ${skipped.join(', ')}`);
  return { counts: { trained }, message: `${trained} of ${names.length} metrics trained into ${ctx.models.location}` };
}

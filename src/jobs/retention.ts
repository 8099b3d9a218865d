import { modelFolder, modelKey } from '../models/model-file.ts';
import { Deliveries } from '../store/deliveries.ts';
import { RunLog } from '../store/run-log.ts';
import { streamKey } from './change-stream.ts';
import { DAY_MS, type JobContext, type JobResult } from './context.ts';

/** Deletes issued at once: a bucket takes one request per object. */
const PARALLEL_DELETES = 16;

/**
 * Keeps the store bounded: deletes the batch's rows of every type, its run log and its channels' deliveries older than
 * `retention_days` before the run's clock, in one transaction, then the model files of metrics left with no points
 * (see deleteOrphanModels). `retention_days: 0` (the default) keeps every row, but orphan models are deleted all the
 * same: a metric can lose its points without retention (the delete command, a new metrics store), and its model is of
 * no use then. Re-running deletes nothing more.
 */
export async function retention(ctx: JobContext): Promise<JobResult> {
  const days = ctx.batch.config.retention_days;
  if (days === 0) {
    const models = await deleteOrphanModels(ctx);
    return { counts: {}, message: `keeping everything (retention_days: 0)${modelsNote(models)}` };
  }
  const cutoff = new Date(ctx.now.getTime() - days * DAY_MS);
  const log = new RunLog(ctx.store.db);
  const [rows, runs] = await ctx.store.db.transaction(async () => {
    const deleted = [await ctx.store.deleteBefore(ctx.batch.name, cutoff), await log.deleteBefore(ctx.batch.name, cutoff)];
    await new Deliveries(ctx.store.db).deleteBefore(ctx.batch.name, cutoff);
    return deleted;
  });
  const models = await deleteOrphanModels(ctx);
  return {
    counts: { deleted: rows },
    message: `deleted ${rows} rows and ${runs} run records older than ${cutoff.toISOString()} (retention_days: ${days})${modelsNote(models)}`,
  };
}

function modelsNote(deleted: number): string {
  return deleted > 0 ? `; deleted ${deleted} model file(s) of metrics with no points left` : '';
}

/**
 * Deletes, from the batch's model folder, the model files and change streams of metrics that have no points in the
 * store; returns how many. Only files named as a metric's are touched (a write's temporary file is the store's
 * business). A batch with no points at all keeps its models: a lost or not yet filled metrics store is far likelier
 * than every metric gone, and retraining a whole batch is the costlier mistake.
 */
export async function deleteOrphanModels(ctx: JobContext): Promise<number> {
  const batch = ctx.batch.name;
  const names = await ctx.store.metricNames(batch);
  if (names.length === 0) return 0;
  const folder = modelFolder(batch);
  const keep = new Set(names.flatMap((name) => [modelKey(batch, name), streamKey(batch, name)]));
  const metricFile = new RegExp(`^${escapeRegExp(folder)}/(change/)?[^/]+\\.json$`);
  const orphans = (await ctx.models.list(`${folder}/`)).filter((key) => metricFile.test(key) && !keep.has(key));
  for (let i = 0; i < orphans.length; i += PARALLEL_DELETES) {
    await Promise.all(orphans.slice(i, i + PARALLEL_DELETES).map((key) => ctx.models.delete(key)));
  }
  return orphans.length;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

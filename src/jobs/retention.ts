import { Deliveries } from '../store/deliveries.ts';
import { RunLog } from '../store/run-log.ts';
import { DAY_MS, type JobContext, type JobResult } from './context.ts';

/**
 * Keeps the store bounded: deletes the batch's rows of every type, its run log and its channels' deliveries older than
 * `retention_days` before the run's clock, in one transaction. `retention_days: 0` (the default) keeps
 * everything. Re-running deletes nothing more.
 */
export async function retention(ctx: JobContext): Promise<JobResult> {
  const days = ctx.batch.config.retention_days;
  if (days === 0) return { counts: {}, message: 'keeping everything (retention_days: 0)' };
  const cutoff = new Date(ctx.now.getTime() - days * DAY_MS);
  const log = new RunLog(ctx.store.db);
  const [rows, runs] = await ctx.store.db.transaction(async () => {
    const deleted = [await ctx.store.deleteBefore(ctx.batch.name, cutoff), await log.deleteBefore(ctx.batch.name, cutoff)];
    await new Deliveries(ctx.store.db).deleteBefore(ctx.batch.name, cutoff);
    return deleted;
  });
  return { counts: { deleted: rows }, message: `deleted ${rows} rows and ${runs} run records older than ${cutoff.toISOString()} (retention_days: ${days})` };
}

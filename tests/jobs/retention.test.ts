import { describe, expect, it } from 'vitest';
import { retention } from '../../src/jobs/retention.ts';
import { RunLog } from '../../src/store/run-log.ts';
import { countsByType, disposeAfterEach, insertSeries, jobContext, loadBatch, tempMetrics } from '../helpers/metrics-dir.ts';

const track = disposeAfterEach();
const NOW = new Date('2026-03-31T00:00:00Z');
const DAY = 86_400_000;

async function context(config: string) {
  const ws = track(await tempMetrics({ 'b/config.yaml': `ingest_sql: select 1\n${config}`, 'other/config.yaml': 'ingest_sql: select 1\n' }));
  return track(await jobContext(await loadBatch(ws.metricsDir, 'b'), ws.root, NOW));
}

describe('retention', () => {
  it("deletes the batch's rows of every type and its runs older than retention_days, once", async () => {
    const ctx = await context('retention_days: 30\n');
    // 60 daily points up to NOW; alerts on day 10 (old) and day 50 (recent); another batch's old point.
    await insertSeries(ctx.store, 'b', 'm', 60 * 24, NOW);
    await ctx.store.insert([
      { metric_timestamp: new Date(NOW.getTime() - 50 * DAY), metric_batch: 'b', metric_name: 'm', metric_type: 'alert', metric_value: 1 },
      { metric_timestamp: new Date(NOW.getTime() - 10 * DAY), metric_batch: 'b', metric_name: 'm', metric_type: 'alert', metric_value: 1 },
      { metric_timestamp: new Date(NOW.getTime() - 50 * DAY), metric_batch: 'other', metric_name: 'x', metric_type: 'metric', metric_value: 1 },
    ]);
    const log = new RunLog(ctx.db);
    await log.record({ batch: 'b', job: 'ingest', startedAt: new Date(NOW.getTime() - 40 * DAY), ms: 1, status: 'ok', message: '', counts: {} });
    await log.record({ batch: 'b', job: 'ingest', startedAt: new Date(NOW.getTime() - DAY), ms: 1, status: 'ok', message: '', counts: {} });

    const result = await retention(ctx);
    // Hourly points older than 30 days: all but the newest 30 * 24 + 1 (the point exactly at the cutoff is kept), plus one alert.
    expect(result.counts).toEqual({ deleted: 60 * 24 - (30 * 24 + 1) + 1 });
    expect(result.message).toMatch(/deleted 720 rows and 1 run records older than 2026-03-01T00:00:00.000Z/);
    // The batch's newest 30 days, and the other batch's old point, untouched.
    expect(await countsByType(ctx.db)).toEqual({ alert: 1, metric: 30 * 24 + 1 + 1 });
    expect((await log.recent('b', 10)).map((r) => r.startedAt.getTime())).toEqual([NOW.getTime() - DAY]);
    expect((await ctx.db.all("SELECT count(*)::INTEGER AS n FROM metrics WHERE metric_batch = 'other'"))[0]).toEqual({ n: 1 });

    expect((await retention(ctx)).counts).toEqual({ deleted: 0 });
  });

  it('keeps everything with the default retention_days: 0', async () => {
    const ctx = await context('');
    await insertSeries(ctx.store, 'b', 'm', 10, new Date(NOW.getTime() - 400 * DAY));
    expect(await retention(ctx)).toEqual({ counts: {}, message: 'keeping everything (retention_days: 0)' });
    expect(await countsByType(ctx.db)).toEqual({ metric: 10 });
  });
});

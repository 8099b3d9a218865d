import { describe, expect, it } from 'vitest';
import type { Alert, AlertChannel } from '../../src/alerts/channel.ts';
import type { BatchSummary, SummaryChannel } from '../../src/alerts/summary-message.ts';
import { summarizeBatch, summary } from '../../src/jobs/summary.ts';
import { RunLog } from '../../src/store/run-log.ts';
import { disposeAfterEach, insertSeries, jobContext, loadBatch, tempMetrics, type TestContext } from '../helpers/metrics-dir.ts';

const track = disposeAfterEach();
const NOW = new Date('2026-03-02T09:30:00Z');
const HOUR = 3_600_000;

/** A real summary channel that keeps what it was sent, or throws when told to fail. */
class RecordingSummaries implements AlertChannel, SummaryChannel {
  readonly name = 'summaries';
  readonly summaries: BatchSummary[] = [];
  failWith: Error | null = null;
  async send(alerts: readonly Alert[]): Promise<void> {
    if (alerts.length > 0) throw new Error('this test sends no alerts');
  }
  async sendSummary(digest: BatchSummary): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.summaries.push(digest);
  }
}

/** `a` and `b` hourly for 3 days up to 09:00, `gone` only until two days ago; events inside and outside the last day. */
async function context(config = ''): Promise<{ ctx: TestContext; channel: RecordingSummaries }> {
  const ws = track(await tempMetrics({ 'b/config.yaml': `ingest_sql: SELECT 1\n${config}` }));
  const batch = await loadBatch(ws.metricsDir, 'b');
  const ctx = track(await jobContext(batch, ws.root, NOW));
  const channel = new RecordingSummaries();
  ctx.channels = [channel];
  const end = new Date('2026-03-02T09:00:00Z');
  for (const metric of ['a', 'b']) {
    const stamps = await insertSeries(ctx.store, 'b', metric, 72, end);
    await ctx.store.insert(stamps.map((t, i) => ({ metric_timestamp: t, metric_batch: 'b', metric_name: metric, metric_type: 'score' as const, metric_value: metric === 'a' ? (i % 10) / 10 : 0.2 })));
  }
  await insertSeries(ctx.store, 'b', 'gone', 10, new Date(end.getTime() - 48 * HOUR));
  const at = (hoursAgo: number): Date => new Date(end.getTime() - hoursAgo * HOUR);
  await ctx.store.insert([
    { metric_timestamp: at(1), metric_batch: 'b', metric_name: 'a', metric_type: 'alert', metric_value: 1, metadata: { score: 0.9, smoothed_score: 0.85 } },
    { metric_timestamp: at(3), metric_batch: 'b', metric_name: 'b', metric_type: 'tholdalert', metric_value: 1, metadata: { bound: 'lower', threshold: 50, value: 12 } },
    { metric_timestamp: at(5), metric_batch: 'b', metric_name: 'b', metric_type: 'change', metric_value: 1, metadata: { direction: 'down' } },
    // Two days ago: outside the default period of one day.
    { metric_timestamp: at(40), metric_batch: 'b', metric_name: 'a', metric_type: 'alert', metric_value: 1, metadata: { score: 0.95, smoothed_score: 0.9 } },
  ]);
  const log = new RunLog(ctx.db);
  for (const [job, status, hoursAgo] of [['ingest', 'ok', 3], ['score', 'ok', 3], ['score', 'failed', 2], ['ingest', 'ok', 2]] as const) {
    await log.record({ batch: 'b', job, startedAt: at(hoursAgo), ms: 5, status, message: status === 'failed' ? 'boom' : 'fine', counts: {} });
  }
  await log.record({ batch: 'b', job: 'train', startedAt: at(30), ms: 5, status: 'ok', message: 'old', counts: {} });
  return { ctx, channel };
}

describe('summarizeBatch', () => {
  it('covers the last summary_metric_timestamp_max_days_ago days: totals, events, top metrics, quiet metrics, job runs', async () => {
    const { ctx } = await context();
    const digest = await summarizeBatch(ctx);
    expect(digest.from.toISOString()).toBe('2026-03-01T09:30:00.000Z');
    // Hourly points after 09:30 yesterday up to 09:00 today: 24 of each of a and b.
    expect(digest.totals).toEqual({ metrics: 3, points: 48, scored: 48, alerts: 1, changes: 1, tholdalerts: 1, llmalerts: 0 });
    expect(digest.events.map((e) => `${e.kind} ${e.metric} ${e.timestamp.toISOString()} ${e.detail}`)).toEqual([
      'anomaly a 2026-03-02T08:00:00.000Z score 0.85',
      'threshold b 2026-03-02T06:00:00.000Z value 12 below 50',
      'change b 2026-03-02T04:00:00.000Z changed level (down)',
    ]);
    expect(digest.top.map((m) => [m.metric, m.points, m.maxScore, m.alerts + m.changes + m.tholdalerts])).toEqual([['a', 24, 0.9, 1], ['b', 24, 0.2, 2]]);
    expect(digest.silent).toEqual(['gone']);
    expect(digest.jobs).toEqual([
      { job: 'ingest', runs: 2, failed: 0, lastStatus: 'ok', lastMessage: 'fine' },
      { job: 'score', runs: 2, failed: 1, lastStatus: 'failed', lastMessage: 'boom' },
    ]);
  });

  it('widens with summary_metric_timestamp_max_days_ago', async () => {
    const { ctx } = await context('summary_metric_timestamp_max_days_ago: 3\n');
    const digest = await summarizeBatch(ctx);
    expect(digest.totals).toMatchObject({ metrics: 3, points: 2 * 72 + 10, alerts: 2 });
    expect(digest.silent).toEqual([]);
    expect(digest.jobs.map((j) => j.job)).toEqual(['ingest', 'train', 'score']);
  });
});

describe('the summary job', () => {
  it('sends once per summary_cron_schedule period, and a channel that failed gets it on the next run', async () => {
    const { ctx, channel } = await context('summary_cron_schedule: "0 9 * * *"\n');
    const log = new RunLog(ctx.db);
    const runAt = async (iso: string): Promise<string> => {
      ctx.now = new Date(iso);
      const result = await summary(ctx);
      await log.record({ batch: 'b', job: 'summary', startedAt: ctx.now, ms: 1, status: 'ok', message: result.message, counts: {} });
      return result.message;
    };

    channel.failWith = new Error('smtp down');
    ctx.now = new Date('2026-03-02T09:10:00Z');
    const failed = await summary(ctx);
    expect(failed.failures).toEqual(['summaries: smtp down']);
    expect(failed.message).toMatch(/; not sent to summaries$/);
    channel.failWith = null;

    // The failed run was not a success, so the summary is still due; the channel that failed is sent it now.
    expect(await runAt('2026-03-02T09:30:00Z')).toMatch(/^last day: 3 metrics · 48 points ingested .*; sent to summaries$/);
    expect(await runAt('2026-03-02T20:00:00Z')).toContain('already summarized in this period');
    expect(await runAt('2026-03-03T09:00:00Z')).toContain('sent to summaries');
    expect(channel.summaries.map((s) => s.to.toISOString())).toEqual(['2026-03-02T09:30:00.000Z', '2026-03-03T09:00:00.000Z']);
  });
});

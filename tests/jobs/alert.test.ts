import { describe, expect, it } from 'vitest';
import { batchConfigSchema, type BatchConfig } from '../../src/config/schema.ts';
import { alert, decideAlerts } from '../../src/jobs/alert.ts';
import type { Point } from '../../src/store/metrics-table.ts';
import { allRows, countsByType, jobContext, loadBatch, RecordingChannel, tempMetrics, type TempWorkspace, type TestContext, disposeAfterEach } from '../helpers/metrics-dir.ts';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 1);
const at = (i: number): Date => new Date(T0 + i * HOUR);
const points = (scores: number[]): Point[] => scores.map((value, i) => ({ timestamp: at(i), value }));
const rule = (extra: Record<string, unknown>): BatchConfig =>
  batchConfigSchema.parse({ metric_batch: 'b', alert_threshold: 0.8, alert_smooth_n: 1, alert_snooze_n: 0, alert_recent_n: 1, ...extra });
/** Indices (into the scores) of the decisions that alert. */
const alertedAt = (decisions: ReturnType<typeof decideAlerts>): number[] =>
  decisions.filter((d) => d.alert).map((d) => (d.timestamp.getTime() - T0) / HOUR);

describe('decideAlerts', () => {
  it('compares each stored score (the score job\'s mean over alert_smooth_n points) with the threshold, inclusive', () => {
    // The smoothing happened when the scores were stored (see smoothedScores): the rule does not average again.
    expect(decideAlerts(points([0.2, 0.3, 0.9, 1.0]), new Set(), rule({ alert_smooth_n: 3 }))).toEqual([{ timestamp: at(3), score: 1, alert: true }]);
    expect(decideAlerts(points([0.8]), new Set(), rule({}))[0]?.alert).toBe(true);
    expect(decideAlerts(points([0.5, 0.75]), new Set(), rule({ alert_threshold: 0.75 }))[0]).toMatchObject({ score: 0.75, alert: true });
    expect(decideAlerts(points([0.7999]), new Set(), rule({}))[0]?.alert).toBe(false);
  });

  it('decides only the newest alert_recent_n points', () => {
    const scores = points([0.9, 0.9, 0.9, 0.1, 0.9]);
    expect(decideAlerts(scores, new Set(), rule({ alert_recent_n: 1 })).map((d) => d.timestamp)).toEqual([at(4)]);
    const three = decideAlerts(scores, new Set(), rule({ alert_recent_n: 3 }));
    expect(three.map((d) => [d.timestamp, d.alert])).toEqual([[at(2), true], [at(3), false], [at(4), true]]);
    expect(decideAlerts(scores, new Set(), rule({ alert_recent_n: 50 }))).toHaveLength(5);
  });

  it('snoozes for alert_snooze_n points after an alert', () => {
    // Due at 2, 3, 5, 6. 2 alerts; 3 is within 3 points of 2; 5 is too (2, 3, 4 precede it); 6 is not (3, 4, 5).
    const scores = points([0.1, 0.1, 0.9, 0.9, 0.1, 0.9, 0.9]);
    expect(alertedAt(decideAlerts(scores, new Set(), rule({ alert_recent_n: 5, alert_snooze_n: 3 })))).toEqual([2, 6]);
    expect(alertedAt(decideAlerts(scores, new Set(), rule({ alert_recent_n: 5, alert_snooze_n: 1 })))).toEqual([2, 5]);
    expect(alertedAt(decideAlerts(scores, new Set(), rule({ alert_recent_n: 5, alert_snooze_n: 0 })))).toEqual([2, 3, 5, 6]);
  });

  it('earlier alerts (already recorded) snooze new ones', () => {
    const scores = points([0.1, 0.1, 0.1, 0.9, 0.1, 0.1, 0.9]);
    expect(alertedAt(decideAlerts(scores, new Set([at(3).getTime()]), rule({ alert_snooze_n: 3 })))).toEqual([]);
    expect(alertedAt(decideAlerts(scores, new Set([at(3).getTime()]), rule({ alert_snooze_n: 2 })))).toEqual([6]);
    expect(alertedAt(decideAlerts(scores, new Set([at(2).getTime()]), rule({ alert_snooze_n: 3 })))).toEqual([6]);
  });

  it('a point that already alerted stays alerted', () => {
    const decisions = decideAlerts(points([0.1, 0.1]), new Set([at(1).getTime()]), rule({}));
    expect(decisions).toEqual([{ timestamp: at(1), score: 0.1, alert: true }]);
  });

  it('alert_always alerts on the newest point only, whatever its score', () => {
    const config = rule({ alert_always: true, alert_recent_n: 3 });
    expect(alertedAt(decideAlerts(points([0, 0, 0, 0]), new Set(), config))).toEqual([3]);
  });

  it('alert_always is not snoozed: it exists to prove that every run can notify', () => {
    const config = rule({ alert_always: true, alert_snooze_n: 3 });
    expect(alertedAt(decideAlerts(points([0.9, 0.1]), new Set([at(0).getTime()]), config))).toEqual([1]);
  });

  it('is pure: the same input gives the same decisions, and the earlier alerts are not modified', () => {
    const earlier = new Set([at(0).getTime()]);
    const config = rule({ alert_recent_n: 4, alert_snooze_n: 1 });
    const scores = points([0.9, 0.9, 0.1, 0.9]);
    const first = decideAlerts(scores, earlier, config);
    expect(decideAlerts(scores, earlier, config)).toEqual(first);
    expect([...earlier]).toEqual([at(0).getTime()]);
    expect(alertedAt(first)).toEqual([0, 3]);
    expect(decideAlerts([], new Set(), config)).toEqual([]);
  });
});

describe('the alert job', () => {
  let ws: TempWorkspace | undefined;
  let ctx: TestContext | undefined;
  const track = disposeAfterEach();

  const CONFIG = 'alert_smooth_n: 2\nalert_recent_n: 3\nmetric_tags:\n  cpu: {host: web1}\n';

  /**
   * Metric values 10, 11, ... and score rows at the same timestamps, for `cpu` and `mem`, as the score job stores them
   * for the given point scores: the mean over alert_smooth_n of them, each point's own in metadata.
   */
  async function setup(pointScores: Record<string, number[]>, config = CONFIG): Promise<TestContext> {
    ws = track(await tempMetrics({ 'b/config.yaml': config, 'b/query.sql': 'SELECT 1' }));
    ctx = track(await jobContext(await loadBatch(ws.metricsDir, 'b'), ws.root));
    const smoothN = ctx.batch.config.alert_smooth_n;
    for (const [metric, values] of Object.entries(pointScores)) {
      await ctx.store.insert(values.flatMap((s, i) => {
        const window = values.slice(Math.max(0, i - smoothN + 1), i + 1);
        return [
          { metric_timestamp: at(i), metric_batch: 'b', metric_name: metric, metric_type: 'metric' as const, metric_value: 10 + i },
          {
            metric_timestamp: at(i), metric_batch: 'b', metric_name: metric, metric_type: 'score' as const,
            metric_value: window.reduce((a, b) => a + b, 0) / window.length, metadata: { point: s },
          },
        ];
      }));
    }
    return ctx;
  }

  it('notifies the channel once and records alert rows', async () => {
    const c = await setup({ cpu: [0.1, 0.1, 0.1, 0.9, 0.95], mem: [0.1, 0.2, 0.1, 0.2, 0.1] });
    const result = await alert(c);
    expect(result.counts).toEqual({ alerts: 1 });
    expect(c.channel.sent).toHaveLength(1);
    const [sent] = c.channel.sent[0] ?? [];
    expect(sent).toMatchObject({
      batch: 'b', metric: 'cpu', timestamp: at(4), value: 14, score: 0.95, smoothedScore: expect.closeTo(0.925, 10), threshold: 0.8, tags: { host: 'web1' },
    });
    // The recent points show the stored scores, means over alert_smooth_n 2.
    expect(sent?.recent.map((p) => [p.value, Number(p.score?.toFixed(10))])).toEqual([[10, 0.1], [11, 0.1], [12, 0.1], [13, 0.5], [14, 0.925]]);
    const rows = await c.db.all("SELECT metric_name, metric_timestamp, metric_value, metadata FROM metrics WHERE metric_type = 'alert'");
    expect(rows).toEqual([{ metric_name: 'cpu', metric_timestamp: at(4), metric_value: 1, metadata: expect.any(String) }]);
    expect(JSON.parse(String(rows[0]?.['metadata']))).toEqual({ score: 0.95, smoothed_score: expect.closeTo(0.925, 10), threshold: 0.8, severity: 'warning' });
  });

  it('a second run notifies nothing and writes nothing', async () => {
    const c = await setup({ cpu: [0.1, 0.1, 0.1, 0.9, 0.95] });
    await alert(c);
    const before = await allRows(c.db);
    const again = await alert(c);
    expect(again.counts).toEqual({ alerts: 0 });
    expect(c.channel.sent).toHaveLength(1);
    expect(await allRows(c.db)).toEqual(before);
  });

  it('a new high score within the snooze window does not alert again; one after it does', async () => {
    const c = await setup({ cpu: [0.1, 0.1, 0.1, 0.9, 0.95] }, 'alert_smooth_n: 1\nalert_snooze_n: 2\n');
    await alert(c);
    expect(await countsByType(c.db)).toMatchObject({ alert: 1 });
    for (const i of [5, 6]) {
      await c.store.insert([{ metric_timestamp: at(i), metric_batch: 'b', metric_name: 'cpu', metric_type: 'score', metric_value: 0.99 }]);
      await alert(c);
    }
    // With alert_snooze_n 2, points 5 and 6 are within 2 points of the alert at 4; point 7 is not.
    expect(c.channel.sent.flat().map((a) => a.timestamp)).toEqual([at(4)]);
    await c.store.insert([{ metric_timestamp: at(7), metric_batch: 'b', metric_name: 'cpu', metric_type: 'score', metric_value: 0.99 }]);
    await alert(c);
    expect(c.channel.sent.flat().map((a) => a.timestamp)).toEqual([at(4), at(7)]);
  });

  it('a failing channel fails only itself: the alert is recorded, the other channel has it once, the next run retries the failed one alone', async () => {
    const c = await setup({ cpu: [0.1, 0.1, 0.1, 0.9, 0.95] });
    const other = new RecordingChannel('other');
    c.channels = [c.channel, other];
    c.channel.failWith = new Error('Slack is down');
    const first = await alert(c);
    expect(first).toMatchObject({ counts: { alerts: 1 }, failures: ['recording: Slack is down'] });
    expect(c.reporter.warnings).toEqual(['b: recording did not deliver 1 alert(s) (Slack is down); the next run retries them there, the other channels are not affected']);
    expect(await countsByType(c.db)).toEqual({ alert: 1, metric: 5, score: 5 });
    expect(other.sent.flat().map((a) => [a.metric, a.timestamp])).toEqual([['cpu', at(4)]]);
    c.channel.failWith = null;
    expect(await alert(c)).toMatchObject({ counts: { alerts: 0 }, failures: [] });
    const retried = c.channel.sent.flat();
    expect(retried.map((a) => [a.metric, a.timestamp, a.score])).toEqual([['cpu', at(4), 0.95]]);
    // The retried alert carries its recent points again, read from the store.
    expect(retried[0]?.recent.map((p) => Number(p.score?.toFixed(10)))).toEqual([0.1, 0.1, 0.1, 0.5, 0.925]);
    expect(other.sent).toHaveLength(1);
    await alert(c);
    expect(c.channel.sent).toHaveLength(1);
    expect(other.sent).toHaveLength(1);
  });

  it('an alert a channel could not deliver for a day is given up, with a warning', async () => {
    const c = await setup({ cpu: [0.1, 0.1, 0.1, 0.9, 0.95] });
    c.channel.failWith = new Error('Slack is down');
    await alert(c);
    await alert({ ...c, now: new Date(c.now.getTime() + 23 * 3_600_000) });
    expect(c.channel.sent).toEqual([]);
    c.channel.failWith = null;
    const late = await alert({ ...c, now: new Date(c.now.getTime() + 25 * 3_600_000) });
    expect(late.failures).toEqual([]);
    expect(c.channel.sent).toEqual([]);
    expect(c.reporter.warnings.at(-1)).toBe('b: gave up delivering 1 alert(s) to recording: still undelivered a day after the first attempt (last error: Slack is down)');
  });

  it('nothing to alert on sends nothing', async () => {
    const c = await setup({ cpu: [0.1, 0.2, 0.3] });
    expect((await alert(c)).counts).toEqual({ alerts: 0 });
    expect(c.channel.sent).toEqual([]);
  });

  it('leaves out alert_exclude_metrics', async () => {
    const c = await setup({ cpu: [0.9, 0.9, 0.9], mem: [0.9, 0.9, 0.9] }, 'alert_exclude_metrics: cpu\n');
    await alert(c);
    expect(c.channel.sent.flat().map((a) => a.metric)).toEqual(['mem']);
  });

  it('alert_always notifies about the newest point once', async () => {
    const c = await setup({ cpu: [0.1, 0.1, 0.1] }, 'alert_always: true\n');
    await alert(c);
    await alert(c);
    expect(c.channel.sent.flat().map((a) => [a.metric, a.timestamp])).toEqual([['cpu', at(2)]]);
  });
});

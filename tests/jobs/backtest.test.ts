import { describe, expect, it } from 'vitest';
import { batchConfigSchema } from '../../src/config/schema.ts';
import { alert } from '../../src/jobs/alert.ts';
import { change } from '../../src/jobs/change.ts';
import { backtestBatch, backtestMetric, markChanges, retrainEvery } from '../../src/jobs/backtest.ts';
import { score } from '../../src/jobs/score.ts';
import { ANOMSTACK_DETECTORS } from '../helpers/anomstack-detectors.ts';
import { train } from '../../src/jobs/train.ts';
import type { Point } from '../../src/store/metrics-table.ts';
import { jobContext, loadBatch, tempMetrics, wiggle, type TempWorkspace, type TestContext, disposeAfterEach } from '../helpers/metrics-dir.ts';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 1);
const config = (extra: Record<string, unknown> = {}) =>
  batchConfigSchema.parse({ metric_batch: 'b', train_min_n: 20, alert_threshold: 0.7, alert_snooze_n: 2, ...extra });
/** A wiggly hourly series with a spike at 70 and a level shift from 100 on. */
const series = (n: number, change: (i: number) => number = () => 0): Point[] =>
  Array.from({ length: n }, (_, i) => ({
    timestamp: new Date(T0 + i * HOUR),
    value: wiggle(i) + (i === 70 ? 40 : 0) + (i >= 100 ? 25 : 0) + change(i),
  }));

let ws: TempWorkspace | undefined;
let ctx: TestContext | undefined;
const track = disposeAfterEach();

describe('backtestMetric', () => {
  it.each(['none', 'daily'])('gives the same scores and alerts as the scheduled jobs run point by point (seasonality: %s)', async (seasonality) => {
    const every = 7;
    // train_refit_n 1: the schedule below decides when train refits, as backtestMetric's `every` does.
    const yaml = `train_min_n: 20\ntrain_refit_n: 1\nalert_threshold: 0.7\nalert_snooze_n: 2\nalert_recent_n: 1\nseasonality: ${seasonality}\n`;
    ws = track(await tempMetrics({ 'b/config.yaml': `${yaml}ingest_sql: SELECT 1\n` }));
    const batch = await loadBatch(ws.metricsDir, 'b');
    ctx = track(await jobContext(batch, ws.root));
    const points = series(110);
    let trainedAt = -Infinity;
    for (const [i, p] of points.entries()) {
      await ctx.store.insert([{ metric_timestamp: p.timestamp, metric_batch: 'b', metric_name: 'm', metric_type: 'metric', metric_value: p.value }]);
      // The schedule: train when due (and until a model exists), then score and alert on every tick.
      if (i - trainedAt >= every || trainedAt === -Infinity) {
        const trained = await train(ctx);
        if (trained.counts.trained === 1) trainedAt = i;
      }
      await score(ctx);
      await alert(ctx);
    }
    const stored = await ctx.db.all(
      "SELECT metric_timestamp, metric_type, metric_value FROM metrics WHERE metric_type IN ('score', 'alert') ORDER BY 1",
    );
    const scheduledScores = stored.filter((r) => r['metric_type'] === 'score').map((r) => [(r['metric_timestamp'] as Date).getTime(), Number(r['metric_value'])]);
    const scheduledAlerts = stored.filter((r) => r['metric_type'] === 'alert').map((r) => (r['metric_timestamp'] as Date).getTime());

    const replayed = backtestMetric(points, batch.config, every);
    const replayedScores = replayed.filter((p) => p.score !== null).map((p) => [p.timestamp.getTime(), p.score ?? NaN]);
    expect(replayedScores.map(([t]) => t)).toEqual(scheduledScores.map(([t]) => t));
    replayedScores.forEach(([, s], k) => expect(s).toBeCloseTo(scheduledScores[k]?.[1] ?? NaN, 9));
    expect(replayed.filter((p) => p.alert).map((p) => p.timestamp.getTime())).toEqual(scheduledAlerts);
    expect(scheduledAlerts.length).toBeGreaterThan(0);
  });

  it('never uses a point\'s future: changing later values leaves earlier scores and alerts as they were', () => {
    const cfg = config({ backtest_retrain_every: 5 });
    const base = backtestMetric(series(160), cfg, 5);
    const changed = backtestMetric(series(160, (i) => (i > 110 ? 500 * Math.sin(i) : 0)), cfg, 5);
    expect(changed.slice(0, 111)).toEqual(base.slice(0, 111));
    expect(changed.slice(111)).not.toEqual(base.slice(111));
  });

  it('retraining at every point, train_holdout_n keeps a new pattern unusual: the model does not learn it at once', () => {
    // Three points 60 above the wiggle from 300 on, in 400 hourly points; the defaults (Relative Entropy, mean of 3 >= 0.8).
    const points = Array.from({ length: 400 }, (_, i) => ({ timestamp: new Date(T0 + i * HOUR), value: wiggle(i) + (i >= 300 && i < 303 ? 60 : 0) }));
    // alert_extreme_ratio 0: the smoothing window decides here (the extreme rule at ratio 1 alerts at 300, see below).
    const run = (holdout: number, extra: Record<string, unknown> = { alert_extreme_ratio: 0 }) =>
      backtestMetric(points, batchConfigSchema.parse({ metric_batch: 'b', train_holdout_n: holdout, ...extra }), 1);
    const held = run(batchConfigSchema.parse({ metric_batch: 'b' }).train_holdout_n);
    // The stored score is the mean over alert_smooth_n 3 points: each of the three scores 1 on its own.
    expect(held.slice(300, 303).map((p) => Number(p.score?.toFixed(10)))).toEqual([Number((1 / 3).toFixed(10)), Number((2 / 3).toFixed(10)), 1]);
    expect(held.slice(295, 310).flatMap((p, k) => (p.alert ? [295 + k] : []))).toEqual([302]);
    // Without it the window ending at 300 is a training window when 301 is scored, and 301 looks normal.
    const learnt = run(0);
    expect(learnt[301]?.score).toBeLessThan(0.5);
    expect(learnt.slice(295, 310).flatMap((p, k) => (p.alert ? [295 + k] : []))).toEqual([304]);
    // The first point 60 above the wiggle (about 100 ± 13) is beyond its expected range by more than its half-width:
    // with alert_extreme_ratio 1 it alerts at once (the default 3 asks for about 12 robust SDs, which 60 is not).
    const soon = run(batchConfigSchema.parse({ metric_batch: 'b' }).train_holdout_n, { alert_extreme_ratio: 1 });
    expect(soon.slice(295, 310).flatMap((p, k) => (p.alert ? [295 + k] : []))).toEqual([300]);
  });

  it('scores every point that has enough history once a model exists, and flags the spike', () => {
    const out = backtestMetric(series(120), config(ANOMSTACK_DETECTORS), 10);
    // diff_n 1 + smooth_n 3 + lags_n 5 need 8 earlier points; the first model (at train_min_n = 20 points)
    // scores the backlog, as the first scheduled score run would.
    expect(out.slice(0, 8).every((p) => p.score === null)).toBe(true);
    expect(out.slice(8).every((p) => p.score !== null && p.score >= 0 && p.score <= 1)).toBe(true);
    expect(out.filter((p) => p.alert).map((p) => p.timestamp.getTime())).toContain(T0 + 71 * HOUR);
  });
});

describe('markChanges', () => {
  // Noise of about +-2 around 100, a lone +30 spike at 120, and a step to 120 from point 150 on, then a step down.
  const points = Array.from({ length: 260 }, (_, i) => ({
    timestamp: new Date(T0 + i * HOUR),
    value: 100 + 2 * Math.sin(i * 12.9898) + (i === 120 ? 30 : 0) + (i >= 150 ? 20 : 0) - (i >= 230 ? 35 : 0),
  }));

  it('marks the level shift a few points after it starts, and not the lone spike before it', () => {
    const out = backtestMetric(points, config(), 10);
    markChanges(out, config());
    const changed = out.flatMap((p, i) => (p.change ? [i] : []));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed[0]).toBeGreaterThanOrEqual(150);
    expect(changed[0]).toBeLessThan(160);
  });

  it('marks exactly the changes the change job records when it runs at every point', async () => {
    ws = track(await tempMetrics({ 'b/config.yaml': 'change_snooze_n: 2\ningest_sql: SELECT 1\n' }));
    const batch = await loadBatch(ws.metricsDir, 'b');
    ctx = track(await jobContext(batch, ws.root));
    for (const p of points) {
      await ctx.store.insert([{ metric_timestamp: p.timestamp, metric_batch: 'b', metric_name: 'm', metric_type: 'metric', metric_value: p.value }]);
      await change(ctx);
    }
    const stored = await ctx.db.all("SELECT metric_timestamp FROM metrics WHERE metric_type = 'change' ORDER BY 1");
    const scheduled = stored.map((r) => (r['metric_timestamp'] as Date).getTime());
    const replayed = points.map((p) => ({ ...p, score: null, alert: false, change: false }));
    markChanges(replayed, batch.config);
    expect(replayed.filter((p) => p.change).map((p) => p.timestamp.getTime())).toEqual(scheduled);
    expect(scheduled.length).toBeGreaterThanOrEqual(2); // up at 150, down at 230
  });
});

describe('retrainEvery', () => {
  it('uses backtest_retrain_every, else the first scheduled train with train_refit_n new points', () => {
    expect(retrainEvery(config({ backtest_retrain_every: 12 }))).toBe(12);
    // Train every 12 ingests: 12 new points keep the model (fewer than 25), 24 too, 36 refit it.
    expect(retrainEvery(config({ ingest_cron_schedule: '*/5 * * * *', train_cron_schedule: '0 * * * *' }))).toBe(36);
    expect(retrainEvery(config({ ingest_cron_schedule: '0 * * * *', train_cron_schedule: '0 0 * * *' }))).toBe(48);
    expect(retrainEvery(config({ ingest_cron_schedule: '0 * * * *', train_cron_schedule: '0 0 * * *', train_refit_n: 24 }))).toBe(24);
    // Without a train schedule, train runs every tick: every train_refit_n (default 25) points.
    expect(retrainEvery(config({ ingest_cron_schedule: '*/5 * * * *' }))).toBe(25);
    expect(retrainEvery(config({ train_refit_n: 10 }))).toBe(10);
  });
});

describe('backtestBatch', () => {
  it('replays stored history plus what ingest returns, without writing anything', async () => {
    const sql = `SELECT TIMESTAMP '2026-01-01' + to_hours(i::BIGINT) AS metric_timestamp, 'm' AS metric_name,
      (100 + 10 * sin(i / 3.0) + CASE WHEN i = 80 THEN 60 ELSE 0 END)::DOUBLE AS metric_value FROM range(100) AS t(i)`;
    ws = track(await tempMetrics({ 'b/config.yaml': 'train_min_n: 20\n', 'b/query.sql': sql }));
    const batch = await loadBatch(ws.metricsDir, 'b');
    const stored = { ...batch, config: { ...batch.config, duckdb_path: `${ws.root}/none.duckdb` } };
    const reporter = { info: () => undefined, warn: () => undefined, progress: () => undefined };
    const { results, retrainEvery: every } = await backtestBatch(stored, { now: new Date(T0 + 100 * HOUR), reporter, from: new Date(T0 + 50 * HOUR) });
    expect(every).toBe(25);
    expect(results.map((r) => r.metric)).toEqual(['m']);
    expect(results[0]?.points).toHaveLength(50);
    // The spike scores 1 on its own, so the mean over it and the two points after reaches the threshold.
    expect(results[0]?.points.find((p) => p.timestamp.getTime() === T0 + 82 * HOUR)?.score).toBeGreaterThan(0.8);
    const { isFile } = await import('../../src/config/discover.ts');
    expect(await isFile(`${ws.root}/none.duckdb`)).toBe(false);
  });
});

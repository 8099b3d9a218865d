/**
 * Time to detect: a point far outside its expected range keeps its own score as the stored score, so it alerts in the
 * run that ingested it, without waiting for `alert_smooth_n` points of high scores (on hourly data, up to two hours late).
 */
import { describe, expect, it } from 'vitest';
import { evidence } from '../../src/alerts/alert-text.ts';
import type { Alert } from '../../src/alerts/channel.ts';
import { formatAlertLine } from '../../src/alerts/console.ts';
import { batchConfigSchema } from '../../src/config/schema.ts';
import { decideAlerts } from '../../src/jobs/alert.ts';
import { runJobs } from '../../src/jobs/run.ts';
import { alertEvidence, smoothedScores } from '../../src/models/evidence.ts';
import { isFarOutside } from '../../src/models/expected-range.ts';
import type { Point } from '../../src/store/metrics-table.ts';
import { RecordingChannel, recordingReporter, runWorkspaces, seriesSql } from '../helpers/metrics-dir.ts';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 1);
const at = (i: number): Date => new Date(T0 + i * HOUR);
const points = (scores: number[]): Point[] => scores.map((value, i) => ({ timestamp: at(i), value }));

describe('isFarOutside', () => {
  const range = { baseline: 100, low: 80, high: 130 };
  it('is beyond the band by more than ratio times its half-width on that side', () => {
    // Above: the half-width is 30, so ratio 1 needs more than 130 + 30.
    expect(isFarOutside(160, range, 1)).toBe(false);
    expect(isFarOutside(160.01, range, 1)).toBe(true);
    expect(isFarOutside(145.01, range, 0.5)).toBe(true);
    // Below: the half-width is 20, so ratio 1 needs less than 80 - 20.
    expect(isFarOutside(60, range, 1)).toBe(false);
    expect(isFarOutside(59.99, range, 1)).toBe(true);
    expect(isFarOutside(100, range, 1)).toBe(false);
  });

  it('never without a value, a range, or with ratio 0 (the rule off)', () => {
    expect(isFarOutside(null, range, 1)).toBe(false);
    expect(isFarOutside(1e9, null, 1)).toBe(false);
    expect(isFarOutside(1e9, range, 0)).toBe(false);
  });
});

describe('smoothedScores: the stored score', () => {
  const never = (): boolean => false;

  it('is the mean of the point\'s own score and the alert_smooth_n - 1 before it (fewer at the start)', () => {
    const { scores, extreme } = smoothedScores([0.1, 0.4, 0.7, 1.0], [0, 1, 2, 3], 3, never);
    expect(scores.map((s) => Number(s.toFixed(10)))).toEqual([0.1, 0.25, 0.4, 0.7]);
    expect(extreme).toEqual([false, false, false, false]);
    // Only the points asked for are judged, each with the points before it.
    expect(smoothedScores([0.1, 0.4, 0.7, 1.0], [3], 2, never).scores).toEqual([0.85]);
    expect(smoothedScores([0.1, 0.4], [1], 1, never).scores).toEqual([0.4]);
  });

  it('marks extreme a point whose own score is larger and whose value is far outside; the alert rule judges it by its own', () => {
    const newestFar = (k: number): boolean => k === 1;
    const { scores, extreme } = smoothedScores([0.1, 0.1, 0.1, 0.99], [2, 3], 3, newestFar);
    expect(scores.map((s) => Number(s.toFixed(10)))).toEqual([0.1, Number((1.19 / 3).toFixed(10))]);
    expect(extreme).toEqual([false, true]);
    expect(alertEvidence(0.4, 0.99, true)).toBe(0.99);
    expect(alertEvidence(0.4, 0.99, false)).toBe(0.4);
    // A far point whose own score is not above the mean is not extreme, and the range test is not even asked.
    let asked = 0;
    const counting = (): boolean => { asked++; return true; };
    const { scores: [mean], extreme: [far] } = smoothedScores([0.9, 0.9, 0.3], [2], 3, counting);
    expect(mean).toBeCloseTo(0.7, 12);
    expect(far).toBe(false);
    expect(asked).toBe(0);
  });
});

describe('decideAlerts compares what the score job judged with the threshold', () => {
  const config = batchConfigSchema.parse({ metric_batch: 'b', alert_threshold: 0.8, alert_smooth_n: 3, alert_snooze_n: 3, alert_recent_n: 1 });

  it('alerts on a score at the threshold, not when snoozed or on the side alert_direction drops', () => {
    expect(decideAlerts(points([0.1, 0.1, 0.1, 0.8]), new Set(), config)[0]).toMatchObject({ timestamp: at(3), score: 0.8, alert: true });
    expect(decideAlerts(points([0.1, 0.1, 0.1, 0.79]), new Set(), config)[0]?.alert).toBe(false);
    expect(decideAlerts(points([0.1, 0.1, 0.1, 0.99]), new Set([at(1).getTime()]), config)[0]?.alert).toBe(false);
    expect(decideAlerts(points([0.1, 0.1, 0.1, 0.99]), new Set(), config, () => false)[0]?.alert).toBe(false);
  });
});

describe('an extreme newest point, end to end', () => {
  const workspace = runWorkspaces();
  const NOW = new Date('2026-01-10T00:30:00Z');
  // 200 hourly points around 100 (a sine of amplitude 10 and noise), the newest one 4 times that.
  const SQL = seriesSql({ metrics: ['orders'], n: 200, end: '2026-01-10 00:00:00', spike: 300, spikeN: 1 });

  async function firstRunAlerts(config: string): Promise<Alert[]> {
    const w = await workspace({ 'b/config.yaml': config, 'b/query.sql': SQL });
    const channel = new RecordingChannel();
    const report = await runJobs({ metricsDir: w.metricsDir, now: NOW, env: {}, reporter: recordingReporter(), channels: () => [channel], jobs: ['ingest', 'train', 'score', 'alert'] });
    expect(report.batches[0]?.status).toBe('ok');
    return channel.sent.flat();
  }

  it('alerts on that point in the run that ingested it, with the default alert_smooth_n of 3', async () => {
    const alerts = await firstRunAlerts('alert_methods: console\n');
    expect(alerts.map((a) => [a.metric, a.timestamp.toISOString()])).toEqual([['orders', '2026-01-10T00:00:00.000Z']]);
    const [spike] = alerts;
    // The point's own score crossed the threshold: the score job marked it extreme.
    expect(spike?.extreme).toBe(true);
    expect(spike?.smoothedScore).toBe(spike?.score);
    expect(spike?.value).toBeGreaterThan(spike?.expected?.high ?? Infinity);
    // The message says why a smoothed score under the threshold alerted.
    expect(spike && evidence(spike)).toMatch(/· score 1\.00 ≥ 0\.8 at once, far outside the expected range$/);
    expect(spike && formatAlertLine(spike)).toContain('score 1.00 >= 0.8 at once, far outside the expected range');
  }, 120_000);

  it('with alert_extreme_ratio: 0 the same run waits for the smoothing window, as before', async () => {
    expect(await firstRunAlerts('alert_methods: console\nalert_extreme_ratio: 0\n')).toEqual([]);
  }, 120_000);
});

/**
 * The seasonal check: a daily cycle's normal peaks are not anomalies, a day that breaks the cycle is (issue 17's
 * synthetic case), whatever the detectors make of the values themselves.
 */
import { describe, expect, it } from 'vitest';
import { batchConfigSchema } from '../../src/config/schema.ts';
import { backtestMetric } from '../../src/jobs/backtest.ts';
import { fitSeasonalCheck, seasonalCheckSchema, seasonalScores, type SeasonalCheck } from '../../src/models/seasonal-check.ts';

const HOUR = 3_600_000;
const DAY = 24;
const T0 = Date.UTC(2026, 0, 1);
const FLAT_DAY = 17;

/** mulberry32: seeded, so the noise is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 21 days of hourly values, 100 ± 50 on a daily sine, plus uniform noise of width `noise`; day 17 stays flat at 100. */
function dailyCycle(noise: number): { timestamp: Date; value: number }[] {
  const next = seeded(7);
  return Array.from({ length: 21 * DAY }, (_, i) => {
    const cycle = Math.floor(i / DAY) === FLAT_DAY ? 0 : 50 * Math.sin((2 * Math.PI * (i % DAY)) / DAY);
    return { timestamp: new Date(T0 + i * HOUR), value: 100 + cycle + (next() - 0.5) * noise };
  });
}

/** The alerts of a backtest of the defaults with `seasonality`, as [day, hour]. */
function alertsOf(points: { timestamp: Date; value: number }[], seasonality: string): [number, number][] {
  const out = backtestMetric(points, batchConfigSchema.parse({ metric_batch: 'b', seasonality }), 25);
  return out.flatMap((p, i): [number, number][] => (p.alert ? [[Math.floor(i / DAY), i % DAY]] : []));
}

describe('seasonalScores', () => {
  const season = { period: 'daily' as const, period_ms: 86_400_000, bucket_ms: 6 * HOUR, profile: [10, 20, 30, 20] };

  it('ranks the mean residual over the window among the training periods\' largest, ties counted half, times n / (n + 1)', () => {
    const check: SeasonalCheck = { season, window: 2, periodMaxima: [1, 2, 3, 4] };
    // Points at 00:00, 06:00 and 12:00 (baselines 10, 20, 30) with values 12, 24 and 21: residuals 2, 4 and -9.
    const series = { millis: [0, 6 * HOUR, 12 * HOUR], values: [12, 24, 21] };
    // No window before the first point; then |(2 + 4) / 2| = 3 (2 maxima below, one tied) and |(4 - 9) / 2| = 2.5.
    expect(seasonalScores(series, [0, 1, 2], check)).toEqual([0, 0.8 * (2.5 / 4), 0.8 * (2 / 4)]);
  });

  it('fits a daily check on a daily cycle and none on noise; a stored check parses back', () => {
    const points = dailyCycle(2).slice(0, 10 * DAY);
    const series = { millis: points.map((p) => p.timestamp.getTime()), values: points.map((p) => p.value) };
    const check = fitSeasonalCheck(series, 'auto', 3);
    expect(check).toMatchObject({ window: 3, season: { period: 'daily' } });
    // Ten days from midnight: the first and last (partial in general) are left out.
    expect(check?.periodMaxima).toHaveLength(8);
    expect(seasonalCheckSchema.parse(JSON.parse(JSON.stringify(check)))).toEqual(check);
    const next = seeded(3);
    const noise = { millis: series.millis, values: series.values.map(() => next()) };
    expect(fitSeasonalCheck(noise, 'auto', 3)).toBeNull();
    expect(fitSeasonalCheck(series, 'none', 3)).toBeNull();
  });
});

describe('a daily cycle with one flattened day, through the backtest of the defaults', () => {
  it('a clean cycle: the flattened day alerts, no normal peak does (the detectors alone miss the day)', () => {
    const points = dailyCycle(0);
    const daily = alertsOf(points, 'daily');
    const later = daily.filter(([day]) => day >= 3);
    expect(later.length).toBeGreaterThan(0);
    expect(later.every(([day]) => day === FLAT_DAY)).toBe(true);
    expect(alertsOf(points, 'auto')).toEqual(daily);
    expect(alertsOf(points, 'none').filter(([day]) => day === FLAT_DAY)).toEqual([]);
  });

  it('with noise: the flattened day alerts, and the check adds no alert on the normal days', () => {
    const points = dailyCycle(1);
    const daily = alertsOf(points, 'daily');
    const none = alertsOf(points, 'none');
    expect(daily.some(([day]) => day === FLAT_DAY)).toBe(true);
    const normalDays = (alerts: [number, number][]) => alerts.filter(([day]) => day >= 4 && day !== FLAT_DAY);
    expect(normalDays(daily)).toEqual(normalDays(none));
  });
});

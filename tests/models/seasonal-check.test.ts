/**
 * The seasonal check: a daily cycle's normal peaks are not anomalies, a day that breaks the cycle is (issue 17's
 * synthetic case), whatever the detectors make of the values themselves.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/models/random.ts';
import { batchConfigSchema } from '../../src/config/schema.ts';
import { backtestMetric } from '../../src/jobs/backtest.ts';
import { scoreNewPoints } from '../../src/jobs/score.ts';
import { trainMetric } from '../../src/jobs/train.ts';
import { expectedRangesAt, seasonalRangesAt } from '../../src/models/expected-range.ts';
import { fitSeasonalCheck, seasonalCheckSchema, seasonalScores, type SeasonalCheck } from '../../src/models/seasonal-check.ts';
import { seriesOf, sliceSeries } from '../../src/store/series-group.ts';

const HOUR = 3_600_000;
const DAY = 24;
const T0 = Date.UTC(2026, 0, 1);
const FLAT_DAY = 17;

/** 21 days of hourly values, 100 ± 50 on a daily sine, plus uniform noise of width `noise`; day 17 stays flat at 100. */
function dailyCycle(noise: number): { timestamp: Date; value: number }[] {
  const next = mulberry32(7);
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
    const next = mulberry32(3);
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

describe('the expected range of a seasonal metric', () => {
  it('is the band of the values less their baselines, set around the point\'s own baseline, floored at 0 when never negative', () => {
    // Baselines alternate 10 and 30; the values are the baseline plus 0..9, so the residuals are 0..9 (median 4.5).
    const values = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 10 : 30) + (i % 10));
    const baselineAt = (i: number): number => (i % 2 === 0 ? 10 : 30);
    const [atEven, atOdd] = seasonalRangesAt(values, [10, 11], baselineAt);
    // Position 10 has residuals 0..9 before it: median 4.5, MAD 2.5, so the band is 4.5 ± 3 × 1.4826 × 2.5 around 10.
    const spread = 3 * 1.4826 * 2.5;
    expect(atEven).toEqual({ baseline: 14.5, low: Math.max(0, 14.5 - spread), high: 14.5 + spread });
    // Position 11 has 11 values before it: residuals 0, 0, 1..9, median 4 and MAD 3.
    expect(atOdd?.baseline).toBe(34);
    expect(atOdd?.low).toBeCloseTo(34 - 3 * 1.4826 * 3, 12);
    expect(seasonalRangesAt(values, [5], baselineAt)).toEqual([null]);
  });

  it('a cycle that repeats exactly leaves no spread: the values\' own range is used, not a few outliers\' percentiles', () => {
    // 100 points exactly on the cycle, then three 300 above it: over half the residuals are 0.
    const baselineAt = (i: number): number => (i % 2 === 0 ? 10 : 30);
    const values = Array.from({ length: 103 }, (_, i) => baselineAt(i) + (i >= 100 ? 300 : 0));
    expect(seasonalRangesAt(values, [103], baselineAt)).toEqual(expectedRangesAt(values, [103]));
    expect(expectedRangesAt(values, [103])[0]?.high).toBeLessThan(300);
  });

  it('rises to the peaks with the cycle, and the flattened day falls outside it where the peak was due', () => {
    const series = seriesOf(dailyCycle(1));
    const config = batchConfigSchema.parse({ metric_batch: 'b', seasonality: 'daily', score_max_n: DAY });
    const trained = trainMetric(sliceSeries(series, 0, FLAT_DAY * DAY - DAY), config);
    if (!('detectors' in trained)) throw new Error(trained.skipped);
    expect(trained.seasonal?.season.period).toBe('daily');
    /** Scores day `day` alone (the points before it count as scored, each 0), with 150 earlier points for the ranges. */
    const dayScored = (day: number) => {
      const window = sliceSeries(series, day * DAY - 150, (day + 1) * DAY);
      const before = window.millis.filter((ms) => ms < T0 + day * DAY * HOUR);
      return scoreNewPoints(window, { millis: before, values: before.map(() => 0) }, trained, config);
    };
    const normal = dayScored(FLAT_DAY - 1);
    const flat = dayScored(FLAT_DAY);
    const peakHour = 6;
    // On a normal day the band at the peak is around the peak (150), and nearly every value is inside its band.
    expect(normal.expected[peakHour]?.baseline).toBeGreaterThan(140);
    const inside = normal.expected.filter((range, h) => {
      const value = series.values[(FLAT_DAY - 1) * DAY + h] ?? NaN;
      return range !== null && value >= range.low && value <= range.high;
    });
    expect(inside.length).toBeGreaterThanOrEqual(DAY - 1);
    // The flat day (values near 100) is below its band at the peak and above it at the trough.
    expect((series.values[FLAT_DAY * DAY + peakHour] ?? NaN)).toBeLessThan(flat.expected[peakHour]?.low ?? -Infinity);
    expect((series.values[FLAT_DAY * DAY + 18] ?? NaN)).toBeGreaterThan(flat.expected[18]?.high ?? Infinity);
    expect(flat.seasonal?.some((s) => s > 0.9)).toBe(true);
  });
});

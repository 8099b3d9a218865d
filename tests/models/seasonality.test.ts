import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/models/random.ts';
import {
  bucketWidth,
  deseason,
  fitSeason,
  MAX_BUCKETS,
  phaseBucket,
  seasonalBaseline,
  seasonSchema,
  typicalSpacing,
  type Season,
} from '../../src/models/seasonality.ts';
import type { Series } from '../../src/store/series-group.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** A Monday, 00:00 UTC, so day k of a series is day k of a week. */
const T0 = Date.UTC(2024, 0, 1);

/** Standard normal draws (Box–Muller) from a seeded generator. */
function gaussian(seed: number): () => number {
  const uniform = mulberry32(seed);
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** n points `step` ms apart from T0, valued by f(epoch ms, index). */
function generate(n: number, step: number, f: (ms: number, k: number) => number): Series {
  const millis = Array.from({ length: n }, (_, k) => T0 + k * step);
  return { millis, values: millis.map((ms, k) => f(ms, k)) };
}

const hourOfDay = (ms: number): number => (ms % DAY) / HOUR;
const dailySine = (ms: number): number => Math.sin((2 * Math.PI * (ms % DAY)) / DAY);

describe('a hand-built profile', () => {
  // 6-hour data over 3 days: 4 buckets a day (00-06, 06-12, 12-18, 18-24 UTC).
  const days = [
    [1, 10, 20, 5],
    [3, 14, 26, 5],
    [2, 12, 80, 8],
  ];
  const series: Series = {
    millis: days.flatMap((day, d) => day.map((_, b) => T0 + d * DAY + b * 6 * HOUR)),
    values: days.flat(),
  };

  it('is the median of each bucket, and deseason leaves the residuals by hand', () => {
    const season = fitSeason(series, 'daily');
    // Medians: (1,3,2) → 2, (10,14,12) → 12, (20,26,80) → 26, (5,5,8) → 5.
    expect(season).toEqual({ period: 'daily', period_ms: DAY, bucket_ms: 6 * HOUR, profile: [2, 12, 26, 5] });
    expect(deseason(series, season).values).toEqual([-1, -2, -6, 0, 1, 2, 0, 0, 0, 0, 54, 3]);
    expect(deseason(series, season).millis).toBe(series.millis);
    expect(deseason(series, null)).toBe(series);
  });

  it('gives the baseline of the phase bucket at any time, before the training data too', () => {
    const season = fitSeason(series, 'daily');
    if (!season) throw new Error('no season');
    // Five days on, 13:00 falls in bucket 12-18 → 26; 23:59:59.999 in the last → 5; midnight in the first → 2.
    expect(seasonalBaseline(season, T0 + 5 * DAY + 13 * HOUR)).toBe(26);
    expect(seasonalBaseline(season, T0 + DAY - 1)).toBe(5);
    expect(seasonalBaseline(season, T0 + 9 * DAY)).toBe(2);
    // 1969-12-31 20:00 UTC: a negative epoch still lands in bucket 18-24.
    expect(phaseBucket(-4 * HOUR, DAY, 6 * HOUR)).toBe(3);
    expect(seasonalBaseline(season, -4 * HOUR)).toBe(5);
  });

  it('fills empty buckets by interpolating round the period between the nearest filled ones', () => {
    // 3-hour data (8 buckets) over 3 days with nothing at 00:00 and 21:00: buckets 1..6 hold 10, 20, 30, 40, 50, 70.
    const filled = [10, 20, 30, 40, 50, 70];
    const gappy: Series = {
      millis: [0, 1, 2].flatMap((d) => filled.map((_, i) => T0 + d * DAY + (i + 1) * 3 * HOUR)),
      values: [0, 1, 2].flatMap(() => filled),
    };
    // Spacing: gaps of 3 h, and 9 h overnight; the median is 3 h.
    expect(typicalSpacing(gappy.millis)).toBe(3 * HOUR);
    // From bucket 6 (70) round to bucket 1 (10), three steps: bucket 7 is 70 - 60/3 = 50, bucket 0 is 70 - 2 x 60/3 = 30.
    expect(fitSeason(gappy, 'daily')?.profile).toEqual([30, 10, 20, 30, 40, 50, 70, 50]);
  });
});

describe('bucket width', () => {
  it('follows the spacing, divides the period and stops at 2016 buckets', () => {
    expect(bucketWidth(DAY, 5 * MINUTE)).toBe(5 * MINUTE);
    expect(bucketWidth(WEEK, HOUR)).toBe(HOUR);
    // 7 minutes does not divide a day; of 400 s (216 buckets) and 432 s (200), 432 s is nearer by ratio.
    expect(bucketWidth(DAY, 7 * MINUTE)).toBe(432_000);
    // A day / 2016 is 42.86 s: 30-second data gets the narrowest divisor above that, 43.2 s (2000 buckets).
    expect(bucketWidth(DAY, 30_000)).toBe(43_200);
    expect(bucketWidth(WEEK, MINUTE)).toBe(5 * MINUTE);
    // Daily data has one bucket a day, 8-hourly three: no daily cycle to draw. 6-hourly gives the minimum, 4.
    expect(bucketWidth(DAY, DAY)).toBeNull();
    expect(bucketWidth(DAY, 8 * HOUR)).toBeNull();
    expect(bucketWidth(DAY, 6 * HOUR)).toBe(6 * HOUR);
  });

  it('gives 288 daily buckets from 5-minute data, 2016 weekly from 1-minute data and 168 weekly from hourly data', () => {
    const noise = gaussian(1);
    expect(fitSeason(generate(3 * 288, 5 * MINUTE, () => noise()), 'daily')?.profile).toHaveLength(288);
    const minutely = fitSeason(generate(3 * 7 * 1440, MINUTE, () => noise()), 'weekly');
    expect(minutely?.profile).toHaveLength(MAX_BUCKETS);
    expect(minutely?.bucket_ms).toBe(5 * MINUTE);
    expect(fitSeason(generate(3 * 168, HOUR, () => noise()), 'weekly')?.profile).toHaveLength(168);
  });
});

describe('enough data', () => {
  it('needs two whole periods for a named setting, none for "none"', () => {
    const series = generate(2 * 288, 5 * MINUTE, dailySine);
    expect(fitSeason(series, 'daily')).not.toBeNull();
    expect(fitSeason({ millis: series.millis.slice(1), values: series.values.slice(1) }, 'daily')).toBeNull();
    expect(fitSeason(series, 'weekly')).toBeNull();
    expect(fitSeason(series, 'none')).toBeNull();
    expect(fitSeason({ millis: [], values: [] }, 'daily')).toBeNull();
    expect(fitSeason({ millis: [T0], values: [1] }, 'auto')).toBeNull();
  });

  it('fits a named period without testing its strength, even on noise', () => {
    const noise = gaussian(2);
    expect(fitSeason(generate(3 * 288, 5 * MINUTE, () => noise()), 'daily')?.period).toBe('daily');
  });
});

describe('auto', () => {
  it('finds a daily sine with small noise', () => {
    const noise = gaussian(3);
    const series = generate(14 * 288, 5 * MINUTE, (ms) => 50 + 10 * dailySine(ms) + noise());
    const season = fitSeason(series, 'auto');
    expect(season?.period).toBe('daily');
    // The profile is the level itself: about 60 at 06:00, 40 at 18:00.
    if (!season) throw new Error('no season');
    expect(seasonalBaseline(season, T0 + 6 * HOUR)).toBeCloseTo(60, 0);
    expect(seasonalBaseline(season, T0 + 18 * HOUR)).toBeCloseTo(40, 0);
  });

  it('finds a weekly cycle in hourly data with quieter weekends, with or without a daily cycle on top', () => {
    const weekend = (ms: number): boolean => [0, 6].includes(new Date(ms).getUTCDay());
    const noise = gaussian(4);
    const level = generate(4 * 168, HOUR, (ms) => (weekend(ms) ? 50 : 100) + 5 * noise());
    expect(fitSeason(level, 'auto')?.period).toBe('weekly');
    const both = generate(4 * 168, HOUR, (ms) => (weekend(ms) ? 50 : 100) + 20 * dailySine(ms) + 5 * noise());
    expect(fitSeason(both, 'auto')?.period).toBe('weekly');
  });

  it('finds nothing in noise, a trend, a random walk, a constant or two days of a cycle', () => {
    const noise = gaussian(5);
    expect(fitSeason(generate(14 * 288, 5 * MINUTE, () => noise()), 'auto')).toBeNull();
    expect(fitSeason(generate(14 * 288, 5 * MINUTE, (_, k) => 0.01 * k + noise()), 'auto')).toBeNull();
    let walk = 0;
    expect(fitSeason(generate(14 * 288, 5 * MINUTE, () => (walk += noise())), 'auto')).toBeNull();
    let hourlyWalk = 0;
    expect(fitSeason(generate(4 * 168, HOUR, () => (hourlyWalk += noise())), 'auto')).toBeNull();
    expect(fitSeason(generate(14 * 288, 5 * MINUTE, () => 7), 'auto')).toBeNull();
    expect(fitSeason(generate(2 * 288, 5 * MINUTE, (ms) => 10 * dailySine(ms)), 'auto')).toBeNull();
  });

  it('is deterministic', () => {
    const noise = gaussian(6);
    const series = generate(14 * 288, 5 * MINUTE, (ms) => 10 * dailySine(ms) + noise());
    expect(fitSeason(series, 'auto')).toEqual(fitSeason(series, 'auto'));
  });
});

describe('a flattened day', () => {
  it('stands out after deseasoning while the normal peaks stay near 0', () => {
    // A clean 14-day hourly cycle, mean 100, amplitude 30; day 12 (index 11) flat at the daily mean.
    const noise = gaussian(7);
    const series = generate(14 * 24, HOUR, (ms, k) => (Math.floor(k / 24) === 11 ? 100 : 100 + 30 * dailySine(ms)) + 0.5 * noise());
    const train: Series = { millis: series.millis.slice(0, 240), values: series.values.slice(0, 240) };
    const season = fitSeason(train, 'auto');
    expect(season?.period).toBe('daily');
    const later = deseason({ millis: series.millis.slice(240), values: series.values.slice(240) }, season);
    const residuals = later.values.map((v, i) => ({ day: 10 + Math.floor(i / 24), size: Math.abs(v) }));
    const largest = [...residuals].sort((a, b) => b.size - a.size).slice(0, 12);
    expect(largest.every((r) => r.day === 11)).toBe(true);
    // Normal days: within 3 of the profile (noise sd 0.5, the profile a median of 10 such values); the flat day's peak 30 off.
    expect(Math.max(...residuals.filter((r) => r.day !== 11).map((r) => r.size))).toBeLessThan(3);
    expect(Math.max(...residuals.filter((r) => r.day === 11).map((r) => r.size))).toBeGreaterThan(25);
  });
});

describe('seasonSchema', () => {
  it('parses a stored season back equal and refuses an inconsistent one', () => {
    const noise = gaussian(8);
    const season = fitSeason(generate(3 * 24, HOUR, (ms) => dailySine(ms) + noise()), 'daily');
    if (!season) throw new Error('no season');
    expect(seasonSchema.parse(JSON.parse(JSON.stringify(season)))).toEqual(season);
    const bad: Season[] = [
      { ...season, profile: season.profile.slice(1) },
      { ...season, bucket_ms: 2 * HOUR },
      { ...season, period: 'weekly' },
      { ...season, profile: [...season.profile.slice(1), Number.NaN] },
    ];
    for (const b of bad) expect(seasonSchema.safeParse(b).success).toBe(false);
    expect(seasonSchema.safeParse({ ...season, profile: [1, 2, 3, 'x'] }).success).toBe(false);
  });
});

describe("NAB's artificial daily shapes, generated here", () => {
  /**
   * NAB's art_daily_* shape: about 20 all night, a ramp from 09:00 to 80 by 09:30, 80 until 18:00, back to 20 by 18:30,
   * uniform noise of ±2 at night and ±8 on the plateau; 5-minute data over 14 days. `broken` reshapes one later day.
   */
  function nabDaily(seed: number, broken?: (hour: number, normal: number) => number): Series {
    const uniform = mulberry32(seed);
    return generate(14 * 288, 5 * MINUTE, (ms, k) => {
      const hour = hourOfDay(ms);
      const rise = Math.min(Math.max((hour - 9) * 2, 0), 1);
      const fall = Math.min(Math.max((hour - 18) * 2, 0), 1);
      const shape = 20 + 60 * (rise - fall);
      const noisy = shape + (uniform() * 2 - 1) * (shape > 50 ? 8 : 2);
      return broken && Math.floor(k / 288) === 10 ? broken(hour, noisy) : noisy;
    });
  }

  const shapes: [string, (hour: number, normal: number) => number][] = [
    ['flatmiddle', () => 50],
    ['jumpsdown', (hour, normal) => (hour >= 9 && hour < 18 ? normal - 35 : normal)],
    ['nojump', (hour, normal) => (hour >= 9 && hour < 18 ? 20 : normal)],
  ];

  it.each(shapes)('%s: auto on the first 40%% gives daily, and the broken day holds the largest residuals', (_, broken) => {
    const series = nabDaily(9, broken);
    const n = Math.floor(series.millis.length * 0.4);
    const season = fitSeason({ millis: series.millis.slice(0, n), values: series.values.slice(0, n) }, 'auto');
    expect(season?.period).toBe('daily');
    expect(season?.profile).toHaveLength(288);
    const residuals = deseason(series, season).values.slice(n);
    let worst = 0;
    residuals.forEach((r, i) => {
      if (Math.abs(r) > Math.abs(residuals[worst] ?? 0)) worst = i;
    });
    expect(Math.floor((n + worst) / 288)).toBe(10);
  });

  it('a series with no anomaly is daily too; white noise and a flat line are not seasonal', () => {
    const clean = nabDaily(10);
    const n = Math.floor(clean.millis.length * 0.4);
    expect(fitSeason({ millis: clean.millis.slice(0, n), values: clean.values.slice(0, n) }, 'auto')?.period).toBe('daily');
    const uniform = mulberry32(11);
    const noisy = generate(14 * 288, 5 * MINUTE, () => 50 + 30 * (uniform() * 2 - 1));
    expect(fitSeason({ millis: noisy.millis.slice(0, n), values: noisy.values.slice(0, n) }, 'auto')).toBeNull();
    const flat = generate(14 * 288, 5 * MINUTE, () => 20);
    expect(fitSeason({ millis: flat.millis.slice(0, n), values: flat.values.slice(0, n) }, 'auto')).toBeNull();
  });
});

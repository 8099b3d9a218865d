/**
 * A metric's daily or weekly cycle, learnt at train time and subtracted before the detectors see the series: a normal
 * peak then leaves a residual near 0, and a flattened day leaves a large negative residual at the hours its peak was due.
 *
 * A season is a profile keyed by phase: epoch ms modulo the period (UTC, so weeks start on Thursday 00:00 UTC, the epoch's
 * weekday; any fixed origin serves), cut into equal buckets. Each bucket holds the median of the training values in it,
 * the level itself rather than a deviation from the series' median, so the profile reads as "what the value usually is
 * at this time of day" and `deseason` leaves residuals around 0. Scoring needs only the timestamp: no extra history.
 */
import { z } from 'zod';
import type { Series } from '../store/series-group.ts';
import { median } from './stats.ts';

export const SEASONALITY_SETTINGS = ['none', 'daily', 'weekly', 'auto'] as const;
export type SeasonalitySetting = (typeof SEASONALITY_SETTINGS)[number];
export type SeasonPeriod = 'daily' | 'weekly';

export const PERIOD_MS: Readonly<Record<SeasonPeriod, number>> = { daily: 86_400_000, weekly: 604_800_000 };

/** JSON-serialisable; profile.length * bucket_ms === period_ms. */
export interface Season {
  period: SeasonPeriod;
  period_ms: number;
  bucket_ms: number;
  profile: number[];
}

/**
 * At most this many buckets a period: a weekly profile at 5-minute resolution. Finer data is pooled into wider buckets,
 * so a stored model stays a few tens of kB and every bucket still gets several training values per period.
 */
export const MAX_BUCKETS = 2016;
/** Fewer buckets than this cannot draw a cycle (daily data for a daily season): no season. */
export const MIN_BUCKETS = 4;
/** Periods of training data a named setting needs: with one, a bucket's "median" is a single value, an anomaly included. */
export const MIN_PERIODS = 2;
/** Periods `auto` needs of a candidate: its out-of-sample test splits them into two folds, and each needs at least one. */
export const MIN_PERIODS_AUTO = 3;
/**
 * The share of a series' variance (out of sample, against a constant) a profile must explain for `auto` to keep it
 * (the config's `seasonality_min_strength`). Noise and random walks score at or below 0 (a bucket's median of a few
 * values misses by more than a fold's median), a trend about 1/d² over d periods (0.11 at the minimum 3), a sine with
 * noise a third of its amplitude about 0.8, NAB's daily square waves 0.99. Anything from 0.3 up keeps clear cycles
 * apart from what chance gives; 0.9 keeps only cycles that explain nearly everything, where the seasonal check's
 * judgement is sound: on NAB, 0.3 and 0.6 also took in ad exchange series whose cycle explains 0.7-0.8 and cost 10 and 7
 * points there, 0.9 nothing (docs/nab-cross-validation.md).
 */
export const MIN_STRENGTH = 0.9;
/**
 * How much stronger weekly must be than daily to win. A weekly profile holds any daily cycle too, so on a purely daily
 * metric the two are close (weekly slightly below, from fewer values a bucket): only a clearly better fit says the week
 * has a shape of its own (quieter weekends), and the daily profile, with seven times the data a bucket, is kept otherwise.
 */
export const WEEKLY_MARGIN = 0.1;

export const seasonSchema: z.ZodType<Season> = z
  .object({
    period: z.enum(['daily', 'weekly']),
    period_ms: z.number().int().positive(),
    bucket_ms: z.number().int().positive(),
    // zod's number refuses NaN and ±Infinity.
    profile: z.array(z.number()).min(MIN_BUCKETS),
  })
  .refine((s) => s.period_ms === PERIOD_MS[s.period], { message: 'period_ms does not match period' })
  .refine((s) => s.profile.length * s.bucket_ms === s.period_ms, { message: 'profile length times bucket_ms is not period_ms' });

/**
 * The season of a training series under `setting`, or null: none wanted, or (auto) none found, or too little data.
 * `daily` and `weekly` fit that period given MIN_PERIODS of data, untested. `auto` scores each candidate with at least
 * MIN_PERIODS_AUTO periods by `strength`; one counts at `minStrength` (default MIN_STRENGTH) or more, and weekly is taken when it counts and
 * daily does not, or beats daily by WEEKLY_MARGIN; otherwise daily if it counts; otherwise null.
 */
export function fitSeason(series: Series, setting: SeasonalitySetting, minStrength = MIN_STRENGTH): Season | null {
  if (setting === 'none') return null;
  if (setting !== 'auto') {
    const layout = layOut(series, setting, MIN_PERIODS);
    return layout ? seasonOf(layout, series.values) : null;
  }
  const daily = layOut(series, 'daily', MIN_PERIODS_AUTO);
  const weekly = layOut(series, 'weekly', MIN_PERIODS_AUTO);
  const dailyStrength = daily ? strength(daily, series.values) : -Infinity;
  const weeklyStrength = weekly ? strength(weekly, series.values) : -Infinity;
  const dailyCounts = dailyStrength >= minStrength;
  if (weekly && weeklyStrength >= minStrength && (!dailyCounts || weeklyStrength >= dailyStrength + WEEKLY_MARGIN)) {
    return seasonOf(weekly, series.values);
  }
  return daily && dailyCounts ? seasonOf(daily, series.values) : null;
}

/** The seasonal baseline at epoch ms `ms` (the profile value of its phase bucket). */
export function seasonalBaseline(season: Season, ms: number): number {
  return season.profile[phaseBucket(ms, season.period_ms, season.bucket_ms)] ?? Number.NaN;
}

/** The series less its seasonal baseline, point by point (the same object back when season is null). */
export function deseason(series: Series, season: Season | null): Series {
  if (!season) return series;
  return { millis: series.millis, values: series.values.map((v, k) => v - seasonalBaseline(season, series.millis[k] ?? 0)) };
}

/** The index of the phase bucket holding epoch ms `ms`: floor((ms mod period) / bucket), the modulus taken non-negative. */
export function phaseBucket(ms: number, periodMs: number, bucketMs: number): number {
  const phase = ((ms % periodMs) + periodMs) % periodMs;
  return Math.floor(phase / bucketMs);
}

/** The series' typical spacing: the median of its positive consecutive differences (repeated timestamps ignored); NaN below two times. */
export function typicalSpacing(millis: readonly number[]): number {
  const gaps: number[] = [];
  for (let k = 1; k < millis.length; k++) {
    const gap = (millis[k] ?? 0) - (millis[k - 1] ?? 0);
    if (gap > 0) gaps.push(gap);
  }
  return median(gaps);
}

/**
 * The bucket width for data spaced `spacingMs` apart: of the whole-ms divisors of the period that leave at most
 * MAX_BUCKETS buckets, the nearest to the spacing by ratio (a tie goes to the wider); null when that leaves fewer than
 * MIN_BUCKETS. The ratio, not the difference, because 7-minute data is as far from 5 minutes as 14-minute from 10.
 */
export function bucketWidth(periodMs: number, spacingMs: number): number | null {
  if (!(spacingMs > 0)) return null;
  const narrowest = periodMs / MAX_BUCKETS;
  let best = Number.NaN;
  let bestDistance = Infinity;
  for (const width of divisors(periodMs)) {
    if (width < narrowest) continue;
    const distance = Math.abs(Math.log(width / spacingMs));
    if (distance <= bestDistance) {
      best = width;
      bestDistance = distance;
    }
  }
  return periodMs / best >= MIN_BUCKETS ? best : null;
}

/** The divisors of a positive integer, ascending (trial division to its square root: ~25,000 steps for a week in ms). */
function divisors(n: number): number[] {
  const low: number[] = [];
  const high: number[] = [];
  for (let d = 1; d * d <= n; d++) {
    if (n % d !== 0) continue;
    low.push(d);
    if (d * d !== n) high.push(n / d);
  }
  return [...low, ...high.reverse()];
}

/** A series cut by one candidate period: each point's phase bucket (-1 for a non-finite value) and the period it falls in. */
interface Layout {
  period: SeasonPeriod;
  periodMs: number;
  bucketMs: number;
  count: number;
  bucket: Int32Array;
  cycle: Float64Array;
}

/**
 * The series laid out by `period`, or null when the spacing gives no usable bucket width or the data covers fewer than
 * `minPeriods` periods. Coverage is last − first plus one spacing, each point standing for the interval it opens, so
 * two whole days of 5-minute data (00:00 to 23:55 the next day) count as two days.
 */
function layOut(series: Series, period: SeasonPeriod, minPeriods: number): Layout | null {
  const periodMs = PERIOD_MS[period];
  const { millis, values } = series;
  const spacing = typicalSpacing(millis);
  const bucketMs = bucketWidth(periodMs, spacing);
  if (bucketMs === null) return null;
  const coverage = (millis[millis.length - 1] ?? 0) - (millis[0] ?? 0) + spacing;
  if (coverage < minPeriods * periodMs) return null;
  const bucket = new Int32Array(millis.length);
  const cycle = new Float64Array(millis.length);
  let finite = 0;
  millis.forEach((ms, k) => {
    const ok = Number.isFinite(values[k]);
    if (ok) finite++;
    bucket[k] = ok ? phaseBucket(ms, periodMs, bucketMs) : -1;
    cycle[k] = Math.floor(ms / periodMs);
  });
  return finite > 0 ? { period, periodMs, bucketMs, count: periodMs / bucketMs, bucket, cycle } : null;
}

function seasonOf(layout: Layout, values: readonly number[]): Season | null {
  const profile = profileOf(layout, values, () => true);
  return profile ? { period: layout.period, period_ms: layout.periodMs, bucket_ms: layout.bucketMs, profile } : null;
}

/**
 * The median of the kept points' values in each bucket (kept: finite and `keep(k)`), grouped by a counting sort so the
 * whole fit is linear in points plus buckets; empty buckets filled by `fillGaps`. Null when no point is kept.
 */
function profileOf(layout: Layout, values: readonly number[], keep: (k: number) => boolean): number[] | null {
  const { bucket, count } = layout;
  const start = new Int32Array(count + 1);
  for (let k = 0; k < bucket.length; k++) {
    const b = bucket[k] ?? -1;
    if (b >= 0 && keep(k)) start[b + 1] = (start[b + 1] ?? 0) + 1;
  }
  for (let b = 0; b < count; b++) start[b + 1] = (start[b + 1] ?? 0) + (start[b] ?? 0);
  const total = start[count] ?? 0;
  if (total === 0) return null;
  const grouped = new Float64Array(total);
  const next = start.slice(0, count);
  for (let k = 0; k < bucket.length; k++) {
    const b = bucket[k] ?? -1;
    if (b < 0 || !keep(k)) continue;
    grouped[next[b] ?? 0] = values[k] ?? 0;
    next[b] = (next[b] ?? 0) + 1;
  }
  const profile = Array.from({ length: count }, (_, b) => median(grouped.subarray(start[b] ?? 0, start[b + 1] ?? 0)));
  return fillGaps(profile);
}

/**
 * Fills empty (NaN) buckets in place by linear interpolation between the nearest filled buckets on either side, going
 * round the period (the bucket before midnight neighbours the one after it): a gap in a smooth cycle is bridged along
 * its slope, not flattened to one side's level. With one filled bucket, every bucket takes its value.
 */
function fillGaps(profile: number[]): number[] {
  const n = profile.length;
  const filled: number[] = [];
  profile.forEach((v, b) => {
    if (!Number.isNaN(v)) filled.push(b);
  });
  filled.forEach((from, i) => {
    const to = filled[(i + 1) % filled.length] ?? from;
    const span = (to - from + n) % n || n;
    const a = profile[from] ?? 0;
    const c = profile[to] ?? 0;
    for (let step = 1; step < span; step++) profile[(from + step) % n] = a + ((c - a) * step) / span;
  });
  return profile;
}

/**
 * How much of the series a profile explains out of sample: periods split by parity into two folds (even and odd days,
 * or weeks), a profile and a constant (the fold's median) fitted on each fold and their squared errors summed on the
 * other. 1 − SSE_profile / SSE_constant: 1 for a perfect cycle, near 0 or below for none. -Infinity when the constant
 * already fits perfectly (a flat series: nothing to explain) or a fold is empty.
 */
function strength(layout: Layout, values: readonly number[]): number {
  const { bucket, cycle } = layout;
  const foldOf = (k: number): number => (((cycle[k] ?? 0) % 2) + 2) % 2;
  let sseProfile = 0;
  let sseConstant = 0;
  for (const fold of [0, 1]) {
    const profile = profileOf(layout, values, (k) => foldOf(k) === fold);
    const trained: number[] = [];
    for (let k = 0; k < bucket.length; k++) if ((bucket[k] ?? -1) >= 0 && foldOf(k) === fold) trained.push(values[k] ?? 0);
    if (!profile || trained.length === 0) return -Infinity;
    const level = median(trained);
    let tested = 0;
    for (let k = 0; k < bucket.length; k++) {
      const b = bucket[k] ?? -1;
      if (b < 0 || foldOf(k) === fold) continue;
      const v = values[k] ?? 0;
      sseProfile += (v - (profile[b] ?? 0)) ** 2;
      sseConstant += (v - level) ** 2;
      tested++;
    }
    if (tested === 0) return -Infinity;
  }
  return sseConstant > 0 ? 1 - sseProfile / sseConstant : -Infinity;
}

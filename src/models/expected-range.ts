/**
 * What a metric was expected to be at a point: a baseline and a band, from the values just before it. Stored with
 * each score (`metadata.expected`), said in alerts ("above the expected range 80–120 by 35") and drawn behind the
 * line in the report, as Datadog and Grafana draw theirs. Robust on purpose: the median ± 3 robust standard deviations
 * (1.4826 × MAD), so earlier spikes neither move the baseline nor widen the band enough to hide the next (percentiles
 * would: two spikes among 100 values are the 99th); where over half the values are equal, the 1st–99th percentiles.
 */
import { lowerBound } from './stats.ts';

export interface ExpectedRange {
  baseline: number;
  low: number;
  high: number;
}

export type Direction = 'up' | 'down';

/** How many of the values before a point the band is taken from. */
export const EXPECTED_WINDOW_N = 100;
/** Fewer earlier values than this give no band: a first run's first points are not judged against noise. */
export const EXPECTED_MIN_N = 10;
const MAD_TO_SIGMA = 1.4826;
const SIGMAS = 3;

/**
 * The expected range for the point at index `to` of `values`: from the values before it (the newest
 * `EXPECTED_WINDOW_N` positions, non-finite ones skipped), or null when fewer than `EXPECTED_MIN_N` are finite.
 */
export function expectedRange(values: readonly number[], to: number): ExpectedRange | null {
  return expectedRangesAt(values, [to])[0] ?? null;
}

/**
 * expectedRange at each of `positions` (in increasing order, as the points a run scores are): one sorted window slid
 * along, a value added and one dropped per step, so a first run scoring thousands of points stays linear in them.
 */
export function expectedRangesAt(
  values: readonly number[],
  positions: readonly number[],
  floorAtZero = true,
  percentilesWhenFlat = true,
): (ExpectedRange | null)[] {
  const sorted: number[] = [];
  let start = 0;
  let end = 0;
  return positions.map((to) => {
    const from = Math.max(0, to - EXPECTED_WINDOW_N);
    if (to < end || from < start || from >= end) {
      // Not a slide forward over overlapping windows: start again.
      sorted.length = 0;
      start = from;
      end = from;
    }
    for (; end < to; end++) insertSorted(sorted, values[end]);
    for (; start < from; start++) removeSorted(sorted, values[start]);
    return rangeOfSorted(sorted, floorAtZero, percentilesWhenFlat);
  });
}

/**
 * expectedRangesAt around a seasonal baseline (`baselineAt(i)`, the cycle's value at position i): the band is taken from
 * the values less their baselines and set around the point's own, so on a daily cycle the band rises to the peak with
 * it and a day that stays flat falls outside it. Never below zero for a metric whose window has never been negative.
 * Where over half the residuals are equal (a cycle that repeats exactly) they give no spread to measure, and their
 * percentiles would be a few outliers': the values' own range is used there.
 */
export function seasonalRangesAt(values: readonly number[], positions: readonly number[], baselineAt: (i: number) => number): (ExpectedRange | null)[] {
  const residuals = values.map((v, i) => v - baselineAt(i));
  // The values' own ranges, computed only when some position needs them.
  let plain: (ExpectedRange | null)[] | undefined;
  return expectedRangesAt(residuals, positions, false, false).map((range, k) => {
    const to = positions[k] ?? 0;
    if (!range) return (plain ??= expectedRangesAt(values, positions))[k] ?? null;
    const level = baselineAt(to);
    let floor = 0;
    for (let i = Math.max(0, to - EXPECTED_WINDOW_N); i < to && floor === 0; i++) if ((values[i] ?? 0) < 0) floor = -Infinity;
    return { baseline: range.baseline + level, low: Math.max(floor, range.low + level), high: range.high + level };
  });
}

function rangeOfSorted(sorted: readonly number[], floorAtZero: boolean, percentilesWhenFlat: boolean): ExpectedRange | null {
  if (sorted.length < EXPECTED_MIN_N) return null;
  const baseline = quantile(sorted, 0.5);
  const spread = SIGMAS * MAD_TO_SIGMA * medianDeviation(sorted, baseline);
  // Over half the values equal (a flat metric, counts that are mostly zero): the percentiles say how far the rest go.
  if (spread === 0) return percentilesWhenFlat ? { baseline, low: quantile(sorted, 0.01), high: quantile(sorted, 0.99) } : null;
  // A metric that has never been negative (counts, sums, latencies) is not expected to go below zero.
  const floor = floorAtZero && (sorted[0] ?? 0) >= 0 ? 0 : -Infinity;
  return { baseline, low: Math.max(floor, baseline - spread), high: baseline + spread };
}

/**
 * The median of |v - center| over sorted values, without sorting the deviations: those left of the center, read
 * leftwards, and those right of it, read rightwards, are each ascending, so a merge finds the middle ranks.
 */
function medianDeviation(sorted: readonly number[], center: number): number {
  const n = sorted.length;
  const position = (n - 1) / 2;
  const want = Math.floor(position);
  let right = 0;
  while (right < n && (sorted[right] ?? 0) < center) right++;
  let left = right - 1;
  let lower = 0;
  for (let rank = 0; rank <= want + 1 && rank < n; rank++) {
    const fromLeft = left >= 0 ? center - (sorted[left] ?? 0) : Infinity;
    const fromRight = right < n ? (sorted[right] ?? 0) - center : Infinity;
    const next = fromLeft <= fromRight ? fromLeft : fromRight;
    if (fromLeft <= fromRight) left--;
    else right++;
    if (rank === want) {
      lower = next;
      if (position === want) return lower;
    } else if (rank === want + 1) {
      return lower + (next - lower) * (position - want);
    }
  }
  return lower;
}

function insertSorted(sorted: number[], value: number | undefined): void {
  if (value === undefined || !Number.isFinite(value)) return;
  sorted.splice(lowerBound(sorted, value), 0, value);
}

function removeSorted(sorted: number[], value: number | undefined): void {
  if (value === undefined || !Number.isFinite(value)) return;
  const at = lowerBound(sorted, value);
  if (sorted[at] === value) sorted.splice(at, 1);
}


/** Which side of the baseline a value lies on (null on it, or without a range). */
export function directionOf(value: number | null, range: ExpectedRange | null): Direction | null {
  if (value === null || range === null || value === range.baseline) return null;
  return value > range.baseline ? 'up' : 'down';
}

/**
 * Whether a value lies beyond its expected range by more than `ratio` times the band's own half-width on that side
 * (ratio 1: twice as far from the baseline as the band's edge, about 6 robust standard deviations). Such a point is
 * an anomaly on its own, whatever the points around it (see `alert_extreme_ratio`).
 */
export function isFarOutside(value: number | null, range: ExpectedRange | null, ratio: number): boolean {
  if (value === null || range === null || ratio <= 0) return false;
  if (value > range.high) return value - range.high > ratio * (range.high - range.baseline);
  if (value < range.low) return range.low - value > ratio * (range.baseline - range.low);
  return false;
}

/** Whether an alert on a point of this direction is kept under `alert_direction` (both keeps everything). */
export function directionWanted(wanted: 'both' | Direction, direction: Direction | null): boolean {
  return wanted === 'both' || direction === null || direction === wanted;
}

/** "above the expected range 80–120 by 35", "below ... by 12", or "within the expected range 80–120". */
export function describeRange(value: number | null, range: ExpectedRange, format: (n: number) => string): string {
  const band = `${format(range.low)}–${format(range.high)}`;
  if (value !== null && value > range.high) return `above the expected range ${band} by ${format(value - range.high)}`;
  if (value !== null && value < range.low) return `below the expected range ${band} by ${format(range.low - value)}`;
  return `within the expected range ${band}`;
}

/** The range as score metadata's `"expected"` member, numbers rounded to 6 significant digits. */
export function expectedJson(range: ExpectedRange): string {
  return `{"baseline":${short(range.baseline)},"low":${short(range.low)},"high":${short(range.high)}}`;
}

function short(value: number): string {
  return JSON.stringify(Number(value.toPrecision(6)));
}

/** The q-quantile of sorted values, linearly interpolated. */
function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const lower = sorted[below] ?? 0;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] ?? lower;
  return lower + (upper - lower) * (position - below);
}

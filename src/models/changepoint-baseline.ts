/**
 * Robust baselines for change detection: what a reference window says the next points should be, and how far
 * from that counts as one standard deviation. Pure and causal: a baseline only reads the indices it is given.
 */
import { median } from './stats.ts';

/** Predicts the value at an absolute index, with the spread of the reference around it. */
export interface Baseline {
  kind: 'level' | 'trend' | 'seasonal';
  predict(index: number): number;
  /** Robust SD of the reference's residuals, widened for autocorrelation and a short reference. */
  scale: number;
  /** How many reference points it was fitted on. */
  size: number;
}

/** A series read by absolute index; indices before what it still holds (or past its end) read as undefined. */
export interface IndexedValues {
  get(index: number): number | undefined;
}

export interface ReferenceWindow {
  /** The series so far; only indices below `end` are read. */
  values: IndexedValues;
  /** First index of the current segment: nothing before it belongs to the present regime. */
  segmentStart: number;
  /** The reference ends just before this index. */
  end: number;
  window: number;
  minReference: number;
  /** Points per season (0: none). */
  period: number;
}

const MAD_TO_SD = 1.482602218505602;
/** SD of a sample median is about 1.2533 sd / sqrt(n). */
const MEDIAN_SE = 1.2533141373155001;
/** A line replaces the level only when its slope is this many standard errors from zero. */
const SLOPE_T = 3;
/** Caps the autocorrelation correction (rho 0.9 widens the scale 4.4 times). */
const MAX_RHO = 0.9;
/** Widens the scale of a short reference, whose median and MAD are themselves noisy (n 24: 42%, n 168: 6%). */
const SHORT_REFERENCE = 10;

/**
 * The best-fitting of up to three baselines on the reference window, or null while the reference is too short:
 * - level: the median, with MAD scale;
 * - trend: Tukey's resistant line (medians of the outer thirds: O(n), unlike Theil-Sen's O(n^2)), only when its
 *   slope is clearly not noise and beats the level, so a steady trend is not a change but a bend in it is;
 * - seasonal: the value one season ago plus the median season-on-season difference, so a daily cycle is not a
 *   change. With a period the detector waits for a season plus `minReference` points, because before that it
 *   cannot tell a cycle from a shift.
 * The narrowest scale wins: for a series without a cycle, season-on-season differences are sqrt(2) times wider.
 */
export function fitBaseline(ref: ReferenceWindow): Baseline | null {
  const { values, segmentStart, end, window, minReference, period } = ref;
  const positions: number[] = [];
  for (let i = Math.max(segmentStart, end - window); i < end; i++) if (Number.isFinite(values.get(i))) positions.push(i);
  if (positions.length < minReference) return null;
  const seasonal = period > 0 ? fitSeasonal(values, Math.max(segmentStart + period, end - window), end, period, minReference) : null;
  if (period > 0 && !seasonal) return null;
  const other = fitLevelOrTrend(values, positions);
  return seasonal && seasonal.scale < other.scale ? seasonal : other;
}

function fitLevelOrTrend(values: IndexedValues, positions: readonly number[]): Baseline {
  const y = positions.map((i) => values.get(i) ?? 0);
  const center = median(y);
  const level: Baseline = { kind: 'level', predict: () => center, scale: scaleOf(y.map((v) => v - center), positions, center), size: y.length };
  const third = Math.floor(positions.length / 3);
  // Positions ascend, so their medians need no sorting.
  const xLeft = sortedMedian(positions.slice(0, third));
  const xRight = sortedMedian(positions.slice(-third));
  const slope = (median(y.slice(-third)) - median(y.slice(0, third))) / (xRight - xLeft);
  const intercept = median(y.map((v, k) => v - slope * (positions[k] ?? 0)));
  const trendScale = scaleOf(y.map((v, k) => v - intercept - slope * (positions[k] ?? 0)), positions, center);
  // The slope is a difference of two medians of `third` points each, over the distance between their centres.
  const slopeError = (Math.SQRT2 * MEDIAN_SE * trendScale) / Math.sqrt(third) / (xRight - xLeft);
  // Extrapolating a line one step past the reference adds the slope's error times the distance from its centre.
  const reach = (positions[positions.length - 1] ?? 0) + 1 - (xLeft + xRight) / 2;
  const predictive = Math.hypot(trendScale, slopeError * reach);
  const significant = Math.abs(slope) > SLOPE_T * slopeError && predictive < level.scale;
  return significant ? { kind: 'trend', predict: (i) => intercept + slope * i, scale: predictive, size: y.length } : level;
}

function sortedMedian(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function fitSeasonal(values: IndexedValues, start: number, end: number, period: number, minReference: number): Baseline | null {
  const positions: number[] = [];
  const diffs: number[] = [];
  for (let i = start; i < end; i++) {
    const now = values.get(i);
    const before = values.get(i - period);
    if (now === undefined || before === undefined || !Number.isFinite(now) || !Number.isFinite(before)) continue;
    positions.push(i);
    diffs.push(now - before);
  }
  if (diffs.length < minReference) return null;
  const shift = median(diffs);
  const scale = scaleOf(diffs.map((d) => d - shift), positions, Math.abs(values.get(end - 1) ?? 0));
  return { kind: 'seasonal', predict: (i) => (values.get(i - period) ?? Number.NaN) + shift, scale, size: diffs.length };
}

/** Robust SD of the residuals, widened for autocorrelation and for a short reference. */
function scaleOf(residuals: readonly number[], positions: readonly number[], magnitude: number): number {
  const sd = spread(residuals, magnitude);
  return sd * memory(residuals, positions, sd) * (1 + SHORT_REFERENCE / residuals.length);
}

/**
 * Inflation for autocorrelated noise: a sum of n AR(1) residuals varies like n (1 + rho) / (1 - rho) independent
 * ones, so without it a wandering but stable metric looks like a string of small shifts. rho is the lag-1
 * autocorrelation of the residuals winsorised at 3 robust SDs, so a few outliers cannot fake or hide it.
 */
function memory(residuals: readonly number[], positions: readonly number[], sd: number): number {
  const limit = 3 * sd;
  const clip = (r: number | undefined): number => Math.max(-limit, Math.min(limit, r ?? 0));
  let lagged = 0;
  let squares = 0;
  for (let k = 0; k < residuals.length; k++) {
    const r = clip(residuals[k]);
    squares += r * r;
    if (k > 0 && positions[k] === (positions[k - 1] ?? 0) + 1) lagged += r * clip(residuals[k - 1]);
  }
  const rho = squares > 0 ? Math.min(MAX_RHO, Math.max(0, lagged / squares)) : 0;
  return Math.sqrt((1 + rho) / (1 - rho));
}

/** Robust SD: MAD, else the plain SD (mostly-constant series, sparse counts), else a tiny floor. */
function spread(residuals: readonly number[], magnitude: number): number {
  const robust = mad(residuals) * MAD_TO_SD;
  if (robust > 0) return robust;
  const mean = residuals.reduce((s, r) => s + r, 0) / Math.max(1, residuals.length);
  const sd = Math.sqrt(residuals.reduce((s, r) => s + (r - mean) ** 2, 0) / Math.max(1, residuals.length));
  // A constant series still gets a scale, so that any move off its value reads as a (large) deviation.
  return sd > 0 ? sd : 1e-9 * Math.max(1, Math.abs(magnitude));
}

function mad(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}

/**
 * Numeric helpers shared by the detectors. Each one mirrors the sklearn / numpy routine PyOD
 * calls, including its edge-case rules, so scores line up with Anomstack's Python output.
 */
import { z } from 'zod';
import type { Matrix } from './detector.ts';
import { lowerBound, selectInPlace } from './stats.ts';

const EPS = Number.EPSILON;

/** What `predict_proba(method="linear")`, `threshold_` and the calibrated score need from the training scores. */
export interface TrainScoreSummary {
  trainMin: number;
  trainMax: number;
  threshold: number;
  /** Quantiles of the training raw scores, ascending (all of them up to REFERENCE_SIZE): what a new raw score is ranked among. */
  trainQuantiles: number[];
  /** How many training scores `trainQuantiles` stands for. */
  trainScoresN: number;
}

/** The TrainScoreSummary part of every detector's fitted-state schema. */
export const trainScoreSummaryShape = {
  trainMin: z.number(),
  trainMax: z.number(),
  threshold: z.number(),
  trainQuantiles: z.array(z.number()).min(1),
  trainScoresN: z.number().int().positive(),
};

/**
 * Quantiles kept of the training raw scores. 1,001 rank a new score to within 0.1% of the training distribution, which
 * is finer than the alert thresholds anyone sets, and keep a model of 5,000 training rows from carrying all of them.
 */
export const REFERENCE_SIZE = 1001;

/**
 * Checks the shape and values of a matrix, as sklearn's `check_array` does before any fit or
 * score: NaN or Infinity would otherwise silently poison every distance.
 */
export function checkMatrix(rows: Matrix, who: string, nFeatures?: number): number {
  const first = rows[0];
  if (first === undefined) throw new Error(`${who}: no rows given`);
  const width = nFeatures ?? first.length;
  if (width === 0) throw new Error(`${who}: rows have no features`);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? [];
    if (row.length !== width) {
      throw new Error(`${who}: row ${i} has ${row.length} features, expected ${width}`);
    }
    for (let f = 0; f < width; f++) {
      const v = row[f] ?? 0;
      if (!Number.isFinite(v)) throw new Error(`${who}: row ${i} contains a non-finite value (${v})`);
    }
  }
  return width;
}

/**
 * The row-major typed copy of row arrays this code made itself and never changes again (a detector's fitted rows,
 * rows read from a model file), kept beside them: packing them into a model file, or flattening them again to
 * score, then takes no pass over thousands of small arrays.
 */
const flatForms = new WeakMap<Matrix, Float64Array>();

/** Remembers `flat` as the flat form of `rows`. Both must never change afterwards. */
export function rememberFlat(rows: Matrix, flat: Float64Array): void {
  flatForms.set(rows, flat);
}

/** The remembered flat form of `rows` as `width` values a row, if any. */
export function knownFlat(rows: Matrix, width: number): Float64Array | undefined {
  const flat = flatForms.get(rows);
  return flat && flat.length === rows.length * width ? flat : undefined;
}

/**
 * Flattens rows into one typed array so the inner distance loops stay cache-friendly. The result may be shared
 * (the remembered flat form of fitted rows): callers only read it.
 */
export function flatten(rows: Matrix, width: number): Float64Array {
  const known = knownFlat(rows, width);
  if (known) return known;
  const out = new Float64Array(rows.length * width);
  // Element by element: `set` from a short array costs more than copying its few values.
  for (let i = 0, o = 0; i < rows.length; i++) {
    const row = rows[i] ?? [];
    for (let f = 0; f < width; f++) out[o++] = row[f] ?? 0;
  }
  return out;
}

export interface StandardScaler {
  mean: number[];
  scale: number[];
}

/**
 * sklearn's `StandardScaler().fit`: population variance (ddof 0), and a column whose variance is
 * within floating-point noise of zero gets scale 1 (sklearn's `_is_constant_feature`), so a
 * constant metric maps to 0 rather than to NaN or to amplified noise.
 */
export function fitStandardScaler(rows: Matrix, width: number): StandardScaler {
  const n = rows.length;
  const mean: number[] = [];
  const scale: number[] = [];
  for (let j = 0; j < width; j++) {
    let sum = 0;
    for (const row of rows) sum += row[j] ?? 0;
    const m = sum / n;
    // sklearn subtracts the residual sum (the "correction") to cancel rounding in the mean.
    let sq = 0;
    let correction = 0;
    for (const row of rows) {
      const d = (row[j] ?? 0) - m;
      sq += d * d;
      correction += d;
    }
    const variance = (sq - (correction * correction) / n) / n;
    const upperBound = n * EPS * variance + (n * m * EPS) ** 2;
    mean.push(m);
    scale.push(variance <= upperBound ? 1 : Math.sqrt(variance));
  }
  return { mean, scale };
}

export function applyStandardScaler(rows: Matrix, scaler: StandardScaler): number[][] {
  return rows.map((row) => row.map((v, j) => (v - (scaler.mean[j] ?? 0)) / (scaler.scale[j] ?? 1)));
}

/**
 * `numpy.percentile(a, q)` with the default linear method, including numpy's two-sided lerp
 * (it interpolates from the upper end when the fraction is >= 0.5) so thresholds match to the bit.
 */
export function percentile(values: readonly number[], q: number): number {
  const n = values.length;
  if (n === 0) throw new Error('percentile of an empty list');
  const virtual = (q / 100) * (n - 1);
  const lo = Math.floor(virtual);
  const hi = Math.min(lo + 1, n - 1);
  const t = virtual - lo;
  const [a, b] = ranked(values, lo, hi);
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/**
 * The values of ranks lo and hi (hi = lo or lo + 1) in ascending order, by quickselect: a whole sort cost a fifth of
 * fitting a metric's detectors. Without NaN and -0 every rank has one value, whatever the method. Values with either
 * take the comparator sort, which leaves them where they fell (a typed array's sort or a selection may not), so the
 * result never changes.
 */
function ranked(values: readonly number[], lo: number, hi: number): [number, number] {
  for (const v of values) {
    if (Number.isNaN(v) || Object.is(v, -0)) {
      const sorted = [...values].sort((x, y) => x - y);
      return [sorted[lo] ?? 0, sorted[hi] ?? 0];
    }
  }
  const copy = Float64Array.from(values);
  const a = selectInPlace(copy, lo);
  if (hi === lo) return [a, a];
  // After the selection nothing before lo is larger and nothing after it smaller: rank lo + 1 is the smallest after.
  let b = Infinity;
  for (let i = lo + 1; i < copy.length; i++) if ((copy[i] ?? Infinity) < b) b = copy[i] ?? Infinity;
  return [a, b];
}

/**
 * Mirrors PyOD's `_process_decision_scores` plus the MinMaxScaler fit inside `predict_proba`, and keeps the training
 * scores' quantiles for the calibrated score (see tailScores).
 */
export function summariseTrainScores(scores: readonly number[], contamination: number): TrainScoreSummary {
  let trainMin = Infinity;
  let trainMax = -Infinity;
  for (const s of scores) {
    if (s < trainMin) trainMin = s;
    if (s > trainMax) trainMax = s;
  }
  return { trainMin, trainMax, threshold: percentile(scores, 100 * (1 - contamination)), trainQuantiles: quantilesOf(scores), trainScoresN: scores.length };
}

/** The sorted scores, or REFERENCE_SIZE of them at evenly spaced ranks from the smallest to the largest. */
function quantilesOf(scores: readonly number[]): number[] {
  const sorted = Float64Array.from(scores).sort();
  const n = sorted.length;
  if (n <= REFERENCE_SIZE) return Array.from(sorted);
  const out = new Array<number>(REFERENCE_SIZE);
  for (let j = 0; j < REFERENCE_SIZE; j++) out[j] = sorted[Math.round((j * (n - 1)) / (REFERENCE_SIZE - 1))] ?? 0;
  return out;
}

/**
 * The calibrated score: how unusual each raw score is against the training rows' raw scores of the same model, as
 * the share of them it exceeds (ties counted half), times n / (n + 1), a conformal p-value's complement. On data
 * like the training data the scores are spread evenly over 0..1, so 0.99 means "rarer than 99% of this metric's own
 * history" on every metric and every detector; a raw score above every training score gets n / (n + 1).
 */
export function tailScores(raw: readonly number[], summary: Pick<TrainScoreSummary, 'trainQuantiles' | 'trainScoresN'>): number[] {
  const { trainQuantiles: reference, trainScoresN: n } = summary;
  const m = reference.length;
  const out = new Array<number>(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const x = raw[i] ?? 0;
    const below = lowerBound(reference, x);
    let notAbove = below;
    while (notAbove < m && reference[notAbove] === x) notAbove++;
    out[i] = ((n / (n + 1)) * (below + (notAbove - below) / 2)) / m;
  }
  return out;
}

/**
 * PyOD's `predict_proba(method="linear")[:, 1]`: sklearn's MinMaxScaler fitted on the training
 * scores (a range within 10 eps of zero counts as 1, sklearn's `_handle_zeros_in_scale`),
 * computed as `x * scale + min_` like sklearn, then clipped to [0, 1].
 */
export function linearProba(raw: readonly number[], summary: TrainScoreSummary): number[] {
  const range = summary.trainMax - summary.trainMin;
  const scale = 1 / (range < 10 * EPS ? 1 : range);
  const offset = 0 - summary.trainMin * scale;
  const out: number[] = new Array<number>(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = Math.min(1, Math.max(0, (raw[i] ?? 0) * scale + offset));
  return out;
}

/**
 * KNN CAD: Numenta's conformal k-nearest-neighbour anomaly detection (Burnaev & Ishimtsev 2016, NAB's
 * knncad detector), on each row's window of values (with lags_n = L a row is [x_i, ..., x_{i-L}]).
 *
 * - Non-conformity measure (NCM) of a window: the mean distance to its `n_neighbors` nearest training
 *   windows. NAB sums squared Mahalanobis distances with the matrix inverse(X'X) of the (uncentered)
 *   training windows; `metric: mahalanobis` does the same whitening (distances are euclidean after
 *   x -> L^-1 x, where L L' = X'X / n), `euclidean` uses the rows as they are.
 * - Calibration: each training window's NCM among the other training windows (leave one out, as NAB's
 *   `ncm(item, item_in_array=True)`).
 * - Conformal p-value of a new window: p = (1 + #calibration NCMs >= its NCM) / (n + 1); small p is
 *   anomalous. NAB reports 1 - p and alerts at 0.9965. Here the score is the evidence -ln p on a scale
 *   where p = `alpha` scores 1: score = min(1, ln p / ln alpha). Under normal data p is uniform, so a
 *   score >= s happens with probability alpha^s (0.8 with alpha 0.001: one window in 250), which keeps
 *   the score comparable with the other detectors' 0..1 (a 1 - p score would be >= 0.8 one time in 5).
 *
 * decisionFunction returns the NCM (PyOD's raw score), leaving out one training window identical to the row
 * (see nonConformity). With fewer than n_neighbors + 1 training rows
 * the neighbour count is reduced to n - 1 (at least 1), so a young metric still gets a model.
 */
import { z } from 'zod';
import type { Matrix } from './detector.ts';
import { buildKdTree, insertTopK, kdNearest, squaredDistance, treeHelps, type KdTree } from './kdtree.ts';
import { knnScores } from './knn.ts';
import { ScaledDetector } from './scaled-detector.ts';
import { checkMatrix, flatten, summariseTrainScores, trainScoreSummaryShape } from './scaling.ts';
import { lowerBound } from './stats.ts';

export const KNNCAD_STATE_VERSION = 1;

export const knncadMetrics = ['mahalanobis', 'euclidean'] as const;
export type KnncadMetric = (typeof knncadMetrics)[number];

export interface KnncadParams {
  n_neighbors: number;
  metric: KnncadMetric;
  alpha: number;
  contamination: number;
}

export const knncadFittedSchema = z.object({
  nFeatures: z.number().int().positive(),
  neighbors: z.number().int().positive(),
  /** L^-1 (row-major, nFeatures x nFeatures) for mahalanobis; null for euclidean. */
  whitening: z.array(z.array(z.number())).nullable(),
  /** The training rows, already whitened. */
  reference: z.array(z.array(z.number())).min(2),
  /** Leave-one-out NCMs of the training rows, ascending. */
  calibration: z.array(z.number()).min(1),
  ...trainScoreSummaryShape,
});
export type KnncadFitted = z.infer<typeof knncadFittedSchema>;

/** Ridge added to X'X / n, relative to its mean diagonal, so a constant or collinear window set stays invertible. */
const RIDGE = 1e-9;

/**
 * Inverse Cholesky factor L^-1 of M = X'X / n + ridge, so that (a-b)' M^-1 (a-b) = |L^-1 (a-b)|^2.
 * An all-zero training set (M = 0) gets the identity.
 */
export function whiteningMatrix(train: Matrix, width: number): number[][] {
  const m: number[][] = Array.from({ length: width }, () => new Array<number>(width).fill(0));
  for (const row of train) {
    for (let i = 0; i < width; i++) {
      for (let j = 0; j <= i; j++) (m[i] as number[])[j] = (m[i]?.[j] ?? 0) + (row[i] ?? 0) * (row[j] ?? 0) / train.length;
    }
  }
  let trace = 0;
  for (let i = 0; i < width; i++) trace += m[i]?.[i] ?? 0;
  const ridge = trace > 0 ? (RIDGE * trace) / width : 1;
  const l: number[][] = Array.from({ length: width }, () => new Array<number>(width).fill(0));
  for (let i = 0; i < width; i++) {
    for (let j = 0; j <= i; j++) {
      let s = (m[i]?.[j] ?? 0) + (i === j ? ridge : 0);
      for (let k = 0; k < j; k++) s -= (l[i]?.[k] ?? 0) * (l[j]?.[k] ?? 0);
      (l[i] as number[])[j] = i === j ? Math.sqrt(Math.max(s, ridge)) : s / (l[j]?.[j] ?? 1);
    }
  }
  // Invert the lower-triangular L column by column (forward substitution on the identity).
  const inv: number[][] = Array.from({ length: width }, () => new Array<number>(width).fill(0));
  for (let c = 0; c < width; c++) {
    for (let i = c; i < width; i++) {
      let s = i === c ? 1 : 0;
      for (let k = c; k < i; k++) s -= (l[i]?.[k] ?? 0) * (inv[k]?.[c] ?? 0);
      (inv[i] as number[])[c] = s / (l[i]?.[i] ?? 1);
    }
  }
  return inv;
}

function whiten(rows: Matrix, whitening: readonly (readonly number[])[] | null): number[][] {
  if (!whitening) return rows.map((row) => [...row]);
  return rows.map((row) => whitening.map((w) => w.reduce((s, wij, j) => s + wij * (row[j] ?? 0), 0)));
}

/** Number of calibration NCMs >= ncm, by binary search in the ascending list. */
function countAtLeast(sorted: readonly number[], ncm: number): number {
  return sorted.length - lowerBound(sorted, ncm);
}

/** The conformal p-value of an NCM against the calibration NCMs. */
export function conformalPValue(calibration: readonly number[], ncm: number): number {
  return (1 + countAtLeast(calibration, ncm)) / (calibration.length + 1);
}

/**
 * NCM of each query row among the reference rows, leaving one identical reference row out: a window that
 * is itself a training window (the newest point right after a retrain) is scored exactly as it was
 * calibrated, instead of being its own nearest neighbour at distance 0. For a new window that merely
 * repeats a training window (a flat or discrete series) this drops one of the copies, as calibration did.
 */
function nonConformity(ref: Float64Array, nRef: number, query: Float64Array, nQuery: number, width: number, k: number, tree?: KdTree): number[] {
  const want = Math.min(k + 1, nRef);
  const buf = new Float64Array(want);
  const out: number[] = [];
  for (let q = 0; q < nQuery; q++) {
    const qo = q * width;
    if (tree) {
      kdNearest(tree, query, qo, want, -1, buf);
    } else {
      let filled = 0;
      for (let r = 0; r < nRef; r++) filled = insertTopK(buf, filled, want, squaredDistance(query, qo, ref, r * width, width));
    }
    const skip = buf[0] === 0 && want > k ? 1 : 0;
    let sum = 0;
    for (let i = skip; i < skip + k; i++) sum += Math.sqrt(buf[i] ?? 0);
    out.push(sum / k);
  }
  return out;
}

export class KnncadDetector extends ScaledDetector<KnncadParams, KnncadFitted> {
  readonly name = 'KNNCAD';
  protected readonly stateVersion = KNNCAD_STATE_VERSION;
  private flat: Float64Array | undefined;
  /** Built on first use, never stored: a restored model rebuilds it from the reference rows. */
  private tree: KdTree | undefined;

  static fromState(params: KnncadParams, fitted: KnncadFitted): KnncadDetector {
    const width = fitted.nFeatures;
    const badWhitening = fitted.whitening !== null && (fitted.whitening.length !== width || fitted.whitening.some((r) => r.length !== width));
    if (badWhitening || fitted.reference.some((r) => r.length !== width) || fitted.neighbors >= fitted.reference.length) {
      throw new Error('KNNCAD: saved model state is inconsistent (rows, whitening or neighbours do not match)');
    }
    if ((fitted.whitening === null) !== (params.metric === 'euclidean')) {
      throw new Error(`KNNCAD: saved model state does not match metric=${params.metric}`);
    }
    const d = new KnncadDetector(params);
    d.fitted = fitted;
    return d;
  }

  fit(train: Matrix): void {
    const width = checkMatrix(train, 'KNNCAD fit');
    const n = train.length;
    if (n < 2) throw new Error(`KNNCAD needs at least 2 training rows, got ${n}`);
    const neighbors = Math.min(this.params.n_neighbors, n - 1);
    const whitening = this.params.metric === 'mahalanobis' ? whiteningMatrix(train, width) : null;
    const reference = whiten(train, whitening);
    this.flat = flatten(reference, width);
    this.tree = treeHelps(n, width, n) ? buildKdTree(this.flat, n, width) : undefined;
    const calibration = knnScores(this.flat, n, this.flat, n, width, neighbors, 'mean', true, this.tree).sort((a, b) => a - b);
    const model = { nFeatures: width, neighbors, whitening, reference, calibration };
    this.fitted = { ...model, ...summariseTrainScores(calibration, this.params.contamination) };
  }

  decisionFunction(rows: Matrix): number[] {
    const fitted = this.requireFitted();
    checkMatrix(rows, 'KNNCAD score', fitted.nFeatures);
    const width = fitted.nFeatures;
    const n = fitted.reference.length;
    this.flat ??= flatten(fitted.reference, width);
    // Built only when this many queries repay it: a scheduled run scores a row or two.
    if (!this.tree && treeHelps(n, width, rows.length)) this.tree = buildKdTree(this.flat, n, width);
    return nonConformity(this.flat, n, flatten(whiten(rows, fitted.whitening), width), rows.length, width, fitted.neighbors, this.tree);
  }

  /** min(1, ln p / ln alpha) with p the conformal p-value of the row's NCM (see the header). */
  override score(rows: Matrix): number[] {
    const { calibration } = this.requireFitted();
    const logAlpha = Math.log(this.params.alpha);
    return this.decisionFunction(rows).map((ncm) => Math.min(1, Math.max(0, Math.log(conformalPValue(calibration, ncm)) / logAlpha)));
  }
}

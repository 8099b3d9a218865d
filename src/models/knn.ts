/**
 * PyOD's `pyod.models.knn.KNN`: the outlier score is the distance to the k-th nearest training
 * row (or the mean / median of the k distances). Exact search, which gives the same distances
 * as PyOD's BallTree: a k-d tree on low-dimensional data (kdtree.ts), a brute-force scan with a
 * k-sized sorted buffer otherwise.
 */
import { z } from 'zod';
import type { Matrix } from './detector.ts';
import { ScaledDetector } from './scaled-detector.ts';
import { buildKdTree, insertTopK, kdNearest, squaredDistance, treeHelps, type KdTree } from './kdtree.ts';
import { kdSelfNearest } from './kdtree-self.ts';
import { RowIndex } from './row-index.ts';
import { checkMatrix, flatten, knownFlat, rememberFlat, summariseTrainScores, trainScoreSummaryShape } from './scaling.ts';
import { numberRows, numbers } from './state-checks.ts';

/** 2: adds `selfScores`. */
export const KNN_STATE_VERSION = 2;

export const knnMethods = ['largest', 'mean', 'median'] as const;
export type KnnMethod = (typeof knnMethods)[number];

export interface KnnParams {
  n_neighbors: number;
  method: KnnMethod;
  contamination: number;
}

export const knnFittedSchema = z.object({
  nFeatures: z.number().int().positive(),
  /** The training rows themselves: a KNN model is its reference set. */
  train: numberRows,
  /**
   * Each training row's raw score when it is scored as a new row (itself among its neighbours at
   * distance 0), found during fit: scoring a row that was trained on (the first run after a backfill)
   * then needs no search, and gives the same value as the search would.
   */
  selfScores: numbers,
  ...trainScoreSummaryShape,
});
export type KnnFitted = z.infer<typeof knnFittedSchema>;

/** Reduces k ascending distances the way PyOD's `_get_dist_by_method` does. */
function reduce(sorted: Float64Array, method: KnnMethod): number {
  const k = sorted.length;
  if (method === 'largest') return sorted[k - 1] ?? 0;
  if (method === 'mean') {
    let sum = 0;
    for (const d of sorted) sum += d;
    return sum / k;
  }
  const mid = k >> 1;
  return k % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * For each query row, the k smallest distances to the reference rows, reduced by `method`.
 * `skipSelf` leaves out reference row i for query row i: scoring the training set excludes each
 * point from its own neighbours, as sklearn's `kneighbors()` without X does. With duplicate rows
 * that gives the same distances as sklearn's "drop one zero" rule. With a tree the result is the
 * same, bit for bit, as the scan (see kdtree.ts).
 */
export function knnScores(
  ref: Float64Array,
  nRef: number,
  query: Float64Array,
  nQuery: number,
  width: number,
  k: number,
  method: KnnMethod,
  skipSelf: boolean,
  tree?: KdTree,
  selfScores?: number[],
): number[] {
  const buf = new Float64Array(k);
  const withSelf = new Float64Array(k);
  const out: number[] = new Array<number>(nQuery);
  // The training rows against each other (fit): all searches at once, from each row's own leaf.
  const all = tree && skipSelf && query === ref && nQuery === nRef ? new Float64Array(nQuery * k) : undefined;
  if (tree && all) kdSelfNearest(tree, k, all);
  for (let q = 0; q < nQuery; q++) {
    const qo = q * width;
    if (all) {
      for (let i = 0; i < k; i++) buf[i] = all[q * k + i] ?? 0;
    } else if (tree) {
      kdNearest(tree, query, qo, k, skipSelf ? q : -1, buf);
    } else {
      let filled = 0;
      for (let r = 0; r < nRef; r++) {
        if (skipSelf && r === q) continue;
        // Squared distances keep the ordering, so sqrt is deferred to the k survivors.
        filled = insertTopK(buf, filled, k, squaredDistance(query, qo, ref, r * width, width));
      }
    }
    for (let i = 0; i < k; i++) buf[i] = Math.sqrt(buf[i] ?? 0);
    if (selfScores) {
      // With the row itself in, the k smallest are 0 and the k-1 smallest others: the buffer a
      // search without `skipSelf` would end with, reduced the same way.
      withSelf[0] = 0;
      for (let i = 1; i < k; i++) withSelf[i] = buf[i - 1] ?? 0;
      selfScores[q] = reduce(withSelf, method);
    }
    out[q] = reduce(buf, method);
  }
  return out;
}

export class KnnDetector extends ScaledDetector<KnnParams, KnnFitted> {
  readonly name = 'KNN';
  protected readonly stateVersion = KNN_STATE_VERSION;
  private flat: Float64Array | undefined;
  /** Built on first use, never stored: a restored model rebuilds them from the training rows. */
  private tree: KdTree | undefined;
  private trainRows: RowIndex | undefined;

  static fromState(params: KnnParams, fitted: KnnFitted): KnnDetector {
    if (fitted.train.some((row) => row.length !== fitted.nFeatures) || fitted.selfScores.length !== fitted.train.length) {
      throw new Error('KNN: saved model state is inconsistent (training rows do not match nFeatures or selfScores)');
    }
    if (fitted.train.length < params.n_neighbors) {
      throw new Error(`KNN: saved model has ${fitted.train.length} training rows, fewer than n_neighbors=${params.n_neighbors}`);
    }
    const d = new KnnDetector(params);
    d.install(fitted);
    return d;
  }

  fit(train: Matrix): void {
    const width = checkMatrix(train, 'KNN fit');
    const k = this.params.n_neighbors;
    const n = train.length;
    if (n < k + 1) {
      // sklearn refuses too: each training row needs k neighbours other than itself.
      throw new Error(`KNN with n_neighbors=${k} needs at least ${k + 1} training rows, got ${n}`);
    }
    const flat = flatten(train, width);
    const tree = treeHelps(n, width, n) ? buildKdTree(flat, n, width) : undefined;
    const selfScores: number[] = new Array<number>(n);
    const trainScores = knnScores(flat, n, flat, n, width, k, this.params.method, true, tree, selfScores);
    // Rows marked unchanging (see fitModels) are kept as they are; others are copied, since the caller may change them.
    const rows = knownFlat(train, width) ? (train as number[][]) : train.map((row) => [...row]);
    rememberFlat(rows, flat);
    this.install({
      nFeatures: width,
      train: rows,
      selfScores,
      ...summariseTrainScores(trainScores, this.params.contamination),
    }, flat, tree);
  }

  decisionFunction(rows: Matrix): number[] {
    const fitted = this.requireFitted();
    checkMatrix(rows, 'KNN score', fitted.nFeatures);
    const width = fitted.nFeatures;
    const n = fitted.train.length;
    const flat = this.flat ?? flatten(fitted.train, width);
    this.flat = flat;
    const query = flatten(rows, width);
    // Rows that are training rows take their score from fit; only the others are searched.
    this.trainRows ??= RowIndex.of(flat, n, width);
    const out: number[] = new Array<number>(rows.length);
    const unseen: number[] = [];
    for (let q = 0; q < rows.length; q++) {
      const known = this.trainRows.find(query, q * width);
      if (known >= 0) out[q] = fitted.selfScores[known] ?? 0;
      else unseen.push(q);
    }
    if (unseen.length === 0) return out;
    const rest = new Float64Array(unseen.length * width);
    unseen.forEach((q, i) => rest.set(query.subarray(q * width, (q + 1) * width), i * width));
    if (!this.tree && treeHelps(n, width, unseen.length)) this.tree = buildKdTree(flat, n, width);
    const scores = knnScores(flat, n, rest, unseen.length, width, this.params.n_neighbors, this.params.method, false, this.tree);
    unseen.forEach((q, i) => (out[q] = scores[i] ?? 0));
    return out;
  }

  private install(fitted: KnnFitted, flat?: Float64Array, tree?: KdTree): void {
    this.fitted = fitted;
    this.flat = flat;
    this.tree = tree;
    this.trainRows = undefined;
  }
}

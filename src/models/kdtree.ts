/**
 * Exact k-nearest-neighbour search for low-dimensional rows: a k-d tree with a tight bounding box
 * per node. It returns the same k smallest squared distances, bit for bit, as the brute-force scan
 * in knn.ts, because:
 *  - every distance is computed by `squaredDistance` over the same values in the same feature
 *    order, so each candidate's value is identical;
 *  - a node is skipped only when k distances are in and its box lower bound is >= the current k-th
 *    distance. The bound is summed term by term in that same feature order from terms no larger than
 *    the real ones, and IEEE rounding is monotone, so the bound never exceeds any skipped row's
 *    computed distance: those rows are >= the k-th, which `insertTopK` would not admit (and NaN never
 *    compares true, so overflowing coordinates only cost pruning);
 *  - `insertTopK` only admits a strictly smaller distance, so the final buffer is the multiset of
 *    the k smallest values whatever order rows are visited in (ties and duplicates included).
 */

/** Building lives in kdtree-build.ts; it is re-exported so that the tree has one entry point. */
export { buildKdTree } from './kdtree-build.ts';

export interface KdTree {
  width: number;
  /** The reference rows, reordered so that every node's rows are contiguous. */
  points: Float64Array;
  /** Original row index of each reordered row (for leaving a training row out of its own query). */
  index: Int32Array;
  start: Int32Array;
  end: Int32Array;
  /** Child node ids; -1 marks a leaf. The right child is stored, the left is always node + 1. */
  right: Int32Array;
  /** Parent node ids; -1 for the root. */
  parent: Int32Array;
  /** Per node bounding box, `width` values per node. */
  lo: Float64Array;
  hi: Float64Array;
  /** Scratch space for `kdNearest`, sized to the tree depth (JS is single-threaded). */
  stackNode: Int32Array;
  stackBound: Float64Array;
}

/** The one squared euclidean distance used by brute force and the tree alike. */
export function squaredDistance(a: Float64Array, ao: number, b: Float64Array, bo: number, width: number): number {
  let sq = 0;
  for (let f = 0; f < width; f++) {
    const d = (a[ao + f] ?? 0) - (b[bo + f] ?? 0);
    sq += d * d;
  }
  return sq;
}

/**
 * `squaredDistance` for rows of three features (the default two lags), the query's values passed in:
 * the same sum in the same order, so the same bits. Scanning leaves is most of the search, and the
 * generic loop there cost about 15% more.
 */
function squaredDistance3(q0: number, q1: number, q2: number, b: Float64Array, bo: number): number {
  const d0 = q0 - (b[bo] ?? 0);
  const d1 = q1 - (b[bo + 1] ?? 0);
  const d2 = q2 - (b[bo + 2] ?? 0);
  return 0 + d0 * d0 + d1 * d1 + d2 * d2;
}

/**
 * Adds `sq` to the ascending buffer of the k smallest values seen so far; returns the new fill.
 * Equal values are not admitted once the buffer is full: that keeps the multiset independent of
 * visiting order.
 */
export function insertTopK(buf: Float64Array, filled: number, k: number, sq: number): number {
  let i: number;
  if (filled < k) {
    i = filled++;
  } else if (sq < (buf[k - 1] ?? 0)) {
    i = k - 1;
  } else {
    return filled;
  }
  while (i > 0 && (buf[i - 1] ?? 0) > sq) {
    buf[i] = buf[i - 1] ?? 0;
    i--;
  }
  buf[i] = sq;
  return filled;
}

// Where the k-d tree starts to pay, measured on lagged-series features (k=5): building it costs
// about as much as scanning for ~40 query rows, it beats the scan from ~200 reference rows, and
// its pruning fades as dimensions grow (1.8x faster at 12 features, break-even at 16).
const MIN_TREE_ROWS = 200;
const MIN_TREE_QUERIES = 48;
const MAX_TREE_FEATURES = 12;

/** Whether a tree beats scanning for `nQuery` searches among `nRef` rows of `width` features. */
export function treeHelps(nRef: number, width: number, nQuery: number): boolean {
  return nRef >= MIN_TREE_ROWS && width <= MAX_TREE_FEATURES && nQuery >= MIN_TREE_QUERIES;
}

/**
 * Fills `buf` (length k) with the k smallest squared distances, ascending, from the query row at
 * `q[qo..qo+width)` to the tree's rows, leaving out the row whose original index is `skip`
 * (-1: none). Needs at least k eligible rows. Depth first, nearer child first, the farther one
 * kept on a stack with its box distance and dropped once that is no longer below the k-th.
 */
export function kdNearest(t: KdTree, q: Float64Array, qo: number, k: number, skip: number, buf: Float64Array): void {
  const { width, points, index, start, end, right, lo, hi, stackNode, stackBound } = t;
  // The query's values, read once for the three-feature leaf scan (see squaredDistance3).
  const q0 = q[qo] ?? 0;
  const q1 = q[qo + 1] ?? 0;
  const q2 = q[qo + 2] ?? 0;
  let filled = 0;
  // Infinity until k rows are in: nothing can be pruned before that.
  let kth = Infinity;
  let sp = 0;
  stackNode[sp] = 0;
  stackBound[sp] = 0;
  sp++;
  while (sp > 0) {
    sp--;
    if (filled === k && (stackBound[sp] ?? 0) >= kth) continue;
    let node = stackNode[sp] ?? 0;
    for (;;) {
      const r = right[node] ?? -1;
      if (r < 0) {
        const to = end[node] ?? 0;
        for (let i = start[node] ?? 0; i < to; i++) {
          if (index[i] === skip) continue;
          const sq = width === 3 ? squaredDistance3(q0, q1, q2, points, i * 3) : squaredDistance(q, qo, points, i * width, width);
          if (filled < k || sq < kth) {
            filled = insertTopK(buf, filled, k, sq);
            if (filled === k) kth = buf[k - 1] ?? 0;
          }
        }
        break;
      }
      // Both children's box distances in one pass (see `gap`): two independent sums pipeline well.
      const l = node + 1;
      const ol = l * width;
      const or = r * width;
      let dl = 0;
      let dr = 0;
      for (let f = 0; f < width; f++) {
        const v = q[qo + f] ?? 0;
        const a = gap(v, lo[ol + f] ?? 0, hi[ol + f] ?? 0);
        const b = gap(v, lo[or + f] ?? 0, hi[or + f] ?? 0);
        dl += a * a;
        dr += b * b;
      }
      const nearIsLeft = dl <= dr;
      const far = nearIsLeft ? r : l;
      const farBound = nearIsLeft ? dr : dl;
      if (!(filled === k && farBound >= kth)) {
        stackNode[sp] = far;
        stackBound[sp] = farBound;
        sp++;
      }
      if (filled === k && (nearIsLeft ? dl : dr) >= kth) break;
      node = nearIsLeft ? l : r;
    }
  }
}

/**
 * Distance from v to the interval [lo, hi] along one feature: max(lo - v, v - hi, 0), computed
 * without branches as (g + |g|) / 2 per side, which is exact (doubling and halving do not round);
 * unpredictable branches here otherwise dominate the search. Summed in feature order, the squares
 * give the box lower bound described in the header.
 */
function gap(v: number, lo: number, hi: number): number {
  const below = lo - v;
  const above = v - hi;
  return (below + Math.abs(below)) * 0.5 + (above + Math.abs(above)) * 0.5;
}

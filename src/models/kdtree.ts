/**
 * Exact k-nearest-neighbour search for low-dimensional rows: a k-d tree with a tight bounding box
 * per node. It returns the same k smallest squared distances, bit for bit, as the brute-force scan
 * in knn.ts, because:
 *  - every distance is computed by `squaredDistance` over the same values in the same feature
 *    order, so each candidate's value is identical;
 *  - a node is skipped only when its box lower bound is > the current k-th distance. The bound is
 *    summed term by term in that same feature order from terms no larger than the real ones, and
 *    IEEE rounding is monotone, so the bound never exceeds any skipped row's computed distance
 *    (strict, and NaN never compares true, so overflowing coordinates only cost pruning);
 *  - `insertTopK` only admits a strictly smaller distance, so the final buffer is the multiset of
 *    the k smallest values whatever order rows are visited in (ties and duplicates included).
 */

/** Rows per leaf: small enough to prune well, big enough that the node overhead stays low. */
const LEAF_SIZE = 12;

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

/**
 * Reorders idx[from..to) (and keys alongside) so the row of rank `nth` on the key sits at `nth`
 * with no larger key before it and no smaller one after it (Hoare quickselect).
 */
function select(keys: Float64Array, idx: Int32Array, from: number, to: number, nth: number): void {
  let lo = from;
  let hi = to - 1;
  while (hi > lo) {
    const pivot = keys[(lo + hi) >> 1] ?? 0;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((keys[i] ?? 0) < pivot) i++;
      while ((keys[j] ?? 0) > pivot) j--;
      if (i <= j) {
        const k = keys[i] ?? 0;
        keys[i] = keys[j] ?? 0;
        keys[j] = k;
        const t = idx[i] ?? 0;
        idx[i] = idx[j] ?? 0;
        idx[j] = t;
        i++;
        j--;
      }
    }
    if (nth <= j) hi = j;
    else if (nth >= i) lo = i;
    else return;
  }
}

export function buildKdTree(flat: Float64Array, n: number, width: number, leafSize = LEAF_SIZE): KdTree {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const keys = new Float64Array(n);
  const start: number[] = [];
  const end: number[] = [];
  const right: number[] = [];
  const lo: number[] = [];
  const hi: number[] = [];
  let depth = 0;

  const build = (from: number, to: number, level: number): number => {
    const node = start.length;
    depth = Math.max(depth, level);
    start.push(from);
    end.push(to);
    right.push(-1);
    let splitDim = -1;
    let spread = 0;
    for (let f = 0; f < width; f++) {
      let mn = Infinity;
      let mx = -Infinity;
      for (let i = from; i < to; i++) {
        const v = flat[(idx[i] ?? 0) * width + f] ?? 0;
        if (v < mn) mn = v;
        if (v > mx) mx = v;
      }
      lo.push(mn);
      hi.push(mx);
      if (mx - mn > spread) {
        spread = mx - mn;
        splitDim = f;
      }
    }
    // All rows identical (spread 0) cannot be split usefully: keep them in one leaf.
    if (to - from <= leafSize || splitDim < 0) return node;
    for (let i = from; i < to; i++) keys[i] = flat[(idx[i] ?? 0) * width + splitDim] ?? 0;
    const mid = (from + to) >> 1;
    select(keys, idx, from, to, mid);
    build(from, mid, level + 1);
    right[node] = build(mid, to, level + 1);
    return node;
  };
  build(0, n, 1);

  const points = new Float64Array(n * width);
  for (let i = 0; i < n; i++) {
    const src = (idx[i] ?? 0) * width;
    points.set(flat.subarray(src, src + width), i * width);
  }
  return {
    width,
    points,
    index: idx,
    start: Int32Array.from(start),
    end: Int32Array.from(end),
    right: Int32Array.from(right),
    lo: Float64Array.from(lo),
    hi: Float64Array.from(hi),
    // The search keeps at most one pending sibling per level.
    stackNode: new Int32Array(depth + 1),
    stackBound: new Float64Array(depth + 1),
  };
}

/**
 * Fills `buf` (length k) with the k smallest squared distances, ascending, from the query row at
 * `q[qo..qo+width)` to the tree's rows, leaving out the row whose original index is `skip`
 * (-1: none). Needs at least k eligible rows. Depth first, nearer child first, the farther one
 * kept on a stack with its box distance and dropped once that is no longer below the k-th.
 */
export function kdNearest(t: KdTree, q: Float64Array, qo: number, k: number, skip: number, buf: Float64Array): void {
  const { width, points, index, start, end, right, lo, hi, stackNode, stackBound } = t;
  let filled = 0;
  // Infinity until k rows are in: nothing can be pruned before that.
  let kth = Infinity;
  let sp = 0;
  stackNode[sp] = 0;
  stackBound[sp] = 0;
  sp++;
  while (sp > 0) {
    sp--;
    if ((stackBound[sp] ?? 0) > kth) continue;
    let node = stackNode[sp] ?? 0;
    for (;;) {
      const r = right[node] ?? -1;
      if (r < 0) {
        const to = end[node] ?? 0;
        for (let i = start[node] ?? 0; i < to; i++) {
          if (index[i] === skip) continue;
          const sq = squaredDistance(q, qo, points, i * width, width);
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
      if (!(farBound > kth)) {
        stackNode[sp] = far;
        stackBound[sp] = farBound;
        sp++;
      }
      if ((nearIsLeft ? dl : dr) > kth) break;
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

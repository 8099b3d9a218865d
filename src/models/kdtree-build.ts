/**
 * Building the k-d tree of kdtree.ts: rows reordered so that every node's rows are contiguous, each node with
 * the tight bounding box of its rows.
 */
import type { KdTree } from './kdtree.ts';

/** Rows per leaf: small enough to prune well, big enough that the node overhead stays low. */
const LEAF_SIZE = 12;

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

/** What building a tree carries from node to node (a module-level function, not a closure: see buildKdTree). */
interface Builder {
  flat: Float64Array;
  width: number;
  leafSize: number;
  idx: Int32Array;
  keys: Float64Array;
  start: Int32Array;
  end: Int32Array;
  right: Int32Array;
  parent: Int32Array;
  lo: Float64Array;
  hi: Float64Array;
  /** The cell (bounds known from the splits above) of the node being built at each level, `width` values a level. */
  cellLo: Float64Array;
  cellHi: Float64Array;
  nodes: number;
  depth: number;
}

/**
 * Builds the tree over `n` rows of `width` values. The recursion is a module-level function over typed arrays
 * sized up front: a closure made anew for every tree was deoptimised at every call (its optimised code
 * belonged to the previous tree's closure), which made building cost a third of the search.
 */
export function buildKdTree(flat: Float64Array, n: number, width: number, leafSize = LEAF_SIZE): KdTree {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  // A binary tree whose every leaf holds at least one row has fewer than 2n nodes.
  const most = 2 * Math.max(n, 1);
  // Median splits halve the rows: no node is deeper than log2(n) + 1 levels.
  const levels = Math.ceil(Math.log2(n + 1)) + 3;
  const b: Builder = {
    flat, width, leafSize, idx,
    keys: new Float64Array(n),
    start: new Int32Array(most),
    end: new Int32Array(most),
    right: new Int32Array(most),
    parent: new Int32Array(most),
    lo: new Float64Array(most * width),
    hi: new Float64Array(most * width),
    cellLo: new Float64Array(levels * width),
    cellHi: new Float64Array(levels * width),
    nodes: 0,
    depth: 0,
  };
  // The root's cell is the bounding box of all rows.
  boundingBox(b, 0, n, b.cellLo, b.cellHi, width);
  buildNode(b, 0, n, -1, 1);
  const points = new Float64Array(n * width);
  for (let i = 0; i < n; i++) {
    const src = (idx[i] ?? 0) * width;
    for (let f = 0; f < width; f++) points[i * width + f] = flat[src + f] ?? 0;
  }
  const nodes = b.nodes;
  return {
    width,
    points,
    index: idx,
    start: b.start.slice(0, nodes),
    end: b.end.slice(0, nodes),
    right: b.right.slice(0, nodes),
    parent: b.parent.slice(0, nodes),
    lo: b.lo.slice(0, nodes * width),
    hi: b.hi.slice(0, nodes * width),
    // The search keeps at most one pending sibling per level.
    stackNode: new Int32Array(b.depth + 1),
    stackBound: new Float64Array(b.depth + 1),
  };
}

/**
 * Adds the node over idx[from..to), then its children: split at the median of the feature along which the node's
 * cell (b.cellLo/cellHi at its level) is widest. Leaves get their rows' bounding box, inner nodes the union of their
 * children's: one pass over the rows in all, where a scan per node and level cost as much as the splitting. The tree's
 * shape only decides how fast a search is, never what it finds.
 */
function buildNode(b: Builder, from: number, to: number, parent: number, level: number): number {
  const { width, idx, lo, hi, cellLo, cellHi } = b;
  const node = b.nodes++;
  b.depth = Math.max(b.depth, level);
  b.start[node] = from;
  b.end[node] = to;
  b.right[node] = -1;
  b.parent[node] = parent;
  const cell = level * width;
  let splitDim = -1;
  let spread = 0;
  for (let f = 0; f < width; f++) {
    const extent = (cellHi[cell + f] ?? 0) - (cellLo[cell + f] ?? 0);
    if (extent > spread) {
      spread = extent;
      splitDim = f;
    }
  }
  // A cell of no extent holds identical rows, which cannot be split usefully: they stay in one leaf.
  if (to - from <= Math.max(b.leafSize, 1) || splitDim < 0) {
    boundingBox(b, from, to, lo, hi, node * width);
    return node;
  }
  for (let i = from; i < to; i++) b.keys[i] = b.flat[(idx[i] ?? 0) * width + splitDim] ?? 0;
  const mid = (from + to) >> 1;
  select(b.keys, idx, from, to, mid);
  // Rows before mid are <= the median on the split feature, rows from mid on >= it.
  const median = b.keys[mid] ?? 0;
  const next = cell + width;
  cellLo.copyWithin(next, cell, next);
  cellHi.copyWithin(next, cell, next);
  cellHi[next + splitDim] = median;
  const left = buildNode(b, from, mid, node, level + 1);
  cellLo.copyWithin(next, cell, next);
  cellHi.copyWithin(next, cell, next);
  cellLo[next + splitDim] = median;
  const right = buildNode(b, mid, to, node, level + 1);
  b.right[node] = right;
  for (let f = 0; f < width; f++) {
    const l = lo[left * width + f] ?? 0;
    const r = lo[right * width + f] ?? 0;
    lo[node * width + f] = r < l ? r : l;
    const lh = hi[left * width + f] ?? 0;
    const rh = hi[right * width + f] ?? 0;
    hi[node * width + f] = rh > lh ? rh : lh;
  }
  return node;
}

/** Writes the bounding box of rows idx[from..to) to lo/hi[at..at+width); Infinity / -Infinity when there are none. */
function boundingBox(b: Builder, from: number, to: number, lo: Float64Array, hi: Float64Array, at: number): void {
  const { flat, width, idx } = b;
  for (let f = 0; f < width; f++) {
    let mn = Infinity;
    let mx = -Infinity;
    // Comparisons rather than Math.min/max: cheaper, and they differ only on the sign of a zero bound, which no
    // box bound depends on (values are finite, checked before any tree is built).
    for (let i = from; i < to; i++) {
      const v = flat[(idx[i] ?? 0) * width + f] ?? 0;
      if (v < mn) mn = v;
      if (v > mx) mx = v;
    }
    lo[at + f] = mn;
    hi[at + f] = mx;
  }
}

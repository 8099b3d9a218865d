/**
 * Isolation trees as sklearn's IsolationForest grows them (an ExtraTreeRegressor with
 * max_features=1 and the random splitter): at each node a feature is drawn uniformly among those
 * not constant in the node, a threshold uniformly in [min, max) of that feature, rows with
 * x <= threshold go left; growth stops at the height limit, at one row, or when every feature is
 * constant. Like sklearn, rows are compared as float32 values.
 */
import { randomInt } from './random.ts';

/** A tree in preorder: the left child of an internal node is the next node. */
export interface IsolationTree {
  /** Feature index (into the full row) of each split; -1 marks a leaf. */
  feature: number[];
  /** Split threshold; 0 for a leaf. */
  threshold: number[];
  /** Training rows (distinct rows drawn for this tree) that reached the node. */
  size: number[];
}

/** sklearn's FEATURE_THRESHOLD: a float32 feature whose range is within this is constant. */
const FEATURE_THRESHOLD = Math.fround(1e-7);
const EULER_GAMMA = 0.5772156649015329;

/**
 * sklearn's `_average_path_length`, c(n): the mean path length of an unsuccessful search in a
 * binary search tree of n points, 2 H(n-1) - 2 (n-1) / n with H(i) ~ ln(i) + Euler's gamma.
 */
export function averagePathLength(n: number): number {
  if (n <= 1) return 0;
  if (n === 2) return 1;
  return 2 * (Math.log(n - 1) + EULER_GAMMA) - (2 * (n - 1)) / n;
}

/** Rounds rows to float32 as sklearn's tree code does, refusing values float32 cannot hold. */
export function toFloat32(rows: readonly (readonly number[])[], width: number, who: string): Float32Array {
  const out = new Float32Array(rows.length * width);
  rows.forEach((row, i) => {
    out.set(row, i * width);
    for (let f = 0; f < width; f++) {
      if (!Number.isFinite(out[i * width + f] ?? 0)) {
        throw new Error(`${who}: row ${i} has a value too large for float32 (${row[f]}), as sklearn refuses too`);
      }
    }
  });
  return out;
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The next float32 above x (x must be a finite float32). */
function nextFloat32(x: number): number {
  if (x === 0) return 1.401298464324817e-45;
  f32[0] = x;
  u32[0] = (u32[0] ?? 0) + (x > 0 ? 1 : -1);
  return f32[0] ?? 0;
}

/**
 * A short decimal that splits float32 values exactly as `t` does. Every value compared against a
 * threshold is a float32, so any number in [a, next float32 after a), a being the largest float32
 * <= t, sends the same rows left: picking one with few digits keeps saved models small (usually 7
 * to 9 significant digits instead of 17) without changing a single split. The search starts at 7
 * digits because float32 spacing (~6e-8 relative) rarely leaves room for fewer.
 */
export function shortThreshold(t: number): number {
  const r = Math.fround(t);
  const a = r > t ? -nextFloat32(-r) : r;
  const b = nextFloat32(a);
  for (let digits = 7; digits < 17; digits++) {
    const d = Number(t.toPrecision(digits));
    if (d >= a && d < b) return d;
  }
  return t;
}

export interface GrowOptions {
  /** Row-major float32 training rows. */
  x: Float32Array;
  width: number;
  /** Distinct row indices drawn for this tree. */
  rows: Int32Array;
  /** Features this tree may split on (max_features). */
  features: readonly number[];
  maxDepth: number;
  rng: () => number;
}

export function growTree({ x, width, rows, features, maxDepth, rng }: GrowOptions): IsolationTree {
  const tree: IsolationTree = { feature: [], threshold: [], size: [] };
  const candidates = new Int32Array(features.length);

  const grow = (from: number, to: number, depth: number): void => {
    const node = tree.feature.length;
    tree.feature.push(-1);
    tree.threshold.push(0);
    tree.size.push(to - from);
    if (depth >= maxDepth || to - from < 2) return;
    candidates.set(features);
    let left = features.length;
    while (left > 0) {
      // Drawing among the remaining features and dropping constant ones as they are found gives
      // each non-constant feature the same chance, as sklearn's splitter does.
      const pick = randomInt(rng, left);
      const f = candidates[pick] ?? 0;
      let min = Infinity;
      let max = -Infinity;
      for (let i = from; i < to; i++) {
        const v = x[(rows[i] ?? 0) * width + f] ?? 0;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      if (max <= Math.fround(min + FEATURE_THRESHOLD)) {
        candidates[pick] = candidates[--left] ?? 0;
        continue;
      }
      let t = (max - min) * rng() + min;
      // sklearn tests ==; >= also covers a rounding overshoot, so both sides stay non-empty.
      if (t >= max) t = min;
      t = shortThreshold(t);
      // Partition rows[from..to) so that rows with x <= t come first.
      let mid = from;
      for (let i = from; i < to; i++) {
        const r = rows[i] ?? 0;
        if ((x[r * width + f] ?? 0) <= t) {
          rows[i] = rows[mid] ?? 0;
          rows[mid++] = r;
        }
      }
      tree.feature[node] = f;
      tree.threshold[node] = t;
      grow(from, mid, depth + 1);
      grow(mid, to, depth + 1);
      return;
    }
  };
  grow(0, rows.length, 0);
  return tree;
}

/** Trees flattened into typed arrays for scoring, with each leaf's path length precomputed. */
export interface CompiledForest {
  roots: Int32Array;
  feature: Int32Array;
  threshold: Float64Array;
  right: Int32Array;
  /** sklearn's per-leaf term: nodes on the path + c(leaf size) - 1. */
  leafPath: Float64Array;
}

/**
 * Checks that each tree's preorder arrays describe a complete binary tree within the height
 * limit, and compiles them. Throws on anything a fit could not have produced.
 */
export function compileForest(trees: readonly IsolationTree[], nFeatures: number, maxDepth: number): CompiledForest {
  const total = trees.reduce((sum, t) => sum + t.feature.length, 0);
  const c: CompiledForest = {
    roots: new Int32Array(trees.length),
    feature: new Int32Array(total),
    threshold: new Float64Array(total),
    right: new Int32Array(total).fill(-1),
    leafPath: new Float64Array(total),
  };
  let base = 0;
  trees.forEach((tree, ti) => {
    const n = tree.feature.length;
    if (tree.threshold.length !== n || tree.size.length !== n) throw new Error(`tree ${ti}: array lengths differ`);
    // Returns the index just past the subtree rooted at i.
    const walk = (i: number, depth: number): number => {
      const f = tree.feature[i];
      const size = tree.size[i];
      if (f === undefined || size === undefined || depth > maxDepth) throw new Error(`tree ${ti}: malformed`);
      if (f >= nFeatures || !Number.isInteger(f) || f < -1) throw new Error(`tree ${ti}: feature ${f} out of range`);
      c.feature[base + i] = f;
      c.threshold[base + i] = tree.threshold[i] ?? 0;
      if (f < 0) {
        c.leafPath[base + i] = depth + 1 + averagePathLength(size) - 1;
        return i + 1;
      }
      const r = walk(i + 1, depth + 1);
      c.right[base + i] = base + r;
      return walk(r, depth + 1);
    };
    if (walk(0, 0) !== n) throw new Error(`tree ${ti}: malformed`);
    c.roots[ti] = base;
    base += n;
  });
  return c;
}

/**
 * Per row, the sum over trees of its path length. Tree by tree like sklearn (so the additions
 * happen in the same order), which also keeps one small tree in cache while all rows go through.
 */
export function pathLengthSums(c: CompiledForest, x: Float32Array, n: number, width: number): Float64Array {
  const sums = new Float64Array(n);
  const { feature, threshold, right, leafPath } = c;
  for (const root of c.roots) {
    for (let i = 0; i < n; i++) {
      const o = i * width;
      let node = root;
      for (;;) {
        const f = feature[node] ?? -1;
        if (f < 0) break;
        node = (x[o + f] ?? 0) <= (threshold[node] ?? 0) ? node + 1 : (right[node] ?? 0);
      }
      sums[i] = (sums[i] ?? 0) + (leafPath[node] ?? 0);
    }
  }
  return sums;
}

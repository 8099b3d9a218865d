import { describe, it, expect } from 'vitest';
import { IForestDetector, type IForestFitted, type IForestParams } from '../../src/models/iforest.ts';
import { averagePathLength, compileForest, growTree, shortThreshold, toFloat32 } from '../../src/models/itree.ts';
import { mulberry32 } from '../../src/models/random.ts';
import { createDetector, restoreDetector, type DetectorState } from '../../src/models/index.ts';

function iforest(overrides: Partial<IForestParams> = {}): IForestDetector {
  return new IForestDetector({
    n_estimators: 100,
    max_samples: 'auto',
    contamination: 0.1,
    max_features: 1,
    bootstrap: false,
    random_state: null,
    ...overrides,
  });
}

/** A normal-ish cloud around the origin. */
function cloud(n: number, width: number, seed: number): number[][] {
  const rng = mulberry32(seed);
  return Array.from({ length: n }, () => Array.from({ length: width }, () => rng() + rng() + rng() - 1.5));
}

const TRAIN = cloud(400, 3, 1);
const INLIERS = cloud(20, 3, 2);
const OUTLIERS = [[6, 0, 0], [0, -7, 0], [5, 5, 5], [0, 0, 10]];

describe('isolation tree helpers', () => {
  it('c(n) matches hand-computed values', () => {
    expect(averagePathLength(0)).toBe(0);
    expect(averagePathLength(1)).toBe(0);
    expect(averagePathLength(2)).toBe(1);
    // 2 (ln 2 + gamma) - 2 * 2 / 3 = 2 (0.693147 + 0.577216) - 1.333333
    expect(averagePathLength(3)).toBeCloseTo(1.2073924, 6);
    // 2 (ln 255 + gamma) - 2 * 255 / 256 = 2 (5.541264 + 0.577216) - 1.992188
    expect(averagePathLength(256)).toBeCloseTo(10.24477, 5);
  });

  it('shortens thresholds without moving any float32 value to the other side', () => {
    const rng = mulberry32(5);
    for (let i = 0; i < 2000; i++) {
      const t = (rng() - 0.5) * 10 ** Math.floor(rng() * 12 - 6);
      const s = shortThreshold(t);
      expect(s.toPrecision(17).length).toBeLessThanOrEqual(t.toPrecision(17).length);
      // The float32 values around t fall on the same side of both.
      let v = Math.fround(t);
      for (let j = 0; j < 3; j++) v = Math.fround(v - Math.abs(v) * 2 ** -23 - 1e-45);
      for (let j = 0; j < 6; j++) {
        expect(v <= s).toBe(v <= t);
        v = Math.fround(v + Math.abs(v) * 2 ** -24 + 1e-45);
      }
    }
    // 0.3 lies between the float32s 0.29999998... and 0.30000001...: any number in between splits alike.
    expect(shortThreshold(0.3)).toBe(0.3);
    expect(shortThreshold(0.29999999)).toBe(0.3);
    // The float32 nearest 0.3 is above 0.3, so 0.3 would move it to the other side.
    expect(shortThreshold(0.30000001192092896)).toBe(0.300000012);
  });

  it('grows trees no deeper than the height limit, splitting every node into non-empty halves', () => {
    const x = toFloat32(TRAIN, 3, 'test');
    const rows = Int32Array.from({ length: 256 }, (_, i) => i);
    const tree = growTree({ x, width: 3, rows, features: [0, 1, 2], maxDepth: 8, rng: mulberry32(1) });
    expect(tree.size[0]).toBe(256);
    const compiled = compileForest([tree], 3, 8);
    tree.feature.forEach((f, i) => {
      if (f < 0) return;
      const left = tree.size[i + 1] ?? 0;
      const right = tree.size[compiled.right[i] ?? 0] ?? 0;
      expect(left).toBeGreaterThan(0);
      expect(right).toBeGreaterThan(0);
      expect(left + right).toBe(tree.size[i]);
    });
    expect(() => compileForest([tree], 3, 7)).toThrow(/malformed/);
  });

  it('makes a leaf of rows that are all equal', () => {
    const x = toFloat32([[1, 2], [1, 2], [1, 2]], 2, 'test');
    const tree = growTree({ x, width: 2, rows: Int32Array.from([0, 1, 2]), features: [0, 1], maxDepth: 2, rng: mulberry32(1) });
    expect(tree).toEqual({ feature: [-1], threshold: [0], size: [3] });
  });
});

describe('IForestDetector', () => {
  it('is deterministic for a seed, and random_state null is a fixed seed', () => {
    const a = iforest({ random_state: 7 });
    const b = iforest({ random_state: 7 });
    a.fit(TRAIN);
    b.fit(TRAIN);
    expect(b.toJSON()).toEqual(a.toJSON());
    const c = iforest({ random_state: 8 });
    c.fit(TRAIN);
    expect(c.decisionFunction(INLIERS)).not.toEqual(a.decisionFunction(INLIERS));
    const d = iforest();
    const e = iforest({ random_state: 0 });
    d.fit(TRAIN);
    e.fit(TRAIN);
    expect(d.decisionFunction(INLIERS)).toEqual(e.decisionFunction(INLIERS));
  });

  it('scores obvious outliers above every inlier, within [0, 1]', () => {
    const d = iforest();
    d.fit(TRAIN);
    const raw = d.decisionFunction([...INLIERS, ...OUTLIERS]);
    for (const v of raw) {
      expect(v).toBeGreaterThan(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    const inlierMax = Math.max(...raw.slice(0, INLIERS.length));
    // Splits are drawn inside the training range, so a far outlier shares the leaf of the most
    // extreme training rows: its score is high, but not higher than theirs (hence not 1 below).
    for (const v of raw.slice(INLIERS.length)) expect(v).toBeGreaterThan(inlierMax);
    const s = d.score([...INLIERS, ...OUTLIERS]);
    for (const v of s) expect(v >= 0 && v <= 1).toBe(true);
    const scaledInlierMax = Math.max(...s.slice(0, INLIERS.length));
    for (const v of s.slice(INLIERS.length)) expect(v).toBeGreaterThan(scaledInlierMax);
  });

  it('records max_samples_ and the threshold like sklearn and PyOD', () => {
    const d = iforest({ contamination: 0.05 });
    d.fit(TRAIN);
    const f = d.toJSON().fitted as IForestFitted;
    expect(f.maxSamples).toBe(256);
    expect(f.trees).toHaveLength(100);
    const train = d.decisionFunction(TRAIN).sort((a, b) => a - b);
    expect(f.trainMin).toBe(train[0]);
    expect(f.trainMax).toBe(train[train.length - 1]);
    expect(f.threshold).toBeGreaterThan(train[370] ?? NaN);
    const sizes = (p: Partial<IForestParams>): number => {
      const m = iforest({ ...p, n_estimators: 3 });
      m.fit(TRAIN);
      return (m.toJSON().fitted as IForestFitted).maxSamples;
    };
    expect(sizes({ max_samples: 0.5 })).toBe(200);
    expect(sizes({ max_samples: 1 })).toBe(400);
    expect(sizes({ max_samples: 1000 })).toBe(400);
    expect(sizes({ max_samples: 50 })).toBe(50);
    const small = iforest({ n_estimators: 3 });
    small.fit(TRAIN.slice(0, 30));
    expect((small.toJSON().fitted as IForestFitted).maxSamples).toBe(30);
  });

  it('restricts each tree to max_features features and supports bootstrap', () => {
    const d = iforest({ max_features: 0.34, n_estimators: 20 });
    d.fit(TRAIN);
    for (const tree of (d.toJSON().fitted as IForestFitted).trees) {
      expect(new Set(tree.feature.filter((f) => f >= 0)).size).toBeLessThanOrEqual(1);
    }
    const b = iforest({ bootstrap: true });
    b.fit(TRAIN);
    // With replacement each tree keeps fewer than 256 distinct rows.
    for (const tree of (b.toJSON().fitted as IForestFitted).trees) expect(tree.size[0]).toBeLessThan(256);
    const inliers = b.decisionFunction(INLIERS).sort((x, y) => x - y);
    for (const v of b.decisionFunction(OUTLIERS)) expect(v).toBeGreaterThan(inliers[INLIERS.length >> 1] ?? NaN);
  });

  it('scores every row 0.5 when trained on one row, as sklearn does', () => {
    const d = iforest({ n_estimators: 5 });
    d.fit([[1, 2]]);
    expect(d.decisionFunction([[1, 2], [100, 100]])).toEqual([0.5, 0.5]);
    expect(d.score([[100, 100]])).toEqual([0]);
  });

  it('round-trips through JSON to identical scores', () => {
    const d = createDetector('iforest', { n_estimators: 30, max_features: 0.7, random_state: 3 });
    d.fit(TRAIN);
    const text = JSON.stringify(d.toJSON());
    const copy = restoreDetector(JSON.parse(text) as DetectorState);
    expect(copy.decisionFunction([...INLIERS, ...OUTLIERS])).toEqual(d.decisionFunction([...INLIERS, ...OUTLIERS]));
    expect(copy.score(INLIERS)).toEqual(d.score(INLIERS));
    expect(JSON.stringify(copy.toJSON())).toBe(text);
  });

  it('refuses inconsistent saved state, bad rows and impossible sizes', () => {
    const d = createDetector('IForest', { n_estimators: 4 });
    d.fit(TRAIN);
    const state = JSON.parse(JSON.stringify(d.toJSON())) as DetectorState;
    const trees = state.fitted['trees'] as IForestFitted['trees'];
    const withTree = (tree: unknown): DetectorState => ({ ...state, fitted: { ...state.fitted, trees: [tree, ...trees.slice(1)] } });
    const first = trees[0];
    if (!first) throw new Error('no tree');
    expect(() => restoreDetector({ ...state, params: { ...state.params, n_estimators: 5 } })).toThrow(/inconsistent \(4 trees, n_estimators=5\)/);
    expect(() => restoreDetector(withTree({ ...first, feature: first.feature.slice(1) }))).toThrow(/inconsistent/);
    expect(() => restoreDetector(withTree({ ...first, feature: first.feature.map((f) => (f >= 0 ? 3 : f)) }))).toThrow(/out of range/);
    expect(() => restoreDetector(withTree({ ...first, size: first.size.map(() => 0) }))).toThrow(/positive integers/);
    expect(() => restoreDetector(withTree({ ...first, threshold: 'x' }))).toThrow(/Invalid saved IForest/);
    expect(() => iforest().score(INLIERS)).toThrow(/fit\(\)/);
    expect(() => d.score([[1, 2]])).toThrow(/2 features, expected 3/);
    expect(() => d.score([[1e39, 0, 0]])).toThrow(/too large for float32/);
    expect(() => iforest().fit([[1, NaN]])).toThrow(/non-finite/);
    expect(() => iforest({ max_samples: 0.01 }).fit(TRAIN.slice(0, 50))).toThrow(/no rows at all/);
    expect(() => iforest({ max_features: 4 }).fit(TRAIN)).toThrow(/max_features=4 exceeds the 3 features/);
  });
});

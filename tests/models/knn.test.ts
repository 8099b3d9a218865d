import { describe, it, expect } from 'vitest';
import { KnnDetector, knnScores, type KnnMethod, type KnnParams, type KnnFitted } from '../../src/models/knn.ts';
import type { Matrix } from '../../src/models/detector.ts';
import { restoreDetector } from '../../src/models/index.ts';

function knn(overrides: Partial<KnnParams> = {}): KnnDetector {
  return new KnnDetector({ n_neighbors: 5, method: 'largest', contamination: 0.1, ...overrides });
}

function expectClose(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(a).toBeCloseTo(expected[i] ?? NaN, 12));
}

/** Deterministic pseudo-random rows, so the tests never flake. */
function rows(n: number, width: number, seed: number): number[][] {
  let s = seed;
  const next = (): number => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  return Array.from({ length: n }, () => Array.from({ length: width }, () => next() * 10));
}

/** The obvious O(n^2 log n) definition, to check the top-k buffer against. */
function naive(train: Matrix, query: Matrix, k: number, method: KnnMethod, skipSelf: boolean): number[] {
  return query.map((q, qi) => {
    const d = train
      .filter((_, ti) => !(skipSelf && ti === qi))
      .map((t) => Math.hypot(...t.map((v, f) => v - (q[f] ?? 0))))
      .sort((a, b) => a - b)
      .slice(0, k);
    if (method === 'largest') return d[k - 1] ?? NaN;
    if (method === 'mean') return d.reduce((a, b) => a + b, 0) / k;
    const m = k >> 1;
    return k % 2 ? (d[m] ?? NaN) : ((d[m - 1] ?? NaN) + (d[m] ?? NaN)) / 2;
  });
}

// Reference numbers from tests/models/fixtures/pyod_reference.py (PyOD's KNN written out with
// scipy cdist: sorted distances, the self distance dropped for training rows).
const KNN_TRAIN: Matrix = [[0, 0], [1, 0], [0, 1], [1, 1], [0.5, 0.5], [3, 3], [0.2, 0.8]];
const KNN_TEST: Matrix = [[0.5, 0], [2, 2], [10, -4]];
const REF: Record<KnnMethod, { k: number; contamination: number; train: number[]; test: number[]; threshold: number; proba: number[] }> = {
  largest: {
    k: 2, contamination: 0.1,
    train: [0.8246211251235323, 1.0, 0.7071067811865476, 0.8246211251235323, 0.7071067811865476, 3.5355339059327378, 0.42426406871192857],
    test: [0.5, 1.4142135623730951, 9.899494936611665],
    threshold: 2.014213562373096,
    proba: [0.024342450269669885, 0.3181818181818182, 1.0],
  },
  mean: {
    k: 2, contamination: 0.1,
    train: [0.76586395315504, 0.8535533905932737, 0.4949747468305833, 0.76586395315504, 0.565685424949238, 3.181980515339464, 0.3535533905932738],
    test: [0.5, 1.4142135623730951, 9.874176369203884],
    threshold: 1.7849242404917505,
    proba: [0.051776695296636865, 0.3750000000000001, 1.0],
  },
  median: {
    k: 4, contamination: 0.3,
    train: [0.9123105625617661, 1.0, 0.8535533905932737, 0.9123105625617661, 0.7071067811865476, 3.5482163344428543, 0.6244425969177304],
    test: [0.5, 1.7677669529663689, 10.097562538799334],
    threshold: 0.9298484500494129,
    proba: [0.0, 0.3910440610963365, 1.0],
  },
};

describe('KnnDetector', () => {
  it('k=1 on 1-D points: distance to the nearest other point', () => {
    const d = knn({ n_neighbors: 1 });
    d.fit([[0], [1], [3], [7], [8]]);
    // Training rows exclude themselves: 0->1, 1->0, 3->1, 7->8, 8->7.
    expect(d.decisionFunction([[5], [20], [3]])).toEqual([2, 12, 0]);
    const f = d.toJSON().fitted as KnnFitted;
    expect([f.trainMin, f.trainMax]).toEqual([1, 2]);
    // New rows do not exclude anything: [3] is a training point at distance 0.
    expect(d.score([[5], [20], [3], [1.5]])).toEqual([1, 1, 0, 0]);
  });

  for (const method of ['largest', 'mean', 'median'] as const) {
    it(`matches the PyOD reference with method=${method}`, () => {
      const ref = REF[method];
      const d = knn({ n_neighbors: ref.k, method, contamination: ref.contamination });
      d.fit(KNN_TRAIN);
      const f = d.toJSON().fitted as KnnFitted;
      expect(f.trainMin).toBeCloseTo(Math.min(...ref.train), 12);
      expect(f.trainMax).toBeCloseTo(Math.max(...ref.train), 12);
      expect(f.threshold).toBeCloseTo(ref.threshold, 12);
      expectClose(d.decisionFunction(KNN_TEST), ref.test);
      expectClose(d.score(KNN_TEST), ref.proba);
    });
  }

  it('scores duplicated training rows as PyOD does (the twin is a neighbour at distance 0)', () => {
    const d = knn({ n_neighbors: 1 });
    d.fit([[0], [0], [5], [9]]);
    const f = d.toJSON().fitted as KnnFitted;
    // Train scores are [0, 0, 4, 4]: the duplicates see each other, not themselves.
    expect([f.trainMin, f.trainMax]).toEqual([0, 4]);
    expect(f.threshold).toBeCloseTo(4, 12);
  });

  it('agrees with a naive sort-based implementation on random data', () => {
    const train = rows(60, 3, 7);
    const query = rows(25, 3, 11);
    for (const method of ['largest', 'mean', 'median'] as const) {
      for (const k of [1, 4, 5]) {
        const d = knn({ n_neighbors: k, method });
        d.fit(train);
        expectClose(d.decisionFunction(query), naive(train, query, k, method, false));
        const trainScores = naive(train, train, k, method, true);
        const f = d.toJSON().fitted as KnnFitted;
        expect(f.trainMin).toBeCloseTo(Math.min(...trainScores), 12);
        expect(f.trainMax).toBeCloseTo(Math.max(...trainScores), 12);
      }
    }
  });

  // Speed is measured in npm run bench; this checks a full-size model gives a score for every row.
  it('scores 2,500 rows against 2,500 training rows of 6 features', () => {
    const d = knn();
    d.fit(rows(2500, 6, 1));
    const s = d.score(rows(2500, 6, 2));
    expect(s).toHaveLength(2500);
    for (const v of s) expect(v >= 0 && v <= 1).toBe(true);
  });

  it('scores training rows through decisionFunction WITHOUT self-exclusion, as PyOD does', () => {
    // PyOD's decision_function queries the tree with k neighbours, so a training row counts
    // itself (distance 0): with k=2 its raw score is the distance to its nearest other row.
    const d = knn({ n_neighbors: 2 });
    d.fit(KNN_TRAIN);
    expectClose(d.decisionFunction(KNN_TRAIN), naive(KNN_TRAIN, KNN_TRAIN, 1, 'largest', true));
    const s = d.score(KNN_TRAIN);
    for (const v of s) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    // Those self-including scores are below the training minimum, hence clipped to 0.
    expect(s.filter((v) => v === 0).length).toBeGreaterThan(0);
    expect(d.score([[100, 100]])).toEqual([1]);
  });

  it('scores rows it was trained on exactly as the search does, with or without a JSON round trip', () => {
    // Integer rows repeat, so training rows have twins; -0 must count as the training row's 0.
    const train = rows(400, 3, 5).map((r) => r.map((v) => Math.floor(v / 3)));
    const unseen = rows(50, 3, 9);
    const query = [...train.slice(0, 200), ...unseen, train.map((r) => r.map((v) => (v === 0 ? -0 : v)))[7] ?? []];
    const flatTrain = Float64Array.from(train.flat());
    const flatQuery = Float64Array.from(query.flat());
    for (const method of ['largest', 'mean', 'median'] as const) {
      for (const k of [1, 4, 5]) {
        const d = knn({ n_neighbors: k, method });
        d.fit(train);
        const search = knnScores(flatTrain, train.length, flatQuery, query.length, 3, k, method, false);
        expect(d.decisionFunction(query)).toEqual(search);
        const copy = restoreDetector(JSON.parse(JSON.stringify(d.toJSON())));
        expect(copy.decisionFunction(query)).toEqual(search);
      }
    }
  });

  it('stores the training rows and round-trips through JSON to identical scores', () => {
    const d = knn({ n_neighbors: 3, method: 'median' });
    d.fit(KNN_TRAIN);
    const state = JSON.parse(JSON.stringify(d.toJSON()));
    expect(state.fitted.train).toEqual(KNN_TRAIN);
    const copy = restoreDetector(state);
    expect(copy.decisionFunction(KNN_TEST)).toEqual(d.decisionFunction(KNN_TEST));
    expect(copy.score(KNN_TEST)).toEqual(d.score(KNN_TEST));
  });

  it('refuses too few rows, mismatched widths and non-finite values', () => {
    expect(() => knn().fit(rows(5, 2, 3))).toThrow(/n_neighbors=5 needs at least 6 training rows, got 5/);
    expect(() => knn({ n_neighbors: 1 }).fit([[1]])).toThrow(/at least 2 training rows, got 1/);
    expect(() => knn().fit([])).toThrow(/no rows/);
    const d = knn({ n_neighbors: 2 });
    expect(() => d.score(KNN_TEST)).toThrow(/fit\(\)/);
    d.fit(KNN_TRAIN);
    expect(() => d.score([[1, 2, 3]])).toThrow(/3 features, expected 2/);
    expect(() => d.score([[1, Number.POSITIVE_INFINITY]])).toThrow(/non-finite/);
  });
});

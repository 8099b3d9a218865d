import { describe, it, expect } from 'vitest';
import { conformalPValue, KnncadDetector, whiteningMatrix, type KnncadFitted, type KnncadParams } from '../../src/models/knncad.ts';
import { createDetector, restoreDetector, type DetectorState } from '../../src/models/index.ts';
import { mulberry32 } from '../../src/models/random.ts';

const TRAIN = [[0], [1], [2], [4]];

function knncad(params: Partial<KnncadParams> = {}): KnncadDetector {
  const d = new KnncadDetector({ n_neighbors: 1, metric: 'euclidean', alpha: 0.04, contamination: 0.1, ...params });
  d.fit(TRAIN);
  return d;
}

describe('KNN CAD', () => {
  it('calibrates on leave-one-out NCMs: the mean distance to the k nearest other windows', () => {
    // k = 1: 0 -> 1, 1 -> 1, 2 -> 1, 4 -> 2.
    expect((knncad().toJSON().fitted as KnncadFitted).calibration).toEqual([1, 1, 1, 2]);
    // k = 2: 0 -> (1+2)/2, 1 -> (1+1)/2, 2 -> (1+2)/2, 4 -> (2+3)/2, sorted.
    expect((knncad({ n_neighbors: 2 }).toJSON().fitted as KnncadFitted).calibration).toEqual([1, 1.5, 1.5, 2.5]);
  });

  it('scores ln p / ln alpha with the conformal p-value (1 + #calibration >= ncm) / (n + 1)', () => {
    const d = knncad();
    // NCMs: 10 -> 6 (beyond all: p = 1/5), 1.5 -> 0.5 (p = 5/5), 5.5 -> 1.5 (one >= it: p = 2/5).
    expect(d.decisionFunction([[10], [1.5], [5.5]])).toEqual([6, 0.5, 1.5]);
    const s = d.score([[10], [1.5], [5.5]]);
    expect(s[0]).toBeCloseTo(Math.log(1 / 5) / Math.log(0.04), 12);
    expect(s[0]).toBeCloseTo(0.5, 12);
    expect(s[1]).toBe(0);
    expect(s[2]).toBeCloseTo(Math.log(2 / 5) / Math.log(0.04), 12);
    // alpha = 1/5: the smallest p this calibration set can give scores 1.
    expect(knncad({ alpha: 0.2 }).score([[10]])[0]).toBeCloseTo(1, 12);
    expect(conformalPValue([1, 1, 1, 2], 1)).toBe(1);
    expect(conformalPValue([1, 1, 1, 2], 2)).toBe(2 / 5);
  });

  it('scores a training window as it was calibrated, leaving its identical copy out', () => {
    // 4 is a training row: its NCM is its distance to 2 (as in calibration), not 0 to itself.
    expect(knncad().decisionFunction([[4], [1], [3]])).toEqual([2, 1, 1]);
    expect(knncad({ n_neighbors: 2 }).decisionFunction([[4], [0]])).toEqual([2.5, 1.5]);
  });

  it('whitens by the inverse Cholesky factor of the uncentered X\'X / n (NAB\'s inverse(X\'X) metric)', () => {
    // X'X / 2 = [[2, 1], [1, 1]] = L L' with L = [[√2, 0], [1/√2, 1/√2]], so L^-1 = [[1/√2, 0], [-1/√2, √2]].
    const w = whiteningMatrix([[2, 1], [0, 1]], 2);
    const expected = [[Math.SQRT1_2, 0], [-Math.SQRT1_2, Math.SQRT2]];
    w.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i]?.[j] ?? NaN, 8)));
    // In one dimension the metric only rescales: NCMs divide by sqrt(mean x^2) = sqrt(21 / 4), p-values do not change.
    const m = knncad({ metric: 'mahalanobis' });
    expect(m.decisionFunction([[10]])[0]).toBeCloseTo(6 / Math.sqrt(21 / 4), 7);
    expect(m.score([[10], [1.5], [5.5]])).toEqual(knncad().score([[10], [1.5], [5.5]]));
    // A constant (singular) window set still gives a finite metric.
    const flat = new KnncadDetector({ n_neighbors: 2, metric: 'mahalanobis', alpha: 0.001, contamination: 0.1 });
    flat.fit([[3, 3], [3, 3], [3, 3]]);
    expect(flat.score([[3, 3]])).toEqual([0]);
    expect(flat.score([[3, 4]])[0]).toBeGreaterThan(0);
  });

  it('uses the k-d tree on larger sets with the same answers as the scan', () => {
    const rng = mulberry32(7);
    const rows = Array.from({ length: 400 }, () => [rng(), rng(), rng()]);
    const big = new KnncadDetector({ n_neighbors: 5, metric: 'mahalanobis', alpha: 0.001, contamination: 0.1 });
    big.fit(rows);
    const restored = restoreDetector(JSON.parse(JSON.stringify(big.toJSON())) as DetectorState);
    const queries = [[0.5, 0.5, 0.5], [3, 0, 0], [0.1, 0.9, 0.2]];
    expect(restored.decisionFunction(queries)).toEqual(big.decisionFunction(queries));
    const s = big.score(queries);
    // Beyond every calibration NCM: p = 1 / 401, the most 400 calibration windows can say.
    expect(s[1]).toBeCloseTo(Math.log(401) / Math.log(1000), 12);
    expect(s[0]).toBeLessThan(0.3);
  });

  it('shrinks k for a short history instead of refusing it', () => {
    const d = knncad({ n_neighbors: 27 });
    expect((d.toJSON().fitted as KnncadFitted).neighbors).toBe(3);
    expect(() => knncad().fit([[1]])).toThrow(/at least 2 training rows/);
  });

  it('round-trips through JSON and refuses inconsistent state', () => {
    const d = createDetector('KNNCAD', { n_neighbors: 2 });
    d.fit([[0, 1], [1, 2], [2, 2], [4, 1]]);
    const text = JSON.stringify(d.toJSON());
    const copy = restoreDetector(JSON.parse(text) as DetectorState);
    expect(copy.score([[9, 9], [1, 1]])).toEqual(d.score([[9, 9], [1, 1]]));
    expect(JSON.stringify(copy.toJSON())).toBe(text);
    const state = JSON.parse(text) as DetectorState;
    expect(() => restoreDetector({ ...state, fitted: { ...state.fitted, neighbors: 4 } })).toThrow(/inconsistent/);
    expect(() => restoreDetector({ ...state, params: { ...state.params, metric: 'euclidean' } })).toThrow(/does not match metric/);
  });
});

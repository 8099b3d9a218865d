import { describe, it, expect } from 'vitest';
import { PcaDetector, MIN_COMPONENT_WEIGHT, type PcaParams, type PcaFitted } from '../../src/models/pca.ts';
import type { Matrix } from '../../src/models/detector.ts';
import { restoreDetector } from '../../src/models/index.ts';

const defaults: PcaParams = {
  n_components: null,
  n_selected_components: null,
  contamination: 0.1,
  whiten: false,
  weighted: true,
  standardization: true,
};

function pca(overrides: Partial<PcaParams> = {}): PcaDetector {
  return new PcaDetector({ ...defaults, ...overrides });
}

function fitted(d: PcaDetector): PcaFitted {
  return d.toJSON().fitted as PcaFitted;
}

/** Elementwise comparison with a relative tolerance (SVD routines differ in the last bits). */
function expectClose(actual: readonly number[], expected: readonly number[], rel = 1e-9): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => {
    const e = expected[i] ?? NaN;
    expect(Math.abs(a - e)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(e)));
  });
}

// Reference numbers from tests/models/fixtures/pyod_reference.py, which writes PyOD's PCA
// (StandardScaler -> sklearn PCA full SVD + svd_flip(u_based_decision=False) ->
// sum(cdist(X, components_[-n:]) / explained_variance_ratio_[-n:])) out in numpy.
const PCA_TRAIN: Matrix = [
  [2.0, 1.0, 10.0], [3.0, 2.5, 11.0], [4.0, 2.0, 9.5], [5.0, 4.0, 12.0],
  [6.0, 4.5, 10.5], [7.0, 6.5, 11.5], [8.0, 6.0, 10.0], [9.0, 8.0, 13.0],
];
const PCA_TEST: Matrix = [[5.5, 4.0, 11.0], [2.0, 8.0, 10.0], [20.0, -3.0, 5.0]];
const REF_DEFAULT = {
  components: [
    [0.5975985416660563, 0.6289159646366705, 0.49733358264220334],
    [-0.4741874639353086, -0.22295274399596116, 0.8517266715274758],
    [-0.6465463881619042, 0.7448199670858711, -0.16498783162705893],
  ],
  ratio: [0.8144611589154241, 0.18165317505775963, 0.003885666026816231],
  train: [653.8581979085194, 427.00543447343335, 557.0740524769025, 388.0639553410087, 295.96456538433307, 391.2242449394728, 496.31043646895233, 818.0987922019765],
  test: [293.7812683504947, 384.905756904547, 2529.402714375271],
  threshold: 703.1303761965565,
  proba: [0.0, 0.17034162280895038, 1.0],
};
// Same data, n_components=2, n_selected_components=1, contamination=0.25.
const REF_PARTIAL = {
  ratio: [0.8144611589154241, 0.18165317505775963],
  train: [12.965384774775892, 6.388381240477655, 12.69605212777662, 1.6080141460201978, 8.038229415968903, 9.2214288610891, 13.802282967892719, 16.028737405654894],
  test: [5.117322009470898, 15.014487623808082, 53.442632494887306],
  threshold: 13.174609323055098,
  proba: [0.24335172378445585, 0.929667204370684, 1.0],
};
// 2-D data, weighted=false, standardization=false, contamination=0.2.
const PCA2_TRAIN: Matrix = [[0, 0], [1, 0.5], [2, 2.5], [3, 2], [4, 4.5], [5, 4]];
const PCA2_TEST: Matrix = [[2.5, 2.5], [0, 5]];
const REF_RAW = {
  components: [[0.7196150118335541, 0.6943732675901295], [-0.6943732675901295, 0.7196150118335541]],
  train: [1.9999999999999998, 2.0497162301335736, 5.44298158543274, 6.537660843298205, 11.05162170990635, 11.979889277543506],
  test: [6.192775474840594, 8.701689086330317],
  threshold: 11.05162170990635,
  proba: [0.4201224440711051, 0.6715193826258461],
};

describe('PcaDetector', () => {
  it('matches a hand-computed case: axis-aligned data, no standardization', () => {
    // Variances (ddof 1) are 2/3 along x and 1/6 along y, so the components are the unit axes
    // with ratios 0.8 and 0.2; the score is |x - e1| / 0.8 + |x - e2| / 0.2.
    const d = pca({ standardization: false });
    d.fit([[-1, 0], [1, 0], [0, -0.5], [0, 0.5]]);
    const f = fitted(d);
    expectClose(f.components.flat(), [1, 0, 0, 1], 1e-12);
    expectClose(f.explainedVarianceRatio, [0.8, 0.2], 1e-12);
    expectClose(d.decisionFunction([[0, 0], [-1, 0]]), [1 / 0.8 + 1 / 0.2, 2 / 0.8 + Math.SQRT2 / 0.2], 1e-12);
  });

  it('matches PyOD defaults on a 3-feature set (numpy reference)', () => {
    const d = pca();
    d.fit(PCA_TRAIN);
    const f = fitted(d);
    expectClose(f.components.flat(), REF_DEFAULT.components.flat());
    expectClose(f.explainedVarianceRatio, REF_DEFAULT.ratio);
    expectClose(d.decisionFunction(PCA_TRAIN), REF_DEFAULT.train);
    expectClose(d.decisionFunction(PCA_TEST), REF_DEFAULT.test);
    expectClose([f.threshold], [REF_DEFAULT.threshold]);
    expectClose(d.score(PCA_TEST), REF_DEFAULT.proba);
  });

  it('uses the LAST n_selected_components and ratios over the full spectrum', () => {
    const d = pca({ n_components: 2, n_selected_components: 1, contamination: 0.25 });
    d.fit(PCA_TRAIN);
    const f = fitted(d);
    expect(f.components).toHaveLength(2);
    expectClose(f.explainedVarianceRatio, REF_PARTIAL.ratio);
    expectClose(d.decisionFunction(PCA_TRAIN), REF_PARTIAL.train);
    expectClose(d.decisionFunction(PCA_TEST), REF_PARTIAL.test);
    expectClose([f.threshold], [REF_PARTIAL.threshold]);
    expectClose(d.score(PCA_TEST), REF_PARTIAL.proba);
  });

  it('matches the reference unweighted and unstandardized', () => {
    const d = pca({ weighted: false, standardization: false, contamination: 0.2 });
    d.fit(PCA2_TRAIN);
    const f = fitted(d);
    expect(f.scaler).toBeNull();
    expectClose(f.components.flat(), REF_RAW.components.flat());
    expectClose(d.decisionFunction(PCA2_TRAIN), REF_RAW.train);
    expectClose(d.decisionFunction(PCA2_TEST), REF_RAW.test);
    expectClose([f.threshold], [REF_RAW.threshold]);
    expectClose(d.score(PCA2_TEST), REF_RAW.proba);
  });

  it('makes the largest-magnitude entry of each component positive (sklearn >= 1.5)', () => {
    for (const data of [PCA_TRAIN, PCA_TRAIN.map((r) => r.map((v) => -v))]) {
      const d = pca();
      d.fit(data);
      for (const c of fitted(d).components) {
        const biggest = c.reduce((best, v) => (Math.abs(v) > Math.abs(best) ? v : best), 0);
        expect(biggest).toBeGreaterThan(0);
      }
    }
  });

  it('sorts components by descending explained variance, ratios summing to 1', () => {
    const d = pca();
    d.fit(PCA_TRAIN);
    const r = fitted(d).explainedVarianceRatio;
    expect([...r].sort((a, b) => b - a)).toEqual(r);
    expect(r.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('gives a zero-variance column scale 1 and stays finite', () => {
    const train = PCA_TRAIN.map((r) => [...r, 7]);
    const d = pca();
    d.fit(train);
    const f = fitted(d);
    expect(f.scaler?.scale[3]).toBe(1);
    expect(f.scaler?.mean[3]).toBe(7);
    const raw = d.decisionFunction([...train, [5, 5, 11, 7], [5, 5, 11, 0]]);
    for (const s of raw) expect(Number.isFinite(s)).toBe(true);
    // The constant column is a zero-variance component (the unit vector e4); PyOD would divide
    // by 0 there, we divide by MIN_COMPONENT_WEIGHT.
    expect(Math.min(...f.explainedVarianceRatio)).toBe(0);
    expect(f.components[3]).toEqual([0, 0, 0, 1]);
    // PyOD measures distance to the component vector, so leaving the constant value towards -e4
    // (standardized -7: |-7 - 1| = 8, versus 1 for every training row) dominates the score.
    expect(raw[raw.length - 1]).toBeGreaterThan(Math.max(...raw.slice(0, -1)));
  });

  it('handles rank deficiency (collinear columns, fewer rows than features) without inf/NaN', () => {
    const collinear = PCA_TRAIN.map((r) => [r[0] ?? 0, 2 * (r[0] ?? 0) + 1, r[2] ?? 0]);
    const a = pca();
    a.fit(collinear);
    expect(fitted(a).explainedVarianceRatio[2]).toBe(0);
    for (const s of a.score([[1, 3, 10], [1, 5, 10]])) expect(s).toBeGreaterThanOrEqual(0);

    const wide: Matrix = [[1, 2, 3, 4, 5], [2, 1, 0, 3, 3], [0, 4, 1, 1, 2]];
    const b = pca();
    b.fit(wide);
    expect(fitted(b).components).toHaveLength(3); // min(n_samples, n_features)
    const raw = b.decisionFunction([...wide, [9, 9, 9, 9, 9]]);
    for (const s of raw) expect(Number.isFinite(s)).toBe(true);
    expect(MIN_COMPONENT_WEIGHT).toBeGreaterThan(0);
  });

  it('scores in [0, 1], with the training extremes at exactly 0 and 1', () => {
    const d = pca();
    d.fit(PCA_TRAIN);
    const s = d.score(PCA_TRAIN);
    for (const v of s) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    expect(s[4]).toBe(0); // lowest reference training score
    expect(s[7]).toBe(1); // highest reference training score
    expect(d.score([[1000, -1000, 0]])).toEqual([1]);
  });

  it('round-trips through JSON to identical scores', () => {
    const d = pca({ n_components: 3, n_selected_components: 2 });
    d.fit(PCA_TRAIN);
    const copy = restoreDetector(JSON.parse(JSON.stringify(d.toJSON())));
    expect(copy.decisionFunction(PCA_TEST)).toEqual(d.decisionFunction(PCA_TEST));
    expect(copy.score(PCA_TEST)).toEqual(d.score(PCA_TEST));
  });

  it('rejects bad inputs with clear errors', () => {
    expect(() => pca().fit([[1, 2]])).toThrow(/at least 2 training rows, got 1/);
    expect(() => pca({ n_components: 4 }).fit(PCA_TRAIN)).toThrow(/n_components=4 must be <= .* = 3/);
    expect(() => pca({ n_selected_components: 3, n_components: 2 }).fit(PCA_TRAIN)).toThrow(/n_selected_components=3/);
    expect(() => pca().fit([[1, 2], [3, Number.NaN]])).toThrow(/non-finite/);
    expect(() => pca().score(PCA_TEST)).toThrow(/fit\(\)/);
    const d = pca();
    d.fit(PCA_TRAIN);
    expect(() => d.score([[1, 2]])).toThrow(/2 features, expected 3/);
  });
});

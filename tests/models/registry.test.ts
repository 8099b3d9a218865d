import { describe, it, expect } from 'vitest';
import {
  createDetector,
  detectorNames,
  modelParamsSchema,
  restoreDetector,
  IForestDetector,
  KnnDetector,
  MadDetector,
  PcaDetector,
  type DetectorState,
} from '../../src/models/index.ts';

const TRAIN = [
  [1, 10, 0.5], [2, 11, 0.4], [3, 9, 0.6], [4, 12, 0.5], [5, 10, 0.7],
  [6, 13, 0.3], [7, 11, 0.5], [8, 12, 0.6], [9, 10, 0.4], [10, 14, 0.5],
];
const TEST = [[5.5, 11, 0.5], [20, 0, 3], [1, 10, 0.5]];

function fittedState(name: string, params: Record<string, unknown> = {}): DetectorState {
  const d = createDetector(name, params);
  d.fit(TRAIN);
  return JSON.parse(JSON.stringify(d.toJSON())) as DetectorState;
}

describe('detector registry', () => {
  it('lists the detectors and matches names case-insensitively', () => {
    expect(detectorNames).toEqual(['PCA', 'KNN', 'IForest', 'MAD', 'AR', 'Extreme', 'KNNCAD', 'RelativeEntropy', 'CADOSE']);
    expect(createDetector('knncad', {}).name).toBe('KNNCAD');
    expect(createDetector('relativeentropy', {}).name).toBe('RelativeEntropy');
    expect(createDetector('EXTREME', {}).name).toBe('Extreme');
    expect(createDetector('pca', {})).toBeInstanceOf(PcaDetector);
    expect(createDetector('Knn', {})).toBeInstanceOf(KnnDetector);
    expect(createDetector('knn', {}).name).toBe('KNN');
    expect(createDetector('IFOREST', {})).toBeInstanceOf(IForestDetector);
    expect(createDetector('iforest', {}).name).toBe('IForest');
    expect(createDetector(' mad ', {})).toBeInstanceOf(MadDetector);
  });

  it('applies PyOD defaults', () => {
    expect(modelParamsSchema('PCA').parse({})).toEqual({
      n_components: null,
      n_selected_components: null,
      contamination: 0.1,
      whiten: false,
      weighted: true,
      standardization: true,
    });
    expect(modelParamsSchema('knn').parse({})).toEqual({ n_neighbors: 5, method: 'largest', contamination: 0.1 });
    expect(modelParamsSchema('IForest').parse({})).toEqual({
      n_estimators: 100,
      max_samples: 'auto',
      contamination: 0.1,
      max_features: 1,
      bootstrap: false,
      random_state: null,
    });
    expect(modelParamsSchema('MAD').parse({})).toEqual({ contamination: 0.1 });
    expect(modelParamsSchema('Extreme').parse({})).toEqual({ contamination: 0.1, full_scale: 0.5 });
    expect(modelParamsSchema('KNNCAD').parse({})).toEqual({ n_neighbors: 27, metric: 'mahalanobis', alpha: 0.001, contamination: 0.1 });
    expect(modelParamsSchema('RelativeEntropy').parse({})).toEqual({ n_bins: 5, confidence: 0.99, min_count: 1, contamination: 0.1 });
    const state = fittedState('KNN', { contamination: 0.01 });
    expect(state.params).toEqual({ n_neighbors: 5, method: 'largest', contamination: 0.01 });
  });

  it('refuses an unknown model name, listing the known ones', () => {
    expect(() => createDetector('LOF', {})).toThrow('Unknown model_name "LOF"; known models: PCA, KNN, IForest, MAD');
    expect(() => modelParamsSchema('lof')).toThrow(/known models: PCA, KNN, IForest, MAD/);
  });

  it('refuses unknown params, listing the allowed ones', () => {
    expect(() => createDetector('KNN', { k: 3 })).toThrow(/unknown KNN parameter\(s\) "k"; allowed: n_neighbors, method, contamination/);
    expect(() => createDetector('PCA', { n_component: 3 })).toThrow(
      /"n_component"; allowed: n_components, n_selected_components, contamination, whiten, weighted, standardization/,
    );
    expect(modelParamsSchema('pca').safeParse({ svd_solver: 'full' }).success).toBe(false);
    expect(() => createDetector('IForest', { n_jobs: 2 })).toThrow(
      /"n_jobs"; allowed: n_estimators, max_samples, contamination, max_features, bootstrap, random_state/,
    );
    expect(() => createDetector('MAD', { threshold: 3.5 })).toThrow(/unknown MAD parameter\(s\) "threshold"; allowed: contamination/);
    expect(() => createDetector('Extreme', { margin: 1 })).toThrow(/unknown Extreme parameter\(s\) "margin"; allowed: contamination, full_scale/);
    expect(() => createDetector('KNNCAD', { k: 3, dim: 19 })).toThrow(
      /unknown KNNCAD parameter\(s\) "k", "dim"; allowed: n_neighbors, metric, alpha, contamination/,
    );
    expect(() => createDetector('RelativeEntropy', { window: 52 })).toThrow(
      /unknown RelativeEntropy parameter\(s\) "window"; allowed: n_bins, confidence, min_count, contamination/,
    );
  });

  it('validates param values', () => {
    const bad: [string, Record<string, unknown>, RegExp][] = [
      ['KNN', { n_neighbors: 0 }, /n_neighbors/],
      ['KNN', { n_neighbors: 2.5 }, /n_neighbors/],
      ['KNN', { n_neighbors: '5' }, /n_neighbors/],
      ['KNN', { method: 'max' }, /"largest"\|"mean"\|"median"/],
      ['KNN', { contamination: 0 }, /contamination must be greater than 0/],
      ['PCA', { contamination: 0.51 }, /contamination must be at most 0.5/],
      ['PCA', { n_components: -1 }, /n_components/],
      ['PCA', { whiten: true }, /whiten=true is not supported/],
      ['PCA', { weighted: 'yes' }, /weighted/],
      ['PCA', { n_components: 2, n_selected_components: 3 }, /n_selected_components must be <= n_components/],
      ['IForest', { n_estimators: 0 }, /n_estimators/],
      ['IForest', { n_estimators: 10.5 }, /n_estimators/],
      ['IForest', { max_samples: 'all' }, /max_samples must be "auto", a fraction in \(0, 1\] or a whole number of rows/],
      ['IForest', { max_samples: 0 }, /max_samples/],
      ['IForest', { max_samples: 2.5 }, /max_samples must be "auto", a fraction in \(0, 1\] or a whole number of rows/],
      ['IForest', { max_features: 1.5 }, /max_features must be a fraction in \(0, 1\] or a whole number of features/],
      ['IForest', { max_features: -1 }, /max_features must be greater than 0/],
      ['IForest', { bootstrap: 'no' }, /bootstrap/],
      ['IForest', { random_state: -1 }, /random_state/],
      ['IForest', { random_state: 1.5 }, /random_state/],
      ['IForest', { contamination: 0.6 }, /contamination must be at most 0.5/],
      ['MAD', { contamination: 0 }, /contamination must be greater than 0/],
      ['Extreme', { full_scale: 0 }, /full_scale must be greater than 0/],
      ['Extreme', { full_scale: '1' }, /full_scale/],
      ['KNNCAD', { n_neighbors: 0 }, /n_neighbors/],
      ['KNNCAD', { metric: 'cosine' }, /"mahalanobis"\|"euclidean"/],
      ['KNNCAD', { alpha: 1 }, /alpha must be less than 1/],
      ['KNNCAD', { alpha: 0 }, /alpha must be greater than 0/],
      ['RelativeEntropy', { n_bins: 1 }, /n_bins must be at least 2/],
      ['RelativeEntropy', { n_bins: 4.5 }, /n_bins/],
      ['RelativeEntropy', { confidence: 1 }, /confidence must be less than 1/],
      ['RelativeEntropy', { min_count: 0 }, /min_count/],
    ];
    for (const [name, params, message] of bad) {
      expect(() => createDetector(name, params)).toThrow(/^Invalid model_params for (PCA|KNN|IForest|MAD|Extreme|KNNCAD|RelativeEntropy)/);
      expect(() => createDetector(name, params)).toThrow(message);
    }
    expect(createDetector('PCA', { contamination: 0.5, n_components: 2, n_selected_components: 1 }).name).toBe('PCA');
    expect(createDetector('IForest', { max_samples: 0.5, max_features: 2, random_state: 4294967295 }).name).toBe('IForest');
  });

  for (const [name, params] of [
    ['PCA', {}],
    ['PCA', { n_components: 2, n_selected_components: 1, weighted: false, standardization: false }],
    ['KNN', {}],
    ['KNN', { n_neighbors: 3, method: 'mean' }],
    ['IForest', {}],
    ['IForest', { n_estimators: 10, max_samples: 5, max_features: 0.5, bootstrap: true, random_state: 9 }],
    ['MAD', {}],
    ['Extreme', { full_scale: 0.25 }],
    ['KNNCAD', {}],
    ['KNNCAD', { n_neighbors: 3, metric: 'euclidean', alpha: 0.01 }],
    ['RelativeEntropy', {}],
    ['RelativeEntropy', { n_bins: 3, confidence: 0.9, min_count: 2 }],
  ] as const) {
    it(`round-trips ${name} ${JSON.stringify(params)} through JSON to identical scores`, () => {
      const d = createDetector(name, params);
      d.fit(TRAIN);
      const text = JSON.stringify(d.toJSON());
      const copy = restoreDetector(JSON.parse(text) as DetectorState);
      expect(copy.name).toBe(name);
      expect(copy.decisionFunction(TEST)).toEqual(d.decisionFunction(TEST));
      expect(copy.score(TEST)).toEqual(d.score(TEST));
      expect(JSON.stringify(copy.toJSON())).toBe(text);
    });
  }

  it('refuses states it cannot trust', () => {
    const pca = fittedState('PCA');
    expect(() => restoreDetector({ ...pca, version: 2 })).toThrow(
      'Saved PCA model has state version 2, but this build reads version 1; retrain the model',
    );
    expect(() => restoreDetector({ ...pca, name: 'LOF' })).toThrow(/Unknown model_name "LOF"/);
    expect(() => restoreDetector({ ...pca, fitted: { ...pca.fitted, trainMax: 'big' } })).toThrow(
      /Invalid saved PCA model state[\s\S]*trainMax/,
    );
    expect(() => restoreDetector({ ...pca, params: { ...pca.params, n_selected_components: 5 } })).toThrow(/inconsistent/);
    expect(() => restoreDetector({ ...pca, params: { ...pca.params, extra: 1 } })).toThrow(/unknown PCA parameter/);
    const knn = fittedState('KNN');
    const train = (knn.fitted['train'] as number[][]).map((r) => r.slice(0, 2));
    expect(() => restoreDetector({ ...knn, fitted: { ...knn.fitted, train } })).toThrow(/inconsistent/);
    expect(() => restoreDetector({ ...knn, fitted: { ...knn.fitted, train: [[null, 1, 2]] } })).toThrow(/Invalid saved KNN/);
    expect(() => restoreDetector(null as unknown as DetectorState)).toThrow(/Invalid saved model state/);
  });

  it('refuses to save an unfitted detector', () => {
    expect(() => createDetector('KNN', {}).toJSON()).toThrow(/fit\(\)/);
  });
});

import { stringify } from 'yaml';

/**
 * Anomstack's own detector configuration (PCA + KNN on differenced, smoothed values, 6-value windows, mean), which
 * was our default until the NAB-measured one replaced it. Tests of a behaviour those settings exercise (the history
 * diff/smooth/lags consume, PCA's per-model score, mean combination) pin it here rather than rely on the default.
 */
export const ANOMSTACK_DETECTORS = {
  model_configs: [
    { model_name: 'PCA', model_tag: 'pca_default', model_params: { contamination: 0.01 } },
    { model_name: 'KNN', model_tag: 'knn_default', model_params: { contamination: 0.01 } },
  ],
  model_combination_method: 'mean',
  preprocess_params: { diff_n: 1, smooth_n: 3, lags_n: 5 },
} as const;

/** The same as batch config YAML lines, to prepend to a test's config.yaml. */
export const ANOMSTACK_DETECTORS_YAML = stringify(ANOMSTACK_DETECTORS);

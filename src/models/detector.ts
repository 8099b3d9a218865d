/**
 * One contract for every detector, as PyOD has: fit on a training matrix, score new rows.
 * Rows are feature vectors (one per time point, after preprocessing).
 */
export type Matrix = readonly (readonly number[])[];

/** What a detector serialises to: plain JSON, never code. */
export interface DetectorState {
  /** Detector name as users write it in `model_configs[].model_name`, e.g. "PCA". */
  name: string;
  /** Bumped when the state layout changes, so old model files are refused with a clear error. */
  version: number;
  /** The constructor parameters (`model_params`) after defaults were applied. */
  params: Record<string, unknown>;
  /** Everything learned in fit. */
  fitted: Record<string, unknown>;
}

export interface Detector {
  readonly name: string;
  /** Learns from the training rows. Throws on fewer rows than the detector needs. */
  fit(train: Matrix): void;
  /**
   * Anomaly scores in 0..1 for each row, as PyOD's `predict_proba(method="linear")[:, 1]`:
   * the raw outlier score scaled min-max against the training rows' raw scores, clipped to 0..1.
   */
  score(rows: Matrix): number[];
  /**
   * Calibrated scores in 0..1 for each row: the share of the training rows' raw scores each row's raw score exceeds
   * (see tailScores), so 0.99 means rarer than 99% of the metric's own history whatever the detector. What the score
   * job stores.
   */
  calibrated(rows: Matrix): number[];
  /** Raw outlier scores (PyOD's `decision_function`): larger is more anomalous, unbounded. */
  decisionFunction(rows: Matrix): number[];
  toJSON(): DetectorState;
}

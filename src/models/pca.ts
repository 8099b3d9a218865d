/**
 * PyOD's `pyod.models.pca.PCA` (default svd_solver) on top of ml-matrix's SVD.
 * The outlier score is PyOD's literal formula: the weighted sum of euclidean distances from the
 * (standardized) row to each selected component vector, not a reconstruction error.
 */
import { Matrix as MlMatrix, SingularValueDecomposition } from 'ml-matrix';
import { z } from 'zod';
import type { Matrix } from './detector.ts';
import { ScaledDetector } from './scaled-detector.ts';
import {
  applyStandardScaler,
  checkMatrix,
  fitStandardScaler,
  summariseTrainScores,
  trainScoreSummaryShape,
  type StandardScaler,
} from './scaling.ts';

export const PCA_STATE_VERSION = 1;

/** Below this a component weight is treated as zero; PyOD would divide by it and yield inf/NaN. */
export const MIN_COMPONENT_WEIGHT = Number.EPSILON;

export interface PcaParams {
  /** null: min(n_samples, n_features), like sklearn. */
  n_components: number | null;
  /** null: all components. PyOD uses the LAST ones, i.e. the lowest-variance directions. */
  n_selected_components: number | null;
  contamination: number;
  whiten: false;
  weighted: boolean;
  standardization: boolean;
}

const finiteArray = z.array(z.number());
export const pcaFittedSchema = z.object({
  nFeatures: z.number().int().positive(),
  scaler: z.object({ mean: finiteArray, scale: finiteArray }).nullable(),
  /** Rows are components, sorted by descending explained variance, sign-flipped like sklearn. */
  components: z.array(finiteArray).min(1),
  explainedVarianceRatio: finiteArray,
  ...trainScoreSummaryShape,
});
export type PcaFitted = z.infer<typeof pcaFittedSchema>;

interface Selection {
  components: Float64Array[];
  weights: number[];
}

/** sklearn's `PCA.fit` with n_components components, via SVD of the centered data. */
function fitComponents(x: Matrix, width: number, nComponents: number): { components: number[][]; ratio: number[] } {
  const n = x.length;
  const centered = new MlMatrix(n, width);
  for (let j = 0; j < width; j++) {
    let sum = 0;
    for (const row of x) sum += row[j] ?? 0;
    const mean = sum / n;
    x.forEach((row, i) => centered.set(i, j, (row[j] ?? 0) - mean));
  }
  const svd = new SingularValueDecomposition(centered, {
    computeLeftSingularVectors: false,
    computeRightSingularVectors: true,
    autoTranspose: true,
  });
  const v = svd.rightSingularVectors;
  const singular = svd.diagonal;
  const sMax = Math.max(0, ...singular);
  // Singular values inside the rank tolerance (numpy's matrix_rank rule) are rounding noise;
  // zeroing them makes rank-deficient fits deterministic instead of noise-weighted.
  const tol = sMax * Math.max(n, width) * Number.EPSILON;
  const variance = singular.map((s) => (s <= tol ? 0 : (s * s) / Math.max(n - 1, 1)));
  const total = variance.reduce((a, b) => a + b, 0);
  const order = variance.map((_, i) => i).sort((a, b) => (variance[b] ?? 0) - (variance[a] ?? 0));
  const components: number[][] = [];
  const ratio: number[] = [];
  for (const idx of order.slice(0, nComponents)) {
    const comp = v.getColumn(idx);
    // svd_flip(u_based_decision=False), sklearn >= 1.5: the largest |entry| (first on ties) is positive.
    let best = 0;
    comp.forEach((c, j) => {
      if (Math.abs(c) > Math.abs(comp[best] ?? 0)) best = j;
    });
    const sign = (comp[best] ?? 0) < 0 ? -1 : 1;
    components.push(comp.map((c) => c * sign));
    ratio.push(total > 0 ? (variance[idx] ?? 0) / total : 0);
  }
  return { components, ratio };
}

/** PyOD: components_[-n:] weighted by explained_variance_ratio_[-n:] (ones when unweighted). */
function select(params: PcaParams, components: number[][], ratio: number[]): Selection {
  const k = components.length;
  const first = k - (params.n_selected_components ?? k);
  return {
    components: components.slice(first).map((c) => Float64Array.from(c)),
    weights: ratio.slice(first).map((w) => (params.weighted ? Math.max(w, MIN_COMPONENT_WEIGHT) : 1)),
  };
}

/** `np.sum(cdist(X, selected_components_) / selected_w_components_, axis=1)`. */
function rawScores(x: Matrix, sel: Selection): number[] {
  return x.map((row) => {
    let total = 0;
    sel.components.forEach((c, j) => {
      let sq = 0;
      for (let f = 0; f < c.length; f++) {
        const d = (row[f] ?? 0) - (c[f] ?? 0);
        sq += d * d;
      }
      total += Math.sqrt(sq) / (sel.weights[j] ?? 1);
    });
    return total;
  });
}

export class PcaDetector extends ScaledDetector<PcaParams, PcaFitted> {
  readonly name = 'PCA';
  protected readonly stateVersion = PCA_STATE_VERSION;
  private selection: Selection | undefined;

  constructor(params: PcaParams) {
    if (params.whiten !== false) throw new Error('PCA: whiten=true is not supported');
    super(params);
  }

  static fromState(params: PcaParams, fitted: PcaFitted): PcaDetector {
    const d = new PcaDetector(params);
    const k = fitted.components.length;
    const bad =
      fitted.components.some((c) => c.length !== fitted.nFeatures) ||
      fitted.explainedVarianceRatio.length !== k ||
      (params.n_selected_components ?? k) > k ||
      (params.standardization !== (fitted.scaler !== null)) ||
      (fitted.scaler !== null &&
        (fitted.scaler.mean.length !== fitted.nFeatures || fitted.scaler.scale.length !== fitted.nFeatures));
    if (bad) throw new Error('PCA: saved model state is inconsistent (array sizes do not match its parameters)');
    d.install(fitted);
    return d;
  }

  fit(train: Matrix): void {
    const width = checkMatrix(train, 'PCA fit');
    const n = train.length;
    if (n < 2) throw new Error(`PCA needs at least 2 training rows, got ${n}`);
    const maxComponents = Math.min(n, width);
    const nComponents = this.params.n_components ?? maxComponents;
    if (nComponents > maxComponents) {
      throw new Error(
        `PCA: n_components=${nComponents} must be <= min(n_samples, n_features) = ${maxComponents} (${n} rows, ${width} features)`,
      );
    }
    const nSelected = this.params.n_selected_components ?? nComponents;
    if (nSelected > nComponents) {
      throw new Error(`PCA: n_selected_components=${nSelected} must be <= n_components=${nComponents}`);
    }
    const scaler: StandardScaler | null = this.params.standardization ? fitStandardScaler(train, width) : null;
    const x = scaler ? applyStandardScaler(train, scaler) : train;
    const { components, ratio } = fitComponents(x, width, nComponents);
    const trainScores = rawScores(x, select(this.params, components, ratio));
    this.install({
      nFeatures: width,
      scaler,
      components,
      explainedVarianceRatio: ratio,
      ...summariseTrainScores(trainScores, this.params.contamination),
    });
  }

  decisionFunction(rows: Matrix): number[] {
    const fitted = this.requireFitted();
    checkMatrix(rows, 'PCA score', fitted.nFeatures);
    return rawScores(fitted.scaler ? applyStandardScaler(rows, fitted.scaler) : rows, this.selected());
  }

  private install(fitted: PcaFitted): void {
    this.fitted = fitted;
    this.selection = select(this.params, fitted.components, fitted.explainedVarianceRatio);
  }

  private selected(): Selection {
    if (!this.selection) throw new Error('PCA: call fit() before scoring or saving');
    return this.selection;
  }
}

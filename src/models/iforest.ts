/**
 * PyOD's `pyod.models.iforest.IForest`, i.e. sklearn's IsolationForest: each tree isolates a
 * random subsample with random axis-aligned splits, and a row's anomaly score is
 * 2^(-E[h(x)] / c(max_samples)), where h(x) is the depth of the row's leaf plus c(leaf size).
 *
 * Differences from PyOD, all deliberate:
 *  - decisionFunction returns sklearn's `-score_samples` (the anomaly score in (0, 1], larger is
 *    more anomalous). PyOD returns that minus sklearn's `offset_`, a constant per model, so
 *    `score()` (min-max scaled against the training scores) is the same either way.
 *  - The random numbers come from our own seeded generator, not numpy's, so a given seed gives
 *    different (equally valid) trees than sklearn. `random_state: null` uses a fixed seed
 *    (IFOREST_DEFAULT_SEED) instead of fresh entropy, so retraining on the same data gives the
 *    same model.
 *  - Numbers cannot say int or float apart, so `max_samples` and `max_features` <= 1 are
 *    fractions and whole numbers > 1 are counts (sklearn's int 1, a single row or feature, is not
 *    expressible; use a small fraction for one feature).
 */
import { z } from 'zod';
import type { Matrix } from './detector.ts';
import { ScaledDetector } from './scaled-detector.ts';
import {
  averagePathLength,
  compileForest,
  growTree,
  pathLengthSums,
  toFloat32,
  type CompiledForest,
  type IsolationTree,
} from './itree.ts';
import { mulberry32, randomInt } from './random.ts';
import { checkMatrix, summariseTrainScores, trainScoreSummaryShape } from './scaling.ts';

export const IFOREST_STATE_VERSION = 1;
/** The seed used when `random_state` is null (sklearn would draw a fresh one each fit). */
export const IFOREST_DEFAULT_SEED = 0;

export interface IForestParams {
  n_estimators: number;
  /** 'auto': min(256, rows); <= 1: a fraction of the rows; a whole number > 1: a row count. */
  max_samples: 'auto' | number;
  contamination: number;
  /** <= 1: a fraction of the features (at least one); a whole number > 1: a feature count. */
  max_features: number;
  bootstrap: boolean;
  random_state: number | null;
}

/**
 * Forests hold tens of thousands of numbers: one plain pass checks them several times faster
 * than a zod schema per element.
 */
function numbers(what: string, ok: (v: number) => boolean) {
  return z.custom<number[]>((v) => Array.isArray(v) && v.every((x) => typeof x === 'number' && ok(x)), `expected an array of ${what}`);
}

const treeSchema = z.object({
  feature: numbers('feature indices (-1 for a leaf)', (v) => Number.isInteger(v) && v >= -1),
  threshold: numbers('finite numbers', Number.isFinite),
  size: numbers('positive integers', (v) => Number.isInteger(v) && v > 0),
});

export const iforestFittedSchema = z.object({
  nFeatures: z.number().int().positive(),
  /** sklearn's `max_samples_`: rows drawn per tree, which also sets c() and the height limit. */
  maxSamples: z.number().int().positive(),
  trees: z.array(treeSchema).min(1),
  ...trainScoreSummaryShape,
});
export type IForestFitted = z.infer<typeof iforestFittedSchema>;

/** sklearn's height limit: ceil(log2(max_samples)), the average depth of a balanced tree. */
function heightLimit(maxSamples: number): number {
  return Math.ceil(Math.log2(Math.max(maxSamples, 2)));
}

function resolveMaxSamples(param: IForestParams['max_samples'], n: number): number {
  if (param === 'auto') return Math.min(256, n);
  if (param <= 1) {
    const m = Math.floor(param * n);
    if (m < 1) throw new Error(`IForest: max_samples=${param} of ${n} training rows is no rows at all`);
    return m;
  }
  // sklearn warns and uses every row when asked for more rows than there are.
  return Math.min(param, n);
}

function resolveMaxFeatures(param: number, width: number): number {
  if (param <= 1) return Math.max(1, Math.floor(param * width));
  if (param > width) throw new Error(`IForest: max_features=${param} exceeds the ${width} features`);
  return param;
}

/** The first m entries of a partial Fisher-Yates shuffle of 0..n-1. */
function sampleWithoutReplacement(n: number, m: number, rng: () => number): Int32Array {
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  for (let i = 0; i < m; i++) {
    const j = i + randomInt(rng, n - i);
    const t = all[i] ?? 0;
    all[i] = all[j] ?? 0;
    all[j] = t;
  }
  return all.slice(0, m);
}

/**
 * m draws with replacement, kept once each: sklearn turns the draws into sample weights, so a
 * tree sees (and counts in its node sizes) each drawn row once.
 */
function bootstrapDistinct(n: number, m: number, rng: () => number): Int32Array {
  const drawn = new Uint8Array(n);
  for (let i = 0; i < m; i++) drawn[randomInt(rng, n)] = 1;
  const rows: number[] = [];
  drawn.forEach((d, i) => {
    if (d) rows.push(i);
  });
  return Int32Array.from(rows);
}

export class IForestDetector extends ScaledDetector<IForestParams, IForestFitted> {
  readonly name = 'IForest';
  protected readonly stateVersion = IFOREST_STATE_VERSION;
  private forest: CompiledForest | undefined;

  static fromState(params: IForestParams, fitted: IForestFitted): IForestDetector {
    if (fitted.trees.length !== params.n_estimators) {
      throw new Error(`IForest: saved model state is inconsistent (${fitted.trees.length} trees, n_estimators=${params.n_estimators})`);
    }
    const d = new IForestDetector(params);
    try {
      d.install(fitted);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new Error(`IForest: saved model state is inconsistent (${why})`, { cause: err });
    }
    return d;
  }

  fit(train: Matrix): void {
    const width = checkMatrix(train, 'IForest fit');
    const n = train.length;
    const x = toFloat32(train, width, 'IForest fit');
    const maxSamples = resolveMaxSamples(this.params.max_samples, n);
    const maxFeatures = resolveMaxFeatures(this.params.max_features, width);
    const rng = mulberry32(this.params.random_state ?? IFOREST_DEFAULT_SEED);
    const allFeatures = Array.from({ length: width }, (_, f) => f);
    const trees: IsolationTree[] = [];
    for (let t = 0; t < this.params.n_estimators; t++) {
      const features = maxFeatures < width ? Array.from(sampleWithoutReplacement(width, maxFeatures, rng)) : allFeatures;
      const rows = this.params.bootstrap ? bootstrapDistinct(n, maxSamples, rng) : sampleWithoutReplacement(n, maxSamples, rng);
      trees.push(growTree({ x, width, rows, features, maxDepth: heightLimit(maxSamples), rng }));
    }
    const forest = compileForest(trees, width, heightLimit(maxSamples));
    const trainScores = anomalyScores(forest, x, n, width, maxSamples);
    this.fitted = { nFeatures: width, maxSamples, trees, ...summariseTrainScores(trainScores, this.params.contamination) };
    this.forest = forest;
  }

  decisionFunction(rows: Matrix): number[] {
    const fitted = this.requireFitted();
    checkMatrix(rows, 'IForest score', fitted.nFeatures);
    const x = toFloat32(rows, fitted.nFeatures, 'IForest score');
    return anomalyScores(this.requireForest(), x, rows.length, fitted.nFeatures, fitted.maxSamples);
  }

  private install(fitted: IForestFitted): void {
    this.forest = compileForest(fitted.trees, fitted.nFeatures, heightLimit(fitted.maxSamples));
    this.fitted = fitted;
  }

  private requireForest(): CompiledForest {
    if (!this.forest) throw new Error('IForest: call fit() before scoring or saving');
    return this.forest;
  }
}

/** sklearn's `-score_samples`: 2^(-mean path length / c(max_samples)). */
function anomalyScores(forest: CompiledForest, x: Float32Array, n: number, width: number, maxSamples: number): number[] {
  const denominator = forest.roots.length * averagePathLength(maxSamples);
  const sums = pathLengthSums(forest, x, n, width);
  // sklearn's np.divide(..., where=denominator != 0) leaves 1 there: a one-row model scores 0.5.
  return Array.from(sums, (sum) => 2 ** -(denominator === 0 ? 1 : sum / denominator));
}

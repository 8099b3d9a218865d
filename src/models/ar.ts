/**
 * Forecast residuals: a linear autoregression predicts each row's first feature (the point's value after
 * preprocessing) from the others (its lags), and the raw score is the absolute forecast error in robust
 * standard deviations of the training errors. A point is anomalous when its own history did not predict it,
 * which catches spikes and the first points of a level shift while ignoring smooth seasonal movement
 * that a distance-based detector can mistake for novelty.
 *
 * The fit is ridge-regularised least squares (a tiny ridge keeps collinear lags solvable); a row without
 * lags (lags_n = 0) is forecast by the training median.
 */
import { Matrix as MlMatrix, solve } from 'ml-matrix';
import { z } from 'zod';
import type { Matrix } from './detector.ts';
import { ScaledDetector } from './scaled-detector.ts';
import { robustScale } from './mad.ts';
import { checkMatrix, summariseTrainScores, trainScoreSummaryShape } from './scaling.ts';

export const AR_STATE_VERSION = 1;

export interface ArParams {
  contamination: number;
  /** Ridge penalty relative to the lag variance; small, only to keep the normal equations well posed. */
  ridge: number;
}

export const arFittedSchema = z.object({
  nFeatures: z.number().int().positive(),
  intercept: z.number(),
  coefficients: z.array(z.number()),
  residualMedian: z.number(),
  residualSigma: z.number().positive(),
  ...trainScoreSummaryShape,
});
export type ArFitted = z.infer<typeof arFittedSchema>;

type Model = Pick<ArFitted, 'intercept' | 'coefficients' | 'residualMedian' | 'residualSigma'>;

function forecast(row: readonly number[], model: Pick<ArFitted, 'intercept' | 'coefficients'>): number {
  let y = model.intercept;
  model.coefficients.forEach((b, j) => {
    y += b * (row[j + 1] ?? 0);
  });
  return y;
}

function rawScores(rows: Matrix, model: Model): number[] {
  return rows.map((row) => Math.abs((row[0] ?? 0) - forecast(row, model) - model.residualMedian) / model.residualSigma);
}

function fitRegression(train: Matrix, ridge: number): Pick<ArFitted, 'intercept' | 'coefficients'> {
  const lags = (train[0]?.length ?? 1) - 1;
  const ys = train.map((row) => row[0] ?? 0);
  if (lags === 0) return { intercept: robustScale(ys).median, coefficients: [] };
  const n = train.length;
  const means = Array.from({ length: lags }, (_, j) => train.reduce((s, row) => s + (row[j + 1] ?? 0), 0) / n);
  const yMean = ys.reduce((a, b) => a + b, 0) / n;
  const x = new MlMatrix(train.map((row) => means.map((m, j) => (row[j + 1] ?? 0) - m)));
  const y = MlMatrix.columnVector(ys.map((v) => v - yMean));
  const xtx = x.transpose().mmul(x);
  const scale = Math.max(...Array.from({ length: lags }, (_, j) => xtx.get(j, j)), 1e-12);
  for (let j = 0; j < lags; j++) xtx.set(j, j, xtx.get(j, j) + ridge * scale);
  const beta = solve(xtx, x.transpose().mmul(y)).to1DArray();
  const intercept = yMean - beta.reduce((s, b, j) => s + b * (means[j] ?? 0), 0);
  return { intercept, coefficients: beta };
}

export class ArDetector extends ScaledDetector<ArParams, ArFitted> {
  readonly name = 'AR';
  protected readonly stateVersion = AR_STATE_VERSION;

  static fromState(params: ArParams, fitted: ArFitted): ArDetector {
    if (fitted.coefficients.length !== fitted.nFeatures - 1) throw new Error('AR: saved model state is inconsistent');
    const d = new ArDetector(params);
    d.fitted = fitted;
    return d;
  }

  fit(train: Matrix): void {
    const width = checkMatrix(train, 'AR fit');
    if (train.length < width + 2) throw new Error(`AR needs at least ${width + 2} rows to fit ${width} features, got ${train.length}`);
    const regression = fitRegression(train, this.params.ridge);
    const residuals = train.map((row) => (row[0] ?? 0) - forecast(row, regression));
    const { median, sigma } = robustScale(residuals);
    const model: Model = { ...regression, residualMedian: median, residualSigma: sigma };
    this.fitted = { nFeatures: width, ...model, ...summariseTrainScores(rawScores(train, model), this.params.contamination) };
  }

  decisionFunction(rows: Matrix): number[] {
    const fitted = this.requireFitted();
    checkMatrix(rows, 'AR score', fitted.nFeatures);
    return rawScores(rows, fitted);
  }

}

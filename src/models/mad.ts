/**
 * Robust z-score: per feature, how many robust standard deviations a value lies from the training
 * median, with sigma estimated as 1.4826 * MAD (the median absolute deviation; 1.4826 = 1 / the
 * normal's 0.75 quantile makes it match the standard deviation on normal data). Unlike a mean and
 * standard deviation, neither is moved by the outliers we are looking for.
 *
 * The row's raw score is the MAX over features: a row is as unusual as its most unusual feature,
 * so a single deviating lag or value is not averaged away by the normal ones (a mean would dilute
 * it by the number of features).
 *
 * When MAD is 0 (more than half of the training values are equal), sigma falls back to
 * 1.2533 * the mean absolute deviation from the median (sqrt(pi/2), again the normal-consistent
 * factor); when that is 0 too (a constant feature), to 1e-9 * max(|median|, 1), so any real change
 * of a constant scores very high while float noise in it does not.
 */
import { z } from 'zod';
import type { Matrix } from './detector.ts';
import { ScaledDetector } from './scaled-detector.ts';
import { checkMatrix, summariseTrainScores, trainScoreSummaryShape } from './scaling.ts';
import { median } from './stats.ts';

export const MAD_STATE_VERSION = 1;

/** 1 / Phi^-1(3/4): turns a MAD into a standard deviation for normal data. */
export const MAD_TO_SIGMA = 1.4826;
/** sqrt(pi / 2): turns a mean absolute deviation into a standard deviation for normal data. */
export const MEAN_AD_TO_SIGMA = 1.2533;
/** Relative floor for sigma of a feature that was constant in training. */
const CONSTANT_RELATIVE_SIGMA = 1e-9;

export interface MadParams {
  contamination: number;
}

export const madFittedSchema = z.object({
  nFeatures: z.number().int().positive(),
  median: z.array(z.number()),
  /** The robust standard deviation per feature, always > 0. */
  sigma: z.array(z.number().positive()),
  ...trainScoreSummaryShape,
});
export type MadFitted = z.infer<typeof madFittedSchema>;

/** Median and robust sigma of one feature (see the header for the fallbacks). */
export function robustScale(values: ArrayLike<number>): { median: number; sigma: number } {
  const m = median(values);
  const deviations = Float64Array.from(values, (v) => Math.abs(v - m));
  const mad = median(deviations);
  if (mad > 0) return { median: m, sigma: MAD_TO_SIGMA * mad };
  const meanAd = deviations.reduce((a, b) => a + b, 0) / deviations.length;
  if (meanAd > 0) return { median: m, sigma: MEAN_AD_TO_SIGMA * meanAd };
  return { median: m, sigma: CONSTANT_RELATIVE_SIGMA * Math.max(Math.abs(m), 1) };
}

function rawScores(rows: Matrix, fitted: Pick<MadFitted, 'median' | 'sigma'>): number[] {
  return rows.map((row) => {
    let worst = 0;
    row.forEach((v, f) => {
      const z = Math.abs(v - (fitted.median[f] ?? 0)) / (fitted.sigma[f] ?? 1);
      if (z > worst) worst = z;
    });
    return worst;
  });
}

export class MadDetector extends ScaledDetector<MadParams, MadFitted> {
  readonly name = 'MAD';
  protected readonly stateVersion = MAD_STATE_VERSION;

  static fromState(params: MadParams, fitted: MadFitted): MadDetector {
    if (fitted.median.length !== fitted.nFeatures || fitted.sigma.length !== fitted.nFeatures) {
      throw new Error('MAD: saved model state is inconsistent (array sizes do not match nFeatures)');
    }
    const d = new MadDetector(params);
    d.fitted = fitted;
    return d;
  }

  fit(train: Matrix): void {
    const width = checkMatrix(train, 'MAD fit');
    const median: number[] = [];
    const sigma: number[] = [];
    for (let f = 0; f < width; f++) {
      const s = robustScale(Float64Array.from(train, (row) => row[f] ?? 0));
      median.push(s.median);
      sigma.push(s.sigma);
    }
    const partial = { nFeatures: width, median, sigma };
    this.fitted = { ...partial, ...summariseTrainScores(rawScores(train, partial), this.params.contamination) };
  }

  decisionFunction(rows: Matrix): number[] {
    const fitted = this.requireFitted();
    checkMatrix(rows, 'MAD score', fitted.nFeatures);
    return rawScores(rows, fitted);
  }

}

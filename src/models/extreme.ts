/**
 * Running min/max extreme check (NAB's "extreme" idea): a value inside the range the training rows
 * spanned is normal (raw 0); beyond it, the raw score is how far beyond, as a fraction of that range,
 * divided by `full_scale`. A row scores its most extreme feature. With lag features every lag is the
 * same series, so a new extreme keeps scoring for lags_n + 1 rows; the alert snooze absorbs that.
 *
 * The training rows all score 0, so PyOD's min-max scaling leaves the raw score as is (clipped to 1):
 * a value `full_scale` ranges beyond the training range scores 1, half as far 0.5. Retraining moves
 * the range along with the data, which is what makes the check "running".
 *
 * A feature that was constant in training has no range: its width falls back to 1e-9 * max(|value|, 1)
 * (as MAD does for sigma), so any real change of a constant scores 1 while float noise does not.
 */
import { z } from 'zod';
import type { Matrix } from './detector.ts';
import { ScaledDetector } from './scaled-detector.ts';
import { checkMatrix, summariseTrainScores, trainScoreSummaryShape } from './scaling.ts';

export const EXTREME_STATE_VERSION = 1;

/** Relative width given to a feature that was constant in training. */
const CONSTANT_RELATIVE_WIDTH = 1e-9;

export interface ExtremeParams {
  contamination: number;
  /** Distance beyond the training range, as a fraction of the range, that scores 1. */
  full_scale: number;
}

export const extremeFittedSchema = z.object({
  nFeatures: z.number().int().positive(),
  low: z.array(z.number()),
  high: z.array(z.number()),
  /** Per feature max - low, or the constant fallback: always > 0. */
  width: z.array(z.number().positive()),
  ...trainScoreSummaryShape,
});
export type ExtremeFitted = z.infer<typeof extremeFittedSchema>;

type Range = Pick<ExtremeFitted, 'low' | 'high' | 'width'>;

function rawScores(rows: Matrix, range: Range, fullScale: number): number[] {
  return rows.map((row) => {
    let worst = 0;
    row.forEach((v, f) => {
      const excess = Math.max((range.low[f] ?? 0) - v, v - (range.high[f] ?? 0), 0);
      const beyond = excess / ((range.width[f] ?? 1) * fullScale);
      if (beyond > worst) worst = beyond;
    });
    return worst;
  });
}

export class ExtremeDetector extends ScaledDetector<ExtremeParams, ExtremeFitted> {
  readonly name = 'Extreme';
  protected readonly stateVersion = EXTREME_STATE_VERSION;

  static fromState(params: ExtremeParams, fitted: ExtremeFitted): ExtremeDetector {
    const n = fitted.nFeatures;
    if (fitted.low.length !== n || fitted.high.length !== n || fitted.width.length !== n) {
      throw new Error('Extreme: saved model state is inconsistent (array sizes do not match nFeatures)');
    }
    const d = new ExtremeDetector(params);
    d.fitted = fitted;
    return d;
  }

  fit(train: Matrix): void {
    const width = checkMatrix(train, 'Extreme fit');
    const range: Range = { low: [], high: [], width: [] };
    for (let f = 0; f < width; f++) {
      let low = Infinity;
      let high = -Infinity;
      for (const row of train) {
        const v = row[f] ?? 0;
        if (v < low) low = v;
        if (v > high) high = v;
      }
      range.low.push(low);
      range.high.push(high);
      range.width.push(high > low ? high - low : CONSTANT_RELATIVE_WIDTH * Math.max(Math.abs(low), 1));
    }
    const summary = summariseTrainScores(rawScores(train, range, this.params.full_scale), this.params.contamination);
    this.fitted = { nFeatures: width, ...range, ...summary };
  }

  decisionFunction(rows: Matrix): number[] {
    const fitted = this.requireFitted();
    checkMatrix(rows, 'Extreme score', fitted.nFeatures);
    return rawScores(rows, fitted, this.params.full_scale);
  }
}

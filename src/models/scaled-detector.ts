import type { Detector, DetectorState, Matrix } from './detector.ts';
import { linearProba, tailScores, type TrainScoreSummary } from './scaling.ts';

/**
 * What every detector here shares: params, fitted state that serialises as plain JSON, and PyOD's linear
 * scaling of raw scores against the training scores. A detector supplies fit and decisionFunction.
 */
export abstract class ScaledDetector<Params extends object, Fitted extends TrainScoreSummary> implements Detector {
  abstract readonly name: string;
  /** Saved with the state; a model of another version is refused on restore. */
  protected abstract readonly stateVersion: number;
  readonly params: Params;
  protected fitted: Fitted | undefined;

  constructor(params: Params) {
    this.params = params;
  }

  abstract fit(train: Matrix): void;
  abstract decisionFunction(rows: Matrix): number[];

  score(rows: Matrix): number[] {
    return linearProba(this.decisionFunction(rows), this.requireFitted());
  }

  calibrated(rows: Matrix): number[] {
    return tailScores(this.decisionFunction(rows), this.requireFitted());
  }

  /**
   * The state to save. The fitted part is the detector's own (never changed after fit), not a copy: it is
   * serialised straight away, and copying a large model cost more than training some of them.
   */
  toJSON(): DetectorState {
    // Params and fitted state are plain data (numbers, strings, arrays): the casts only widen them to JSON maps.
    const params: Record<string, unknown> = { ...(this.params as Record<string, unknown>) };
    const fitted = this.requireFitted() as unknown as Record<string, unknown>;
    return { name: this.name, version: this.stateVersion, params, fitted };
  }

  protected requireFitted(): Fitted {
    if (!this.fitted) throw new Error(`${this.name}: call fit() before scoring or saving`);
    return this.fitted;
  }
}

/**
 * CAD OSE: Contextual Anomaly Detector, Open Source Edition (Mikhail Smirnov 2016; NAB scoreboard 69.9), on the
 * series of each row's newest value (with lags_n = L a row is [x_t, ..., x_t-L]; see cad-learner.ts for the
 * algorithm). CAD OSE learns online, scoring each point before learning it; our contract is fit on a training
 * window, then score rows (each alone, in any order, without changing the model). So:
 *
 * - fit learns the training window point by point, exactly as the reference would from a cold start, with the
 *   encoding range of the training window (the reference uses the whole file's, which a walk-forward run cannot
 *   know). It keeps each of the newest RECENT training windows' online score (what CAD said when the point
 *   arrived, before learning it), and, for each sequence of L value levels, the learner's state right after the
 *   last time the training series went through that sequence.
 * - score of a row that is one of those newest training windows: its online score. So the newest point after a
 *   retrain, and on a first run every recent point, is judged as the online detector judged it, not after
 *   having learnt it (an injected anomaly in the newest rows is not its own evidence of normality).
 * - score of any other row: one step on its newest value from the state stored for its L older values' levels
 *   (what the learner expected after that sequence), reading the memory without learning; an L-level sequence
 *   training never went through is stepped from a cold state instead, over the row's older values.
 *
 * Scores are the reference's raw anomaly values in 0..1 (0 when every fact was predicted). The reference then
 * returns 0 for a rest period after a score >= 0.75 (probation / 5, 120 to 150 points on NAB's files); a row
 * scored alone has no such history, so here the alert job's snooze (alert_snooze_n) plays that part.
 */
import { z } from 'zod';
import type { Matrix } from './detector.ts';
import { ContextMemory, cadMemorySchema } from './cad-memory.ts';
import { type Activation, type CadOptions, coldActivation, encoding, encodingLevel, restore, sensorFacts, step } from './cad-learner.ts';
import { ScaledDetector } from './scaled-detector.ts';
import { checkMatrix, summariseTrainScores, trainScoreSummaryShape } from './scaling.ts';

export const CADOSE_STATE_VERSION = 1;

/** How many of the newest training windows keep their online score. */
export const RECENT = 100;

export interface CadOseParams {
  value_bits: number;
  max_left_semi_context_length: number;
  max_active_neurons: number;
  contamination: number;
}

export const cadOseFittedSchema = z.object({
  nFeatures: z.number().int().positive(),
  min: z.number(),
  max: z.number(),
  memory: cadMemorySchema,
  /** Level sequence of L values (oldest first, comma-joined) -> the learner's facts after it, last time. */
  states: z.record(z.string(), z.array(z.number())),
  /** Window values (comma-joined) of the newest training rows -> their online score. */
  recent: z.record(z.string(), z.number().min(0).max(1)),
  ...trainScoreSummaryShape,
});
export type CadOseFitted = z.infer<typeof cadOseFittedSchema>;

function options(params: CadOseParams, min: number, max: number): CadOptions {
  return { min, max, bits: params.value_bits, maxLeft: params.max_left_semi_context_length, maxActive: params.max_active_neurons };
}

export class CadOseDetector extends ScaledDetector<CadOseParams, CadOseFitted> {
  readonly name = 'CADOSE';
  protected readonly stateVersion = CADOSE_STATE_VERSION;
  private memory: ContextMemory | undefined;
  /** Activations rebuilt from the stored facts on first use (never stored: derived from the memory). */
  private readonly activations = new Map<string, Activation>();

  static fromState(params: CadOseParams, fitted: CadOseFitted): CadOseDetector {
    const d = new CadOseDetector(params);
    d.memory = ContextMemory.fromState(fitted.memory);
    d.fitted = fitted;
    return d;
  }

  fit(train: Matrix): void {
    const width = checkMatrix(train, 'CADOSE fit');
    const series = train.map((row) => row[0] ?? 0);
    const min = Math.min(...series);
    const max = Math.max(...series);
    const opts = options(this.params, min, max);
    const e = encoding(opts);
    const memory = new ContextMemory();
    const activation = coldActivation();
    const states: Record<string, number[]> = {};
    const recent: Record<string, number> = {};
    const online: number[] = [];
    const levels: number[] = [];
    const lags = width - 1;
    series.forEach((value, t) => {
      const raw = step(memory, activation, sensorFacts(value, e), opts, true);
      online.push(raw);
      levels.push(encodingLevel(value, e));
      if (t >= series.length - RECENT) recent[(train[t] ?? []).join(',')] = raw;
      if (levels.length >= lags) states[levels.slice(levels.length - lags).join(',')] = activation.facts;
    });
    this.memory = memory;
    this.activations.clear();
    const model = { nFeatures: width, min, max, memory: memory.toState(), states, recent };
    this.fitted = { ...model, ...summariseTrainScores(online, this.params.contamination) };
  }

  decisionFunction(rows: Matrix): number[] {
    const fitted = this.requireFitted();
    checkMatrix(rows, 'CADOSE score', fitted.nFeatures);
    const memory = this.memory ?? ContextMemory.fromState(fitted.memory);
    this.memory = memory;
    const opts = options(this.params, fitted.min, fitted.max);
    const e = encoding(opts);
    return rows.map((row) => {
      const known = fitted.recent[row.join(',')];
      if (known !== undefined) return known;
      const older = row.slice(1).reverse();
      const key = older.map((v) => encodingLevel(v, e)).join(',');
      const facts = fitted.states[key];
      let from: Activation;
      if (facts) {
        let cached = this.activations.get(key);
        if (!cached) {
          cached = restore(memory, facts);
          this.activations.set(key, cached);
        }
        // step moves the activation on: a copy, so the cached state serves the next row too.
        from = { ...cached };
      } else {
        from = coldActivation();
        for (const v of older) step(memory, from, sensorFacts(v, e), opts, false);
      }
      return step(memory, from, sensorFacts(row[0] ?? 0, e), opts, false);
    });
  }

  /** The raw anomaly value, already 0..1. */
  override score(rows: Matrix): number[] {
    return this.decisionFunction(rows);
  }
}

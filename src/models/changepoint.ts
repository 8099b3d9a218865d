/**
 * Change detection: a two-sided CUSUM on robustly standardised values.
 *
 * Why CUSUM rather than Bayesian online changepoint detection: CUSUM is the fastest detector of a sustained
 * shift of the size it is tuned to, for a given false-alarm rate (Lorden, Moustakides), its two numbers have a plain meaning (ignore
 * deviations under `drift` robust SDs, alarm once the excess adds up to `threshold`), and it costs O(window)
 * per point. BOCPD with Gaussian likelihoods turns a single outlier into a changepoint unless given
 * heavy-tailed likelihoods, and its run-length posterior is harder to turn into one threshold users can tune.
 *
 * What makes it work on real metrics:
 * - The baseline (changepoint-baseline.ts: median level, robust line, or last season) is fitted on a reference
 *   window that ends where the current excursion began, so the points under test never pull it towards themselves.
 * - Its scale is widened for autocorrelation and short references, the two main sources of false changes.
 * - Each point's evidence is capped, so it takes at least `minRun` points to make a change: a spike is an
 *   anomaly (the alert job's business), not a new level.
 * - After a change, the next baseline is fitted on the new regime only (from the change's onset).
 *
 * Everything is causal: the decision at point i uses values[0..i] only.
 */
import { fitBaseline, type Baseline } from './changepoint-baseline.ts';
import { TrimmedSeries } from './trimmed-series.ts';

export interface ChangeParams {
  /** Alarm when the accumulated excess deviation (robust SDs) reaches this: Anomstack's `change_threshold`. */
  threshold: number;
  /** Deviations under this many robust SDs count as noise (the CUSUM allowance k; best at half the shift to catch). */
  drift: number;
  /** Fewest points that can make a change: each point adds at most threshold / minRun. */
  minRun: number;
  /** Reference window length (points before the excursion the baseline is fitted on). */
  window: number;
  /** Fewest reference points before anything is decided (at the start, and after each change). */
  minReference: number;
  /** Points per season, e.g. 24 for hourly data with a daily cycle (0: no seasonal baseline). */
  period: number;
}

export const DEFAULT_CHANGE_PARAMS: ChangeParams = { threshold: 3.5, drift: 1.25, minRun: 3, window: 168, minReference: 24, period: 0 };

export type ChangeDirection = 'up' | 'down';
/** A step to a new level, or a bend away from the previous slope. */
export type ChangeShape = 'level' | 'trend';

export interface Change {
  /** Index of the point at which the change was confirmed (the alarm). */
  index: number;
  /** Estimated start of the change: where a step or a ramp fitted to the excursion's residuals begins. */
  onset: number;
  /** The CUSUM sum at the alarm (>= threshold; at most threshold + threshold / minRun). */
  score: number;
  direction: ChangeDirection;
  shape: ChangeShape;
  /** Mean deviation from the baseline over onset..index, in robust SDs (not capped): the size of the change. */
  magnitude: number;
  /** What the baseline expected at `index`. */
  expected: number;
  /** Which baseline the change was measured against. */
  baseline: Baseline['kind'];
}

/** A baseline fitted on n points is refitted every n / REFIT_FRACTION points. */
const REFIT_FRACTION = 16;
/** A ramp must leave at most this share of a step's squared error to call a change a bend (trend). */
const BEND_MARGIN = 0.8;
/** Absorbs rounding when minRun capped contributions should add up to exactly the threshold. */
const TOLERANCE = 1e-9;

/** Everything a detector carries from one run to the next, as JSON (NaN values as null). */
export interface ChangeDetectorState {
  params: ChangeParams;
  offset: number;
  values: (number | null)[];
  segmentStart: number;
  anchor: number;
  fittedEnd: number;
  fittedSegment: number;
  up: number;
  down: number;
  upOnset: number;
  downOnset: number;
}

/** Dropping old values costs a copy, so it waits until this many can go at once. */
const TRIM_SLACK = 256;

/**
 * Feeds points one at a time; the state only ever reflects points already pushed. Indices are absolute (the
 * first point pushed is 0, across saves and restores), so a restored detector decides exactly as one that never
 * stopped.
 */
export class ChangeDetector {
  readonly params: ChangeParams;
  private readonly values = new TrimmedSeries();
  /** First index of the current segment (0, or the onset of the last change). */
  private segmentStart = 0;
  /** The reference window ends before this index; it stays put while an excursion is under way. */
  private anchor = 0;
  private baseline: Baseline | null = null;
  /** The reference `baseline` was fitted on ended before this index, in this segment. */
  private fittedEnd = -1;
  private fittedSegment = -1;
  private up = 0;
  private down = 0;
  private upOnset = -1;
  private downOnset = -1;

  constructor(params: Partial<ChangeParams> = {}) {
    this.params = { ...DEFAULT_CHANGE_PARAMS, ...params };
    const { threshold, drift, minRun, window, minReference, period } = this.params;
    const valid = threshold > 0 && drift >= 0 && minRun >= 1 && minReference >= 3 && window >= minReference && Number.isInteger(period) && period >= 0;
    if (!valid) throw new Error(`change detection: invalid parameters ${JSON.stringify(this.params)}`);
  }

  /** How many points it has been given, ever: the index the next one gets. */
  get pushed(): number {
    return this.values.length;
  }

  /** Index of the oldest point it still holds (older ones can no longer affect a decision). */
  get oldestHeld(): number {
    return this.values.offset;
  }

  static fromJSON(state: ChangeDetectorState): ChangeDetector {
    const detector = new ChangeDetector(state.params);
    detector.values.offset = state.offset;
    detector.values.data = state.values.map((v) => v ?? Number.NaN);
    Object.assign(detector, {
      segmentStart: state.segmentStart, anchor: state.anchor, fittedEnd: state.fittedEnd, fittedSegment: state.fittedSegment,
      up: state.up, down: state.down, upOnset: state.upOnset, downOnset: state.downOnset,
    });
    // The baseline is a pure function of the values it was fitted on, which the state keeps: refit, not stored.
    if (state.fittedEnd >= 0 && state.fittedSegment === state.segmentStart) detector.baseline = detector.fit(state.fittedSegment, state.fittedEnd);
    return detector;
  }

  toJSON(): ChangeDetectorState {
    this.trim(0);
    return {
      params: this.params, offset: this.values.offset, values: this.values.data.map((v) => (Number.isFinite(v) ? v : null)),
      segmentStart: this.segmentStart, anchor: this.anchor, fittedEnd: this.fittedEnd, fittedSegment: this.fittedSegment,
      up: this.up, down: this.down, upOnset: this.upOnset, downOnset: this.downOnset,
    };
  }

  /** Adds the next point; returns the change it confirms, if any. */
  push(value: number): Change | null {
    const t = this.values.length;
    this.values.push(value);
    const change = this.step(t, value);
    this.trim(TRIM_SLACK);
    return change;
  }

  private step(t: number, value: number): Change | null {
    if (!Number.isFinite(value)) return null;
    const baseline = this.currentBaseline();
    if (!baseline) {
      this.anchor = t + 1;
      return null;
    }
    const { threshold, drift, minRun } = this.params;
    const cap = drift + threshold / minRun;
    const expected = baseline.predict(t);
    // A seasonal baseline has nothing to compare with when the point a season ago was missing.
    if (!Number.isFinite(expected)) return null;
    const z = Math.max(-cap, Math.min(cap, (value - expected) / baseline.scale));
    if (this.up === 0) this.upOnset = t;
    if (this.down === 0) this.downOnset = t;
    this.up = Math.max(0, this.up + z - drift);
    this.down = Math.max(0, this.down - z - drift);
    const direction: ChangeDirection | null =
      this.up >= threshold - TOLERANCE && this.up >= this.down ? 'up' : this.down >= threshold - TOLERANCE ? 'down' : null;
    if (direction) {
      const excursionStart = direction === 'up' ? this.upOnset : this.downOnset;
      const change = this.describe(t, excursionStart, direction === 'up' ? this.up : this.down, direction, baseline);
      // The new segment starts at the onset, so the next baseline is fitted on the new regime only.
      this.segmentStart = change.onset;
      this.up = 0;
      this.down = 0;
      this.anchor = t + 1;
      return change;
    }
    if (this.up === 0 && this.down === 0) this.anchor = t + 1;
    return null;
  }

  /**
   * The oldest index anything can still read: a baseline fitted later ends at or after the anchor and reaches a
   * window (and a season, for its season-ago values) back; an excursion's shape looks back no further either.
   */
  private neededFrom(): number {
    const end = Math.min(this.anchor, this.fittedEnd >= 0 ? this.fittedEnd : this.anchor);
    return Math.max(0, Math.max(this.segmentStart, end - this.params.window) - this.params.period);
  }

  private trim(slack: number): void {
    const from = this.neededFrom();
    if (from - this.values.offset > slack) this.values.dropBefore(from);
  }

  private fit(segmentStart: number, end: number): Baseline | null {
    const { window, minReference, period } = this.params;
    return fitBaseline({ values: this.values, segmentStart, end, window, minReference, period });
  }

  private currentBaseline(): Baseline | null {
    // A long reference barely moves in a few points, so it is refitted every size/16 points rather than every
    // point (the fitting dominates the cost); a stale fit still ends before the excursion, so it stays causal.
    const every = this.baseline ? Math.max(1, Math.floor(this.baseline.size / REFIT_FRACTION)) : 1;
    if (this.fittedSegment !== this.segmentStart || this.anchor - this.fittedEnd >= every) {
      this.baseline = this.fit(this.segmentStart, this.anchor);
      this.fittedEnd = this.anchor;
      this.fittedSegment = this.segmentStart;
    }
    return this.baseline;
  }

  private describe(t: number, excursionStart: number, score: number, direction: ChangeDirection, baseline: Baseline): Change {
    // A bend starts before the CUSUM notices it (its first points are within the drift), so the shape is fitted
    // on some points before the excursion too.
    // It looks back at most a reference window before the anchor, so the values a detector keeps stay bounded.
    const from = Math.max(this.segmentStart, this.anchor - this.params.window, excursionStart - Math.max(8, 2 * (t - excursionStart + 1)));
    const residuals: number[] = [];
    for (let i = from; i <= t; i++) {
      const residual = (this.values.get(i) ?? Number.NaN) - baseline.predict(i);
      residuals.push(Number.isFinite(residual) ? residual : 0);
    }
    const fit = fitExcursion(residuals);
    const onset = from + fit.start;
    const changed = residuals.slice(onset - from);
    const magnitude = changed.reduce((s, r) => s + r, 0) / changed.length / baseline.scale;
    return { index: t, onset, score, direction, shape: fit.shape, magnitude, expected: baseline.predict(t), baseline: baseline.kind };
  }
}

/** Every change in the series, oldest first. */
export function detectChanges(values: readonly number[], params: Partial<ChangeParams> = {}): Change[] {
  const detector = new ChangeDetector(params);
  const changes: Change[] = [];
  for (const value of values) {
    const change = detector.push(value);
    if (change) changes.push(change);
  }
  return changes;
}

/**
 * Step or bend: fits the excursion's residuals with a step (zero, then a constant) and with a ramp (zero, then a
 * line from zero), each starting wherever fits best, and keeps the better one. Its start refines the onset: the
 * CUSUM often starts accumulating a point early on a noise excursion that happened to lean the same way.
 */
function fitExcursion(residuals: readonly number[]): { shape: ChangeShape; start: number } {
  let step = { error: Infinity, start: 0 };
  let ramp = { error: Infinity, start: 0 };
  let before = 0;
  for (let s = 0; s < residuals.length; s++) {
    const tail = residuals.slice(s);
    const mean = tail.reduce((sum, r) => sum + r, 0) / tail.length;
    const stepError = before + tail.reduce((sum, r) => sum + (r - mean) ** 2, 0);
    if (stepError < step.error) step = { error: stepError, start: s };
    let ru = 0;
    let uu = 0;
    tail.forEach((r, j) => {
      ru += r * (j + 1);
      uu += (j + 1) ** 2;
    });
    const rampError = before + tail.reduce((sum, r, j) => sum + (r - (ru / uu) * (j + 1)) ** 2, 0);
    if (rampError < ramp.error) ramp = { error: rampError, start: s };
    before += (residuals[s] ?? 0) ** 2;
  }
  // A bend needs a few points, and a clearly better fit, to be told from a step: a young bend looks like a step.
  return residuals.length - ramp.start >= 4 && ramp.error < BEND_MARGIN * step.error ? { shape: 'trend', start: ramp.start } : { shape: 'level', start: step.start };
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Longest daily season used (5-minute data): a longer one would make the detector wait over a day after each change. */
export const MAX_PERIOD = 288;

/**
 * The season to compare with, from the spacing of the timestamps: a day for regular sub-daily data (24 for
 * hourly, 144 for 10-minute), a week for daily data, none otherwise. Metrics follow the clock, so the
 * spacing says more about their cycle than a noisy autocorrelation estimate on a few weeks of data would.
 */
export function seasonalPeriod(timestamps: readonly Date[]): number {
  const steps: number[] = [];
  for (let i = 1; i < timestamps.length; i++) steps.push((timestamps[i]?.getTime() ?? 0) - (timestamps[i - 1]?.getTime() ?? 0));
  if (steps.length === 0) return 0;
  const step = steps.sort((a, b) => a - b)[steps.length >> 1] ?? 0;
  if (step === DAY) return 7;
  if (step < MINUTE || step >= DAY || DAY % step !== 0) return 0;
  const perDay = DAY / step;
  return perDay <= MAX_PERIOD ? perDay : 0;
}

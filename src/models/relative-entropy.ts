/**
 * Relative Entropy (Wang et al. 2011, "Statistical techniques for online anomaly detection in data
 * centers", as in NAB's relativeEntropy detector), applied to each row's window of values (with
 * lags_n = L a row is the window [x_i, ..., x_{i-L}] of W = L + 1 values).
 *
 * Values are quantised into `n_bins` equal bins over the training range, plus one bin below and one
 * above it (NAB used the whole file's range, which a walk-forward run cannot know; out-of-range values
 * land in the outer bins, which training never filled). Fitting walks the training windows in order,
 * as NAB's detector does online: a window's histogram P joins the first-best stored hypothesis Q whose
 * test statistic 2 W KL(P || Q) is below the chi-squared threshold T (`confidence` quantile with
 * n_bins - 1 degrees of freedom), else becomes a new hypothesis. A hypothesis needs `min_count`
 * windows to count as normal.
 *
 * A row that is itself a training window (the newest point right after a retrain, or every point of a
 * first run) is scored leaving itself out: the hypothesis it joined counts one window fewer, so a
 * pattern seen only in that window is not its own evidence of normality (as KNNCAD's calibration does).
 *
 * The raw score of a row is the smallest statistic over the normal hypotheses, divided by T (so 1 is
 * the test's rejection point; capped at MAX_RATIO since KL is infinite for a bin Q never saw).
 * NAB's detector outputs 1 on rejection and 0 otherwise; here the score is min(1, raw): 1 on rejection,
 * and below it a graded "how close to rejection", which averages sensibly with other detectors.
 */
import { z } from 'zod';
import type { Matrix } from './detector.ts';
import { chiSquaredQuantile } from './chi-squared.ts';
import { RowIndex } from './row-index.ts';
import { ScaledDetector } from './scaled-detector.ts';
import { checkMatrix, flatten, summariseTrainScores } from './scaling.ts';
import { numberRows, numbers } from './state-checks.ts';

/** 2: the training windows and the hypothesis each joined are two arrays (were a record keyed by the values as text). */
export const RELATIVE_ENTROPY_STATE_VERSION = 2;

/** Cap on the raw score: a window with a value in a bin a hypothesis never saw has infinite KL. */
export const MAX_RATIO = 100;

export interface RelativeEntropyParams {
  n_bins: number;
  confidence: number;
  min_count: number;
  contamination: number;
}

export const relativeEntropyFittedSchema = z.object({
  nFeatures: z.number().int().positive(),
  low: z.number(),
  high: z.number(),
  /** The chi-squared threshold T. */
  statisticThreshold: z.number().positive(),
  /** Bin probabilities (n_bins + 2: below, the n_bins, above) of each hypothesis. */
  hypotheses: z.array(z.array(z.number().min(0))).min(1),
  counts: z.array(z.number().int().positive()),
  /** The training windows, in order (for recognising a scored row as one of them, to leave it out). */
  windows: numberRows,
  /** The hypothesis each training window joined; a window seen more than once counts as its first. */
  joined: numbers,
  trainMin: z.number(),
  trainMax: z.number(),
  threshold: z.number(),
});
export type RelativeEntropyFitted = z.infer<typeof relativeEntropyFittedSchema>;

type Binning = Pick<RelativeEntropyFitted, 'low' | 'high'> & { nBins: number };

/** Bin index: 0 below the range, 1..nBins inside it (the top edge in the last), nBins + 1 above. */
export function binOf(v: number, b: Binning): number {
  if (v < b.low) return 0;
  if (v > b.high) return b.nBins + 1;
  if (b.high === b.low) return 1;
  return 1 + Math.min(b.nBins - 1, Math.floor(((v - b.low) / (b.high - b.low)) * b.nBins));
}

export function histogram(row: readonly number[], b: Binning): number[] {
  const p = new Array<number>(b.nBins + 2).fill(0);
  for (const v of row) p[binOf(v, b)] = (p[binOf(v, b)] ?? 0) + 1 / row.length;
  return p;
}

/**
 * Numbers each distinct histogram met, from a window's bin indices alone (cheaper than the histogram):
 * windows whose values fall into the same bins, in any order, have the same histogram and so the same
 * tests. The sorted bins are read as digits of one number while that stays exact, else joined as text.
 */
class HistogramIds {
  private readonly binning: Binning;
  private readonly bins: Int32Array;
  private readonly numeric: boolean;
  private readonly byNumber = new Map<number, number>();
  private readonly byText = new Map<string, number>();
  /** Each id's histogram. */
  readonly histograms: number[][] = [];

  constructor(binning: Binning, width: number) {
    this.binning = binning;
    this.bins = new Int32Array(width);
    this.numeric = (binning.nBins + 2) ** width <= Number.MAX_SAFE_INTEGER;
  }

  idOf(row: readonly number[]): number {
    const bins = this.bins;
    // Insertion sort: windows are a few values long.
    for (let i = 0; i < bins.length; i++) {
      const bin = binOf(row[i] ?? 0, this.binning);
      let j = i;
      for (; j > 0 && (bins[j - 1] ?? 0) > bin; j--) bins[j] = bins[j - 1] ?? 0;
      bins[j] = bin;
    }
    let id: number | undefined;
    if (this.numeric) {
      let key = 0;
      for (const bin of bins) key = key * (this.binning.nBins + 2) + bin;
      id = this.byNumber.get(key);
      if (id === undefined) this.byNumber.set(key, (id = this.add(row)));
    } else {
      const key = bins.join(' ');
      id = this.byText.get(key);
      if (id === undefined) this.byText.set(key, (id = this.add(row)));
    }
    return id;
  }

  private add(row: readonly number[]): number {
    return this.histograms.push(histogram(row, this.binning)) - 1;
  }
}

/** KL(p || q) in nats, scipy's `entropy(p, q)`: 0 log 0 = 0, and Infinity where q = 0 < p. */
export function klDivergence(p: readonly number[], q: readonly number[]): number {
  let sum = 0;
  p.forEach((pi, i) => {
    if (pi > 0) sum += pi * Math.log(pi / (q[i] ?? 0));
  });
  return sum;
}

/** The test statistic 2 W KL(p || q) of a window of W values whose histogram is p, against hypothesis q. */
function testStatistic(p: readonly number[], q: readonly number[], windowSize: number): number {
  return 2 * windowSize * klDivergence(p, q);
}

/**
 * The first hypothesis with the smallest statistic for one histogram (index -1 while there is none), kept up
 * to date as hypotheses are added: testing only the `tested..` ones in order finds what a test of all of
 * them would (a later hypothesis wins only when strictly smaller), without testing the others again.
 */
interface BestHypothesis {
  index: number;
  statistic: number;
  tested: number;
}

function catchUp(best: BestHypothesis, p: readonly number[], hypotheses: readonly (readonly number[])[], windowSize: number): BestHypothesis {
  for (; best.tested < hypotheses.length; best.tested++) {
    const s = testStatistic(p, hypotheses[best.tested] ?? [], windowSize);
    if (s < best.statistic) {
      best.statistic = s;
      best.index = best.tested;
    }
  }
  return best;
}

type TestModel = Omit<RelativeEntropyFitted, 'windows' | 'joined' | 'trainMin' | 'trainMax' | 'threshold'>;

/** `ownOf(i)`: the hypothesis row i joined in training, -1 when it is no training window. */
function rawScores(rows: Matrix, fitted: TestModel, params: RelativeEntropyParams, ownOf: (i: number) => number): number[] {
  const ids = new HistogramIds({ low: fitted.low, high: fitted.high, nBins: params.n_bins }, fitted.nFeatures);
  const hypotheses = fitted.hypotheses;
  // Short windows fall into few distinct histograms: each is tested against every hypothesis once, and the
  // smallest statistic among the normal ones is taken once per (histogram, own hypothesis) pair.
  const statistics: Float64Array[] = [];
  const owners = hypotheses.length + 1;
  const memo = new Map<number, number>();
  return rows.map((row, i) => {
    const own = ownOf(i);
    const id = ids.idOf(row);
    const key = id * owners + own + 1;
    let smallest = memo.get(key);
    if (smallest === undefined) {
      let tests = statistics[id];
      if (!tests) {
        const p = ids.histograms[id] ?? [];
        tests = statistics[id] = Float64Array.from(hypotheses, (q) => testStatistic(p, q, row.length));
      }
      smallest = Infinity;
      for (let h = 0; h < hypotheses.length; h++) {
        const normal = (fitted.counts[h] ?? 0) - (h === own ? 1 : 0) >= params.min_count;
        if (normal && (tests[h] ?? Infinity) < smallest) smallest = tests[h] ?? Infinity;
      }
      memo.set(key, smallest);
    }
    return Math.min(MAX_RATIO, smallest / fitted.statisticThreshold);
  });
}

export class RelativeEntropyDetector extends ScaledDetector<RelativeEntropyParams, RelativeEntropyFitted> {
  readonly name = 'RelativeEntropy';
  protected readonly stateVersion = RELATIVE_ENTROPY_STATE_VERSION;
  /** Built on first use, never stored: a restored model rebuilds it from the training windows. */
  private windowIndex: RowIndex | undefined;

  static fromState(params: RelativeEntropyParams, fitted: RelativeEntropyFitted): RelativeEntropyDetector {
    const bins = params.n_bins + 2;
    const inconsistent =
      fitted.counts.length !== fitted.hypotheses.length ||
      fitted.hypotheses.some((h) => h.length !== bins) ||
      fitted.joined.length !== fitted.windows.length ||
      fitted.windows.some((row) => row.length !== fitted.nFeatures) ||
      fitted.joined.some((h) => !Number.isInteger(h) || h < 0 || h >= fitted.counts.length);
    if (inconsistent) {
      throw new Error('RelativeEntropy: saved model state is inconsistent (hypotheses do not match counts or n_bins, or windows do not match joined)');
    }
    const d = new RelativeEntropyDetector(params);
    d.fitted = fitted;
    return d;
  }

  fit(train: Matrix): void {
    const width = checkMatrix(train, 'RelativeEntropy fit');
    let low = Infinity;
    let high = -Infinity;
    for (const row of train) {
      for (const v of row) {
        low = Math.min(low, v);
        high = Math.max(high, v);
      }
    }
    const binning = { low, high, nBins: this.params.n_bins };
    const statisticThreshold = chiSquaredQuantile(this.params.confidence, this.params.n_bins - 1);
    const hypotheses: number[][] = [];
    const counts: number[] = [];
    const joined: number[] = new Array<number>(train.length);
    const ids = new HistogramIds(binning, width);
    // Each histogram's best hypothesis, extended to the hypotheses added since it was last met.
    const bests: BestHypothesis[] = [];
    train.forEach((row, i) => {
      const id = ids.idOf(row);
      const best = catchUp((bests[id] ??= { index: -1, statistic: Infinity, tested: 0 }), ids.histograms[id] ?? [], hypotheses, width);
      let h = best.index;
      if (h >= 0 && best.statistic < statisticThreshold) {
        counts[h] = (counts[h] ?? 0) + 1;
      } else {
        h = hypotheses.push(histogram(row, binning)) - 1;
        counts.push(1);
      }
      joined[i] = h;
    });
    const model = { nFeatures: width, low, high, statisticThreshold, hypotheses, counts };
    const flat = flatten(train, width);
    this.windowIndex = new RowIndex(flat, train.length, width);
    const raw = rawScores(train, model, this.params, this.ownHypotheses(joined, flat, width));
    this.fitted = { ...model, windows: train.map((row) => [...row]), joined, ...summariseTrainScores(raw, this.params.contamination) };
  }

  decisionFunction(rows: Matrix): number[] {
    const fitted = this.requireFitted();
    checkMatrix(rows, 'RelativeEntropy score', fitted.nFeatures);
    const width = fitted.nFeatures;
    this.windowIndex ??= new RowIndex(flatten(fitted.windows, width), fitted.windows.length, width);
    return rawScores(rows, fitted, this.params, this.ownHypotheses(fitted.joined, flatten(rows, width), width));
  }

  /** 1 where the test rejects every normal hypothesis, else the statistic as a fraction of T. */
  override score(rows: Matrix): number[] {
    return this.decisionFunction(rows).map((r) => Math.min(1, r));
  }

  /** For row i of `query`: the hypothesis the first training window equal to it joined, or -1. */
  private ownHypotheses(joined: readonly number[], query: Float64Array, width: number): (i: number) => number {
    const index = this.windowIndex;
    return (i) => {
      const at = index ? index.find(query, i * width) : -1;
      return at < 0 ? -1 : (joined[at] ?? -1);
    };
  }
}

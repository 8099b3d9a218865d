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
import { chiSquaredCdf, chiSquaredQuantile } from './chi-squared.ts';
import { binOf, histogram, HistogramIds, HypothesisTerms, klDivergence } from './histogram-tests.ts';
import { RowIndex } from './row-index.ts';
import { ScaledDetector } from './scaled-detector.ts';
import { checkMatrix, flatten, summariseTrainScores, trainScoreSummaryShape } from './scaling.ts';
import { numberRowsOrNone, numbers } from './state-checks.ts';

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
  /**
   * The training windows a scored row equal to them leaves out (see RawScorer.raw): the first occurrence of each
   * window whose hypothesis has at most `min_count` windows, in training order. Leaving out any other window keeps
   * its hypothesis normal and changes no score, so the model does not carry the whole training set. (Files that
   * hold every training window score the same.)
   */
  windows: numberRowsOrNone,
  /** The hypothesis each of `windows` joined. */
  joined: numbers,
  ...trainScoreSummaryShape,
});
export type RelativeEntropyFitted = z.infer<typeof relativeEntropyFittedSchema>;

export { binOf, histogram, klDivergence };

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

function catchUp(best: BestHypothesis, ids: HistogramIds, id: number, terms: HypothesisTerms): BestHypothesis {
  for (; best.tested < terms.hypotheses.length; best.tested++) {
    const s = ids.statistic(id, terms, best.tested);
    if (s < best.statistic) {
      best.statistic = s;
      best.index = best.tested;
    }
  }
  return best;
}

/**
 * Raw scores of a fitted model, by histogram: the smallest statistic over the normal hypotheses, as a ratio of T.
 * A row that is a training window leaves its own hypothesis out when that drops it below `min_count`, which changes
 * the smallest only when the own hypothesis is the (first) one giving it: so each histogram keeps the smallest, the
 * hypothesis giving it and the smallest over the others, computed once when the histogram is first met.
 */
class RawScorer {
  readonly ids: HistogramIds;
  private readonly terms: HypothesisTerms;
  private readonly counts: readonly number[];
  private readonly minCount: number;
  private readonly threshold: number;
  private readonly smallest: number[] = [];
  private readonly first: number[] = [];
  private readonly others: number[] = [];

  constructor(ids: HistogramIds, terms: HypothesisTerms, counts: readonly number[], minCount: number, threshold: number) {
    this.ids = ids;
    this.terms = terms;
    this.counts = counts;
    this.minCount = minCount;
    this.threshold = threshold;
  }

  /** `own`: the hypothesis the row joined in training, -1 when it is no training window. */
  raw(id: number, own: number): number {
    if (this.smallest[id] === undefined) this.testAll(id);
    const leftOut = own >= 0 && own === this.first[id] && (this.counts[own] ?? 0) - 1 < this.minCount;
    const smallest = (leftOut ? this.others[id] : this.smallest[id]) ?? Infinity;
    return Math.min(MAX_RATIO, smallest / this.threshold);
  }

  private testAll(id: number): void {
    let smallest = Infinity;
    let first = -1;
    let others = Infinity;
    for (let h = 0; h < this.counts.length; h++) {
      if ((this.counts[h] ?? 0) < this.minCount) continue;
      const s = this.ids.statistic(id, this.terms, h);
      if (s < smallest) {
        others = smallest;
        smallest = s;
        first = h;
      } else if (s < others) {
        others = s;
      }
    }
    this.smallest[id] = smallest;
    this.first[id] = first;
    this.others[id] = others;
  }
}

export class RelativeEntropyDetector extends ScaledDetector<RelativeEntropyParams, RelativeEntropyFitted> {
  readonly name = 'RelativeEntropy';
  protected readonly stateVersion = RELATIVE_ENTROPY_STATE_VERSION;
  /** Built on first use, never stored: a restored model rebuilds them from its state. */
  private windowIndex: RowIndex | undefined;
  private scorer: RawScorer | undefined;

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
    const terms = new HypothesisTerms([], width, this.params.n_bins);
    const counts: number[] = [];
    const joined: number[] = new Array<number>(train.length);
    const ids = new HistogramIds(binning, width);
    const rowIds = new Int32Array(train.length);
    // Each histogram's best hypothesis, extended to the hypotheses added since it was last met.
    const bests: BestHypothesis[] = [];
    train.forEach((row, i) => {
      const id = (rowIds[i] = ids.idOf(row));
      const best = catchUp((bests[id] ??= { index: -1, statistic: Infinity, tested: 0 }), ids, id, terms);
      let h = best.index;
      if (h >= 0 && best.statistic < statisticThreshold) {
        counts[h] = (counts[h] ?? 0) + 1;
      } else {
        h = terms.add(histogram(row, binning));
        counts.push(1);
      }
      joined[i] = h;
    });
    const flat = flatten(train, width);
    const windowIndex = RowIndex.of(flat, train.length, width);
    // The ids and the terms computed here serve the scoring of later rows too.
    const scorer = new RawScorer(ids, terms, counts, this.params.min_count, statisticThreshold);
    const raw = new Array<number>(train.length);
    // The windows the model keeps (see `windows` in the state): first occurrences in hypotheses of at most min_count.
    const kept: number[] = [];
    for (let i = 0; i < train.length; i++) {
      const first = windowIndex.find(flat, i * width);
      raw[i] = scorer.raw(rowIds[i] ?? 0, first < 0 ? -1 : (joined[first] ?? -1));
      if (first === i && (counts[joined[i] ?? -1] ?? 0) <= this.params.min_count) kept.push(i);
    }
    this.fitted = {
      nFeatures: width, low, high, statisticThreshold, hypotheses: terms.hypotheses, counts,
      windows: kept.map((i) => [...(train[i] ?? [])]),
      joined: kept.map((i) => joined[i] ?? 0),
      ...summariseTrainScores(raw, this.params.contamination),
    };
    this.scorer = scorer;
  }

  decisionFunction(rows: Matrix): number[] {
    const fitted = this.requireFitted();
    const width = checkMatrix(rows, 'RelativeEntropy score', fitted.nFeatures);
    const windowIndex = (this.windowIndex ??= RowIndex.of(flatten(fitted.windows, width), fitted.windows.length, width));
    const scorer = (this.scorer ??= new RawScorer(
      new HistogramIds({ low: fitted.low, high: fitted.high, nBins: this.params.n_bins }, width),
      new HypothesisTerms(fitted.hypotheses, width, this.params.n_bins),
      fitted.counts,
      this.params.min_count,
      fitted.statisticThreshold,
    ));
    const query = flatten(rows, width);
    const raw: number[] = new Array<number>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const first = windowIndex.find(query, i * width);
      raw[i] = scorer.raw(scorer.ids.idOf(rows[i] ?? []), first < 0 ? -1 : (fitted.joined[first] ?? -1));
    }
    return raw;
  }

  /**
   * The test's own calibration: the chi-squared probability (n_bins - 1 degrees of freedom) of a statistic below the
   * row's, against the normal hypothesis closest to it. 0.99 (at the default `confidence`) is the rejection point, and
   * a window far from every pattern of the metric's history scores nearer 1 the farther it is. The statistic's null
   * distribution is known, so no training scores are needed to rank it; and a test statistic ranked among leave-one-out
   * training statistics measured worse on NAB (docs/nab-cross-validation.md).
   */
  override calibrated(rows: Matrix): number[] {
    const { statisticThreshold } = this.requireFitted();
    const degrees = this.params.n_bins - 1;
    return this.decisionFunction(rows).map((ratio) => chiSquaredCdf(ratio * statisticThreshold, degrees));
  }

  /** 1 where the test rejects every normal hypothesis, else the statistic as a fraction of T. */
  override score(rows: Matrix): number[] {
    const raw = this.decisionFunction(rows);
    for (let i = 0; i < raw.length; i++) raw[i] = Math.min(1, raw[i] ?? 0);
    return raw;
  }
}

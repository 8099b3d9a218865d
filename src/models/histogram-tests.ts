/**
 * Relative Entropy's chi-squared tests of window histograms against hypotheses, made cheap without changing a bit:
 *  - a window of W values has at most W occupied bins, and each occupied bin's probability depends only on how many
 *    values fell in it (c additions of 1/W from 0, as `histogram` sums them). A histogram is kept sparse: its occupied
 *    bins ascending with their counts, and KL(p || q) sums only those terms, in the same bin order, as `klDivergence`
 *    does (it skips the empty bins);
 *  - the term p_c log(p_c / q_b) depends only on (hypothesis, bin, count): it is computed once per hypothesis and
 *    kept, where the table is small. Taking the logarithms was most of fitting and scoring.
 */

export interface Binning {
  low: number;
  high: number;
  nBins: number;
}

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

/** KL(p || q) in nats, scipy's `entropy(p, q)`: 0 log 0 = 0, and Infinity where q = 0 < p. */
export function klDivergence(p: readonly number[], q: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i] ?? 0;
    if (pi > 0) sum += pi * Math.log(pi / (q[i] ?? 0));
  }
  return sum;
}

/** Window keys ((n_bins + 2)^W) up to this many are numbered through a table (64 KB) rather than a map. */
const MAX_TABLE_KEYS = 16_384;

/** Term tables larger than this (W x (n_bins + 2) entries per hypothesis) are not kept: the terms are computed each time. */
const MAX_TERMS = 512;

/**
 * Distinct window histograms, numbered in the order met, each with its occupied bins and their counts. A window's
 * number comes from its sorted bin indices alone (cheaper than its histogram): windows whose values fall into the
 * same bins, in any order, have the same histogram and so the same tests. The sorted bins are read as the digits of
 * one number while that stays exact, else joined as text.
 */
export class HistogramIds {
  readonly binning: Binning;
  readonly width: number;
  private readonly sorted: Int32Array;
  private readonly numeric: boolean;
  /** Id + 1 by key, when there are few enough keys for a table (0: not met yet); else the maps. */
  private readonly table: Int32Array | undefined;
  private readonly byNumber = new Map<number, number>();
  private readonly byText = new Map<string, number>();
  /** Occupied bins of each id, ascending, and the count of values in each; `width` slots per id, `sizes` used. */
  private bins = new Int32Array(0);
  private counts = new Int32Array(0);
  private readonly sizes: number[] = [];

  constructor(binning: Binning, width: number) {
    this.binning = binning;
    this.width = width;
    this.sorted = new Int32Array(width);
    const keys = (binning.nBins + 2) ** width;
    this.numeric = keys <= Number.MAX_SAFE_INTEGER;
    this.table = keys <= MAX_TABLE_KEYS ? new Int32Array(keys) : undefined;
  }

  get size(): number {
    return this.sizes.length;
  }

  idOf(row: readonly number[]): number {
    const sorted = this.sorted;
    const { low, high, nBins } = this.binning;
    // binOf's arithmetic, the range taken once (the same subtraction, so the same value).
    const range = high - low;
    // Insertion sort: windows are a few values long.
    for (let i = 0; i < sorted.length; i++) {
      const v = row[i] ?? 0;
      const bin = v < low ? 0 : v > high ? nBins + 1 : high === low ? 1 : 1 + Math.min(nBins - 1, Math.floor(((v - low) / range) * nBins));
      let j = i;
      for (; j > 0 && (sorted[j - 1] ?? 0) > bin; j--) sorted[j] = sorted[j - 1] ?? 0;
      sorted[j] = bin;
    }
    let id: number | undefined;
    if (this.numeric) {
      const radix = this.binning.nBins + 2;
      let key = 0;
      for (let i = 0; i < sorted.length; i++) key = key * radix + (sorted[i] ?? 0);
      const table = this.table;
      if (table) {
        id = (table[key] ?? 0) - 1;
        if (id < 0) table[key] = (id = this.add()) + 1;
        return id;
      }
      id = this.byNumber.get(key);
      if (id === undefined) this.byNumber.set(key, (id = this.add()));
    } else {
      const key = sorted.join(' ');
      id = this.byText.get(key);
      if (id === undefined) this.byText.set(key, (id = this.add()));
    }
    return id;
  }

  /**
   * The test statistic 2 W KL(p || q) of histogram `id` against hypothesis `h` of `tests`: the same value, bit for
   * bit, as `2 * W * klDivergence(histogram(row), q)` for a row of that histogram.
   */
  statistic(id: number, tests: HypothesisTerms, h: number): number {
    const at = id * this.width;
    const end = at + (this.sizes[id] ?? 0);
    let sum = 0;
    for (let j = at; j < end; j++) sum += tests.term(h, this.bins[j] ?? 0, this.counts[j] ?? 0);
    return 2 * this.width * sum;
  }

  /** Records the occupied bins of the window just sorted into `this.sorted` as a new id. */
  private add(): number {
    const id = this.sizes.length;
    const at = id * this.width;
    if (at + this.width > this.bins.length) {
      const grown = Math.max(64, this.bins.length * 2);
      const bins = new Int32Array(grown);
      bins.set(this.bins);
      this.bins = bins;
      const counts = new Int32Array(grown);
      counts.set(this.counts);
      this.counts = counts;
    }
    let size = 0;
    for (let i = 0; i < this.sorted.length; i++) {
      const bin = this.sorted[i] ?? 0;
      if (size > 0 && this.bins[at + size - 1] === bin) {
        this.counts[at + size - 1] = (this.counts[at + size - 1] ?? 0) + 1;
      } else {
        this.bins[at + size] = bin;
        this.counts[at + size] = 1;
        size++;
      }
    }
    this.sizes.push(size);
    return id;
  }
}

/**
 * The hypotheses (bin probabilities q) and, per hypothesis, the KL terms p_c log(p_c / q_b) for a bin b holding c of
 * the W values, filled as they are first needed.
 */
export class HypothesisTerms {
  readonly hypotheses: number[][];
  private readonly width: number;
  private readonly nBinsTotal: number;
  /** p_c: c additions of 1/W, in the order `histogram` adds them. */
  private readonly probability: Float64Array;
  private readonly tables: (Float64Array | undefined)[] = [];
  private readonly keep: boolean;

  constructor(hypotheses: number[][], width: number, nBins: number) {
    this.hypotheses = hypotheses;
    this.width = width;
    this.nBinsTotal = nBins + 2;
    this.probability = new Float64Array(width + 1);
    for (let c = 1; c <= width; c++) this.probability[c] = (this.probability[c - 1] ?? 0) + 1 / width;
    this.keep = width * this.nBinsTotal <= MAX_TERMS;
  }

  /** Adds a hypothesis; returns its index. */
  add(q: number[]): number {
    return this.hypotheses.push(q) - 1;
  }

  term(h: number, bin: number, count: number): number {
    if (!this.keep) return this.compute(h, bin, count);
    let table = this.tables[h];
    if (!table) table = this.tables[h] = new Float64Array(this.width * this.nBinsTotal).fill(Number.NaN);
    const at = (count - 1) * this.nBinsTotal + bin;
    let value = table[at] ?? Number.NaN;
    // NaN marks a term not computed yet; a term that is NaN itself (q = -0) is just computed again.
    if (Number.isNaN(value)) value = table[at] = this.compute(h, bin, count);
    return value;
  }

  private compute(h: number, bin: number, count: number): number {
    const p = this.probability[count] ?? 0;
    return p * Math.log(p / (this.hypotheses[h]?.[bin] ?? 0));
  }
}

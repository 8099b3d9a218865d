import { describe, it, expect } from 'vitest';
import { histogram, HistogramIds, HypothesisTerms, klDivergence, type Binning } from '../../src/models/histogram-tests.ts';
import { mulberry32 } from '../../src/models/random.ts';

/** Windows of `width` values in [-1, 11), some outside the binning's range [0, 10], some repeated in another order. */
function windows(n: number, width: number, seed: number): number[][] {
  const rng = mulberry32(seed);
  const rows = Array.from({ length: n }, () => Array.from({ length: width }, () => Math.floor(rng() * 24) / 2 - 1));
  return [...rows, ...rows.slice(0, 10).map((row) => [...row].reverse())];
}

describe('Relative Entropy histogram tests', () => {
  it('gives 2 W KL of a hand-computed case', () => {
    const binning: Binning = { low: 0, high: 4, nBins: 2 };
    const ids = new HistogramIds(binning, 2);
    const terms = new HypothesisTerms([[0, 0.5, 0.5, 0]], 2, 2);
    // [1, 1]: P = [0, 1, 0, 0] against Q = [0, .5, .5, 0]: KL = ln 2, statistic 2 * 2 * ln 2.
    expect(ids.statistic(ids.idOf([1, 1]), terms, 0)).toBeCloseTo(4 * Math.LN2, 14);
    // [1, 3] has the hypothesis' own histogram; [5, 1] has a value in a bin Q never saw.
    expect(ids.statistic(ids.idOf([1, 3]), terms, 0)).toBe(0);
    expect(ids.statistic(ids.idOf([5, 1]), terms, 0)).toBe(Infinity);
  });

  // Small windows use the term tables and the key table; 6 values in 100 bins a key map and no term table; 16 values
  // in 1000 bins text keys.
  const cases = [
    { width: 3, nBins: 10 },
    { width: 1, nBins: 2 },
    { width: 6, nBins: 100 },
    { width: 16, nBins: 1000 },
  ];
  for (const { width, nBins } of cases) {
    it(`equals 2 W klDivergence(histogram) to the bit: ${width} values, ${nBins} bins`, () => {
      const binning: Binning = { low: 0, high: 10, nBins };
      const rows = windows(300, width, width);
      // Hypotheses from some windows' histograms (zero bins included) and one spreading over every bin.
      const hypotheses = [...rows.slice(0, 20).map((row) => histogram(row, binning)), new Array<number>(nBins + 2).fill(1 / (nBins + 2))];
      const ids = new HistogramIds(binning, width);
      const terms = new HypothesisTerms(hypotheses, width, nBins);
      for (const row of rows) {
        const id = ids.idOf(row);
        // Asked twice: the second answer comes from the filled term table.
        for (let repeat = 0; repeat < 2; repeat++) {
          hypotheses.forEach((q, h) => {
            expect(Object.is(ids.statistic(id, terms, h), 2 * width * klDivergence(histogram(row, binning), q))).toBe(true);
          });
        }
      }
    });
  }

  it('numbers histograms by their bins alone, in the order met', () => {
    const ids = new HistogramIds({ low: 0, high: 10, nBins: 5 }, 3);
    expect(ids.idOf([1, 5, 9])).toBe(0);
    expect(ids.idOf([9, 1, 5])).toBe(0);
    // Same bins as [1, 5, 9] ([0, 2) [4, 6) [8, 10]), other values.
    expect(ids.idOf([1.5, 4, 10])).toBe(0);
    expect(ids.idOf([1, 1, 9])).toBe(1);
    expect(ids.idOf([-3, 5, 9])).toBe(2);
    expect(ids.size).toBe(3);
  });
});

import { describe, it, expect } from 'vitest';
import { chiSquaredCdf, chiSquaredQuantile } from '../../src/models/chi-squared.ts';
import {
  binOf,
  histogram,
  klDivergence,
  MAX_RATIO,
  RelativeEntropyDetector,
  type RelativeEntropyFitted,
  type RelativeEntropyParams,
} from '../../src/models/relative-entropy.ts';
import { createDetector, restoreDetector, type DetectorState } from '../../src/models/index.ts';
import { packState, stringifyPacked, unpackState } from '../../src/models/packed-state.ts';

function detector(train: number[][], params: Partial<RelativeEntropyParams> = {}): RelativeEntropyDetector {
  const d = new RelativeEntropyDetector({ n_bins: 2, confidence: 0.99, min_count: 1, contamination: 0.1, ...params });
  d.fit(train);
  return d;
}

describe('chi-squared', () => {
  it('matches closed forms and scipy', () => {
    // Two degrees of freedom: CDF = 1 - exp(-x / 2), quantile = -2 ln(1 - p).
    expect(chiSquaredCdf(3, 2)).toBeCloseTo(1 - Math.exp(-1.5), 14);
    expect(chiSquaredQuantile(0.95, 2)).toBeCloseTo(-2 * Math.log(0.05), 10);
    // One degree of freedom: CDF = erf(sqrt(x / 2)); 1.959964^2 is the two-sided 5% point.
    expect(chiSquaredQuantile(0.95, 1)).toBeCloseTo(1.959963984540054 ** 2, 9);
    // scipy.stats.chi2.isf(0.01, 4), NAB's threshold for 5 bins.
    expect(chiSquaredQuantile(0.99, 4)).toBeCloseTo(13.276704135987622, 9);
    expect(() => chiSquaredQuantile(1, 4)).toThrow(/0 < p < 1/);
  });
});

describe('Relative Entropy', () => {
  const binning = { low: 0, high: 4, nBins: 2 };

  it('bins into n_bins over the training range plus one bin below and one above', () => {
    expect([-1, 0, 1.99, 2, 4, 4.5].map((v) => binOf(v, binning))).toEqual([0, 1, 1, 2, 2, 3]);
    expect(histogram([1, 3], binning)).toEqual([0, 0.5, 0.5, 0]);
    expect(klDivergence([0, 1, 0, 0], [0, 0.5, 0.5, 0])).toBeCloseTo(Math.LN2, 14);
    expect(klDivergence([0, 0.5, 0.5, 0], [0, 1, 0, 0])).toBe(Infinity);
  });

  it('scores 2 W KL against the closest normal hypothesis, as a fraction of the chi-squared threshold', () => {
    // Every training window has one value in each bin: one hypothesis [0, .5, .5, 0] seen 3 times.
    const d = detector([[0, 4], [1, 3], [0, 3]]);
    const f = d.toJSON().fitted as RelativeEntropyFitted;
    expect(f.hypotheses).toEqual([[0, 0.5, 0.5, 0]]);
    expect(f.counts).toEqual([3]);
    const t = chiSquaredQuantile(0.99, 1);
    expect(f.statisticThreshold).toBe(t);
    // [1, 1]: P = [0, 1, 0, 0], KL = ln 2, statistic 2 * 2 * ln 2 = 2.77 < T = 6.63.
    const [both, low, above] = d.decisionFunction([[2, 1], [1, 1], [1, 5]]);
    expect(both).toBe(0);
    expect(low).toBeCloseTo((4 * Math.LN2) / t, 12);
    // A value beyond the training range falls in a bin no hypothesis has: rejected, capped.
    expect(above).toBe(MAX_RATIO);
    expect(d.score([[2, 1], [1, 1], [1, 5]])).toEqual([0, low, 1]);
  });

  it('makes a new hypothesis for a window the test rejects, and needs min_count windows to call one normal', () => {
    // At confidence 0.99 [1, 1] agrees with [0, 4] (2.77 < 6.63); at 0.5 (T = 0.45) it does not.
    expect((detector([[0, 4], [1, 1]]).toJSON().fitted as RelativeEntropyFitted).counts).toEqual([2]);
    const strict = detector([[0, 4], [1, 1], [2, 3], [3, 3]], { confidence: 0.5 });
    const f = strict.toJSON().fitted as RelativeEntropyFitted;
    expect(f.hypotheses).toEqual([[0, 0.5, 0.5, 0], [0, 1, 0, 0], [0, 0, 1, 0]]);
    expect(f.counts).toEqual([1, 1, 2]);
    expect(strict.decisionFunction([[0.5, 1.5]])).toEqual([0]);
    // The training window [1, 1] is scored leaving itself out: its own hypothesis then has no window, and
    // the closest other one, [0, .5, .5, 0], gives 2 * 2 * ln 2.
    const [own] = strict.decisionFunction([[1, 1]]);
    expect(own).toBeCloseTo((4 * Math.LN2) / chiSquaredQuantile(0.5, 1), 12);
    // Only the windows of hypotheses with at most min_count windows are kept: leaving out [2, 3] or [3, 3] would leave
    // their hypothesis one window, still normal.
    expect(f.windows).toEqual([[0, 4], [1, 1]]);
    expect(f.joined).toEqual([0, 1]);
    // With min_count 2 only the [0, 0, 1, 0] hypothesis is normal: [1, 1] is in a bin it never saw.
    const seen = detector([[0, 4], [1, 1], [2, 3], [3, 3]], { confidence: 0.5, min_count: 2 });
    expect(seen.score([[1, 1], [3, 4]])).toEqual([1, 0]);
    // [3, 3] is one of the two windows of that hypothesis: left out, one is fewer than min_count.
    expect(seen.score([[3, 3]])).toEqual([1]);
    expect((seen.toJSON().fitted as RelativeEntropyFitted).windows).toEqual([[0, 4], [1, 1], [2, 3], [3, 3]]);
  });

  it('keeps only the windows leaving out can matter for, and scores exactly as a model holding every training window', () => {
    let seed = 11;
    const next = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    // Coarse values, so that windows repeat and some hypotheses hold a single window.
    const values = Array.from({ length: 400 }, (_, i) => Math.round(4 * Math.sin(i / 9) + 3 * next()) / 2);
    const rows = values.slice(2).map((v, i) => [v, values[i + 1] ?? 0, values[i] ?? 0]);
    const probes = [...rows, ...rows.slice(0, 50).map((r) => r.map((v) => v + 0.25)), [99, 0, 0]];
    const rarest = Math.min(...(detector(rows, { n_bins: 5 }).toJSON().fitted as RelativeEntropyFitted).counts);
    for (const minCount of [1, rarest]) {
      const pruned = new RelativeEntropyDetector({ n_bins: 5, confidence: 0.99, min_count: minCount, contamination: 0.1 });
      pruned.fit(rows);
      const state = pruned.toJSON();
      const fitted = state.fitted as RelativeEntropyFitted;
      // Fitting does not depend on min_count; with min_count above every count, every distinct window is kept.
      const all = new RelativeEntropyDetector({ n_bins: 5, confidence: 0.99, min_count: rows.length, contamination: 0.1 });
      all.fit(rows);
      const allFitted = all.toJSON().fitted as RelativeEntropyFitted;
      expect(allFitted.counts).toEqual(fitted.counts);
      expect(fitted.windows.length).toBeLessThan(allFitted.windows.length / 4);
      const everyWindow = restoreDetector({ ...state, fitted: { ...fitted, windows: allFitted.windows, joined: allFitted.joined } });
      const restored = restoreDetector(JSON.parse(JSON.stringify(state)) as DetectorState);
      const expected = everyWindow.decisionFunction(probes);
      expect(pruned.decisionFunction(probes)).toEqual(expected);
      expect(restored.decisionFunction(probes)).toEqual(expected);
      if (minCount === rarest) {
        // The rarest hypothesis's windows are kept, and leaving them out does change their scores.
        expect(fitted.windows.length).toBeGreaterThan(0);
        const notLeftOut = restoreDetector({ ...state, fitted: { ...fitted, windows: [], joined: [] } });
        expect(notLeftOut.decisionFunction(rows)).not.toEqual(expected.slice(0, rows.length));
      }
    }
  });

  it('round-trips through JSON and refuses inconsistent state', () => {
    const d = createDetector('RelativeEntropy', { n_bins: 3 });
    d.fit([[0, 1, 2], [1, 2, 3], [2, 3, 4], [3, 4, 5], [4, 5, 0]]);
    const text = JSON.stringify(d.toJSON());
    const copy = restoreDetector(JSON.parse(text) as DetectorState);
    expect(copy.score([[9, 9, 9], [1, 2, 3]])).toEqual(d.score([[9, 9, 9], [1, 2, 3]]));
    expect(JSON.stringify(copy.toJSON())).toBe(text);
    const state = JSON.parse(text) as DetectorState;
    expect(() => restoreDetector({ ...state, params: { ...state.params, n_bins: 4 } })).toThrow(/inconsistent/);
    expect(() => restoreDetector({ ...state, fitted: { ...state.fitted, counts: [] } })).toThrow(/inconsistent/);
    expect(() => restoreDetector({ ...state, fitted: { ...state.fitted, joined: [0, 0, 0, 0, 99] } })).toThrow(/inconsistent/);
    expect(() => restoreDetector({ ...state, fitted: { ...state.fitted, joined: [] } })).toThrow(/inconsistent/);
    expect(() => restoreDetector({ ...state, fitted: { ...state.fitted, joined: [99] } })).toThrow(/inconsistent/);
    // A flat series: one hypothesis of many windows, so no window is kept, and a model file holds none.
    const flat = createDetector('RelativeEntropy', { n_bins: 5 });
    flat.fit(Array.from({ length: 50 }, () => [1, 1, 1]));
    expect((flat.toJSON().fitted as RelativeEntropyFitted).windows).toEqual([]);
    const flatCopy = restoreDetector(unpackState(JSON.parse(stringifyPacked(packState(flat.toJSON())) ?? '')) as DetectorState);
    expect(flatCopy.score([[1, 1, 1], [2, 1, 1]])).toEqual([0, 1]);
  });
});

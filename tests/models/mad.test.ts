import { describe, it, expect } from 'vitest';
import { MadDetector, robustScale, type MadFitted } from '../../src/models/mad.ts';
import { median } from '../../src/models/stats.ts';
import { mulberry32 } from '../../src/models/random.ts';
import { percentile } from '../../src/models/scaling.ts';
import { createDetector, restoreDetector, type DetectorState } from '../../src/models/index.ts';

// Feature 0 has a normal MAD, feature 1 a MAD of 0 (mean-absolute-deviation fallback), feature 2 is constant.
const TRAIN = [[1, 10, 7], [2, 10, 7], [3, 10, 7], [4, 10, 7], [100, 20, 7]];

function mad(contamination = 0.1): MadDetector {
  return new MadDetector({ contamination });
}

describe('robust scale', () => {
  it('takes numpy medians', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5])).toBe(5);
    const rng = mulberry32(3);
    for (let n = 1; n < 60; n++) {
      const values = Array.from({ length: n }, () => Math.floor(rng() * 8) - rng());
      const sorted = [...values].sort((a, b) => a - b);
      const m = n >> 1;
      expect(median(values)).toBe(n % 2 ? sorted[m] : ((sorted[m - 1] ?? NaN) + (sorted[m] ?? NaN)) / 2);
    }
  });

  it('uses 1.4826 * MAD, then 1.2533 * mean absolute deviation, then a relative epsilon', () => {
    // |x - 3| = 2, 1, 0, 1, 97: MAD 1.
    expect(robustScale([1, 2, 3, 4, 100])).toEqual({ median: 3, sigma: 1.4826 });
    // |x - 10| = 0, 0, 0, 0, 10: MAD 0, mean absolute deviation 2.
    expect(robustScale([10, 10, 10, 10, 20])).toEqual({ median: 10, sigma: 1.2533 * 2 });
    expect(robustScale([7, 7, 7])).toEqual({ median: 7, sigma: 1e-9 * 7 });
    expect(robustScale([0, 0])).toEqual({ median: 0, sigma: 1e-9 });
    expect(robustScale([-2e6, -2e6])).toEqual({ median: -2e6, sigma: 1e-9 * 2e6 });
  });
});

describe('MadDetector', () => {
  it('scores the largest robust z-score over the features', () => {
    const d = mad();
    d.fit(TRAIN);
    const f = d.toJSON().fitted as MadFitted;
    expect(f.median).toEqual([3, 10, 7]);
    expect(f.sigma).toEqual([1.4826, 1.2533 * 2, 1e-9 * 7]);
    // Training rows: 2/1.4826, 1/1.4826, 0, 1/1.4826, max(97/1.4826, 10/2.5066).
    const train = [2 / 1.4826, 1 / 1.4826, 0, 1 / 1.4826, 97 / 1.4826];
    expect(f.trainMin).toBe(0);
    expect(f.trainMax).toBe(97 / 1.4826);
    expect(f.threshold).toBe(percentile(train, 90));
    const raw = d.decisionFunction([[3 + 2 * 1.4826, 10 + 2.5066, 7], [3, 10 - 3 * 2.5066, 7], [3, 10, 7], [3, 10, 7 + 3.5e-8]]);
    expect(raw[0]).toBeCloseTo(2, 12);
    expect(raw[1]).toBeCloseTo(3, 12);
    expect(raw[2]).toBe(0);
    // A constant feature that moves by 5 of its epsilons dominates.
    expect(raw[3]).toBeCloseTo(5, 6);
    const s = d.score([[3 + 2 * 1.4826, 10, 7], [3, 10, 7], [1000, 10, 7]]);
    expect(s[0]).toBeCloseTo(2 / (97 / 1.4826), 12);
    expect(s.slice(1)).toEqual([0, 1]);
  });

  it('is not moved by the outliers it looks for', () => {
    const clean = Array.from({ length: 99 }, (_, i) => [i % 10]);
    const a = mad();
    const b = mad();
    a.fit([...clean, [5]]);
    b.fit([...clean, [1e9]]);
    expect(b.decisionFunction([[4], [20]])).toEqual(a.decisionFunction([[4], [20]]));
  });

  it('round-trips through JSON and refuses inconsistent state', () => {
    const d = createDetector('mad', { contamination: 0.2 });
    d.fit(TRAIN);
    const text = JSON.stringify(d.toJSON());
    const copy = restoreDetector(JSON.parse(text) as DetectorState);
    expect(copy.name).toBe('MAD');
    expect(copy.score(TRAIN)).toEqual(d.score(TRAIN));
    expect(JSON.stringify(copy.toJSON())).toBe(text);
    const state = JSON.parse(text) as DetectorState;
    expect(() => restoreDetector({ ...state, fitted: { ...state.fitted, sigma: [1, 1] } })).toThrow(/inconsistent/);
    expect(() => restoreDetector({ ...state, fitted: { ...state.fitted, sigma: [1, 0, 1] } })).toThrow(/Invalid saved MAD/);
  });

  it('refuses unfitted use, mismatched widths and non-finite values', () => {
    expect(() => mad().score([[1]])).toThrow(/fit\(\)/);
    expect(() => mad().fit([])).toThrow(/no rows/);
    const d = mad();
    d.fit(TRAIN);
    expect(() => d.score([[1, 2]])).toThrow(/2 features, expected 3/);
    expect(() => d.score([[1, 2, NaN]])).toThrow(/non-finite/);
  });
});

import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/alerts/alert-text.ts';
import { describeRange, directionOf, directionWanted, EXPECTED_MIN_N, EXPECTED_WINDOW_N, expectedRange, expectedRangesAt } from '../../src/models/expected-range.ts';

/** A deterministic standard normal sample (Box–Muller on a Park–Miller generator). */
function normals(n: number, seed = 11): number[] {
  let state = seed;
  const uniform = (): number => (state = (state * 16807) % 2147483647) / 2147483647;
  return Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform()));
}

describe('expectedRange', () => {
  it('is the median ± 3 robust sigmas, or the 1st–99th percentiles where over half the values are equal, by hand', () => {
    // -4..6: median 1; MAD = median(|v - 1|) = median(0,1,1,2,2,3,3,4,4,5,5) = 3; 3 x 1.4826 x 3 = 13.3434.
    const values = Array.from({ length: 11 }, (_, i) => i - 4);
    const range = expectedRange(values, values.length);
    expect(range?.baseline).toBe(1);
    expect(range?.low).toBeCloseTo(1 - 13.3434, 10);
    expect(range?.high).toBeCloseTo(1 + 13.3434, 10);
    // A metric never negative is not expected below zero; one that has been negative keeps the whole band.
    const counts0 = [0, 0, 1, 2, 3, 10, 20, 30, 40, 50, 60];
    expect(expectedRange(counts0, counts0.length)?.low).toBe(0);
    expect(expectedRange([-1, ...counts0.slice(1)], counts0.length)?.low).toBeLessThan(0);
    // A constant series has no spread: the percentiles give the band, here the value itself.
    expect(expectedRange(Array.from({ length: 20 }, () => 5), 20)).toEqual({ baseline: 5, low: 5, high: 5 });
    // Mostly zeros and a few counts: MAD is 0; the 1st–99th percentiles of 0 x 90, 1 x 5, 2 x 5 are 0 and 2.
    const counts = [...Array.from({ length: 90 }, () => 0), ...Array.from({ length: 5 }, () => 1), ...Array.from({ length: 5 }, () => 2)];
    expect(expectedRange(counts, 100)).toEqual({ baseline: 0, low: 0, high: 2 });
    // Two earlier spikes among 100 values move neither the baseline nor the band.
    const calm = Array.from({ length: 100 }, (_, i) => 100 + (i % 5));
    const spiked = [...calm.slice(0, 98), 400, 400];
    expect(expectedRange(spiked, 100)?.high).toBeLessThan(120);
  });

  it('uses only values before the point, the newest 100 of them, skipping NaN, and needs enough of them', () => {
    const values = [...Array.from({ length: 200 }, () => 1000), ...Array.from({ length: 100 }, () => 10), 99999];
    expect(expectedRange(values, 300)?.baseline).toBe(10);
    expect(expectedRange([...Array.from({ length: EXPECTED_MIN_N - 1 }, () => 1), NaN, NaN], 11)).toBeNull();
    expect(expectedRange(Array.from({ length: EXPECTED_MIN_N }, () => 1), EXPECTED_MIN_N)).not.toBeNull();
  });

  it('contains most points of a stationary series, and puts a 6-sigma spike above it and a drop below it', () => {
    const series = normals(5000).map((z) => 100 + 5 * z);
    let inside = 0;
    let judged = 0;
    for (let i = 100; i < series.length; i++) {
      const range = expectedRange(series, i);
      if (!range) continue;
      judged++;
      const v = series[i] ?? 0;
      if (v >= range.low && v <= range.high) inside++;
    }
    expect(inside / judged).toBeGreaterThan(0.97);
    const range = expectedRange(series, 5000);
    expect(range).not.toBeNull();
    if (!range) return;
    expect(directionOf(130, range)).toBe('up');
    expect(130).toBeGreaterThan(range.high);
    expect(directionOf(70, range)).toBe('down');
    expect(70).toBeLessThan(range.low);
    expect(directionOf(range.baseline, range)).toBeNull();
    expect(directionOf(null, range)).toBeNull();
  });
});

describe('expectedRangesAt', () => {
  it('slides one window along and gives exactly what a fresh sort of each window gives, NaNs and ties included', () => {
    const values = normals(700, 5).map((z, i) => (i % 97 === 0 ? Number.NaN : i % 13 === 0 ? 7 : Math.round(50 + 10 * z)));
    const positions = Array.from({ length: 600 }, (_, i) => i + 5);
    const slid = expectedRangesAt(values, positions);
    positions.forEach((to, k) => {
      const window = values.slice(Math.max(0, to - EXPECTED_WINDOW_N), to).filter(Number.isFinite).sort((a, b) => a - b);
      const reference = window.length < EXPECTED_MIN_N ? null : byHand(window);
      expect(slid[k]).toEqual(reference);
    });
    // Positions out of order start the window again.
    expect(expectedRangesAt(values, [400, 200])).toEqual([expectedRange(values, 400), expectedRange(values, 200)]);
  });
});

/** The range by the book: sort the window, sort the deviations. */
function byHand(sorted: number[]): { baseline: number; low: number; high: number } {
  const q = (xs: number[], p: number): number => {
    const pos = (xs.length - 1) * p;
    const lo = Math.floor(pos);
    return (xs[lo] ?? 0) + ((xs[Math.min(lo + 1, xs.length - 1)] ?? 0) - (xs[lo] ?? 0)) * (pos - lo);
  };
  const baseline = q(sorted, 0.5);
  const spread = 3 * 1.4826 * q(sorted.map((v) => Math.abs(v - baseline)).sort((a, b) => a - b), 0.5);
  const floor = (sorted[0] ?? 0) >= 0 ? 0 : -Infinity;
  return spread === 0 ? { baseline, low: q(sorted, 0.01), high: q(sorted, 0.99) } : { baseline, low: Math.max(floor, baseline - spread), high: baseline + spread };
}

describe('alert direction and wording', () => {
  it('keeps both directions by default and only the wanted one otherwise; a point without a range is kept', () => {
    expect(directionWanted('both', 'up')).toBe(true);
    expect(directionWanted('down', 'up')).toBe(false);
    expect(directionWanted('down', 'down')).toBe(true);
    expect(directionWanted('up', null)).toBe(true);
  });

  it('says above, below or within the range and by how much', () => {
    const range = { baseline: 100, low: 80, high: 120 };
    expect(describeRange(155, range, formatNumber)).toBe('above the expected range 80–120 by 35');
    expect(describeRange(68.5, range, formatNumber)).toBe('below the expected range 80–120 by 11.5');
    expect(describeRange(100, range, formatNumber)).toBe('within the expected range 80–120');
  });
});

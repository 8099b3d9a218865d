import { describe, it, expect } from 'vitest';
import { mulberry32 } from '../../src/models/random.ts';
import { percentile } from '../../src/models/scaling.ts';

/** numpy's linear percentile from a full sort: the definition the selection must reproduce to the bit. */
function bySort(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const virtual = (q / 100) * (sorted.length - 1);
  const lo = Math.floor(virtual);
  const a = sorted[lo] ?? 0;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? 0;
  const t = virtual - lo;
  return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
}

describe('percentile', () => {
  it('gives numpy.percentile on small cases', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10, 1, 7, 3, 5, 9, 2, 8, 4, 6], 90)).toBeCloseTo(9.1, 12);
    expect(percentile([3], 99)).toBe(3);
    expect(percentile([5, 5, 5, 1], 0)).toBe(1);
    expect(percentile([5, 5, 5, 1], 100)).toBe(5);
    expect(() => percentile([], 50)).toThrow(/empty/);
  });

  it('equals the sort-based definition bit for bit, ties, -0 and NaN included', () => {
    const rng = mulberry32(5);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(rng() * 300);
      const levels = trial % 3 === 0 ? 4 : 0;
      const values = Array.from({ length: n }, () => (levels ? Math.floor(rng() * levels) : rng() * 100 - 50));
      if (trial % 7 === 0) values[Math.floor(rng() * n)] = -0;
      if (trial % 11 === 0) values[Math.floor(rng() * n)] = NaN;
      for (const q of [0, 1, 50, 90, 99, 99.9, 100]) expect(Object.is(percentile(values, q), bySort(values, q))).toBe(true);
    }
  });
});

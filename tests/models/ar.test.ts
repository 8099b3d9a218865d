import { describe, expect, it } from 'vitest';
import { ArDetector } from '../../src/models/ar.ts';
import { createDetector, restoreDetector } from '../../src/models/index.ts';

/** Rows [x_t, x_{t-1}] of x_t = 2 + 0.5 x_{t-1} + e_t with small deterministic noise e_t. */
function ar1Rows(n: number): number[][] {
  const rows: number[][] = [];
  let previous = 4;
  for (let t = 0; t < n; t++) {
    const hashed = Math.sin(t * 12.9898 + 78.233) * 43758.5453;
    const noise = 2 * (hashed - Math.floor(hashed) - 0.5); // white-ish noise in [-1, 1)
    const x = 2 + 0.5 * previous + noise;
    rows.push([x, previous]);
    previous = x;
  }
  return rows;
}

describe('AR (forecast residual) detector', () => {
  it('recovers the autoregression and scores its own training data low', () => {
    const d = new ArDetector({ contamination: 0.1, ridge: 1e-9 });
    d.fit(ar1Rows(2000));
    const fitted = d.toJSON().fitted as { intercept: number; coefficients: number[] };
    expect(fitted.coefficients[0]).toBeCloseTo(0.5, 1);
    expect(Math.abs(fitted.intercept - 2)).toBeLessThan(0.2);
    // A point its lag predicts (2 + 0.5 * 4 = 4) is normal; one 10 above the forecast is far out.
    const [normal, spike] = d.decisionFunction([[4, 4], [14, 4]]);
    expect(normal).toBeLessThan(1);
    expect(spike).toBeGreaterThan(8);
    expect(d.score([[14, 4]])).toEqual([1]);
  });

  it('without lags forecasts the training median', () => {
    const d = new ArDetector({ contamination: 0.1, ridge: 1e-6 });
    d.fit([[1], [2], [3], [4], [100]]);
    expect(d.toJSON().fitted).toMatchObject({ intercept: 3, coefficients: [] });
  });

  it('round-trips through JSON to identical scores, via the registry', () => {
    const d = createDetector('ar', { contamination: 0.05 });
    d.fit(ar1Rows(120));
    const restored = restoreDetector(JSON.parse(JSON.stringify(d.toJSON())));
    const probe = [[4.2, 4], [3.1, 4.5], [9, 1]];
    expect(restored.score(probe)).toEqual(d.score(probe));
    expect(restored.name).toBe('AR');
  });

  it('refuses too few rows and unknown parameters', () => {
    expect(() => new ArDetector({ contamination: 0.1, ridge: 0 }).fit([[1, 2], [2, 3]])).toThrow(/needs at least 4 rows/);
    expect(() => createDetector('AR', { lags: 3 })).toThrow(/unknown AR parameter\(s\) "lags"; allowed: contamination, ridge/);
  });
});

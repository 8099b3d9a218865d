import { describe, it, expect } from 'vitest';
import { ExtremeDetector, type ExtremeFitted } from '../../src/models/extreme.ts';
import { createDetector, restoreDetector, type DetectorState } from '../../src/models/index.ts';

// Feature 0 spans 0..10; feature 1 is constant (width falls back to 1e-9 * 10).
const TRAIN = [[0, 10], [5, 10], [10, 10], [7, 10]];

function extreme(fullScale = 0.5): ExtremeDetector {
  const d = new ExtremeDetector({ contamination: 0.1, full_scale: fullScale });
  d.fit(TRAIN);
  return d;
}

describe('ExtremeDetector', () => {
  it('learns each feature range; every training row scores 0', () => {
    const f = extreme().toJSON().fitted as ExtremeFitted;
    expect(f.low).toEqual([0, 10]);
    expect(f.high).toEqual([10, 10]);
    expect(f.width).toEqual([10, 1e-8]);
    expect([f.trainMin, f.trainMax, f.threshold]).toEqual([0, 0, 0]);
    expect(extreme().score(TRAIN)).toEqual([0, 0, 0, 0]);
  });

  it('scores the distance beyond the range in units of full_scale ranges, the most extreme feature winning', () => {
    const d = extreme(0.5);
    // 2 above a range of 10 = 0.2 ranges = 0.4 of full_scale 0.5; 10 below = 2 -> clipped to 1.
    expect(d.decisionFunction([[12, 10], [-10, 10], [5, 10]])).toEqual([0.4, 2, 0]);
    expect(d.score([[12, 10], [-10, 10], [5, 10]])).toEqual([0.4, 1, 0]);
    expect(extreme(0.1).score([[10.5, 10]])).toEqual([0.5]);
    // The constant feature: float noise stays near 0, a real change scores 1.
    const [noise, change] = d.decisionFunction([[5, 10 + 1e-12], [5, 10.1]]);
    expect(noise).toBeCloseTo((10 + 1e-12 - 10) / (1e-8 * 0.5), 12);
    expect(change).toBeCloseTo(0.1 / (1e-8 * 0.5), 0);
    expect(d.score([[12, 10.1]])).toEqual([1]);
  });

  it('round-trips through JSON and refuses inconsistent state', () => {
    const d = createDetector('Extreme', { full_scale: 0.25 });
    d.fit(TRAIN);
    const text = JSON.stringify(d.toJSON());
    const copy = restoreDetector(JSON.parse(text) as DetectorState);
    expect(copy.score([[11, 10], [3, 10]])).toEqual(d.score([[11, 10], [3, 10]]));
    expect(JSON.stringify(copy.toJSON())).toBe(text);
    const state = JSON.parse(text) as DetectorState;
    expect(() => restoreDetector({ ...state, fitted: { ...state.fitted, low: [0] } })).toThrow(/inconsistent/);
    expect(() => restoreDetector({ ...state, fitted: { ...state.fitted, width: [10, 0] } })).toThrow(/Invalid saved Extreme/);
  });

  it('refuses unfitted use and mismatched widths', () => {
    expect(() => new ExtremeDetector({ contamination: 0.1, full_scale: 1 }).score([[1]])).toThrow(/fit\(\)/);
    expect(() => extreme().score([[1]])).toThrow(/1 features, expected 2/);
  });
});

/**
 * The calibrated score: what the score job stores. 0.99 means rarer than 99% of the metric's own history, on every
 * metric and with every detector.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/models/random.ts';
import { createDetector, restoreDetector, type DetectorName } from '../../src/models/index.ts';
import { REFERENCE_SIZE, summariseTrainScores, tailScores } from '../../src/models/scaling.ts';

/** Standard normal values by Box-Muller. */
function gaussian(n: number, seed: number): number[] {
  const next = mulberry32(seed);
  return Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()));
}

/** Rows [x_i, x_{i-1}, x_{i-2}], as the default preprocessing (lags_n 2) makes them. */
function lagged(values: readonly number[]): number[][] {
  return values.slice(2).map((v, i) => [v, values[i + 1] ?? 0, values[i] ?? 0]);
}

describe('tailScores', () => {
  const summary = { trainQuantiles: [1, 2, 3, 4], trainScoresN: 4 };
  it('is the share of training scores below, ties counted half, times n / (n + 1)', () => {
    expect(tailScores([0, 2.5, 3, 10], summary)).toEqual([0, 0.8 * (2 / 4), 0.8 * (2.5 / 4), 0.8]);
  });

  it('keeps every training score up to REFERENCE_SIZE, then that many quantiles from the smallest to the largest', () => {
    expect(summariseTrainScores([3, 1, 2], 0.1)).toMatchObject({ trainQuantiles: [1, 2, 3], trainScoresN: 3 });
    const many = summariseTrainScores(Array.from({ length: 5000 }, (_, i) => 4999 - i), 0.1);
    expect(many.trainQuantiles).toHaveLength(REFERENCE_SIZE);
    expect(many.trainQuantiles[0]).toBe(0);
    expect(many.trainQuantiles[500]).toBe(Math.round((500 * 4999) / 1000));
    expect(many.trainQuantiles.at(-1)).toBe(4999);
    expect(many.trainScoresN).toBe(5000);
  });
});

describe.each<DetectorName>(['MAD', 'PCA', 'KNN', 'IForest', 'AR'])('%s, calibrated against its training scores', (name) => {
  const train = lagged(gaussian(2002, 1));
  const detector = createDetector(name, {});
  detector.fit(train);

  it('spreads scores on fresh data from the same process evenly over 0..1', () => {
    const scores = detector.calibrated(lagged(gaussian(3002, 2)));
    const deciles = Array.from({ length: 10 }, (_, d) => scores.filter((s) => s >= d / 10 && s < (d + 1) / 10).length / scores.length);
    for (const share of deciles) {
      expect(share).toBeGreaterThan(0.06);
      expect(share).toBeLessThan(0.14);
    }
  });

  // IForest's path lengths stop growing once a point is outside the sampled range: a 6-sigma spike isolates as fast as
  // the training set's own 3-4 sigma points, so it ranks at about 0.95 of them, not above all of them.
  const spikeAbove = name === 'IForest' ? 0.9 : 0.99;
  it(`scores a 6-sigma spike above ${spikeAbove}`, () => {
    const [spike] = detector.calibrated([[6, 0.1, -0.2]]);
    expect(spike).toBeGreaterThan(spikeAbove);
  });

  it('scores the same after a JSON round trip of the model', () => {
    const rows = lagged(gaussian(52, 3));
    const restored = restoreDetector(JSON.parse(JSON.stringify(detector.toJSON())) as ReturnType<typeof detector.toJSON>);
    expect(restored.calibrated(rows)).toEqual(detector.calibrated(rows));
  });
});

describe('RelativeEntropy, calibrated by its own chi-squared test', () => {
  const detector = createDetector('RelativeEntropy', { n_bins: 10 });
  detector.fit(lagged(gaussian(2002, 4)));

  it('rarely reaches the rejection point (0.99) on fresh data from the same process', () => {
    const scores = detector.calibrated(lagged(gaussian(3002, 5)));
    expect(scores.filter((s) => s >= 0.99).length / scores.length).toBeLessThan(0.03);
    expect(Math.min(...scores)).toBeGreaterThanOrEqual(0);
  });

  it('scores a 6-sigma spike above 0.99, and in line with the statistic', () => {
    const [spike, normal] = detector.calibrated([[6, 0.1, -0.2], [0.1, -0.2, 0.3]]);
    expect(spike).toBeGreaterThan(0.99);
    expect(normal).toBeLessThan(spike ?? 0);
  });
});

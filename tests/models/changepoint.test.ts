import { describe, expect, it } from 'vitest';
import { ChangeDetector, detectChanges, seasonalPeriod } from '../../src/models/changepoint.ts';
import { mulberry32 as random } from '../../src/models/random.ts';

/** n standard normal draws (Box-Muller). */
function noise(seed: number, n: number): number[] {
  const r = random(seed);
  return Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r()));
}

const indices = (values: readonly number[], params = {}): number[] => detectChanges(values, params).map((c) => c.index);

describe('detectChanges: level shifts', () => {
  it.each([1, 2, 3])('finds a 4 SD step up within a few points (seed %i)', (seed) => {
    const values = noise(seed, 400).map((x, i) => x + (i >= 300 ? 4 : 0));
    const changes = detectChanges(values);
    expect(changes).toHaveLength(1);
    const [change] = changes;
    expect(change?.direction).toBe('up');
    expect(change?.index).toBeGreaterThanOrEqual(302);
    expect(change?.index).toBeLessThanOrEqual(305);
    expect(Math.abs((change?.onset ?? 0) - 300)).toBeLessThanOrEqual(2);
    expect(change?.score).toBeGreaterThanOrEqual(3.5);
    expect(change?.magnitude).toBeGreaterThan(2);
  });

  it.each([1, 2, 3])('finds a 2 SD step down, later (seed %i)', (seed) => {
    const values = noise(seed, 400).map((x, i) => x - (i >= 300 ? 2 : 0));
    const changes = detectChanges(values);
    expect(changes.map((c) => c.direction)).toEqual(['down']);
    expect(changes[0]?.index).toBeGreaterThanOrEqual(300);
    expect(changes[0]?.index).toBeLessThan(320);
  });

  it('takes at least three points: one or two spikes are anomalies, not a new level', () => {
    const spikes = noise(1, 400).map((x, i) => x + (i === 200 || i === 300 || i === 301 ? 50 : 0));
    expect(indices(spikes)).toEqual([]);
    const step = noise(1, 400).map((x, i) => x + (i >= 300 ? 50 : 0));
    expect(detectChanges(step).map((c) => [c.index, c.onset, c.shape])).toEqual([[302, 300, 'level']]);
  });

  it('after a change, measures the next one against the new level', () => {
    const values = noise(2, 600).map((x, i) => x + (i >= 200 ? 6 : 0) - (i >= 400 ? 6 : 0));
    const changes = detectChanges(values);
    expect(changes.map((c) => c.direction)).toEqual(['up', 'down']);
    expect(changes.map((c) => c.onset)).toEqual([200, 400]);
  });

  it('a constant series has no changes until it moves, then any move is one', () => {
    expect(indices(Array<number>(200).fill(5))).toEqual([]);
    const moved = [...Array<number>(100).fill(5), 5.01, 5.01, 5.01, 5.01];
    expect(detectChanges(moved).map((c) => [c.index, c.onset, c.direction])).toEqual([[102, 100, 'up']]);
  });
});

describe('detectChanges: trends', () => {
  it('a flat series that starts climbing is a change', () => {
    const values = noise(1, 400).map((x, i) => x + (i >= 300 ? 0.3 * (i - 299) : 0));
    const changes = detectChanges(values);
    expect(changes.map((c) => c.direction)).toEqual(['up']);
    expect(changes[0]?.index).toBeGreaterThanOrEqual(300);
    expect(changes[0]?.index).toBeLessThan(315);
  });

  it('a steady trend is not a change; a bend in it is', () => {
    const values = noise(5, 1200).map((x, i) => 0.1 * i + (i >= 600 ? 0.3 * (i - 599) : 0) + x);
    const changes = detectChanges(values);
    expect(changes.map((c) => [c.direction, c.shape, c.baseline])).toEqual([['up', 'trend', 'trend']]);
    expect(changes[0]?.index).toBeGreaterThanOrEqual(600);
    expect(changes[0]?.index).toBeLessThan(615);
  });
});

describe('detectChanges: no false changes', () => {
  it('finds nothing in 20,000 points of Gaussian noise', () => {
    expect(indices(noise(1, 20_000))).toEqual([]);
  });

  it('finds nothing in 10,000 points of autocorrelated noise (AR(1), 0.5)', () => {
    let previous = 0;
    expect(indices(noise(1, 10_000).map((x) => (previous = 0.5 * previous + x)))).toEqual([]);
  });

  it('finds nothing in a daily cycle, with or without the period', () => {
    const daily = noise(3, 24 * 120).map((x, i) => 10 + 3 * Math.sin((2 * Math.PI * i) / 24) + x);
    expect(indices(daily, { period: 24 })).toEqual([]);
    expect(indices(daily)).toEqual([]);
  });

  it('with the period, finds a shift smaller than the cycle against the same hour of the day before', () => {
    const values = noise(11, 24 * 30).map((x, i) => 10 + 3 * Math.sin((2 * Math.PI * i) / 24) + x + (i >= 600 ? 3 : 0));
    const changes = detectChanges(values, { period: 24 });
    expect(changes.map((c) => [c.direction, c.baseline])).toEqual([['up', 'seasonal']]);
    expect(changes[0]?.index).toBeGreaterThanOrEqual(600);
    expect(changes[0]?.index).toBeLessThan(612);
  });

  it('decides nothing before it has a reference (and, with a period, a season) to compare with', () => {
    const jump = [...noise(4, 20), 100, 100, 100, 100];
    expect(indices(jump)).toEqual([]);
    const seasonal = [...noise(4, 40), 100, 100, 100, 100];
    expect(indices(seasonal)).toEqual([42]);
    expect(indices(seasonal, { period: 24 })).toEqual([]);
  });
});

describe('detectChanges: no future leakage', () => {
  const series = noise(8, 700).map((x, i) => x + (i >= 250 ? 5 : 0) + (i >= 500 ? 0.4 * (i - 499) : 0));

  it('the decisions up to i are the same whatever follows i', () => {
    const all = detectChanges(series);
    expect(all.length).toBeGreaterThanOrEqual(2);
    const r = random(99);
    for (const i of [100, 251, 252, 253, 260, 499, 505, 520, 650]) {
      const upTo = all.filter((c) => c.index <= i);
      expect(detectChanges(series.slice(0, i + 1))).toEqual(upTo);
      const otherFuture = series.map((v, j) => (j > i ? v + (r() - 0.5) * 1000 : v));
      expect(detectChanges(otherFuture).filter((c) => c.index <= i)).toEqual(upTo);
    }
  });

  it('pushing points one at a time gives the same changes as the whole series', () => {
    const detector = new ChangeDetector();
    const streamed = series.flatMap((v) => detector.push(v) ?? []);
    expect(streamed).toEqual(detectChanges(series));
  });
});

describe('ChangeDetector: saved between runs', () => {
  // A daily cycle, noise, three shifts and a bend, over 6,000 hourly points.
  const long = noise(12, 6000).map((x, i) => 10 * Math.sin((2 * Math.PI * i) / 24) + x + (i >= 1500 ? 8 : 0) - (i >= 3200 ? 14 : 0) + (i >= 4700 ? 0.2 * (i - 4699) : 0));

  it('a detector restored from its JSON at every run decides exactly as one that never stopped', () => {
    const continuous = detectChanges(long, { period: 24 });
    expect(continuous.length).toBeGreaterThanOrEqual(3);
    const r = random(5);
    let detector = new ChangeDetector({ period: 24 });
    const resumed = [];
    for (let i = 0; i < long.length; ) {
      // Runs of 1 to 40 points, each ending in a save and a restore through JSON text.
      const run = 1 + Math.floor(r() * 40);
      for (const v of long.slice(i, i + run)) {
        const found = detector.push(v);
        if (found) resumed.push(found);
      }
      i += run;
      detector = ChangeDetector.fromJSON(JSON.parse(JSON.stringify(detector.toJSON())));
    }
    expect(resumed).toEqual(continuous);
  });

  it('keeps about a reference window and a season of points, however many it has seen', () => {
    const detector = new ChangeDetector({ period: 24 });
    let most = 0;
    for (const v of long) {
      detector.push(v);
      most = Math.max(most, detector.pushed - detector.oldestHeld);
    }
    expect(detector.pushed).toBe(long.length);
    const { window, period } = detector.params;
    // A window and a season back from the anchor, which stays put while an excursion builds up.
    expect(detector.toJSON().values.length).toBeLessThan(2 * (window + period));
    // Between saves, dropping waits until 256 points can go at once.
    expect(most).toBeLessThan(2 * (window + period) + 256);
  });
});

describe('detectChanges: parameters', () => {
  it('a higher threshold needs more evidence', () => {
    const values = noise(2, 400).map((x, i) => x + (i >= 300 ? 2 : 0));
    const low = detectChanges(values, { threshold: 3.5 })[0]?.index ?? Infinity;
    const high = detectChanges(values, { threshold: 8 })[0]?.index ?? Infinity;
    expect(high).toBeGreaterThan(low);
  });

  it('rejects nonsense', () => {
    expect(() => detectChanges([1], { threshold: 0 })).toThrow(/invalid parameters/);
    expect(() => detectChanges([1], { window: 10, minReference: 20 })).toThrow(/invalid parameters/);
    expect(() => detectChanges([1], { period: 2.5 })).toThrow(/invalid parameters/);
  });

  it('skips non-finite values', () => {
    const values = noise(1, 400).map((x, i) => (i % 50 === 7 ? Number.NaN : x + (i >= 300 ? 50 : 0)));
    expect(indices(values)).toEqual([302]);
  });
});

describe('seasonalPeriod', () => {
  const spaced = (ms: number, n = 50): Date[] => Array.from({ length: n }, (_, i) => new Date(Date.UTC(2026, 0, 1) + i * ms));
  const MINUTE = 60_000;

  it('is a day of points for sub-daily data and a week for daily data', () => {
    expect(seasonalPeriod(spaced(60 * MINUTE))).toBe(24);
    expect(seasonalPeriod(spaced(10 * MINUTE))).toBe(144);
    expect(seasonalPeriod(spaced(5 * MINUTE))).toBe(288);
    expect(seasonalPeriod(spaced(24 * 60 * MINUTE))).toBe(7);
  });

  it('is none for spacings that do not divide a day, are too fine, or too coarse', () => {
    expect(seasonalPeriod(spaced(7 * MINUTE))).toBe(0);
    expect(seasonalPeriod(spaced(MINUTE))).toBe(0);
    expect(seasonalPeriod(spaced(7 * 24 * 60 * MINUTE))).toBe(0);
    expect(seasonalPeriod(spaced(60 * MINUTE, 1))).toBe(0);
  });

  it('goes by the usual spacing, so a gap does not change it', () => {
    const hourly = spaced(60 * MINUTE);
    expect(seasonalPeriod([...hourly.slice(0, 20), ...hourly.slice(25)])).toBe(24);
  });
});

import { describe, expect, it } from 'vitest';
import { roundedJson, scoreMetadata } from '../../src/jobs/score.ts';

/** What score rows stored before their metadata was written out by hand: the reference. */
function stringified(perModel: Record<string, number>): string {
  return JSON.stringify({ models: Object.fromEntries(Object.entries(perModel).map(([tag, s]) => [tag, Math.round(s * 1e6) / 1e6])) });
}

describe('score row metadata', () => {
  it('writes every score in 0..1 rounded to 6 decimals exactly as JSON.stringify does', () => {
    const mismatches: number[] = [];
    for (let k = 0; k <= 1e6; k++) {
      // Each 6-decimal value and values just either side of it, which round to it or to a neighbour.
      for (const value of [k / 1e6, k / 1e6 - 4.9e-7, k / 1e6 + 4.9e-7]) {
        if (roundedJson(value) !== JSON.stringify(Math.round(value * 1e6) / 1e6)) mismatches.push(value);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('writes scores outside 0..1, NaN and infinities as JSON.stringify does', () => {
    let seed = 7;
    const random = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 6 - 3;
    const odd = [-0, -1e-9, 1e-9, 0.9999996, 1, 1.5, -0.25, 123456.7891234, -1e21, NaN, Infinity, -Infinity, Number.MIN_VALUE];
    for (const value of [...odd, ...Array.from({ length: 10_000 }, random)]) {
      expect(roundedJson(value)).toBe(JSON.stringify(Math.round(value * 1e6) / 1e6));
    }
  });

  it('is the JSON of {models: {tag: rounded score}}, tags in their order and escaped', () => {
    const cases: Record<string, number>[] = [{ knn_default: 0.1234567, pca: 1 }, { 'say "hi"\\': 0.5, é: NaN, '2': 0.25 }, {}];
    for (const perModel of cases) {
      expect(scoreMetadata(perModel)).toBe(stringified(perModel));
    }
  });
});

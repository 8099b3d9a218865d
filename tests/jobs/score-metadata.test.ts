import { describe, expect, it } from 'vitest';
import { roundedJson, scoreMetadata } from '../../src/jobs/score.ts';

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

  it('is the JSON of {models: {tag: rounded score}} for point k, tags in their order and escaped', () => {
    const tags = ['knn_default', 'say "hi"\\', 'é', 'pca'];
    const perModel = [[0.1, 0.1234567], [0.5, 0.5], [0.2, NaN], [0.3, 1]];
    expect(scoreMetadata(tags, perModel, 1)).toBe(
      JSON.stringify({ models: { knn_default: 0.123457, 'say "hi"\\': 0.5, é: null, pca: 1 } }),
    );
    // A tag that looks like an index is still written in its place (an object would move it first).
    expect(JSON.parse(scoreMetadata(['b', '2'], [[0.25], [0.75]], 0) ?? '')).toEqual({ models: { b: 0.25, '2': 0.75 } });
    expect(scoreMetadata([], [], 0)).toBe('{"models":{}}');
  });

  it('adds the expected range, numbers to 6 significant digits, and is null with neither models nor a range', () => {
    const expected = { baseline: 100.1234567, low: 80, high: 120.00000001 };
    expect(JSON.parse(scoreMetadata(null, [[0.5]], 0, { expected }) ?? '')).toEqual({ expected: { baseline: 100.123, low: 80, high: 120 } });
    expect(JSON.parse(scoreMetadata(['a', 'b'], [[0.25], [0.75]], 0, { expected }) ?? '')).toEqual({
      models: { a: 0.25, b: 0.75 }, expected: { baseline: 100.123, low: 80, high: 120 },
    });
    expect(scoreMetadata(null, [[0.5]], 0)).toBeNull();
  });

  it('adds the seasonal check\'s score, the point\'s own score and the extreme mark after the range, scores rounded alike', () => {
    expect(scoreMetadata(null, [[0.5]], 0, { seasonal: 0.25, point: 0.9876543, extreme: true })).toBe('{"seasonal":0.25,"point":0.987654,"extreme":true}');
    expect(scoreMetadata(null, [[0.5]], 0, { point: 0, extreme: false })).toBe('{"point":0}');
  });

  it('adds the seasonal check\'s score, rounded alike, when the metric has one', () => {
    expect(scoreMetadata(null, [[0.5]], 0, { seasonal: 0.1234567 })).toBe('{"seasonal":0.123457}');
    expect(JSON.parse(scoreMetadata(['a', 'b'], [[0.25], [0.75]], 0, { expected: { baseline: 1, low: 0, high: 2 }, seasonal: 1 }) ?? '')).toEqual({
      models: { a: 0.25, b: 0.75 }, expected: { baseline: 1, low: 0, high: 2 }, seasonal: 1,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { batchConfigSchema } from '../../src/config/schema.ts';
import { historyNeeded, makeFeatures, resample } from '../../src/models/preprocess.ts';
import type { Point } from '../../src/store/metrics-table.ts';
import { seriesOf, type Series } from '../../src/store/series-group.ts';

const T0 = Date.UTC(2026, 0, 1);
const MIN = 60_000;

function points(values: readonly number[], minutes?: readonly number[]): Series {
  return seriesOf(values.map((value, i) => ({ timestamp: new Date(T0 + (minutes?.[i] ?? i) * MIN), value })));
}

function minutes(millis: readonly number[]): number[] {
  return millis.map((ms) => (ms - T0) / MIN);
}

function params(extra: Record<string, unknown>) {
  return batchConfigSchema.parse({ metric_batch: 'b', preprocess_params: extra }).preprocess_params;
}

describe('makeFeatures (Anomstack make_x)', () => {
  it('differences, smooths, then lags; rows without enough history are dropped, as pandas dropna drops them', () => {
    // x: 1 4 9 16 25 -> diff 1: . 3 5 7 9 -> rolling mean 2: . . 4 6 8 -> lag 1: rows at the last two points.
    const features = makeFeatures(points([1, 4, 9, 16, 25]), params({ diff_n: 1, smooth_n: 2, lags_n: 1 }));
    expect(features.rows).toEqual([[6, 4], [8, 6]]);
    expect(minutes(features.millis)).toEqual([3, 4]);
    expect(historyNeeded(params({ diff_n: 1, smooth_n: 2, lags_n: 1 }))).toBe(3);
  });

  it('the default (lags_n 2) gives [x_i, x_i-1, x_i-2] from the third point on', () => {
    const features = makeFeatures(points([5, 6, 7, 8]), params({}));
    expect(features.rows).toEqual([[7, 6, 5], [8, 7, 6]]);
    expect(minutes(features.millis)).toEqual([2, 3]);
  });

  it('diff_n looks n points back', () => {
    expect(makeFeatures(points([1, 2, 4, 8, 16]), params({ diff_n: 2, lags_n: 0 })).rows).toEqual([[3], [6], [12]]);
  });

  it('resamples into epoch-aligned buckets stamped with their start, empty buckets left out, before the other steps', () => {
    // Minutes 0 1 | 2 3 | (4 5 empty) | 6: two-minute buckets.
    const series = points([1, 3, 10, 20, 7], [0, 1, 2, 3, 6]);
    const mean = makeFeatures(series, params({ freq: '2min', lags_n: 0 }));
    expect(mean.rows).toEqual([[2], [15], [7]]);
    expect(minutes(mean.millis)).toEqual([0, 2, 6]);
    expect(makeFeatures(series, params({ freq: '2min', freq_agg: 'sum', diff_n: 1, lags_n: 0 })).rows).toEqual([[26], [-23]]);
    const aggregates = (how: string): readonly number[] => resample(series, '2min', how as never).values;
    expect(aggregates('max')).toEqual([3, 20, 7]);
    expect(aggregates('min')).toEqual([1, 10, 7]);
    expect(aggregates('count')).toEqual([2, 2, 1]);
    expect(aggregates('first')).toEqual([1, 10, 7]);
    expect(aggregates('last')).toEqual([3, 20, 7]);
    expect(aggregates('median')).toEqual([2, 15, 7]);
  });

  it("a batch's transform sees the points first, and its points are the ones featured", () => {
    const doubled = (input: readonly Point[]): Point[] => input.filter((p) => p.value !== 3).map((p) => ({ timestamp: p.timestamp, value: p.value * 2 }));
    const features = makeFeatures(points([1, 2, 3, 4]), params({ lags_n: 1 }), doubled);
    expect(features.rows).toEqual([[4, 2], [8, 4]]);
    expect(minutes(features.millis)).toEqual([1, 3]);
  });
});

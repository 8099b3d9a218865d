import type { PreprocessParams } from '../config/schema.ts';
import type { Point } from '../store/metrics-table.ts';
import { pointsOf, seriesOf, type Series } from '../store/series-group.ts';

/** A batch's own transform of one metric's points (its preprocess.js), applied before the built-in steps. */
export type SeriesTransform = (points: readonly Point[]) => Point[];

/** Feature rows built from a series, each stamped with the time (epoch ms) of the point it describes. */
export interface Features {
  millis: number[];
  rows: number[][];
}

/** The series the models see before features are made: the batch's own transform, then the resample (`freq`). */
export function prepareSeries(input: Series, params: PreprocessParams, hook?: SeriesTransform): Series {
  // A batch's transform takes and gives points, as Anomstack's preprocess functions take rows.
  const transformed = hook ? seriesOf(hook(pointsOf(input))) : input;
  return params.freq ? resample(transformed, params.freq, params.freq_agg) : transformed;
}

/**
 * Anomstack's `make_x`: optional resample, then difference, rolling mean and lags. Row i describes point i as
 * [x_i, x_{i-1}, ..., x_{i-lags_n}] where x is the differenced, smoothed series; points without enough history for
 * that are dropped, exactly as pandas' `dropna()` drops them.
 */
export function makeFeatures(input: Series, params: PreprocessParams, hook?: SeriesTransform): Features {
  return featuresOf(prepareSeries(input, params, hook), params);
}

/** makeFeatures' steps after prepareSeries. */
export function featuresOf(series: Series, params: PreprocessParams): Features {
  let values: readonly (number | null)[] = series.values;
  if (params.diff_n > 0) {
    const raw = values;
    values = raw.map((v, i) => difference(raw, i, params.diff_n, v));
  }
  if (params.smooth_n > 1) values = rollingMean(values, params.smooth_n);
  const millis: number[] = [];
  const rows: number[][] = [];
  for (let i = params.lags_n; i < values.length; i++) {
    const row: number[] = [];
    for (let lag = 0; lag <= params.lags_n; lag++) {
      const v = values[i - lag];
      if (v === null || v === undefined) break;
      row.push(v);
    }
    const ms = series.millis[i];
    if (row.length === params.lags_n + 1 && ms !== undefined) {
      millis.push(ms);
      rows.push(row);
    }
  }
  return { millis, rows };
}

/** How many earlier points a point needs before it gets a feature row. */
export function historyNeeded(params: PreprocessParams): number {
  return params.diff_n + Math.max(params.smooth_n - 1, 0) + params.lags_n;
}

function difference(values: readonly (number | null)[], i: number, n: number, v: number | null): number | null {
  const before = values[i - n];
  return v === null || before === null || before === undefined ? null : v - before;
}

function rollingMean(values: readonly (number | null)[], window: number): (number | null)[] {
  return values.map((_, i) => {
    if (i < window - 1) return null;
    let sum = 0;
    for (let j = i - window + 1; j <= i; j++) {
      const v = values[j];
      if (v === null || v === undefined) return null;
      sum += v;
    }
    return sum / window;
  });
}

const UNIT_MS: Record<string, number> = {
  s: 1_000, sec: 1_000, min: 60_000, T: 60_000, h: 3_600_000, H: 3_600_000, d: 86_400_000, D: 86_400_000, w: 604_800_000, W: 604_800_000,
};

/** Length of a pandas-style frequency such as "10min", "H" or "1d", in milliseconds. */
export function frequencyMs(freq: string): number {
  const match = /^(\d*)\s*(s|sec|min|T|h|H|d|D|w|W)$/.exec(freq);
  const unit = match?.[2];
  if (!match || !unit) throw new Error(`unsupported frequency "${freq}"`);
  const multiple = match[1] ? Number(match[1]) : 1;
  return multiple * (UNIT_MS[unit] ?? 0);
}

/** pandas' `resample(freq).agg(how)` on epoch-aligned buckets stamped with their start; empty buckets are left out. */
export function resample(series: Series, freq: string, how: PreprocessParams['freq_agg']): Series {
  const width = frequencyMs(freq);
  const buckets = new Map<number, number[]>();
  series.millis.forEach((ms, k) => {
    const start = Math.floor(ms / width) * width;
    const value = series.values[k] ?? 0;
    const bucket = buckets.get(start);
    if (bucket) bucket.push(value);
    else buckets.set(start, [value]);
  });
  const starts = [...buckets.keys()].sort((a, b) => a - b);
  return { millis: starts, values: starts.map((start) => aggregate(buckets.get(start) ?? [], how)) };
}

function aggregate(values: readonly number[], how: PreprocessParams['freq_agg']): number {
  switch (how) {
    case 'sum':
      return values.reduce((a, b) => a + b, 0);
    case 'min':
      return Math.min(...values);
    case 'max':
      return Math.max(...values);
    case 'count':
      return values.length;
    case 'first':
      return values[0] ?? NaN;
    case 'last':
      return values[values.length - 1] ?? NaN;
    case 'median': {
      const sorted = [...values].sort((a, b) => a - b);
      const mid = Math.floor(sorted.length / 2);
      return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
    }
    case 'mean':
      return values.reduce((a, b) => a + b, 0) / values.length;
  }
}

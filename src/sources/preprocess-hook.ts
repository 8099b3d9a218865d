import { pathToFileURL } from 'node:url';
import type { Batch } from '../config/load.ts';
import type { SeriesTransform } from '../models/preprocess.ts';
import type { Point } from '../store/metrics-table.ts';

/** What a batch's preprocess.js default export receives besides the points. */
export interface PreprocessContext {
  batch: string;
  metric: string;
}

/**
 * Loads a batch's `preprocess.js` / `.mjs` / `.ts`: a default export `(points, { batch, metric }) => points`
 * that sees one metric's points (oldest first; the window the job reads) and returns the points to build
 * features from. Returns a factory binding the metric, or undefined when the batch has none. Its output is
 * checked, so a bug in it fails the job with a message naming the file rather than writing odd scores.
 */
export async function loadPreprocess(batch: Batch): Promise<((metric: string) => SeriesTransform) | undefined> {
  const file = batch.preprocess;
  if (!file) return undefined;
  const module: unknown = await import(/* webpackIgnore: true */ pathToFileURL(file).href);
  const hook = (module as { default?: unknown }).default;
  if (typeof hook !== 'function') throw new Error(`${file}: expected a default export that is a function (points, context) => points`);
  return (metric) => (points) => {
    const out: unknown = (hook as (p: Point[], c: PreprocessContext) => unknown)(points.map((p) => ({ ...p })), { batch: batch.name, metric });
    if (!Array.isArray(out)) throw new Error(`${file}: must return an array of points, got ${typeof out}`);
    return out.map((p: unknown, i) => {
      const point = p as Partial<Point> | null;
      if (!point || !(point.timestamp instanceof Date) || typeof point.value !== 'number' || !Number.isFinite(point.value)) {
        throw new Error(`${file}: point ${i} of ${metric} is not { timestamp: Date, value: finite number }`);
      }
      return { timestamp: point.timestamp, value: point.value };
    });
  };
}

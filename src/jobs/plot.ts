import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ALERT_ROW_TYPE, type Alert } from '../alerts/channel.ts';
import type { Batch } from '../config/load.ts';
import { batchChart, metricChart } from '../plots/spec.ts';
import { renderPng, renderSvg, svgToPng } from '../plots/render.ts';
import { downsample, lastPoints, seriesStats, type MetricSeries } from '../plots/series.ts';
import type { MetricsTable } from '../store/metrics-table.ts';
import { readBatchSeries } from '../report/series-query.ts';
import { fileSafe } from '../artifacts/file-names.ts';
import { metricFailure, type JobContext, type JobResult } from './context.ts';

/** Points per metric drawn at most: longer histories are thinned, keeping every alert (as in the report). */
const MAX_POINTS = 500;
/** Panels of the batch plot at most, the most anomalous metrics first: a taller image is unreadable anyway. */
export const BATCH_PANELS_MAX = 25;

/** A metric's plot, relative to the plots folder: `<batch>/metrics/<metric>.<ext>`. */
export function metricPlotPath(batch: string, metric: string, ext: 'png' | 'svg'): string {
  return `${fileSafe(batch)}/${metricPlotFile(metric, ext)}`;
}

/** A metric's plot, relative to its batch's plots folder. */
function metricPlotFile(metric: string, ext: 'png' | 'svg'): string {
  return `metrics/${fileSafe(metric)}.${ext}`;
}

/**
 * The plots folder of a batch that names none: `plots/` beside its DuckDB file, so the default
 * `.anomstack/anomstack.duckdb` plots into `.anomstack/plots` and the action's state folder keeps them.
 */
export function defaultPlotsDir(batch: Batch): string {
  return path.join(path.dirname(batch.config.duckdb_path), 'plots');
}

/**
 * The plot job: `<plots>/<batch>/metrics/<metric>.svg` and `.png` for every metric of the batch (its whole
 * history, thinned to 500 points) and `<plots>/<batch>/batch.svg` / `.png` with one panel per metric (the 25 most
 * anomalous). Re-running overwrites the same files; plots of metrics the batch no longer has are removed.
 */
export async function plot(ctx: JobContext): Promise<JobResult> {
  const { batch, store, reporter } = ctx;
  const dir = path.join(ctx.plotsDir ?? defaultPlotsDir(batch), fileSafe(batch.name));
  // Ranked on the whole history (as the report ranks them), drawn thinned.
  const ranked = (await readBatchSeries(store.db, store.table, batch.name)).map((s) => ({ rate: seriesStats(s).anomalyRate, series: downsample(s, MAX_POINTS) }));
  const series = ranked.map((r) => r.series);
  const threshold = batch.config.alert_threshold;
  const written = new Set<string>();
  let bytes = 0;
  const write = async (relative: string, content: string | Buffer): Promise<void> => {
    const file = path.join(dir, relative);
    // Written beside and renamed over: a reader (or a Pages upload) never sees half a file.
    const partial = `${file}.partial`;
    await writeFile(partial, content);
    await rename(partial, file);
    written.add(relative);
    bytes += Buffer.byteLength(content);
  };
  await mkdir(path.join(dir, 'metrics'), { recursive: true });
  const label = `plot ${batch.name}`;
  const failed: string[] = [];
  for (const [index, s] of series.entries()) {
    reporter.progress(label, index, series.length);
    try {
      const svg = await renderSvg(metricChart(s, { threshold, title: `${batch.name} · ${s.metric}` }));
      await write(metricPlotFile(s.metric, 'svg'), svg);
      await write(metricPlotFile(s.metric, 'png'), (await svgToPng(svg)).png);
    } catch (error) {
      // One metric's chart failing leaves the others, and the batch's, to be drawn.
      failed.push(metricFailure(ctx, 'plot', s.metric, error));
    }
  }
  reporter.progress(label, series.length, series.length);
  if (series.length > 0) {
    const panels = mostAnomalous(ranked, BATCH_PANELS_MAX);
    const title = panels.length < series.length ? `${batch.name} (${panels.length} of ${series.length} metrics, most anomalous first)` : batch.name;
    const svg = await renderSvg(batchChart(title, panels, { threshold, height: 120 }));
    await write('batch.svg', svg);
    await write('batch.png', (await svgToPng(svg, 1)).png);
  }
  const removed = await removeOthers(dir, written);
  const files = written.size;
  return {
    counts: { metrics: series.length },
    message: `${files} files (PNG and SVG per metric${series.length > 0 ? ' and the batch' : ''}), ${(bytes / 1e6).toFixed(1)} MB in ${dir}${removed > 0 ? `; removed ${removed} stale files (metrics no longer there)` : ''}${failed.length > 0 ? `; ${failed.length} failed (${failed.join(', ')}: see the warnings)` : ''}`,
  };
}

/** The batch plot's metrics: highest anomaly rate first, then by name, as the report's batch page orders them. */
function mostAnomalous(ranked: readonly { rate: number; series: MetricSeries }[], max: number): MetricSeries[] {
  return [...ranked]
    .sort((a, b) => b.rate - a.rate || a.series.metric.localeCompare(b.series.metric))
    .slice(0, max)
    .map((r) => r.series);
}

/** Deletes files in the batch's plot folder this run did not write (metrics gone, leftovers of a killed run). */
async function removeOthers(dir: string, written: ReadonlySet<string>): Promise<number> {
  let removed = 0;
  for (const sub of ['', 'metrics']) {
    const entries = await readdir(path.join(dir, sub), { withFileTypes: true }).catch(() => []);
    for (const entry of entries.filter((e) => e.isFile())) {
      const relative = sub ? `${sub}/${entry.name}` : entry.name;
      if (written.has(relative)) continue;
      await rm(path.join(dir, relative), { force: true });
      removed++;
    }
  }
  return removed;
}

export interface AlertPlot {
  png: Buffer;
  svg: string;
  width: number;
  height: number;
  /** Points drawn. */
  points: number;
}

/**
 * One metric's chart for an alert message (GitHub issue, Slack, email): its newest `points` points,
 * the batch's `alert_max_n` by default, with scores, threshold and events. `pending` are alerts being sent, drawn
 * although not stored yet (channels are notified before the rows are written). Null when the metric has no points.
 */
export async function alertPlot(
  store: MetricsTable,
  batch: Batch,
  metric: string,
  points = batch.config.alert_max_n,
  pending: readonly Pick<Alert, 'kind' | 'timestamp' | 'score'>[] = [],
): Promise<AlertPlot | null> {
  const [series] = await readBatchSeries(store.db, store.table, batch.name, { metric });
  if (!series) return null;
  const stored = new Set(series.events.map((e) => `${e.kind} ${e.t}`));
  const unsaved = pending
    .map((a) => ({ kind: ALERT_ROW_TYPE[a.kind], t: a.timestamp.getTime(), value: a.score, metadata: null }))
    .filter((e) => !stored.has(`${e.kind} ${e.t}`));
  const withPending = { ...series, events: [...series.events, ...unsaved].sort((a, b) => a.t - b.t) };
  const shown = lastPoints(withPending, points);
  const rendered = await renderPng(metricChart(shown, { threshold: batch.config.alert_threshold, title: `${batch.name} · ${metric}` }));
  return { ...rendered, points: shown.t.length };
}

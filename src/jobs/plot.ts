import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Alert, AlertKind } from '../alerts/channel.ts';
import type { Batch } from '../config/load.ts';
import { batchChart, metricChart } from '../plots/spec.ts';
import { renderPng, renderSvg, svgToPng } from '../plots/render.ts';
import { downsample, lastPoints, type EventKind } from '../plots/series.ts';
import type { MetricsTable } from '../store/metrics-table.ts';
import { readBatchSeries } from '../report/series-query.ts';
import { fileSafe, openSources, type SourceOptions } from '../report/sources.ts';

export interface PlotOptions extends SourceOptions {
  outDir: string;
  /** Points per metric drawn at most (long histories are thinned, keeping every alert). */
  maxPoints?: number;
}

export interface PlotResult {
  files: string[];
  bytes: number;
}

/**
 * The plot job: for every batch, `<outDir>/<batch>/metrics/<metric>.svg` and `.png` (the alert attachments) and
 * `<outDir>/<batch>/batch.svg` / `.png` with one panel per metric. Re-running overwrites the same files.
 */
export async function plotBatches(options: PlotOptions): Promise<PlotResult> {
  const sources = await openSources(options);
  const result: PlotResult = { files: [], bytes: 0 };
  const write = async (file: string, content: string | Buffer): Promise<void> => {
    await writeFile(file, content);
    result.files.push(file);
    result.bytes += Buffer.byteLength(content);
  };
  try {
    for (const { batch, db } of sources.batches) {
      if (!db || batch.config.disable_batch) continue;
      const series = (await readBatchSeries(db, batch.config.table_key, batch.name)).map((s) => downsample(s, options.maxPoints ?? 500));
      if (series.length === 0) continue;
      const dir = path.join(options.outDir, fileSafe(batch.name));
      await mkdir(path.join(dir, 'metrics'), { recursive: true });
      const threshold = batch.config.alert_threshold;
      for (const s of series) {
        const svg = await renderSvg(metricChart(s, { threshold, title: `${batch.name} · ${s.metric}` }));
        await write(path.join(dir, 'metrics', `${fileSafe(s.metric)}.svg`), svg);
        await write(path.join(dir, 'metrics', `${fileSafe(s.metric)}.png`), (await svgToPng(svg)).png);
      }
      const svg = await renderSvg(batchChart(batch.name, series, { threshold, height: 120 }));
      await write(path.join(dir, 'batch.svg'), svg);
      await write(path.join(dir, 'batch.png'), (await svgToPng(svg, 1)).png);
    }
  } finally {
    sources.close();
  }
  return result;
}

export interface AlertPlot {
  png: Buffer;
  svg: string;
  width: number;
  height: number;
  /** Points drawn. */
  points: number;
}

/** The event kind each alert kind is stored and drawn as. */
const EVENT_OF: Record<AlertKind, EventKind> = { anomaly: 'alert', change: 'change', threshold: 'tholdalert', llm: 'llmalert' };

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
    .map((a) => ({ kind: EVENT_OF[a.kind], t: a.timestamp.getTime(), value: a.score, metadata: null }))
    .filter((e) => !stored.has(`${e.kind} ${e.t}`));
  const withPending = { ...series, events: [...series.events, ...unsaved].sort((a, b) => a.t - b.t) };
  const shown = lastPoints(withPending, points);
  const rendered = await renderPng(metricChart(shown, { threshold: batch.config.alert_threshold, title: `${batch.name} · ${metric}` }));
  return { ...rendered, points: shown.t.length };
}

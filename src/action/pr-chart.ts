/**
 * `command: pr-check`'s chart: the pull request's config's alerts on each changed batch, drawn by the plot job's
 * renderer into `<report-dir>/pr-check/<batch>.png` for the workflow to upload as an artifact. A comment cannot
 * embed an artifact, so the comment links to the run and carries a text sparkline too.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BacktestResult } from '../jobs/backtest.ts';
import { renderSvg, svgToPng } from '../plots/render.ts';
import { downsample, type MetricSeries } from '../plots/series.ts';
import { batchChart } from '../plots/spec.ts';

/** Panels per chart, as the plot job's batch plot caps them: the metrics with the most alerts first. */
const MAX_PANELS = 6;
const MAX_POINTS = 400;

/** Writes the chart; returns its path relative to `dir`. */
export async function writeAlertChart(dir: string, batch: string, results: readonly BacktestResult[], threshold: number): Promise<string> {
  const ranked = [...results]
    .map((r) => ({ r, alerts: r.points.filter((p) => p.alert).length }))
    .sort((a, b) => b.alerts - a.alerts || a.r.metric.localeCompare(b.r.metric))
    .slice(0, MAX_PANELS)
    .map(({ r }) => downsample(toSeries(batch, r), MAX_POINTS));
  const title = ranked.length < results.length ? `${batch}: this pull request's alerts (${ranked.length} of ${results.length} metrics)` : `${batch}: this pull request's alerts`;
  const svg = await renderSvg(batchChart(title, ranked, { threshold, height: 120 }));
  const file = `${batch}.png`;
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, file), (await svgToPng(svg, 1)).png);
  return file;
}

function toSeries(batch: string, result: BacktestResult): MetricSeries {
  const points = result.points;
  return {
    batch,
    metric: result.metric,
    t: points.map((p) => p.timestamp.getTime()),
    value: points.map((p) => p.value),
    score: points.map((p) => p.score),
    low: points.map(() => null),
    high: points.map(() => null),
    events: points.flatMap((p) => [
      ...(p.alert ? [{ kind: 'alert' as const, t: p.timestamp.getTime(), value: p.score ?? 0, metadata: null }] : []),
      ...(p.change ? [{ kind: 'change' as const, t: p.timestamp.getTime(), value: p.value, metadata: null }] : []),
    ]),
  };
}

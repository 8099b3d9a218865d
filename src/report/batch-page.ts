import type { Batch } from '../config/load.ts';
import { metricChart, type ChartOptions } from '../plots/spec.ts';
import { renderSvg, toVega } from '../plots/render.ts';
import { ANOMALY_KINDS, EVENT_KINDS, hasBand, seriesStats, type MetricSeries, type SeriesStats } from '../plots/series.ts';
import { eventRows } from '../plots/spec.ts';
import { esc, isoMinute, jsonBlock, num, page, table } from './html.ts';
import { fileSafe } from '../artifacts/file-names.ts';

/** Window choices offered on a batch page: last N points, or a span of hours or days. */
export const WINDOWS = [
  { value: 'n:100', label: 'last 100 points' },
  { value: 'n:250', label: 'last 250 points' },
  { value: 'n:all', label: 'all points' },
  { value: 'h:24', label: 'last 24 hours' },
  { value: 'd:7', label: 'last 7 days' },
  { value: 'd:30', label: 'last 30 days' },
] as const;
export const DEFAULT_WINDOW = 'n:all';

export interface BatchPageInput {
  batch: Batch;
  /** Already downsampled for display. */
  series: readonly MetricSeries[];
  /** Full-resolution statistics per metric (anomaly rate, counts). */
  stats: ReadonlyMap<string, SeriesStats>;
  now: Date;
  /** Also write a static SVG per chart for readers without JavaScript. */
  staticSvg: boolean;
}

export interface PageFile {
  path: string;
  content: string;
}

/** Where a metric's static chart lives in the site; GitHub issues link this image. */
export function chartPath(batch: string, metric: string): string {
  return `batch/${fileSafe(batch)}/${fileSafe(metric)}.svg`;
}

/** How far back an alert still gets its chart for its issue: the default issue_reopen_cooldown. */
const ISSUE_CHART_WINDOW_MS = 7 * 86_400_000;
/** At most this many issue charts per batch, the most recently alerted first. */
const ISSUE_CHARTS_MAX = 10;

/** Metrics with an alert in the week before their newest point, newest alert first, at most ISSUE_CHARTS_MAX. */
function recentlyAlerted(series: readonly MetricSeries[]): Set<string> {
  const latest = series
    .map((s) => {
      const newest = s.t.at(-1) ?? 0;
      const lastAlert = Math.max(-Infinity, ...s.events.filter((e) => ANOMALY_KINDS.includes(e.kind)).map((e) => e.t));
      return { metric: s.metric, lastAlert, recent: lastAlert >= newest - ISSUE_CHART_WINDOW_MS };
    })
    .filter((s) => s.recent)
    .sort((a, b) => b.lastAlert - a.lastAlert);
  return new Set(latest.slice(0, ISSUE_CHARTS_MAX).map((s) => s.metric));
}

/** The batch page: one chart per metric, most anomalous first, with search and a window selector. */
export async function batchPage(input: BatchPageInput): Promise<PageFile[]> {
  const { batch, now } = input;
  const slug = fileSafe(batch.name);
  const chart: ChartOptions = { threshold: batch.config.alert_threshold, height: 170 };
  const ordered = [...input.series].sort(
    (a, b) => rate(input.stats, b) - rate(input.stats, a) || a.metric.localeCompare(b.metric),
  );
  const files: PageFile[] = [];
  const sections: string[] = [];
  const issueCharts = recentlyAlerted(input.series);
  for (const [index, series] of ordered.entries()) {
    const stats = input.stats.get(series.metric) ?? seriesStats(series);
    const id = `m-${fileSafe(series.metric)}`;
    const summary = describe(series, stats);
    let fallback = '';
    // Small batches get a static chart per metric (readers without JavaScript); any batch gets one for each
    // metric that alerted lately, so its GitHub issue can show it (bounded: rendering costs ~40 ms a chart).
    let drawn = false;
    if (input.staticSvg || issueCharts.has(series.metric)) {
      // A chart that cannot be drawn leaves its metric's section without the static image, not the page unwritten.
      drawn = await renderSvg(metricChart(series, chart)).then(
        (content) => files.push({ path: chartPath(batch.name, series.metric), content }) > 0,
        () => false,
      );
    }
    if (input.staticSvg && drawn) {
      fallback = `<noscript><img src="${esc(`${slug}/${fileSafe(series.metric)}.svg`)}" alt="${esc(summary)}" width="720"></noscript>`;
    }
    sections.push(`<section class="metric" id="${esc(id)}" data-metric="${esc(series.metric)}">
<h2><a href="#${esc(id)}">${esc(series.metric)}</a></h2>
<p class="stats">${stats.points} points · ${stats.anomalies} anomalies (${num(stats.anomalyRate * 100, 2)}%) · ${stats.changes} changes · mean score ${num(stats.meanScore, 2)}</p>
<figure>
<div class="chart-frame" role="img" tabindex="0" aria-label="${esc(summary)}"><div class="chart" data-index="${index}"></div></div>
${fallback}
<figcaption>${esc(summary)}</figcaption>
</figure>
<details><summary>Data table</summary>${dataTable(series)}</details>
</section>`);
  }
  const data = {
    batch: batch.name,
    // Compiled once per batch: every chart on the page is the same template with its own rows.
    specs: { light: toVega(metricChart(null, chart)), dark: toVega(metricChart(null, { ...chart, dark: true })) },
    metrics: ordered.map(packSeries),
  };
  const controls = `<div class="controls">
<label>Search metrics <input type="search" id="search" placeholder="metric name" autocomplete="off"></label>
<label>Window <select id="window">${WINDOWS.map((w) => `<option value="${w.value}"${w.value === DEFAULT_WINDOW ? ' selected' : ''}>${w.label}</option>`).join('')}</select></label>
<a href="${esc(slug)}.config.html">Effective config</a>
<span id="shown" aria-live="polite">${ordered.length} metrics</span>
</div>`;
  const empty = ordered.length === 0 ? '<p>No data yet: run the batch first.</p>' : '';
  files.push({
    path: `batch/${slug}.html`,
    content: page({
      title: `Batch ${batch.name}`,
      root: '../',
      charts: true,
      now,
      body: `${controls}\n${empty}${sections.join('\n')}\n<p><button type="button" id="more" hidden>Show more metrics</button></p>\n<p id="no-match" hidden>No metric matches.</p>\n${jsonBlock('batch-data', data)}`,
    }),
  });
  return files;
}

function rate(stats: ReadonlyMap<string, SeriesStats>, series: MetricSeries): number {
  return stats.get(series.metric)?.anomalyRate ?? 0;
}

/**
 * Compact columns for the page: seconds from the first point, values to 6 significant digits, and the expected
 * range (`lo`, `hi`, null where a point has none) only for a metric that has one, to the digits its chart can show.
 */
export function packSeries(series: MetricSeries): Record<string, unknown> {
  const t0 = series.t[0] ?? 0;
  const packed: Record<string, unknown> = {
    name: series.metric,
    t0,
    t: series.t.map((t) => Math.round((t - t0) / 1000)),
    v: series.value.map((v) => Number(v.toPrecision(6))),
    s: series.score.map((s) => (s === null ? null : Math.round(s * 1000) / 1000)),
    e: eventRows(series).map((e) => [Math.round((e.t - t0) / 1000), EVENT_KINDS.indexOf(e.kind), Number(e.y.toPrecision(6))]),
  };
  if (hasBand(series)) {
    const digits = bandDigits(series);
    const round = (b: number | null): number | null => (b === null ? null : Number(b.toPrecision(digits)));
    packed['lo'] = series.low.map(round);
    packed['hi'] = series.high.map(round);
  }
  return packed;
}

/**
 * Significant digits that resolve 1/250 of the chart's value span (2 to 6), under a pixel of a chart under 200
 * pixels tall: two more numbers a point, written as the values are, would add nearly half to the page.
 */
function bandDigits(series: MetricSeries): number {
  let min = Infinity;
  let max = -Infinity;
  for (const column of [series.value, series.low, series.high]) {
    for (const x of column) {
      if (x === null || !Number.isFinite(x)) continue;
      if (x < min) min = x;
      if (x > max) max = x;
    }
  }
  const magnitude = Math.max(Math.abs(min), Math.abs(max));
  const span = max - min;
  if (!(span > 0) || !(magnitude > 0)) return 6;
  return Math.min(6, Math.max(2, Math.ceil(Math.log10((magnitude * 250) / span))));
}

/** The chart's text alternative: what a sighted reader takes from it at a glance. */
export function describe(series: MetricSeries, stats: SeriesStats): string {
  if (series.t.length === 0) return `${series.metric}: no points yet.`;
  const min = Math.min(...series.value);
  const max = Math.max(...series.value);
  const anomalies = series.events.filter((e) => ANOMALY_KINDS.includes(e.kind));
  const newest = anomalies.at(-1);
  return (
    `${series.metric}: ${stats.points} points from ${isoMinute(series.t[0] ?? 0)} to ${isoMinute(series.t.at(-1) ?? 0)} UTC, ` +
    `values between ${num(min)} and ${num(max)}, latest ${num(stats.latest)}; ` +
    `${stats.anomalies} anomalies${newest ? `, the newest at ${isoMinute(newest.t)} UTC` : ''}.`
  );
}

function dataTable(series: MetricSeries): string {
  const recent = series.t.slice(-10).map((t, i, all) => {
    const at = series.t.length - all.length + i;
    return [esc(isoMinute(t)), esc(num(series.value[at] ?? null, 6)), esc(num(series.score[at] ?? null, 2)), ''];
  });
  const events = series.events.slice(-20).map((e) => [esc(isoMinute(e.t)), esc(num(e.value, 6)), '', esc(e.kind)]);
  const rows = [...recent, ...events].sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
  return table(`${series.metric}: the newest 10 points and 20 events`, ['time (UTC)', 'value', 'score', 'event'], rows);
}

import type { TopLevelSpec } from 'vega-lite';
import type { Config } from 'vega-lite/types_unstable/config.js';
import type { LayerSpec, UnitSpec } from 'vega-lite/types_unstable/spec/index.js';
import { EVENT_KINDS, hasBand, type EventKind, type MetricSeries } from './series.ts';

/** The font the PNGs embed; the site falls back to the reader's sans-serif. */
export const PLOT_FONT = 'DejaVu Sans';

/** Names of the datasets a metric chart reads, so the site can swap in another window of points. */
export const POINTS_DATA = 'points';
export const EVENTS_DATA = 'events';

export interface PointRow {
  t: number;
  value: number;
  score: number | null;
  /** The expected range at that point, null where it has none (the band has a gap there). */
  low: number | null;
  high: number | null;
}

/** The band's name in the legend. */
export const BAND_LABEL = 'expected range';

export interface EventRow {
  t: number;
  kind: EventKind;
  /** Where the marker sits: the metric's value at that time. */
  y: number;
}

export interface ChartOptions {
  threshold: number;
  width?: number;
  height?: number;
  dark?: boolean;
  title?: string;
  /** Also draw the value's rolling mean over this many points (the raw line stays, fainter). */
  smoothN?: number;
  /** Event kinds the legend lists; by default those in the series (every kind for the site's template). */
  kinds?: EventKind[];
}

const EVENT_STYLE: Record<EventKind, { color: string; shape: string; label: string }> = {
  alert: { color: '#d62728', shape: 'circle', label: 'alert' },
  change: { color: '#9467bd', shape: 'diamond', label: 'change' },
  tholdalert: { color: '#ff7f0e', shape: 'triangle-up', label: 'threshold alert' },
  llmalert: { color: '#e377c2', shape: 'square', label: 'LLM alert' },
  feedback: { color: '#2ca02c', shape: 'cross', label: 'feedback' },
};

export function pointRows(series: MetricSeries): PointRow[] {
  return series.t.map((t, i) => ({
    t,
    value: series.value[i] ?? 0,
    score: series.score[i] ?? null,
    low: series.low[i] ?? null,
    high: series.high[i] ?? null,
  }));
}

/** Events placed on the value line (an event at a timestamp without a point keeps its own value). */
export function eventRows(series: MetricSeries): EventRow[] {
  const valueAt = new Map(series.t.map((t, i) => [t, series.value[i] ?? 0]));
  return series.events.map((e) => ({ t: e.t, kind: e.kind, y: valueAt.get(e.t) ?? e.value }));
}

type Data = { values: PointRow[] | EventRow[] } | { name: string };

/** Every layer's time axis. */
const TIME_X = { field: 't', type: 'temporal', title: null, axis: { labelOverlap: true, tickCount: 6 } } as const;

/**
 * One metric's chart: the value line (left axis), the anomaly score and the alert threshold (right axis,
 * 0..1), and a marker per alert, change, threshold alert, LLM alert and feedback row. With `series` the
 * data is inline (SVG and PNG); without, it reads the named datasets the site fills in.
 */
export function metricSpec(series: MetricSeries | null, options: ChartOptions): LayerSpec<string> & { data?: Data } {
  const points: Data = series ? { values: pointRows(series) } : { name: POINTS_DATA };
  const events: Data = series ? { values: eventRows(series) } : { name: EVENTS_DATA };
  // A static chart's legend lists the kinds it shows; the site's template must allow every kind.
  const kinds = options.kinds ?? (series ? presentKinds([series]) : [...EVENT_KINDS]);
  const x = TIME_X;
  const value: UnitSpec<string> = {
    data: points,
    mark: { type: 'line', color: options.dark ? '#6baed6' : '#1f77b4', strokeWidth: 1.5, interpolate: 'linear' },
    encoding: { x, y: { field: 'value', type: 'quantitative', title: 'value', scale: { zero: false } }, tooltip: tooltip('value') },
  };
  const smoothN = options.smoothN ?? 1;
  const smoothed: UnitSpec<string> = {
    data: points,
    transform: [{ window: [{ op: 'mean', field: 'value', as: 'smoothed' }], frame: [-(smoothN - 1), 0], sort: [{ field: 't' }] }],
    mark: { type: 'line', color: options.dark ? '#c6dbef' : '#08306b', strokeWidth: 2 },
    encoding: { x, y: { field: 'smoothed', type: 'quantitative' } },
  };
  if (smoothN > 1) value.mark = { type: 'line', color: options.dark ? '#6baed6' : '#1f77b4', strokeWidth: 1, opacity: 0.5 };
  // Behind the lines, a faint band at each alert point, so a run of alerts reads as a shaded stretch.
  const alertBands: UnitSpec<string> = {
    name: 'alert_bands',
    data: events,
    transform: [{ filter: "datum.kind === 'alert'" }],
    mark: { type: 'rule', color: EVENT_STYLE.alert.color, strokeWidth: 8, opacity: 0.15 },
    encoding: { x },
  };
  // A static chart without any expected range leaves the band out; the site's template must allow one.
  const bandLayers = (series ? hasBand(series) : true) ? expectedBand(points, options.dark ?? false) : [];
  const valueLayers = [...bandLayers, ...(kinds.includes('alert') ? [alertBands] : []), value, ...(smoothN > 1 ? [smoothed] : [])];
  const markers: UnitSpec<string> = {
    data: events,
    mark: { type: 'point', filled: true, size: 70, opacity: 0.9 },
    encoding: {
      x,
      y: { field: 'y', type: 'quantitative' },
      color: {
        field: 'kind',
        type: 'nominal',
        title: null,
        scale: { domain: kinds, range: kinds.map((k) => EVENT_STYLE[k].color) },
        legend: { orient: 'top', direction: 'horizontal', labelExpr: legendLabels() },
      },
      shape: { field: 'kind', type: 'nominal', title: null, scale: { domain: kinds, range: kinds.map((k) => EVENT_STYLE[k].shape) } },
      tooltip: [
        { field: 'kind', type: 'nominal' },
        { field: 't', type: 'temporal', title: 'time', format: '%Y-%m-%d %H:%M' },
        { field: 'y', type: 'quantitative', title: 'value' },
      ],
    },
  };
  const score: UnitSpec<string> = {
    data: points,
    transform: [{ filter: 'datum.score != null' }],
    mark: { type: 'line', color: '#ff7f0e', strokeWidth: 1, opacity: 0.7, strokeDash: [4, 2] },
    encoding: {
      x,
      y: { field: 'score', type: 'quantitative', title: 'anomaly score', scale: { domain: [0, 1] }, axis: { orient: 'right' } },
      tooltip: tooltip('score'),
    },
  };
  const threshold: UnitSpec<string> = {
    name: 'threshold',
    // One row of its own: a layer without data would draw from an empty source and show nothing.
    data: { values: [{}] },
    mark: { type: 'rule', color: '#d62728', strokeDash: [2, 3], opacity: 0.8 },
    encoding: { y: { datum: options.threshold, type: 'quantitative', scale: { domain: [0, 1] } } },
  };
  return {
    ...(options.title ? { title: { text: options.title, anchor: 'start' } } : {}),
    width: options.width ?? 640,
    height: options.height ?? 180,
    layer: [{ layer: kinds.length > 0 ? [...valueLayers, markers] : valueLayers }, { layer: [score, threshold] }],
    resolve: { scale: { y: 'independent' } },
  };
}

/**
 * The expected range as a light band on the value axis, drawn first so the line stays on top, as Datadog and
 * Grafana draw theirs. A row without a range is invalid for the area, which breaks its path there (Vega-Lite's
 * default for path marks): a gap, not a band bridged across points that had none.
 */
function expectedBand(points: Data, dark: boolean): UnitSpec<string>[] {
  const x = TIME_X;
  const color = dark ? '#6baed6' : '#1f77b4';
  const band: UnitSpec<string> = {
    name: 'expected_band',
    data: points,
    mark: { type: 'area', color, opacity: dark ? 0.25 : 0.15, interpolate: 'linear' },
    encoding: {
      x,
      // Titled as the line's axis: the layers share it, and another title would be appended to "value".
      y: { field: 'low', type: 'quantitative', title: 'value', scale: { zero: false } },
      y2: { field: 'high' },
      tooltip: [
        { field: 't', type: 'temporal', title: 'time', format: '%Y-%m-%d %H:%M' },
        { field: 'low', type: 'quantitative', title: `${BAND_LABEL} low`, format: ',.4~g' },
        { field: 'high', type: 'quantitative', title: `${BAND_LABEL} high`, format: ',.4~g' },
      ],
    },
  };
  // The legend entry comes from one invisible row of the banded points, so "expected range" is listed only on a
  // chart that has some of it (the site draws every metric, with a band or without, from one template).
  const legend: UnitSpec<string> = {
    name: 'expected_legend',
    data: points,
    transform: [
      { filter: 'datum.low != null && datum.high != null' },
      { window: [{ op: 'row_number', as: 'n' }] },
      { filter: 'datum.n === 1' },
      { calculate: `'${BAND_LABEL}'`, as: 'band' },
    ],
    mark: { type: 'square', opacity: 0 },
    encoding: {
      x,
      y: { field: 'low', type: 'quantitative' },
      fill: {
        field: 'band',
        type: 'nominal',
        title: null,
        scale: { range: [color] },
        legend: { orient: 'top', direction: 'horizontal', symbolType: 'square', symbolOpacity: dark ? 0.4 : 0.3 },
      },
    },
  };
  return [band, legend];
}

/** A standalone chart with its config, ready to compile. */
export function metricChart(series: MetricSeries | null, options: ChartOptions): TopLevelSpec {
  return { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', ...metricSpec(series, options), config: chartConfig(options.dark ?? false) } as TopLevelSpec;
}

/** The batch plot: one panel per metric, stacked, each with its own scales. */
export function batchChart(batch: string, series: readonly MetricSeries[], options: ChartOptions): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: batch, anchor: 'start', fontSize: 16 },
    vconcat: series.map((s) => metricSpec(s, { kinds: presentKinds(series), ...options, title: s.metric })),
    resolve: { scale: { color: 'shared', shape: 'shared', fill: 'shared' } },
    config: chartConfig(options.dark ?? false),
  } as TopLevelSpec;
}

function presentKinds(series: readonly MetricSeries[]): EventKind[] {
  return EVENT_KINDS.filter((k) => series.some((s) => s.events.some((e) => e.kind === k)));
}

function tooltip(field: 'value' | 'score'): { field: string; type: 'temporal' | 'quantitative'; title?: string; format?: string }[] {
  return [
    { field: 't', type: 'temporal', title: 'time', format: '%Y-%m-%d %H:%M' },
    { field, type: 'quantitative', format: field === 'score' ? '.2f' : ',.4~g' },
  ];
}

function legendLabels(): string {
  return EVENT_KINDS.map((k) => `datum.label == '${k}' ? '${EVENT_STYLE[k].label}'`).join(' : ') + ' : datum.label';
}

export function chartConfig(dark: boolean): Config {
  const text = dark ? '#ddd' : '#333';
  const grid = dark ? '#444' : '#e5e5e5';
  return {
    font: PLOT_FONT,
    background: dark ? '#1b1b1f' : '#ffffff',
    view: { stroke: null },
    axis: { labelColor: text, titleColor: text, gridColor: grid, domainColor: grid, tickColor: grid, labelFontSize: 10, titleFontSize: 11 },
    legend: { labelColor: text, titleColor: text, labelFontSize: 10, symbolSize: 60 },
    title: { color: text, fontSize: 13 },
  };
}

export const id = 693;
export const ids = [693];
export const modules = {

/***/ 3602:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Tm: () => (/* binding */ svgToPng),
/* harmony export */   hs: () => (/* binding */ toVega),
/* harmony export */   lW: () => (/* binding */ renderSvg)
/* harmony export */ });
/* unused harmony exports FONT_FILE, renderPng */
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_module__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var vega__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3972);
/* harmony import */ var vega_lite__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(994);
/* harmony import */ var _spec_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2417);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([vega__WEBPACK_IMPORTED_MODULE_2__, vega_lite__WEBPACK_IMPORTED_MODULE_3__]);
([vega__WEBPACK_IMPORTED_MODULE_2__, vega_lite__WEBPACK_IMPORTED_MODULE_3__] = __webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__);





/** Vendored DejaVu Sans (Bitstream Vera licence, beside it): PNGs look the same on every runner. */
const FONT_FILE = filePath(__webpack_require__.ab + "DejaVuSans.ttf");
/** ncc turns `new URL(asset, import.meta.url)` into the bundled asset's path: accept both forms. */
function filePath(location) {
    return typeof location === 'string' ? location : (0,node_url__WEBPACK_IMPORTED_MODULE_1__.fileURLToPath)(location);
}
/** Vega-Lite to Vega, the form both the renderers here and the site's bundled Vega runtime take. */
function toVega(spec) {
    return (0,vega_lite__WEBPACK_IMPORTED_MODULE_3__/* .compile */ .wE)(spec).spec;
}
/** Renders a Vega-Lite spec to a static SVG with Vega's headless view (no DOM, no canvas). */
async function renderSvg(spec) {
    const view = new vega__WEBPACK_IMPORTED_MODULE_2__/* .View */ .Ss2(vega__WEBPACK_IMPORTED_MODULE_2__/* .parse */ .qgA(toVega(spec)), { renderer: 'none', logLevel: vega__WEBPACK_IMPORTED_MODULE_2__/* .Error */ .$DH });
    try {
        return await view.toSVG();
    }
    finally {
        view.finalize();
    }
}
/**
 * Rasterises an SVG with resvg using only the vendored font, `scale` times its size. resvg is a native
 * addon loaded on first use, so the report (which needs no PNG) never loads it.
 */
async function svgToPng(svg, scale = 2) {
    // Required at run time, not imported: a bundler hoists an external `import()` to a static import, which
    // would make the committed action bundle need resvg at start even though only PNGs use it.
    const { Resvg } = (0,node_module__WEBPACK_IMPORTED_MODULE_0__.createRequire)(import.meta.url)('@resvg/resvg-js');
    const rendered = new Resvg(svg, {
        font: { loadSystemFonts: false, fontFiles: [FONT_FILE], defaultFontFamily: _spec_js__WEBPACK_IMPORTED_MODULE_4__/* .PLOT_FONT */ .KH, sansSerifFamily: _spec_js__WEBPACK_IMPORTED_MODULE_4__/* .PLOT_FONT */ .KH },
        fitTo: { mode: 'zoom', value: scale },
    }).render();
    return { png: rendered.asPng(), width: rendered.width, height: rendered.height };
}
async function renderPng(spec, scale = 2) {
    const svg = await renderSvg(spec);
    return { ...(await svgToPng(svg, scale)), svg };
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } });

/***/ }),

/***/ 4551:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jd: () => (/* binding */ downsample),
/* harmony export */   Kp: () => (/* binding */ ANOMALY_KINDS),
/* harmony export */   T6: () => (/* binding */ seriesStats),
/* harmony export */   dP: () => (/* binding */ EVENT_KINDS)
/* harmony export */ });
/* unused harmony export lastPoints */
/** Row types drawn as marks on a metric's chart; `llmalert` and `feedback` appear once stages write them. */
const EVENT_KINDS = ['alert', 'change', 'tholdalert', 'llmalert', 'feedback'];
/** Alert-like rows counted as anomalies in summaries (a change is shown but is not an anomaly). */
const ANOMALY_KINDS = ['alert', 'tholdalert', 'llmalert'];
/**
 * Thins a long series to about `maxPoints` for display: each bucket keeps its lowest and highest value,
 * so spikes survive, and every point carrying an event is kept whatever the budget.
 */
function downsample(series, maxPoints) {
    const n = series.t.length;
    if (n <= maxPoints || maxPoints < 4)
        return series;
    const keep = new Set([0, n - 1]);
    const buckets = Math.max(1, Math.floor((maxPoints - 2) / 2));
    const size = n / buckets;
    for (let b = 0; b < buckets; b++) {
        const start = Math.floor(b * size);
        const end = Math.min(n, Math.floor((b + 1) * size));
        let low = start;
        let high = start;
        for (let i = start; i < end; i++) {
            if ((series.value[i] ?? 0) < (series.value[low] ?? 0))
                low = i;
            if ((series.value[i] ?? 0) > (series.value[high] ?? 0))
                high = i;
        }
        keep.add(low).add(high);
    }
    const eventTimes = new Set(series.events.map((e) => e.t));
    for (let i = 0; i < n; i++)
        if (eventTimes.has(series.t[i] ?? NaN))
            keep.add(i);
    const indices = [...keep].sort((a, b) => a - b);
    return {
        ...series,
        t: indices.map((i) => series.t[i] ?? 0),
        value: indices.map((i) => series.value[i] ?? 0),
        score: indices.map((i) => series.score[i] ?? null),
    };
}
/** The newest `n` points and the events within them. */
function lastPoints(series, n) {
    if (series.t.length <= n)
        return series;
    const from = series.t.length - n;
    const start = series.t[from] ?? -Infinity;
    return {
        ...series,
        t: series.t.slice(from),
        value: series.value.slice(from),
        score: series.score.slice(from),
        events: series.events.filter((e) => e.t >= start),
    };
}
function seriesStats(series) {
    const scores = series.score.filter((s) => s !== null);
    const anomalies = series.events.filter((e) => ANOMALY_KINDS.includes(e.kind)).length;
    const points = series.t.length;
    return {
        points,
        anomalies,
        changes: series.events.filter((e) => e.kind === 'change').length,
        anomalyRate: points > 0 ? anomalies / points : 0,
        meanScore: scores.length > 0 ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
        latest: series.value.at(-1) ?? null,
        latestAt: series.t.at(-1) ?? null,
    };
}


/***/ }),

/***/ 2417:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KH: () => (/* binding */ PLOT_FONT),
/* harmony export */   Pj: () => (/* binding */ batchChart),
/* harmony export */   SR: () => (/* binding */ eventRows),
/* harmony export */   VX: () => (/* binding */ metricChart)
/* harmony export */ });
/* unused harmony exports POINTS_DATA, EVENTS_DATA, pointRows, metricSpec, chartConfig */
/* harmony import */ var _series_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4551);

/** The font the PNGs embed; the site falls back to the reader's sans-serif. */
const PLOT_FONT = 'DejaVu Sans';
/** Names of the datasets a metric chart reads, so the site can swap in another window of points. */
const POINTS_DATA = 'points';
const EVENTS_DATA = 'events';
const EVENT_STYLE = {
    alert: { color: '#d62728', shape: 'circle', label: 'alert' },
    change: { color: '#9467bd', shape: 'diamond', label: 'change' },
    tholdalert: { color: '#ff7f0e', shape: 'triangle-up', label: 'threshold alert' },
    llmalert: { color: '#e377c2', shape: 'square', label: 'LLM alert' },
    feedback: { color: '#2ca02c', shape: 'cross', label: 'feedback' },
};
function pointRows(series) {
    return series.t.map((t, i) => ({ t, value: series.value[i] ?? 0, score: series.score[i] ?? null }));
}
/** Events placed on the value line (an event at a timestamp without a point keeps its own value). */
function eventRows(series) {
    const valueAt = new Map(series.t.map((t, i) => [t, series.value[i] ?? 0]));
    return series.events.map((e) => ({ t: e.t, kind: e.kind, y: valueAt.get(e.t) ?? e.value }));
}
/**
 * One metric's chart: the value line (left axis), the anomaly score and the alert threshold (right axis,
 * 0..1), and a marker per alert, change, threshold alert, LLM alert and feedback row. With `series` the
 * data is inline (SVG and PNG); without, it reads the named datasets the site fills in.
 */
function metricSpec(series, options) {
    const points = series ? { values: pointRows(series) } : { name: POINTS_DATA };
    const events = series ? { values: eventRows(series) } : { name: EVENTS_DATA };
    // A static chart's legend lists the kinds it shows; the site's template must allow every kind.
    const kinds = options.kinds ?? (series ? presentKinds([series]) : [..._series_js__WEBPACK_IMPORTED_MODULE_0__/* .EVENT_KINDS */ .dP]);
    const x = { field: 't', type: 'temporal', title: null, axis: { labelOverlap: true, tickCount: 6 } };
    const value = {
        data: points,
        mark: { type: 'line', color: options.dark ? '#6baed6' : '#1f77b4', strokeWidth: 1.5, interpolate: 'linear' },
        encoding: { x, y: { field: 'value', type: 'quantitative', title: 'value', scale: { zero: false } }, tooltip: tooltip('value') },
    };
    const smoothN = options.smoothN ?? 1;
    const smoothed = {
        data: points,
        transform: [{ window: [{ op: 'mean', field: 'value', as: 'smoothed' }], frame: [-(smoothN - 1), 0], sort: [{ field: 't' }] }],
        mark: { type: 'line', color: options.dark ? '#c6dbef' : '#08306b', strokeWidth: 2 },
        encoding: { x, y: { field: 'smoothed', type: 'quantitative' } },
    };
    if (smoothN > 1)
        value.mark = { type: 'line', color: options.dark ? '#6baed6' : '#1f77b4', strokeWidth: 1, opacity: 0.5 };
    const valueLayers = smoothN > 1 ? [value, smoothed] : [value];
    const markers = {
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
    const score = {
        data: points,
        transform: [{ filter: 'datum.score != null' }],
        mark: { type: 'line', color: '#ff7f0e', strokeWidth: 1, opacity: 0.7, strokeDash: [4, 2] },
        encoding: {
            x,
            y: { field: 'score', type: 'quantitative', title: 'anomaly score', scale: { domain: [0, 1] }, axis: { orient: 'right' } },
            tooltip: tooltip('score'),
        },
    };
    const threshold = {
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
/** A standalone chart with its config, ready to compile. */
function metricChart(series, options) {
    return { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', ...metricSpec(series, options), config: chartConfig(options.dark ?? false) };
}
/** The batch plot: one panel per metric, stacked, each with its own scales. */
function batchChart(batch, series, options) {
    return {
        $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
        title: { text: batch, anchor: 'start', fontSize: 16 },
        vconcat: series.map((s) => metricSpec(s, { kinds: presentKinds(series), ...options, title: s.metric })),
        resolve: { scale: { color: 'shared', shape: 'shared' } },
        config: chartConfig(options.dark ?? false),
    };
}
function presentKinds(series) {
    return _series_js__WEBPACK_IMPORTED_MODULE_0__/* .EVENT_KINDS */ .dP.filter((k) => series.some((s) => s.events.some((e) => e.kind === k)));
}
function tooltip(field) {
    return [
        { field: 't', type: 'temporal', title: 'time', format: '%Y-%m-%d %H:%M' },
        { field, type: 'quantitative', format: field === 'score' ? '.2f' : ',.4~g' },
    ];
}
function legendLabels() {
    return _series_js__WEBPACK_IMPORTED_MODULE_0__/* .EVENT_KINDS */ .dP.map((k) => `datum.label == '${k}' ? '${EVENT_STYLE[k].label}'`).join(' : ') + ' : datum.label';
}
function chartConfig(dark) {
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


/***/ }),

/***/ 1664:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kk: () => (/* binding */ batchPage)
/* harmony export */ });
/* unused harmony exports WINDOWS, DEFAULT_WINDOW, chartPath, describe */
/* harmony import */ var _plots_spec_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2417);
/* harmony import */ var _plots_render_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3602);
/* harmony import */ var _plots_series_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4551);
/* harmony import */ var _html_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6433);
/* harmony import */ var _sources_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1496);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_plots_render_js__WEBPACK_IMPORTED_MODULE_1__]);
_plots_render_js__WEBPACK_IMPORTED_MODULE_1__ = (__webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__)[0];






/** Window choices offered on a batch page: last N points, or a span of hours or days. */
const WINDOWS = [
    { value: 'n:100', label: 'last 100 points' },
    { value: 'n:250', label: 'last 250 points' },
    { value: 'n:all', label: 'all points' },
    { value: 'h:24', label: 'last 24 hours' },
    { value: 'd:7', label: 'last 7 days' },
    { value: 'd:30', label: 'last 30 days' },
];
const DEFAULT_WINDOW = 'n:all';
/** Where a metric's static chart lives in the site; GitHub issues link this image. */
function chartPath(batch, metric) {
    return `batch/${(0,_sources_js__WEBPACK_IMPORTED_MODULE_2__/* .fileSafe */ .Y)(batch)}/${(0,_sources_js__WEBPACK_IMPORTED_MODULE_2__/* .fileSafe */ .Y)(metric)}.svg`;
}
/** How far back an alert still gets its chart for its issue: the default issue_reopen_cooldown. */
const ISSUE_CHART_WINDOW_MS = 7 * 86_400_000;
/** At most this many issue charts per batch, the most recently alerted first. */
const ISSUE_CHARTS_MAX = 10;
/** Metrics with an alert in the week before their newest point, newest alert first, at most ISSUE_CHARTS_MAX. */
function recentlyAlerted(series) {
    const latest = series
        .map((s) => {
        const newest = s.t.at(-1) ?? 0;
        const lastAlert = Math.max(-Infinity, ...s.events.filter((e) => _plots_series_js__WEBPACK_IMPORTED_MODULE_3__/* .ANOMALY_KINDS */ .Kp.includes(e.kind)).map((e) => e.t));
        return { metric: s.metric, lastAlert, recent: lastAlert >= newest - ISSUE_CHART_WINDOW_MS };
    })
        .filter((s) => s.recent)
        .sort((a, b) => b.lastAlert - a.lastAlert);
    return new Set(latest.slice(0, ISSUE_CHARTS_MAX).map((s) => s.metric));
}
/** The batch page: one chart per metric, most anomalous first, with search and a window selector. */
async function batchPage(input) {
    const { batch, now } = input;
    const slug = (0,_sources_js__WEBPACK_IMPORTED_MODULE_2__/* .fileSafe */ .Y)(batch.name);
    const chart = { threshold: batch.config.alert_threshold, height: 170 };
    const ordered = [...input.series].sort((a, b) => rate(input.stats, b) - rate(input.stats, a) || a.metric.localeCompare(b.metric));
    const files = [];
    const sections = [];
    const issueCharts = recentlyAlerted(input.series);
    for (const [index, series] of ordered.entries()) {
        const stats = input.stats.get(series.metric) ?? (0,_plots_series_js__WEBPACK_IMPORTED_MODULE_3__/* .seriesStats */ .T6)(series);
        const id = `m-${(0,_sources_js__WEBPACK_IMPORTED_MODULE_2__/* .fileSafe */ .Y)(series.metric)}`;
        const summary = describe(series, stats);
        let fallback = '';
        // Small batches get a static chart per metric (readers without JavaScript); any batch gets one for each
        // metric that alerted lately, so its GitHub issue can show it (bounded: rendering costs ~40 ms a chart).
        if (input.staticSvg || issueCharts.has(series.metric)) {
            files.push({ path: chartPath(batch.name, series.metric), content: await (0,_plots_render_js__WEBPACK_IMPORTED_MODULE_1__/* .renderSvg */ .lW)((0,_plots_spec_js__WEBPACK_IMPORTED_MODULE_0__/* .metricChart */ .VX)(series, chart)) });
        }
        if (input.staticSvg) {
            fallback = `<noscript><img src="${(0,_html_js__WEBPACK_IMPORTED_MODULE_4__/* .esc */ .UQ)(`${slug}/${(0,_sources_js__WEBPACK_IMPORTED_MODULE_2__/* .fileSafe */ .Y)(series.metric)}.svg`)}" alt="${(0,_html_js__WEBPACK_IMPORTED_MODULE_4__/* .esc */ .UQ)(summary)}" width="720"></noscript>`;
        }
        sections.push(`<section class="metric" id="${(0,_html_js__WEBPACK_IMPORTED_MODULE_4__/* .esc */ .UQ)(id)}" data-metric="${(0,_html_js__WEBPACK_IMPORTED_MODULE_4__/* .esc */ .UQ)(series.metric)}">
<h2><a href="#${(0,_html_js__WEBPACK_IMPORTED_MODULE_4__/* .esc */ .UQ)(id)}">${(0,_html_js__WEBPACK_IMPORTED_MODULE_4__/* .esc */ .UQ)(series.metric)}</a></h2>
<p class="stats">${stats.points} points · ${stats.anomalies} anomalies (${(0,_html_js__WEBPACK_IMPORTED_MODULE_4__/* .num */ .bu)(stats.anomalyRate * 100, 2)}%) · ${stats.changes} changes · mean score ${(0,_html_js__WEBPACK_IMPORTED_MODULE_4__/* .num */ .bu)(stats.meanScore, 2)}</p>
<figure>
<div class="chart-frame" role="img" tabindex="0" aria-label="${(0,_html_js__WEBPACK_IMPORTED_MODULE_4__/* .esc */ .UQ)(summary)}"><div class="chart" data-index="${index}"></div></div>
${fallback}
<figcaption>${(0,_html_js__WEBPACK_IMPORTED_MODULE_4__/* .esc */ .UQ)(summary)}</figcaption>
</figure>
<details><summary>Data table</summary>${dataTable(series)}</details>
</section>`);
    }
    const data = {
        batch: batch.name,
        // Compiled once per batch: every chart on the page is the same template with its own rows.
        specs: { light: (0,_plots_render_js__WEBPACK_IMPORTED_MODULE_1__/* .toVega */ .hs)((0,_plots_spec_js__WEBPACK_IMPORTED_MODULE_0__/* .metricChart */ .VX)(null, chart)), dark: (0,_plots_render_js__WEBPACK_IMPORTED_MODULE_1__/* .toVega */ .hs)((0,_plots_spec_js__WEBPACK_IMPORTED_MODULE_0__/* .metricChart */ .VX)(null, { ...chart, dark: true })) },
        metrics: ordered.map(packSeries),
    };
    const controls = `<div class="controls">
<label>Search metrics <input type="search" id="search" placeholder="metric name" autocomplete="off"></label>
<label>Window <select id="window">${WINDOWS.map((w) => `<option value="${w.value}"${w.value === DEFAULT_WINDOW ? ' selected' : ''}>${w.label}</option>`).join('')}</select></label>
<a href="${(0,_html_js__WEBPACK_IMPORTED_MODULE_4__/* .esc */ .UQ)(slug)}.config.html">Effective config</a>
<span id="shown" aria-live="polite">${ordered.length} metrics</span>
</div>`;
    const empty = ordered.length === 0 ? '<p>No data yet: run the batch first.</p>' : '';
    files.push({
        path: `batch/${slug}.html`,
        content: (0,_html_js__WEBPACK_IMPORTED_MODULE_4__/* .page */ .MY)({
            title: `Batch ${batch.name}`,
            root: '../',
            charts: true,
            now,
            body: `${controls}\n${empty}${sections.join('\n')}\n<p id="no-match" hidden>No metric matches.</p>\n${(0,_html_js__WEBPACK_IMPORTED_MODULE_4__/* .jsonBlock */ .Gw)('batch-data', data)}`,
        }),
    });
    return files;
}
function rate(stats, series) {
    return stats.get(series.metric)?.anomalyRate ?? 0;
}
/** Compact columns for the page: seconds from the first point, values to 6 significant digits. */
function packSeries(series) {
    const t0 = series.t[0] ?? 0;
    return {
        name: series.metric,
        t0,
        t: series.t.map((t) => Math.round((t - t0) / 1000)),
        v: series.value.map((v) => Number(v.toPrecision(6))),
        s: series.score.map((s) => (s === null ? null : Math.round(s * 1000) / 1000)),
        e: (0,_plots_spec_js__WEBPACK_IMPORTED_MODULE_0__/* .eventRows */ .SR)(series).map((e) => [Math.round((e.t - t0) / 1000), _plots_series_js__WEBPACK_IMPORTED_MODULE_3__/* .EVENT_KINDS */ .dP.indexOf(e.kind), Number(e.y.toPrecision(6))]),
    };
}
/** The chart's text alternative: what a sighted reader takes from it at a glance. */
function describe(series, stats) {
    if (series.t.length === 0)
        return `${series.metric}: no points yet.`;
    const min = Math.min(...series.value);
    const max = Math.max(...series.value);
    const anomalies = series.events.filter((e) => _plots_series_js__WEBPACK_IMPORTED_MODULE_3__/* .ANOMALY_KINDS */ .Kp.includes(e.kind));
    const newest = anomalies.at(-1);
    return (`${series.metric}: ${stats.points} points from ${(0,_html_js__WEBPACK_IMPORTED_MODULE_4__/* .isoMinute */ .A_)(series.t[0] ?? 0)} to ${(0,_html_js__WEBPACK_IMPORTED_MODULE_4__/* .isoMinute */ .A_)(series.t.at(-1) ?? 0)} UTC, ` +
        `values between ${(0,_html_js__WEBPACK_IMPORTED_MODULE_4__/* .num */ .bu)(min)} and ${(0,_html_js__WEBPACK_IMPORTED_MODULE_4__/* .num */ .bu)(max)}, latest ${(0,_html_js__WEBPACK_IMPORTED_MODULE_4__/* .num */ .bu)(stats.latest)}; ` +
        `${stats.anomalies} anomalies${newest ? `, the newest at ${(0,_html_js__WEBPACK_IMPORTED_MODULE_4__/* .isoMinute */ .A_)(newest.t)} UTC` : ''}.`);
}
function dataTable(series) {
    const recent = series.t.slice(-10).map((t, i, all) => {
        const at = series.t.length - all.length + i;
        return [(0,_html_js__WEBPACK_IMPORTED_MODULE_4__/* .esc */ .UQ)((0,_html_js__WEBPACK_IMPORTED_MODULE_4__/* .isoMinute */ .A_)(t)), (0,_html_js__WEBPACK_IMPORTED_MODULE_4__/* .esc */ .UQ)((0,_html_js__WEBPACK_IMPORTED_MODULE_4__/* .num */ .bu)(series.value[at] ?? null, 6)), (0,_html_js__WEBPACK_IMPORTED_MODULE_4__/* .esc */ .UQ)((0,_html_js__WEBPACK_IMPORTED_MODULE_4__/* .num */ .bu)(series.score[at] ?? null, 2)), ''];
    });
    const events = series.events.slice(-20).map((e) => [(0,_html_js__WEBPACK_IMPORTED_MODULE_4__/* .esc */ .UQ)((0,_html_js__WEBPACK_IMPORTED_MODULE_4__/* .isoMinute */ .A_)(e.t)), (0,_html_js__WEBPACK_IMPORTED_MODULE_4__/* .esc */ .UQ)((0,_html_js__WEBPACK_IMPORTED_MODULE_4__/* .num */ .bu)(e.value, 6)), '', (0,_html_js__WEBPACK_IMPORTED_MODULE_4__/* .esc */ .UQ)(e.kind)]);
    const rows = [...recent, ...events].sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
    return (0,_html_js__WEBPACK_IMPORTED_MODULE_4__/* .table */ .tp)(`${series.metric}: the newest 10 points and 20 events`, ['time (UTC)', 'value', 'score', 'event'], rows);
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } });

/***/ }),

/***/ 1939:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DD: () => (/* binding */ anomaliesPage),
/* harmony export */   JM: () => (/* binding */ batchCard),
/* harmony export */   PX: () => (/* binding */ homePage),
/* harmony export */   aN: () => (/* binding */ anomalyItems),
/* harmony export */   qq: () => (/* binding */ sortCards)
/* harmony export */ });
/* unused harmony export isStale */
/* harmony import */ var _plots_series_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4551);
/* harmony import */ var _html_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6433);
/* harmony import */ var _sources_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1496);



/** A batch is stale when its newest point is older than three of its usual intervals (and over an hour). */
function isStale(series, now) {
    const latest = Math.max(...series.map((s) => s.t.at(-1) ?? -Infinity));
    if (!Number.isFinite(latest))
        return false;
    const gaps = series.flatMap((s) => s.t.slice(1).map((t, i) => t - (s.t[i] ?? t))).filter((g) => g > 0).sort((a, b) => a - b);
    const usual = gaps[Math.floor(gaps.length / 2)] ?? 3_600_000;
    return now.getTime() - latest > Math.max(3 * usual, 3_600_000);
}
function batchCard(batch, series, now) {
    const events = series.flatMap((s) => s.events);
    const scores = series.flatMap((s) => s.score.filter((x) => x !== null));
    const feedback = events.filter((e) => e.kind === 'feedback');
    const latest = Math.max(...series.map((s) => s.t.at(-1) ?? -Infinity));
    return {
        batch,
        metrics: series.length,
        latestAt: Number.isFinite(latest) ? latest : null,
        meanScore: scores.length > 0 ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
        alerts: events.filter((e) => e.kind === 'alert' || e.kind === 'tholdalert').length,
        changes: events.filter((e) => e.kind === 'change').length,
        llmAlerts: events.filter((e) => e.kind === 'llmalert').length,
        feedbackPrecision: feedback.length > 0 ? feedback.filter((e) => e.value > 0).length / feedback.length : null,
        stale: isStale(series, now),
        state: series.length > 0 ? 'ok' : 'no data',
    };
}
/** Most alerts first, then the highest mean score: the batches to look at first lead. */
function sortCards(cards) {
    return cards.sort((a, b) => b.alerts - a.alerts || (b.meanScore ?? -1) - (a.meanScore ?? -1) || a.batch.localeCompare(b.batch));
}
function homePage(cards, now) {
    const items = cards.map((c) => {
        const link = c.state === 'ok' || c.state === 'no data' ? `<a href="batch/${(0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .esc */ .UQ)((0,_sources_js__WEBPACK_IMPORTED_MODULE_0__/* .fileSafe */ .Y)(c.batch))}.html">${(0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .esc */ .UQ)(c.batch)}</a>` : (0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .esc */ .UQ)(c.batch);
        const latest = c.latestAt === null ? '–' : `${(0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .esc */ .UQ)((0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .ago */ .KN)(c.latestAt, now))}${c.stale ? ' <span class="stale">(stale)</span>' : ''}`;
        const row = (label, value) => `<dt>${label}</dt><dd>${value}</dd>`;
        return `<li class="card" data-metric="${(0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .esc */ .UQ)(c.batch)}"><h2>${link}</h2>
<dl>${row('state', (0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .esc */ .UQ)(c.state))}${row('metrics', String(c.metrics))}${row('latest point', latest)}${row('mean score', (0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(c.meanScore, 2))}${row('alerts', c.alerts > 0 ? `<span class="bad">${c.alerts}</span>` : '0')}${row('changes', String(c.changes))}${row('LLM alerts', String(c.llmAlerts))}${row('feedback precision', c.feedbackPrecision === null ? '–' : `${(0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(c.feedbackPrecision * 100, 3)}%`)}</dl></li>`;
    });
    const stale = cards.filter((c) => c.stale).length;
    const intro = `<p>${cards.length} batches · ${cards.reduce((n, c) => n + c.alerts, 0)} alerts${stale > 0 ? ` · <span class="stale">${stale} stale</span>` : ''}. Sorted by alerts, then mean anomaly score.</p>`;
    const controls = '<div class="controls"><label>Search batches <input type="search" id="search" autocomplete="off"></label><span id="shown" aria-live="polite"></span></div>';
    return (0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .page */ .MY)({ title: 'Metric batches', root: '', current: 'home', now, body: `${intro}\n${controls}\n<ul class="cards">\n${items.join('\n')}\n</ul>\n<p id="no-match" hidden>No batch matches.</p>` });
}
/** The anomalies of one batch's series with their lead-up, newest first. */
function anomalyItems(series, limit) {
    const items = [];
    for (const s of series) {
        for (const event of s.events) {
            if (!_plots_series_js__WEBPACK_IMPORTED_MODULE_2__/* .ANOMALY_KINDS */ .Kp.includes(event.kind))
                continue;
            let end = s.t.length;
            while (end > 0 && (s.t[end - 1] ?? 0) > event.t)
                end--;
            // A verdict is stored at its episode's first alert (see the alert job): it triages that alert.
            const verdict = s.events.find((e) => e.kind === 'feedback' && e.t === event.t);
            items.push({ batch: s.batch, metric: s.metric, event, context: s.value.slice(Math.max(0, end - 48), end), ...(verdict ? { verdict } : {}) });
        }
    }
    return items.sort((a, b) => b.event.t - a.event.t).slice(0, limit);
}
function anomaliesPage(items, now) {
    const rows = items.map((item) => {
        const meta = item.event.metadata ?? {};
        const score = typeof meta['score'] === 'number' ? meta['score'] : item.event.kind === 'alert' ? item.event.value : null;
        const verdictMeta = item.verdict?.metadata ?? {};
        const issue = stringField(meta, ['issue_url', 'html_url']) ?? stringField(verdictMeta, ['source']);
        const triage = item.verdict ? (item.verdict.value > 0 ? 'confirmed' : 'false positive') : stringField(meta, ['triage', 'triage_state', 'issue_state']);
        const explanation = stringField(meta, ['explanation', 'llm_explanation']);
        const anchor = `batch/${(0,_sources_js__WEBPACK_IMPORTED_MODULE_0__/* .fileSafe */ .Y)(item.batch)}.html#m-${(0,_sources_js__WEBPACK_IMPORTED_MODULE_0__/* .fileSafe */ .Y)(item.metric)}`;
        return `<tr data-metric="${(0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .esc */ .UQ)(`${item.batch} ${item.metric}`)}"><td>${(0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .esc */ .UQ)((0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .isoMinute */ .A_)(item.event.t))}</td><td>${(0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .esc */ .UQ)(item.batch)}</td><td><a href="${(0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .esc */ .UQ)(anchor)}">${(0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .esc */ .UQ)(item.metric)}</a></td><td>${(0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .esc */ .UQ)(item.event.kind)}</td><td>${(0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(score, 2)}</td><td>${(0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .sparkline */ .KM)(item.context, `${item.metric} before the anomaly`, true)}</td><td>${explanation ? (0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .esc */ .UQ)(explanation) : ''}</td><td>${issue && /^https:\/\//.test(issue) ? `<a href="${(0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .esc */ .UQ)(issue)}">issue</a>` : ''}${triage ? ` ${(0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .esc */ .UQ)(triage)}` : ''}</td></tr>`;
    });
    const header = `<tr><th scope="col">time (UTC)</th><th scope="col">batch</th><th scope="col">metric</th><th scope="col">kind</th><th scope="col">score</th><th scope="col">lead-up</th><th scope="col">explanation</th><th scope="col">issue</th></tr>`;
    const controls = '<div class="controls"><label>Search metrics <input type="search" id="search" autocomplete="off"></label><span id="shown" aria-live="polite"></span></div>';
    const body = items.length === 0
        ? '<p>No anomalies yet.</p>'
        : `${controls}<table><caption>${items.length} newest anomalies</caption><thead>${header}</thead><tbody>\n${rows.join('\n')}\n</tbody></table><p id="no-match" hidden>No anomaly matches.</p>`;
    return (0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .page */ .MY)({ title: 'Anomalies', root: '', current: 'anomalies', now, body });
}
function stringField(meta, keys) {
    for (const key of keys)
        if (typeof meta[key] === 'string' && meta[key] !== '')
            return meta[key];
    return null;
}


/***/ }),

/***/ 6433:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A_: () => (/* binding */ isoMinute),
/* harmony export */   Gw: () => (/* binding */ jsonBlock),
/* harmony export */   KM: () => (/* binding */ sparkline),
/* harmony export */   KN: () => (/* binding */ ago),
/* harmony export */   MY: () => (/* binding */ page),
/* harmony export */   UQ: () => (/* binding */ esc),
/* harmony export */   bu: () => (/* binding */ num),
/* harmony export */   tp: () => (/* binding */ table)
/* harmony export */ });
/* unused harmony export CONTENT_SECURITY_POLICY */
/** Escapes text for HTML element content and double-quoted attributes. */
function esc(text) {
    return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
/** JSON for a `<script type="application/json">` block: `<` escaped so no data can close the element. */
function jsonBlock(id, value) {
    return `<script type="application/json" id="${esc(id)}">${JSON.stringify(value).replace(/</g, '\\u003c')}</script>`;
}
/**
 * The policy the pages carry: everything from the site itself, no inline script and no eval (charts
 * evaluate Vega expressions with vega-interpreter instead of compiling them with `Function`).
 */
const CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";
function page(options) {
    const nav = (key, href, label) => `<a href="${options.root}${href}"${options.current === key ? ' aria-current="page"' : ''}>${label}</a>`;
    const scripts = options.charts
        ? `<script src="${options.root}assets/vega.min.js" defer></script>\n<script src="${options.root}assets/vega-interpreter.js" defer></script>\n<script src="${options.root}assets/site.js" defer></script>`
        : `<script src="${options.root}assets/site.js" defer></script>`;
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
<title>${esc(options.title)} · anomstack</title>
<link rel="stylesheet" href="${options.root}assets/site.css">
${scripts}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header><nav aria-label="Report">${nav('home', 'index.html', 'Batches')} ${nav('anomalies', 'anomalies.html', 'Anomalies')} ${nav('runs', 'runs.html', 'Runs')}</nav></header>
<main id="main">
<h1>${esc(options.title)}</h1>
${options.body}
</main>
<footer>Generated by anomstack at ${esc(isoMinute(options.now.getTime()))} UTC</footer>
</body>
</html>
`;
}
function table(caption, header, rows, className = '') {
    const head = header.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
    const body = rows.map((r) => `<tr>${r.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('\n');
    return `<table${className ? ` class="${className}"` : ''}><caption>${esc(caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}
function isoMinute(ms) {
    return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}
/** "3 h ago", "2 d ago": how old the newest point is, as a reader scans it. */
function ago(ms, now) {
    const minutes = Math.max(0, Math.round((now.getTime() - ms) / 60_000));
    if (minutes < 60)
        return `${minutes} min ago`;
    const hours = Math.round(minutes / 60);
    if (hours < 48)
        return `${hours} h ago`;
    return `${Math.round(hours / 24)} d ago`;
}
function num(value, digits = 3) {
    if (value === null || !Number.isFinite(value))
        return '–';
    return Math.abs(value) >= 1000 ? Math.round(value).toLocaleString('en-US') : String(Number(value.toPrecision(digits)));
}
/** A tiny inline line chart (no script needed), for tables and cards. */
function sparkline(values, label, highlightLast = false) {
    const width = 120;
    const height = 28;
    if (values.length < 2)
        return '';
    const min = Math.min(...values);
    const span = Math.max(...values) - min || 1;
    const x = (i) => (i / (values.length - 1)) * (width - 4) + 2;
    const y = (v) => height - 2 - ((v - min) / span) * (height - 4);
    const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    const last = values.length - 1;
    const dot = highlightLast ? `<circle cx="${x(last).toFixed(1)}" cy="${y(values[last] ?? 0).toFixed(1)}" r="2.5" class="spark-dot"/>` : '';
    return `<svg class="spark" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(label)}"><polyline points="${points}" class="spark-line"/>${dot}</svg>`;
}


/***/ }),

/***/ 5756:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QX: () => (/* binding */ runsPage),
/* harmony export */   W2: () => (/* binding */ configPage)
/* harmony export */ });
/* unused harmony export repositoryLink */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var _html_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6433);
/* harmony import */ var _sources_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1496);




/** Where the batch's YAML lives in the repository, when running in GitHub Actions. */
function repositoryLink(batch, env) {
    const server = env['GITHUB_SERVER_URL'];
    const repo = env['GITHUB_REPOSITORY'];
    const ref = env['GITHUB_SHA'] ?? env['GITHUB_REF_NAME'];
    if (!server || !repo || !ref || !/^https:\/\//.test(server))
        return null;
    // The checkout's root (GITHUB_WORKSPACE) is the repository's root; batch.file is relative to the cwd.
    const root = env['GITHUB_WORKSPACE'] ?? process.cwd();
    const file = node_path__WEBPACK_IMPORTED_MODULE_0___default().relative(root, node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(batch.file)).split((node_path__WEBPACK_IMPORTED_MODULE_0___default().sep)).join('/');
    if (file.startsWith('../') || file.startsWith('/'))
        return null;
    return `${server}/${repo}/blob/${encodeURIComponent(ref)}/${file.split('/').map(encodeURIComponent).join('/')}`;
}
/** The batch's effective config: every layer merged, as the jobs saw it. */
function configPage(batch, env, now) {
    const link = repositoryLink(batch, env);
    const source = link ? `<a href="${(0,_html_js__WEBPACK_IMPORTED_MODULE_3__/* .esc */ .UQ)(link)}">${(0,_html_js__WEBPACK_IMPORTED_MODULE_3__/* .esc */ .UQ)(batch.file)}</a>` : `<code>${(0,_html_js__WEBPACK_IMPORTED_MODULE_3__/* .esc */ .UQ)(batch.file)}</code>`;
    const body = `<p><a href="${(0,_html_js__WEBPACK_IMPORTED_MODULE_3__/* .esc */ .UQ)((0,_sources_js__WEBPACK_IMPORTED_MODULE_2__/* .fileSafe */ .Y)(batch.name))}.html">Back to the charts</a></p>
<p>Defaults, <code>defaults.yaml</code>, ${source} and <code>ANOMSTACK_*</code> variables merged.</p>
<pre>${(0,_html_js__WEBPACK_IMPORTED_MODULE_3__/* .esc */ .UQ)((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .stringify */ .As)(batch.config))}</pre>`;
    return (0,_html_js__WEBPACK_IMPORTED_MODULE_3__/* .page */ .MY)({ title: `Config of ${batch.name}`, root: '../', now, body });
}
/** Job runs from the run log (durations, points ingested, status) and alerts per day. */
function runsPage(batches, now) {
    const sections = batches.map((b) => {
        const runs = (0,_html_js__WEBPACK_IMPORTED_MODULE_3__/* .table */ .tp)(`${b.batch}: the newest ${b.runs.length} job runs`, ['started (UTC)', 'job', 'status', 'duration', 'ingested', 'scored', 'alerts', 'message'], b.runs.map((r) => [
            (0,_html_js__WEBPACK_IMPORTED_MODULE_3__/* .esc */ .UQ)((0,_html_js__WEBPACK_IMPORTED_MODULE_3__/* .isoMinute */ .A_)(r.startedAt.getTime())),
            (0,_html_js__WEBPACK_IMPORTED_MODULE_3__/* .esc */ .UQ)(r.job),
            r.status === 'ok' ? 'ok' : '<span class="bad">failed</span>',
            r.ms < 1000 ? `${Math.round(r.ms)} ms` : `${(r.ms / 1000).toFixed(1)} s`,
            String(r.counts['ingested'] ?? ''),
            String(r.counts['scored'] ?? ''),
            String((r.counts['alerts'] ?? 0) + (r.counts['tholdalerts'] ?? 0) || ''),
            (0,_html_js__WEBPACK_IMPORTED_MODULE_3__/* .esc */ .UQ)(r.message),
        ]));
        const perDay = b.alertsPerDay.length === 0
            ? '<p>No alerts recorded.</p>'
            : (0,_html_js__WEBPACK_IMPORTED_MODULE_3__/* .table */ .tp)(`${b.batch}: alerts per day`, ['day', 'alerts'], b.alertsPerDay.map((d) => [(0,_html_js__WEBPACK_IMPORTED_MODULE_3__/* .esc */ .UQ)(d.day), String(d.alerts)]));
        return `<section id="runs-${(0,_html_js__WEBPACK_IMPORTED_MODULE_3__/* .esc */ .UQ)((0,_sources_js__WEBPACK_IMPORTED_MODULE_2__/* .fileSafe */ .Y)(b.batch))}"><h2>${(0,_html_js__WEBPACK_IMPORTED_MODULE_3__/* .esc */ .UQ)(b.batch)}</h2>\n${b.runs.length === 0 ? '<p>No runs logged yet.</p>' : runs}\n${perDay}</section>`;
    });
    return (0,_html_js__WEBPACK_IMPORTED_MODULE_3__/* .page */ .MY)({ title: 'Runs', root: '', current: 'runs', now, body: sections.join('\n') || '<p>No batches.</p>' });
}


/***/ }),

/***/ 2727:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ alertsPerDay)
/* harmony export */ });
/* harmony import */ var _store_duckdb_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6002);

/** Alerts (of every alert kind) per UTC day for one batch, newest day first. */
async function alertsPerDay(db, table, batch, days) {
    const rows = await db.all(`SELECT strftime(date_trunc('day', metric_timestamp), '%Y-%m-%d') AS day, count(*) AS alerts
     FROM ${(0,_store_duckdb_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteIdentifier */ .C)(table)}
     WHERE metric_batch = $batch AND metric_type IN ('alert', 'tholdalert', 'llmalert')
     GROUP BY ALL ORDER BY day DESC LIMIT $days`, { batch, days });
    return rows.map((row) => ({ day: String(row['day']), alerts: Number(row['alerts']) }));
}


/***/ }),

/***/ 9444:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ readBatchSeries)
/* harmony export */ });
/* unused harmony export readEvents */
/* harmony import */ var _store_duckdb_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6002);
/* harmony import */ var _plots_series_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4551);


/**
 * Every metric of a batch with its scores and events, in one pass over the long table: the report and
 * the plot job read whole batches, and one query is far cheaper than one per metric and type.
 */
async function readBatchSeries(db, table, batch, filter = {}) {
    const quoted = (0,_store_duckdb_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteIdentifier */ .C)(table);
    const sinceIso = (filter.since ?? new Date(0)).toISOString();
    const metric = filter.metric ?? null;
    const points = await db.connection.runAndReadAll(`SELECT m.metric_name, epoch_ms(m.metric_timestamp) AS t, m.metric_value AS value, s.metric_value AS score
     FROM ${quoted} m
     LEFT JOIN ${quoted} s ON s.metric_batch = m.metric_batch AND s.metric_name = m.metric_name
       AND s.metric_type = 'score' AND s.metric_timestamp = m.metric_timestamp
     WHERE m.metric_batch = $batch AND m.metric_type = 'metric' AND m.metric_timestamp >= $since::TIMESTAMP
       AND ($metric::VARCHAR IS NULL OR m.metric_name = $metric)
     ORDER BY m.metric_name, m.metric_timestamp`, { batch, since: sinceIso, metric });
    const byMetric = new Map();
    // Columns rather than row objects: a 90-day batch of 1,000 metrics is millions of rows.
    const [names, times, values, scores] = points.getColumnsJS();
    for (let i = 0; i < (names?.length ?? 0); i++) {
        const metric = String(names?.[i]);
        let series = byMetric.get(metric);
        if (!series) {
            series = { batch, metric, t: [], value: [], score: [], events: [] };
            byMetric.set(metric, series);
        }
        series.t.push(Number(times?.[i]));
        series.value.push(Number(values?.[i]));
        const score = scores?.[i];
        series.score.push(score === null || score === undefined ? null : Number(score));
    }
    // readEvents lists newest first; a series keeps its events oldest first, like its points.
    for (const event of (await readEvents(db, table, { batch, since: sinceIso, ...(metric ? { metric } : {}) })).reverse()) {
        byMetric.get(event.metric)?.events.push(event);
    }
    return [...byMetric.values()];
}
/** Alert, change, threshold-alert, LLM-alert and feedback rows, newest first. */
async function readEvents(db, table, filter) {
    const kinds = filter.kinds ?? _plots_series_js__WEBPACK_IMPORTED_MODULE_1__/* .EVENT_KINDS */ .dP;
    // Triage feedback is stored as Anomstack's `thumbsup` / `thumbsdown` rows; the report shows both as
    // `feedback`, +1 for a confirmed anomaly and -1 for a false positive.
    const types = kinds.flatMap((k) => (k === 'feedback' ? ['thumbsup', 'thumbsdown'] : [k]));
    const rows = await db.all(`SELECT metric_batch, metric_name, metric_type, epoch_ms(metric_timestamp) AS t, metric_value, metadata
     FROM ${(0,_store_duckdb_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteIdentifier */ .C)(table)}
     WHERE ($batch::VARCHAR IS NULL OR metric_batch = $batch)
       AND ($metric::VARCHAR IS NULL OR metric_name = $metric)
       AND metric_timestamp >= coalesce($since::TIMESTAMP, '-infinity'::TIMESTAMP)
       AND metric_type IN (SELECT unnest(string_split($kinds, ',')))
     ORDER BY metric_timestamp DESC, metric_batch, metric_name
     LIMIT $limit`, { batch: filter.batch ?? null, metric: filter.metric ?? null, since: filter.since ?? null, kinds: types.join(','), limit: filter.limit ?? 1_000_000 });
    return rows.map((row) => {
        const type = String(row['metric_type']);
        const verdict = type === 'thumbsup' ? 1 : type === 'thumbsdown' ? -1 : null;
        return {
            batch: String(row['metric_batch']),
            metric: String(row['metric_name']),
            kind: (verdict === null ? type : 'feedback'),
            t: Number(row['t']),
            value: verdict ?? Number(row['metric_value']),
            metadata: parseMetadata(row['metadata']),
        };
    });
}
function parseMetadata(raw) {
    if (typeof raw !== 'string' || raw === '')
        return null;
    try {
        const parsed = JSON.parse(raw);
        return parsed && typeof parsed === 'object' ? parsed : null;
    }
    catch {
        return null;
    }
}


/***/ }),

/***/ 1496:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ openSources),
/* harmony export */   Y: () => (/* binding */ fileSafe)
/* harmony export */ });
/* harmony import */ var _config_discover_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7307);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7780);
/* harmony import */ var _store_duckdb_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6002);



/** The batches and their databases (one handle per file, as `runJobs` opens them); `close()` when done. */
async function openSources(options) {
    const loaded = await (0,_config_load_js__WEBPACK_IMPORTED_MODULE_1__/* .loadBatches */ .P)(options.metricsDir, {
        env: options.env ?? process.env,
        only: options.batches ?? [],
        ...(options.defaults ? { defaults: options.defaults } : {}),
    });
    const databases = new Map();
    const batches = [];
    try {
        for (const batch of loaded.batches) {
            const file = batch.config.duckdb_path;
            // Reading must not create an empty database where no job wrote one yet.
            const db = databases.get(file) ?? ((await (0,_config_discover_js__WEBPACK_IMPORTED_MODULE_0__/* .isFile */ .fo)(file)) ? await _store_duckdb_js__WEBPACK_IMPORTED_MODULE_2__/* .DuckDb */ .e.open(file) : null);
            if (db)
                databases.set(file, db);
            batches.push({ batch, db });
        }
    }
    catch (error) {
        for (const db of databases.values())
            db.close();
        throw error;
    }
    return {
        batches,
        failures: loaded.failures,
        warnings: loaded.warnings,
        close: () => {
            for (const db of databases.values())
                db.close();
        },
    };
}
/** A metric or batch name as a file name: readable where it can be, never a path. */
function fileSafe(name) {
    const safe = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '_');
    return safe === name ? safe : `${safe}-${shortHash(name)}`;
}
function shortHash(text) {
    let hash = 2166136261;
    for (let i = 0; i < text.length; i++)
        hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
    return (hash >>> 0).toString(36);
}


/***/ }),

/***/ 1693:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   writeReport: () => (/* binding */ writeReport)
/* harmony export */ });
/* unused harmony export classicInterpreter */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _plots_series_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4551);
/* harmony import */ var _store_run_log_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2671);
/* harmony import */ var _batch_page_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1664);
/* harmony import */ var _home_page_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1939);
/* harmony import */ var _meta_pages_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5756);
/* harmony import */ var _runs_query_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2727);
/* harmony import */ var _series_query_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9444);
/* harmony import */ var _sources_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1496);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_batch_page_js__WEBPACK_IMPORTED_MODULE_3__]);
_batch_page_js__WEBPACK_IMPORTED_MODULE_3__ = (__webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__)[0];










/**
 * The site's files, each named with `new URL(literal, import.meta.url)`: the form ncc recognises, so the
 * bundled CLI and action carry them as assets too. Vega's browser build is not in its package exports,
 * hence the path into node_modules.
 */
const ASSETS = [
    [new URL(/* asset import */ __webpack_require__(1352), __webpack_require__.b), 'vega.min.js'],
    [new URL(/* asset import */ __webpack_require__(9825), __webpack_require__.b), 'vega-LICENSE.txt'],
    [new URL(/* asset import */ __webpack_require__(6600), __webpack_require__.b), 'vega-interpreter.js'],
    [new URL(/* asset import */ __webpack_require__(7020), __webpack_require__.b), 'vega-interpreter-LICENSE.txt'],
    [new URL(/* asset import */ __webpack_require__(6726), __webpack_require__.b), 'site.js'],
    [new URL(/* asset import */ __webpack_require__(7), __webpack_require__.b), 'site.css'],
];
/**
 * Writes the static report site into `outDir`: `index.html` (one card per batch), `batch/<batch>.html`
 * (charts), `batch/<batch>.config.html`, `anomalies.html`, `runs.html` and `assets/` (Vega, script, CSS).
 * Everything is relative and local, so the folder works from GitHub Pages, any static server or offline.
 * Re-running replaces what an earlier run wrote.
 */
async function writeReport(options) {
    const now = options.now ?? new Date();
    const env = options.env ?? process.env;
    const sources = await (0,_sources_js__WEBPACK_IMPORTED_MODULE_8__/* .openSources */ .H)({ ...options, env });
    const files = [];
    const cards = [];
    const anomalies = [];
    const runs = [];
    try {
        for (const { batch, db } of sources.batches) {
            const full = db ? await (0,_series_query_js__WEBPACK_IMPORTED_MODULE_7__/* .readBatchSeries */ .K)(db, batch.config.table_key, batch.name) : [];
            const stats = new Map(full.map((s) => [s.metric, (0,_plots_series_js__WEBPACK_IMPORTED_MODULE_9__/* .seriesStats */ .T6)(s)]));
            const card = (0,_home_page_js__WEBPACK_IMPORTED_MODULE_4__/* .batchCard */ .JM)(batch.name, full, now);
            cards.push(batch.config.disable_batch && full.length === 0 ? { ...card, state: 'disabled' } : card);
            anomalies.push(...(0,_home_page_js__WEBPACK_IMPORTED_MODULE_4__/* .anomalyItems */ .aN)(full, options.anomalyLimit ?? 500));
            const shown = full.map((s) => (0,_plots_series_js__WEBPACK_IMPORTED_MODULE_9__/* .downsample */ .Jd)(s, options.maxPoints ?? 500));
            const staticSvg = shown.length <= (options.staticSvgMaxMetrics ?? 50);
            files.push(...(await (0,_batch_page_js__WEBPACK_IMPORTED_MODULE_3__/* .batchPage */ .Kk)({ batch, series: shown, stats, now, staticSvg })));
            files.push({ path: `batch/${(0,_sources_js__WEBPACK_IMPORTED_MODULE_8__/* .fileSafe */ .Y)(batch.name)}.config.html`, content: (0,_meta_pages_js__WEBPACK_IMPORTED_MODULE_5__/* .configPage */ .W2)(batch, env, now) });
            if (db) {
                runs.push({
                    batch: batch.name,
                    runs: await new _store_run_log_js__WEBPACK_IMPORTED_MODULE_2__/* .RunLog */ .s(db).recent(batch.name, options.runLimit ?? 100),
                    alertsPerDay: await (0,_runs_query_js__WEBPACK_IMPORTED_MODULE_6__/* .alertsPerDay */ .N)(db, batch.config.table_key, batch.name, 30),
                });
            }
        }
    }
    finally {
        sources.close();
    }
    for (const failure of sources.failures) {
        cards.push({ batch: failure.name, metrics: 0, latestAt: null, meanScore: null, alerts: 0, changes: 0, llmAlerts: 0, feedbackPrecision: null, stale: false, state: 'invalid config' });
    }
    anomalies.sort((a, b) => b.event.t - a.event.t);
    files.push({ path: 'index.html', content: (0,_home_page_js__WEBPACK_IMPORTED_MODULE_4__/* .homePage */ .PX)((0,_home_page_js__WEBPACK_IMPORTED_MODULE_4__/* .sortCards */ .qq)(cards), now) });
    files.push({ path: 'anomalies.html', content: (0,_home_page_js__WEBPACK_IMPORTED_MODULE_4__/* .anomaliesPage */ .DD)(anomalies.slice(0, options.anomalyLimit ?? 500), now) });
    files.push({ path: 'runs.html', content: (0,_meta_pages_js__WEBPACK_IMPORTED_MODULE_5__/* .runsPage */ .QX)(runs, now) });
    // Pages of batches that no longer exist must not linger from an earlier report.
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(options.outDir, 'batch'), { recursive: true, force: true });
    let bytes = await writeAssets(options.outDir);
    for (const file of files) {
        const target = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(options.outDir, file.path);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(target), { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(target, file.content);
        bytes += Buffer.byteLength(file.content);
    }
    return { pages: files.filter((f) => f.path.endsWith('.html')).length, bytes, index: node_path__WEBPACK_IMPORTED_MODULE_1___default().join(options.outDir, 'index.html') };
}
/** The site's own copies of Vega (with its licence), the script and the stylesheet: no CDN. */
async function writeAssets(outDir) {
    const target = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(outDir, 'assets');
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(target, { recursive: true });
    let bytes = 0;
    for (const [from, name] of ASSETS) {
        if (name === 'vega-interpreter.js') {
            const script = classicInterpreter(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(from, 'utf8'));
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(target, name), script);
            bytes += Buffer.byteLength(script);
            continue;
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.copyFile)(from, node_path__WEBPACK_IMPORTED_MODULE_1___default().join(target, name));
        bytes += (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(from)).size;
    }
    return bytes;
}
/**
 * vega-interpreter ships only as an ES module importing `vega-util`; the page loads Vega's UMD build, which
 * carries the same functions. Turned into a classic script that takes them from the `vega` global and adds
 * `vega.expressionInterpreter`, it needs neither an import map (inline script) nor eval.
 */
function classicInterpreter(source) {
    const imports = /^import \{([^}]*)\} from 'vega-util';$/m;
    const exported = /^export \{ expression as expressionInterpreter \};$/m;
    if (!imports.test(source) || !exported.test(source))
        throw new Error('vega-interpreter: unexpected module layout; update classicInterpreter');
    const body = source.replace(imports, (_, names) => `const {${names}} = vega;`).replace(exported, 'vega.expressionInterpreter = expression;');
    return `(function (vega) {\n${body}\n})(self.vega);\n`;
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } });

/***/ }),

/***/ 6600:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

module.exports = __webpack_require__.p + "d0623d0fcd4aaa2f3cd9.js";

/***/ }),

/***/ 1352:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

module.exports = __webpack_require__.p + "26aa1e380f3b46d8f626.js";

/***/ }),

/***/ 6726:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

module.exports = __webpack_require__.p + "61d72ee4a2d19c2c981d.js";

/***/ }),

/***/ 7020:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

module.exports = __webpack_require__.p + "fc38917109f3b65f98f0";

/***/ }),

/***/ 9825:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

module.exports = __webpack_require__.p + "fc38917109f3b65f98f0";

/***/ }),

/***/ 7:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

module.exports = __webpack_require__.p + "4a254b35ce765fbbfd5f.css";

/***/ })

};

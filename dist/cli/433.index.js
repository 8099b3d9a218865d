export const id = 433;
export const ids = [433];
export const modules = {

/***/ 3433:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   plotBatches: () => (/* binding */ plotBatches)
/* harmony export */ });
/* unused harmony export alertPlot */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _plots_spec_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2417);
/* harmony import */ var _plots_render_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3602);
/* harmony import */ var _plots_series_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4551);
/* harmony import */ var _report_series_query_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9444);
/* harmony import */ var _report_sources_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1496);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_plots_render_js__WEBPACK_IMPORTED_MODULE_3__]);
_plots_render_js__WEBPACK_IMPORTED_MODULE_3__ = (__webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__)[0];







/**
 * The plot job: for every batch, `<outDir>/<batch>/metrics/<metric>.svg` and `.png` (the alert attachments) and
 * `<outDir>/<batch>/batch.svg` / `.png` with one panel per metric. Re-running overwrites the same files.
 */
async function plotBatches(options) {
    const sources = await (0,_report_sources_js__WEBPACK_IMPORTED_MODULE_5__/* .openSources */ .H)(options);
    const result = { files: [], bytes: 0 };
    const write = async (file, content) => {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(file, content);
        result.files.push(file);
        result.bytes += Buffer.byteLength(content);
    };
    try {
        for (const { batch, db } of sources.batches) {
            if (!db || batch.config.disable_batch)
                continue;
            const series = (await (0,_report_series_query_js__WEBPACK_IMPORTED_MODULE_4__/* .readBatchSeries */ .K)(db, batch.config.table_key, batch.name)).map((s) => (0,_plots_series_js__WEBPACK_IMPORTED_MODULE_6__/* .downsample */ .Jd)(s, options.maxPoints ?? 500));
            if (series.length === 0)
                continue;
            const dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(options.outDir, (0,_report_sources_js__WEBPACK_IMPORTED_MODULE_5__/* .fileSafe */ .Y)(batch.name));
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'metrics'), { recursive: true });
            const threshold = batch.config.alert_threshold;
            for (const s of series) {
                const svg = await (0,_plots_render_js__WEBPACK_IMPORTED_MODULE_3__/* .renderSvg */ .lW)((0,_plots_spec_js__WEBPACK_IMPORTED_MODULE_2__/* .metricChart */ .VX)(s, { threshold, title: `${batch.name} · ${s.metric}` }));
                await write(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'metrics', `${(0,_report_sources_js__WEBPACK_IMPORTED_MODULE_5__/* .fileSafe */ .Y)(s.metric)}.svg`), svg);
                await write(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'metrics', `${(0,_report_sources_js__WEBPACK_IMPORTED_MODULE_5__/* .fileSafe */ .Y)(s.metric)}.png`), (await (0,_plots_render_js__WEBPACK_IMPORTED_MODULE_3__/* .svgToPng */ .Tm)(svg)).png);
            }
            const svg = await (0,_plots_render_js__WEBPACK_IMPORTED_MODULE_3__/* .renderSvg */ .lW)((0,_plots_spec_js__WEBPACK_IMPORTED_MODULE_2__/* .batchChart */ .Pj)(batch.name, series, { threshold, height: 120 }));
            await write(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'batch.svg'), svg);
            await write(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'batch.png'), (await (0,_plots_render_js__WEBPACK_IMPORTED_MODULE_3__/* .svgToPng */ .Tm)(svg, 1)).png);
        }
    }
    finally {
        sources.close();
    }
    return result;
}
/**
 * One metric's chart for an alert message (GitHub issue, Slack, email): its newest `points` points,
 * the batch's `alert_max_n` by default, with scores, threshold and events. Null when the metric has no points.
 */
async function alertPlot(store, batch, metric, points = batch.config.alert_max_n) {
    const [series] = await readBatchSeries(store.db, store.table, batch.name, { metric });
    if (!series)
        return null;
    const shown = lastPoints(series, points);
    const rendered = await renderPng(metricChart(shown, { threshold: batch.config.alert_threshold, title: `${batch.name} · ${metric}` }));
    return { ...rendered, points: shown.t.length };
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } });

/***/ }),

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


/***/ })

};

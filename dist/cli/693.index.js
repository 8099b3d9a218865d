export const id = 693;
export const ids = [693];
export const modules = {

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
            body: `${controls}\n${empty}${sections.join('\n')}\n<p><button type="button" id="more" hidden>Show more metrics</button></p>\n<p id="no-match" hidden>No metric matches.</p>\n${(0,_html_js__WEBPACK_IMPORTED_MODULE_4__/* .jsonBlock */ .Gw)('batch-data', data)}`,
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
            String((r.counts['alerts'] ?? 0) + (r.counts['tholdalerts'] ?? 0) + (r.counts['llmalerts'] ?? 0) || ''),
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

module.exports = __webpack_require__.p + "661eb3760b8765399dfe.js";

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

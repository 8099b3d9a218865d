/* global vega, document, window, console, IntersectionObserver */
// The report's only script: search and window selection everywhere, charts drawn with the bundled Vega
// runtime as they scroll into view. Loaded from a file (no inline script) so the pages keep a strict CSP.
(function () {
  'use strict';
  const KINDS = ['alert', 'change', 'tholdalert', 'llmalert', 'feedback'];

  // Sections shown at first and added per step: a batch of a thousand metrics opens as fast as one of fifty.
  // Without JavaScript every section stays visible.
  const STEP = 50;

  function setupSearchAndMore() {
    const search = document.getElementById('search');
    const items = Array.from(document.querySelectorAll('[data-metric]'));
    if (items.length === 0) return;
    const shown = document.getElementById('shown');
    const noMatch = document.getElementById('no-match');
    const more = document.getElementById('more');
    let limit = STEP;

    function update() {
      const query = search ? search.value.trim().toLowerCase() : '';
      let matches = 0;
      let visible = 0;
      for (const item of items) {
        const match = item.getAttribute('data-metric').toLowerCase().includes(query);
        if (match) matches++;
        // A search looks through every metric; browsing pages through them STEP at a time.
        item.hidden = !match || (query === '' && matches > limit);
        if (!item.hidden) visible++;
      }
      const left = matches - visible;
      if (more) {
        more.hidden = left === 0;
        more.textContent = 'Show ' + Math.min(STEP, left) + ' more of ' + left + ' metrics';
      }
      if (shown) shown.textContent = (query === '' && left > 0 ? visible + ' shown of ' : matches + ' of ') + items.length + ' metrics';
      if (noMatch) noMatch.hidden = matches > 0;
    }

    function showMore() {
      if (more && !more.hidden) {
        limit += STEP;
        update();
      }
    }

    if (search) search.addEventListener('input', update);
    if (more) {
      more.addEventListener('click', showMore);
      if ('IntersectionObserver' in window) {
        // Scrolling to the end of the list loads the next sections, like a feed.
        new IntersectionObserver(function (entries) {
          if (entries.some(function (e) { return e.isIntersecting; })) showMore();
        }, { rootMargin: '200px 0px' }).observe(more);
      }
    }
    update();
  }

  // Rows for one metric within a window: "n:100" (last points), "h:24" / "d:7" (a span before the newest).
  function windowRows(metric, choice) {
    const parts = choice.split(':');
    const kind = parts[0];
    const size = parts[1];
    let from = 0;
    const n = metric.t.length;
    if (kind === 'n' && size !== 'all') from = Math.max(0, n - Number(size));
    if ((kind === 'h' || kind === 'd') && n > 0) {
      const span = Number(size) * (kind === 'h' ? 3600 : 86400);
      const start = metric.t[n - 1] - span;
      while (from < n && metric.t[from] < start) from++;
    }
    const first = n > from ? metric.t[from] : Infinity;
    // A metric without any expected range has no lo/hi arrays: its points have no band.
    const lo = metric.lo || [];
    const hi = metric.hi || [];
    const points = [];
    for (let i = from; i < n; i++) {
      points.push({
        t: metric.t0 + metric.t[i] * 1000, value: metric.v[i], score: metric.s[i],
        low: lo[i] === undefined ? null : lo[i], high: hi[i] === undefined ? null : hi[i],
      });
    }
    const events = metric.e
      .filter(function (e) { return e[0] >= first; })
      .map(function (e) { return { t: metric.t0 + e[0] * 1000, kind: KINDS[e[1]], y: e[2] }; });
    return { points: points, events: events };
  }

  function setupCharts() {
    const block = document.getElementById('batch-data');
    if (!block || typeof vega === 'undefined') return;
    const data = JSON.parse(block.textContent);
    const dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
    const spec = dark ? data.specs.dark : data.specs.light;
    const select = document.getElementById('window');
    const views = new Map();

    function fill(el, view) {
      const rows = windowRows(data.metrics[Number(el.dataset.index)], select ? select.value : 'n:all');
      el.dataset.points = String(rows.points.length);
      return view.data('points', rows.points).data('events', rows.events).runAsync();
    }

    function draw(el) {
      if (views.has(el)) return;
      // Expressions are parsed to an AST and interpreted: the page's CSP allows no eval.
      const view = new vega.View(vega.parse(spec, null, { ast: true }), {
        renderer: 'svg', container: el, hover: true, expr: vega.expressionInterpreter,
      });
      views.set(el, view);
      fill(el, view).then(function () {
        el.dataset.rendered = 'true';
      }, function (error) {
        el.dataset.rendered = 'error';
        console.error('chart ' + el.dataset.index + ': ' + error);
      });
    }

    const charts = Array.from(document.querySelectorAll('.chart'));
    if ('IntersectionObserver' in window) {
      // Large batches: a chart is drawn only when it comes near the viewport.
      const observer = new IntersectionObserver(function (entries) {
        for (const entry of entries) {
          if (entry.isIntersecting) {
            observer.unobserve(entry.target);
            draw(entry.target);
          }
        }
      }, { rootMargin: '400px 0px' });
      charts.forEach(function (el) { observer.observe(el); });
    } else {
      charts.forEach(draw);
    }
    if (select) {
      select.addEventListener('change', function () {
        views.forEach(function (view, el) {
          el.dataset.rendered = 'updating';
          fill(el, view).then(function () { el.dataset.rendered = 'true'; });
        });
      });
    }
  }

  function start() {
    setupSearchAndMore();
    setupCharts();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/report/html.ts';
import { writeReport, type ReportResult } from '../../src/report/write.ts';
import { ensureChromium, launchChromium } from './chromium.ts';
import { NOW, POINTS, reportFixture, type ReportFixture } from './fixture.ts';
import { serveFolder } from './static-server.ts';

/** Screenshots kept as test artifacts (test-results/ is gitignored). */
const ARTIFACTS = path.resolve('test-results', 'report');
const chromium = await ensureChromium();
if (!chromium.ok) console.warn(`skipping the report's browser tests: ${chromium.reason}`);

describe.skipIf(!chromium.ok)('the report in Chromium', () => {
  let fixture: ReportFixture;
  let result: ReportResult;
  let server: Awaited<ReturnType<typeof serveFolder>>;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    fixture = await reportFixture();
    const outDir = path.join(fixture.ws.root, 'site');
    result = await writeReport({ metricsDir: fixture.ws.metricsDir, outDir, now: NOW, env: {} });
    server = await serveFolder(outDir);
    browser = await launchChromium();
    await mkdir(ARTIFACTS, { recursive: true });
  });
  beforeEach(() => {
    problems.length = 0;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await fixture?.ws.cleanup();
  });

  /** Opens a page, recording console errors, uncaught exceptions and failed requests as problems. */
  async function open(relative: string, options: { dark?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, colorScheme: options.dark ? 'dark' : 'light' });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${relative}: console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`${relative}: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`${relative}: request failed ${request.url()}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${relative}: ${response.status()} ${response.url()}`);
    });
    await page.goto(new URL(relative, server.url).href, { waitUntil: 'load' });
    return page;
  }

  /** Scrolls every chart into view and waits until each has drawn. */
  async function drawAll(page: Page): Promise<void> {
    for (const chart of await page.locator('.chart').all()) {
      await chart.scrollIntoViewIfNeeded();
      await page.waitForFunction((el) => el?.getAttribute('data-rendered') === 'true', await chart.elementHandle(), { timeout: 20_000 });
    }
  }

  it('writes every page and serves them without a console error', async () => {
    expect(result.pages).toBe(8); // home, anomalies, runs, and a chart page and a config page per batch
    for (const relative of ['index.html', 'anomalies.html', 'runs.html', 'batch/web.config.html', 'batch/ops.html']) {
      const page = await open(relative);
      await page.screenshot({ path: path.join(ARTIFACTS, `${relative.replace(/\//g, '_')}.png`), fullPage: true });
      await page.context().close();
    }
    expect(problems).toEqual([]);
  });

  it('draws every chart with marks, under the CSP and without a CDN', async () => {
    // Strict: no eval (Vega's expressions are interpreted) and no inline script or style.
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline/);
    for (const dark of [false, true]) {
      const page = await open('batch/web.html', { dark });
      await drawAll(page);
      const marks = await page.locator('.chart').evaluateAll((charts) =>
        charts.map((chart) => ({
          lines: chart.querySelectorAll('.mark-line path').length,
          symbols: chart.querySelectorAll('.mark-symbol path').length,
          points: Number(chart.getAttribute('data-points')),
          band: chart.querySelector('.expected_band_marks path')?.getAttribute('d') ?? '',
          legend: (chart.textContent ?? '').includes('expected range'),
        })),
      );
      expect(marks).toHaveLength(3);
      for (const chart of marks) {
        expect(chart.lines).toBeGreaterThanOrEqual(2); // value and score
        expect(chart.points).toBe(POINTS);
        // The score job stored an expected range with the scored points: a band behind the line, named in the legend.
        expect(chart.band).toMatch(/^M/);
        expect(chart.legend).toBe(true);
      }
      // The spiky metric carries the alert and the LLM alert and feedback rows written by the fixture.
      expect(Math.max(...marks.map((m) => m.symbols))).toBeGreaterThanOrEqual(3);
      await page.screenshot({ path: path.join(ARTIFACTS, `batch_web${dark ? '_dark' : ''}.png`), fullPage: true });
      await page.context().close();
    }
    expect(server.requests.filter((r) => r.endsWith('.js')).sort()).toContain('/assets/vega.min.js');
    expect(problems).toEqual([]);
  });

  it('filters metrics by name as the reader types', async () => {
    const page = await open('batch/web.html');
    await page.getByLabel('Search metrics').fill('lat');
    expect(await page.locator('section.metric:visible').evaluateAll((els) => els.map((e) => e.getAttribute('data-metric')))).toEqual(['latency']);
    await expect.poll(() => page.locator('#shown').textContent()).toBe('1 of 3 metrics');
    await page.getByLabel('Search metrics').fill('nothing-like-this');
    expect(await page.locator('#no-match').isVisible()).toBe(true);
    await page.getByLabel('Search metrics').fill('');
    expect(await page.locator('section.metric:visible').count()).toBe(3);
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('redraws the charts for the chosen window', async () => {
    const page = await open('batch/web.html');
    await drawAll(page);
    const pathOf = (): Promise<string> => page.locator('.chart').first().locator('.mark-line path').first().getAttribute('d').then(String);
    const before = await pathOf();
    await page.getByLabel('Window').selectOption('n:100');
    await drawAll(page);
    expect(await page.locator('.chart').evaluateAll((charts) => charts.map((c) => c.getAttribute('data-points')))).toEqual(['100', '100', '100']);
    expect(await pathOf()).not.toBe(before);
    await page.getByLabel('Window').selectOption('h:24');
    await drawAll(page);
    expect(await page.locator('.chart').first().getAttribute('data-points')).toBe('25'); // hourly: 24 h back from the newest point, both ends included
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('has links that resolve and a keyboard path to the controls and charts', async () => {
    const pages = ['index.html', 'anomalies.html', 'runs.html', 'batch/web.html', 'batch/web.config.html', 'batch/ops.html'];
    const checked = new Set<string>();
    for (const relative of pages) {
      const page = await open(relative);
      const hrefs = await page.locator('a[href]').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
      for (const href of hrefs) {
        const url = new URL(href, page.url());
        const link = url.href;
        if (url.origin !== new URL(server.url).origin || checked.has(link)) continue;
        checked.add(link);
        const response = await fetch(url);
        expect(response.status, `${relative} links to ${link}`).toBe(200);
        if (url.hash) expect(await response.text(), `${link} has its anchor`).toContain(`id="${url.hash.slice(1)}"`);
      }
      await page.context().close();
    }
    expect(checked.size).toBeGreaterThan(8);

    const page = await open('batch/web.html');
    const focused: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const active = page.locator(':focus');
      focused.push((await active.getAttribute('id')) || (await active.getAttribute('class')) || '');
    }
    expect(focused).toContain('search');
    expect(focused).toContain('window');
    expect(focused).toContain('chart-frame');
    const label = await page.locator('.chart-frame').first().getAttribute('aria-label');
    expect(label).toMatch(/^\w+: 300 points from 2026-01-07 \d\d:00 to 2026-01-20 00:00 UTC/);
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('lists anomalies newest first with their LLM explanation and issue link', async () => {
    const page = await open('anomalies.html');
    const rows = await Promise.all((await page.locator('tbody tr').all()).map((tr) => tr.locator('td').allTextContents()));
    const times = rows.map((r) => r[0] ?? '');
    expect(times).toEqual([...times].sort().reverse());
    const llm = rows.find((r) => r[3] === 'llmalert');
    expect(llm?.[6]).toBe('errors tripled within two hours');
    expect(await page.locator('a[href="https://github.com/acme/metrics/issues/7"]').count()).toBe(1);
    expect(await page.locator('svg.spark polyline').count()).toBe(rows.length);
    await page.context().close();
    expect(problems).toEqual([]);
  });
});

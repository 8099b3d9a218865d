import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJobs } from '../../src/jobs/run.ts';
import { writeReport } from '../../src/report/write.ts';
import { recordingReporter, seriesSql, tempMetrics, type TempWorkspace } from '../helpers/metrics-dir.ts';
import { ensureChromium, launchChromium } from './chromium.ts';
import { serveFolder } from './static-server.ts';

const METRICS = 120;
const NOW = new Date('2026-01-20T00:30:00Z');
const chromium = await ensureChromium();
if (!chromium.ok) console.warn(`skipping the report's load-more browser test: ${chromium.reason}`);

describe.skipIf(!chromium.ok)('a large batch page in Chromium', () => {
  let ws: TempWorkspace;
  let server: Awaited<ReturnType<typeof serveFolder>>;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    ws = await tempMetrics({});
    const names = Array.from({ length: METRICS }, (_, i) => `m${String(i).padStart(3, '0')}`);
    await ws.write({
      // Only what the page needs: stored points (training 120 metrics would test nothing more here).
      'wide/config.yaml': `duckdb_path: ${JSON.stringify(path.join(ws.root, 'wide.duckdb'))}\ndisable_train: true\ndisable_score: true\n`,
      'wide/query.sql': seriesSql({ metrics: names, n: 30, end: '2026-01-20 00:00:00' }),
    });
    const report = await runJobs({ metricsDir: ws.metricsDir, now: NOW, env: {}, reporter: recordingReporter(), channels: () => [] });
    expect(report.batches.map((b) => b.status)).toEqual(['ok']);
    const outDir = path.join(ws.root, 'site');
    await writeReport({ metricsDir: ws.metricsDir, outDir, now: NOW, env: {} });
    server = await serveFolder(outDir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await ws?.cleanup();
  });

  async function open(): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(new URL('batch/wide.html', server.url).href, { waitUntil: 'load' });
    return page;
  }

  const visible = (page: Page): Promise<number> => page.locator('section.metric:visible').count();

  it('opens with the first 50 metrics and loads the next ones as the reader scrolls or asks', async () => {
    const page = await open();
    expect(await page.locator('section.metric').count()).toBe(METRICS);
    expect(await visible(page)).toBe(50);
    expect(await page.locator('#shown').textContent()).toBe(`50 shown of ${METRICS} metrics`);

    // The button (for the keyboard, or a reader who would rather ask), pressed where it is.
    expect(await page.locator('#more').textContent()).toBe('Show 50 more of 70 metrics');
    await page.locator('#more').dispatchEvent('click');
    expect(await visible(page)).toBe(100);
    // Scrolling down to the end of the list loads the rest.
    await page.locator('#more').scrollIntoViewIfNeeded();
    await expect.poll(() => visible(page)).toBe(METRICS);
    expect(await page.locator('#more').isHidden()).toBe(true);
    // The newly shown sections draw their charts as they come into view.
    const chart = page.locator('section.metric .chart').nth(METRICS - 1);
    await chart.scrollIntoViewIfNeeded();
    await expect.poll(() => chart.getAttribute('data-rendered'), { timeout: 20_000 }).toBe('true');
    // Unscored metrics have no expected range: the template's band draws nothing and the legend does not list it.
    expect(await chart.locator('.expected_band_marks path').evaluateAll((paths) => paths.map((p) => p.getAttribute('d') ?? '').join(''))).toBe('');
    expect(await chart.locator('text', { hasText: 'expected range' }).count()).toBe(0);
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('searches every metric, not only the ones loaded so far', async () => {
    const page = await open();
    await page.getByLabel('Search metrics').fill('m11');
    expect(await page.locator('section.metric:visible').evaluateAll((els) => els.map((e) => e.getAttribute('data-metric'))))
      .toEqual(Array.from({ length: 10 }, (_, i) => `m11${i}`));
    expect(await page.locator('#shown').textContent()).toBe(`10 of ${METRICS} metrics`);
    await page.getByLabel('Search metrics').fill('');
    expect(await visible(page)).toBe(50);
    await page.context().close();
    expect(problems).toEqual([]);
  });
});

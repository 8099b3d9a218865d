import { access, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeReport } from '../../src/report/write.ts';
import { DuckDb } from '../../src/store/duckdb.ts';
import { MetricsTable } from '../../src/store/metrics-table.ts';
import { insertSeries, tempMetrics, type TempWorkspace } from '../helpers/metrics-dir.ts';

const NOW = new Date('2026-03-01T00:30:00Z');
const HOUR = 3_600_000;
let ws: TempWorkspace | undefined;
afterEach(async () => {
  await ws?.cleanup();
  ws = undefined;
});

/** `fresh`: a 3,000-point metric with one alert and a metric whose name is markup; `old`: stale for days; `broken`: bad config. */
async function workspace(): Promise<{ ws: TempWorkspace; outDir: string; alertAt: Date }> {
  ws = await tempMetrics({});
  const dbPath = path.join(ws.root, 'metrics.duckdb');
  await ws.write({
    'defaults.yaml': `duckdb_path: ${JSON.stringify(dbPath)}\n`,
    'fresh/config.yaml': 'ingest_sql: SELECT 1\n',
    'old/config.yaml': 'ingest_sql: SELECT 1\n',
    'broken/config.yaml': 'ingest_sql: SELECT 1\nalert_threshold: 5\n',
  });
  const db = await DuckDb.open(dbPath);
  const store = new MetricsTable(db, 'metrics');
  const stamps = await insertSeries(store, 'fresh', 'long', 3000, new Date(NOW.getTime() - 30 * 60_000));
  const alertAt = stamps[1500] ?? NOW;
  await store.insert([{ metric_timestamp: alertAt, metric_batch: 'fresh', metric_name: 'long', metric_type: 'alert', metric_value: 0.93, metadata: { score: 0.93 } }]);
  await insertSeries(store, 'fresh', '<b>x</b>', 50, new Date(NOW.getTime() - 30 * 60_000));
  await insertSeries(store, 'old', 'quiet', 50, new Date(NOW.getTime() - 72 * HOUR));
  db.close();
  return { ws, outDir: path.join(ws.root, 'site'), alertAt };
}

interface PageMetric {
  name: string;
  t0: number;
  t: number[];
  e: number[][];
  lo?: (number | null)[];
  hi?: (number | null)[];
}

function batchData(html: string): { metrics: PageMetric[] } {
  const json = /<script type="application\/json" id="batch-data">(.*?)<\/script>/s.exec(html)?.[1];
  if (!json) throw new Error('no batch data block');
  return JSON.parse(json) as { metrics: PageMetric[] };
}

describe('writeReport', () => {
  it('writes a card per batch, flags the stale one and lists the invalid one', async () => {
    const { ws, outDir } = await workspace();
    const result = await writeReport({ metricsDir: ws.metricsDir, outDir, now: NOW, env: {} });
    expect(result.pages).toBe(8); // home, anomalies, runs + chart and config page for fresh and old
    const home = await readFile(path.join(outDir, 'index.html'), 'utf8');
    const cards = [...home.matchAll(/<li class="card" data-metric="([^"]+)">(.*?)<\/li>/gs)].map((m) => ({ name: m[1], body: m[2] ?? '' }));
    expect(cards.map((c) => c.name)).toEqual(['fresh', 'broken', 'old']); // alerts first, then score (none), then name
    expect(cards.find((c) => c.name === 'old')?.body).toContain('(stale)');
    expect(cards.find((c) => c.name === 'fresh')?.body).not.toContain('(stale)');
    expect(cards.find((c) => c.name === 'broken')?.body).toContain('invalid config');
    expect(result.bytes).toBeGreaterThan(500_000); // Vega's runtime is part of the site
  });

  it("shows the triage labels' verdict (thumbsdown rows) on the anomaly list and as the batch's precision", async () => {
    const { ws, outDir, alertAt } = await workspace();
    const db = await DuckDb.open(path.join(ws.root, 'metrics.duckdb'));
    await new MetricsTable(db, 'metrics').insert([{
      metric_timestamp: alertAt, metric_batch: 'fresh', metric_name: 'long', metric_type: 'thumbsdown', metric_value: 1,
      metadata: { kind: 'anomaly', source: 'https://github.com/acme/metrics/issues/7' },
    }]);
    db.close();
    await writeReport({ metricsDir: ws.metricsDir, outDir, now: NOW, env: {} });
    const anomalies = await readFile(path.join(outDir, 'anomalies.html'), 'utf8');
    expect(anomalies).toContain('<a href="https://github.com/acme/metrics/issues/7">issue</a> false positive');
    const home = await readFile(path.join(outDir, 'index.html'), 'utf8');
    expect(home).toMatch(/<dt>feedback precision<\/dt><dd>0%<\/dd>/);
  });

  it('marks an alert a silence kept from the channels, and shows its severity and the score that crossed the threshold', async () => {
    const { ws, outDir, alertAt } = await workspace();
    const db = await DuckDb.open(path.join(ws.root, 'metrics.duckdb'));
    await new MetricsTable(db, 'metrics').insert([{
      metric_timestamp: new Date(alertAt.getTime() + HOUR), metric_batch: 'fresh', metric_name: 'long', metric_type: 'alert', metric_value: 1,
      metadata: {
        score: 0.999, smoothed_score: 0.871, threshold: 0.8, severity: 'warning', insight: 'Orders <b>fell</b> by half',
        silenced: { reason: 'warehouse <migration>', source: 'cli #3', until: null },
      },
    }]);
    db.close();
    await writeReport({ metricsDir: ws.metricsDir, outDir, now: NOW, env: {} });
    const anomalies = await readFile(path.join(outDir, 'anomalies.html'), 'utf8');
    expect(anomalies).toContain('<span class="silenced">silenced (cli #3: warehouse &#60;migration&#62;)</span>');
    expect(anomalies).toContain('<td>0.87</td>');
    expect(anomalies).toContain('<td>alert <span class="severity">warning</span></td>');
    expect(anomalies).toContain('Orders &#60;b&#62;fell&#60;/b&#62; by half');
  });

  it('thins a long history for display but keeps its alert, and describes the chart in words', async () => {
    const { ws, outDir, alertAt } = await workspace();
    await writeReport({ metricsDir: ws.metricsDir, outDir, now: NOW, env: {}, maxPoints: 400 });
    const html = await readFile(path.join(outDir, 'batch/fresh.html'), 'utf8');
    const long = batchData(html).metrics.find((m) => m.name === 'long');
    expect(long?.t.length).toBeLessThanOrEqual(402);
    expect(long?.t.length).toBeGreaterThan(300);
    const alertSeconds = (alertAt.getTime() - (long?.t0 ?? 0)) / 1000;
    expect(long?.t).toContain(alertSeconds);
    expect(long?.e).toEqual([[alertSeconds, 0, expect.any(Number)]]);
    expect(html).toContain(`1 anomalies, the newest at ${alertAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
    expect(html).toContain('long: 3000 points from');
    // The most anomalous metric comes first.
    expect(html.indexOf('data-metric="long"')).toBeLessThan(html.indexOf('data-metric="&#60;b&#62;x&#60;/b&#62;"'));
  });

  it("writes each metric's expected range into the page data beside its thinned points, and none for a metric without", async () => {
    const { ws, outDir } = await workspace();
    const db = await DuckDb.open(path.join(ws.root, 'metrics.duckdb'));
    const stamps = (await db.all("SELECT epoch_ms(metric_timestamp) AS t FROM metrics WHERE metric_name = 'long' AND metric_type = 'metric' ORDER BY 1"))
      .map((r) => Number(r['t']));
    // Every second point scored with a range, as the score job stores it; the rest without (too little history).
    await new MetricsTable(db, 'metrics').insert(stamps.map((t, i) => ({
      metric_timestamp: new Date(t), metric_batch: 'fresh', metric_name: 'long', metric_type: 'score' as const, metric_value: 0.1,
      metadata: i % 2 === 0 ? { expected: { baseline: 100, low: 80 + (i % 7), high: 120 + (i % 5) } } : null,
    })));
    db.close();
    await writeReport({ metricsDir: ws.metricsDir, outDir, now: NOW, env: {}, maxPoints: 400 });
    const metrics = batchData(await readFile(path.join(outDir, 'batch/fresh.html'), 'utf8')).metrics;
    const long = metrics.find((m) => m.name === 'long');
    if (!long) throw new Error('no long metric');
    const index = long.t.map((seconds) => stamps.indexOf(long.t0 + seconds * 1000));
    expect(index).not.toContain(-1);
    expect(long.lo).toEqual(index.map((i) => (i % 2 === 0 ? 80 + (i % 7) : null)));
    expect(long.hi).toEqual(index.map((i) => (i % 2 === 0 ? 120 + (i % 5) : null)));
    expect(metrics.find((m) => m.name === '<b>x</b>')).not.toHaveProperty('lo');
  });

  it('escapes metric names everywhere, including inside the page data', async () => {
    const { ws, outDir } = await workspace();
    await writeReport({ metricsDir: ws.metricsDir, outDir, now: NOW, env: {} });
    const html = await readFile(path.join(outDir, 'batch/fresh.html'), 'utf8');
    expect(html).not.toContain('<b>x</b>');
    expect(batchData(html).metrics.map((m) => m.name)).toContain('<b>x</b>');
  });

  it('drops the pages of a batch that is gone on the next run', async () => {
    const { ws, outDir } = await workspace();
    await writeReport({ metricsDir: ws.metricsDir, outDir, now: NOW, env: {} });
    await access(path.join(outDir, 'batch/old.html'));
    await rm(path.join(ws.metricsDir, 'old'), { recursive: true });
    await writeReport({ metricsDir: ws.metricsDir, outDir, now: NOW, env: {} });
    await expect(access(path.join(outDir, 'batch/old.html'))).rejects.toThrow(/ENOENT/);
    await access(path.join(outDir, 'batch/fresh.html'));
  });

  it('links the config page to the YAML in the repository when run in GitHub Actions', async () => {
    const { ws, outDir } = await workspace();
    const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/metrics', GITHUB_SHA: 'abc123', GITHUB_WORKSPACE: ws.root };
    await writeReport({ metricsDir: ws.metricsDir, outDir, now: NOW, env });
    const config = await readFile(path.join(outDir, 'batch/fresh.config.html'), 'utf8');
    expect(config).toMatch(/href="https:\/\/github\.com\/acme\/metrics\/blob\/abc123\/metrics\/fresh\/config\.yaml"/);
    expect(config).toContain('alert_threshold: 0.8');
  });
});

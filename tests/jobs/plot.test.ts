import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BATCH_PANELS_MAX } from '../../src/jobs/plot.ts';
import { runJobs, type RunOptions, type RunReport } from '../../src/jobs/run.ts';
import { decodePng, ink, svgSize } from '../plots/png.ts';
import { RecordingChannel, recordingReporter, runWorkspaces, seriesSql, STEADY_AND_SPIKY_SQL, type TempWorkspace } from '../helpers/metrics-dir.ts';

const NOW = new Date('2026-01-10T00:30:00Z');
const END = '2026-01-10 00:00:00';
const SQL = STEADY_AND_SPIKY_SQL;
const workspace = runWorkspaces();

async function run(w: TempWorkspace, extra: Partial<RunOptions> = {}): Promise<{ report: RunReport; progress: [string, number, number][] }> {
  const progress: [string, number, number][] = [];
  const reporter = { ...recordingReporter(), progress: (label: string, done: number, total: number) => void progress.push([label, done, total]) };
  const report = await runJobs({ metricsDir: w.metricsDir, now: NOW, env: {}, reporter, channels: () => [new RecordingChannel()], ...extra });
  return { report, progress };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

/** Decodes a plot and checks it against its SVG: `scale` times the SVG's size, and drawn on, not blank. */
async function expectPlot(pngFile: string, scale: number): Promise<{ width: number; height: number }> {
  const png = await readFile(pngFile);
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const image = decodePng(png);
  const svg = await readFile(pngFile.replace(/\.png$/, '.svg'), 'utf8');
  const size = svgSize(svg);
  expect(size.width).toBeGreaterThan(100);
  expect([image.width, image.height]).toEqual([Math.round(size.width * scale), Math.round(size.height * scale)]);
  const { colours, inkedShare } = ink(image);
  expect(colours).toBeGreaterThan(20);
  expect(inkedShare).toBeGreaterThan(0.01);
  expect(inkedShare).toBeLessThan(0.5);
  return { width: image.width, height: image.height };
}

describe('the plot job in a run', () => {
  it('writes a PNG and an SVG per metric and for the batch beside the database, and a re-run overwrites them', async () => {
    const w = await workspace({ 'shop/config.yaml': 'alert_methods: console\n', 'shop/query.sql': SQL });
    const { report, progress } = await run(w);
    const shop = report.batches.find((b) => b.batch === 'shop');
    expect(shop?.status).toBe('ok');
    expect(shop?.jobs.map((j) => j.job).at(-1)).toBe('plot');
    const plots = path.join(w.root, 'state', 'plots');
    const expected = ['shop/batch.png', 'shop/batch.svg', 'shop/metrics/spiky.png', 'shop/metrics/spiky.svg', 'shop/metrics/steady.png', 'shop/metrics/steady.svg'];
    expect(await filesUnder(plots)).toEqual(expected);
    const metric = await expectPlot(path.join(plots, 'shop/metrics/spiky.png'), 2);
    const batch = await expectPlot(path.join(plots, 'shop/batch.png'), 1);
    expect(batch.height).toBeGreaterThan(metric.height / 2); // two panels stacked
    // The spike alerted, and its marker is drawn on the metric's chart.
    const spiky = await readFile(path.join(plots, 'shop/metrics/spiky.svg'), 'utf8');
    expect(spiky).toContain('>shop · spiky</text>');
    expect(spiky).toContain('class="mark-symbol role-mark');
    expect(progress).toContainEqual(['plot shop', 2, 2]);

    const before = await stat(path.join(plots, 'shop/metrics/steady.png'));
    const again = await run(w);
    expect(again.report.batches.find((b) => b.batch === 'shop')?.status).toBe('ok');
    expect(await filesUnder(plots)).toEqual(expected);
    expect((await stat(path.join(plots, 'shop/metrics/steady.png'))).mtimeMs).toBeGreaterThan(before.mtimeMs);
  });

  it('removes the plots of a metric the batch no longer has', async () => {
    const w = await workspace({ 'shop/config.yaml': 'alert_methods: console\n', 'shop/query.sql': SQL });
    const plotsDir = path.join(w.root, 'elsewhere');
    await run(w, { plotsDir });
    expect(await filesUnder(path.join(plotsDir, 'shop', 'metrics'))).toEqual(['spiky.png', 'spiky.svg', 'steady.png', 'steady.svg']);
    // Retention of one day drops every row of a metric whose points all lie further back.
    await w.write({
      'old/config.yaml': 'alert_methods: console\n',
      'old/query.sql': seriesSql({ metrics: ['gone'], n: 30, end: '2025-06-01 00:00:00' }),
    });
    const { report } = await run(w, { plotsDir, batches: ['old'] });
    expect(report.batches[0]?.status).toBe('ok');
    expect(await filesUnder(path.join(plotsDir, 'old', 'metrics'))).toEqual(['gone.png', 'gone.svg']);
    await w.write({ 'old/config.yaml': 'alert_methods: console\nretention_days: 1\ndisable_ingest: true\n' });
    const after = await run(w, { plotsDir, batches: ['old'] });
    expect(after.report.batches[0]?.jobs.find((j) => j.job === 'plot')?.message).toMatch(/^0 files .*; removed 4 stale files \(metrics no longer there\)$/);
    expect(await filesUnder(path.join(plotsDir, 'old'))).toEqual([]);
  });

  it('runs when due by plot_cron_schedule and not at all with disable_plot', async () => {
    const w = await workspace({
      'daily/config.yaml': 'alert_methods: console\nplot_cron_schedule: "0 6 * * *"\n',
      'daily/query.sql': SQL,
      'off/config.yaml': 'alert_methods: console\ndisable_plot: true\n',
      'off/query.sql': SQL,
    });
    const first = await run(w, { respectSchedules: true });
    const plotOf = (r: RunReport, batch: string) => r.batches.find((b) => b.batch === batch)?.jobs.find((j) => j.job === 'plot');
    expect(plotOf(first.report, 'daily')?.status).toBe('ok');
    expect(plotOf(first.report, 'off')).toBeUndefined();
    const second = await run(w, { respectSchedules: true });
    expect(plotOf(second.report, 'daily')).toMatchObject({ status: 'skipped', message: expect.stringMatching(/^not due/) });
    const plots = await filesUnder(path.join(w.root, 'state', 'plots'));
    expect(plots.filter((f) => f.startsWith('off/'))).toEqual([]);
    expect(plots.filter((f) => f.startsWith('daily/'))).toHaveLength(6);
  });

  it(`draws at most ${BATCH_PANELS_MAX} panels in the batch plot, the most anomalous first, and says so`, async () => {
    const names = Array.from({ length: BATCH_PANELS_MAX + 2 }, (_, i) => `m${String(i).padStart(2, '0')}`);
    const sql = `${seriesSql({ metrics: names, n: 20, end: END })}\nUNION ALL\n${seriesSql({ metrics: ['zz_spiky'], n: 20, end: END, spike: 80, spikeN: 2 })}`;
    // A threshold alert on the newest point makes zz_spiky the one metric with anomalies.
    const config = 'alert_methods: console\ntrain_min_n: 5\ntholdalert_thresholds: { zz_spiky: { upper: 150 } }\n';
    const w = await workspace({ 'wide/config.yaml': config, 'wide/query.sql': sql });
    const { report } = await run(w);
    expect(report.batches[0]?.counts['tholdalerts']).toBe(1);
    const svg = await readFile(path.join(w.root, 'state', 'plots', 'wide', 'batch.svg'), 'utf8');
    expect(svg).toContain(`wide (${BATCH_PANELS_MAX} of ${names.length + 1} metrics, most anomalous first)`);
    expect(svg.match(/class="mark-rule role-mark threshold_marks/g)).toHaveLength(BATCH_PANELS_MAX);
    expect(svg).toContain('>zz_spiky</text>'); // last by name, first by anomaly rate
  }, 120_000);
});

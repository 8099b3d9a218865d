import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkHealth } from '../../src/health/batch-health.ts';
import { runJobs } from '../../src/jobs/run.ts';
import { writeReport } from '../../src/report/write.ts';
import { DuckDb } from '../../src/store/duckdb.ts';
import { MetricsTable } from '../../src/store/metrics-table.ts';
import { insertSeries, RecordingChannel, recordingReporter, tempMetrics, type TempWorkspace } from '../helpers/metrics-dir.ts';

const HOUR = 3_600_000;
const NOW = new Date('2026-03-01T00:30:00Z');
let ws: TempWorkspace | undefined;
afterEach(async () => {
  await ws?.cleanup();
  ws = undefined;
});

/**
 * `fresh`: hourly points up to now on an hourly schedule; `late`: the same schedule, its newest point three days
 * old; `broken`: an ingest that fails every run; `quiet`: no schedule (the workflow's cadence decides).
 */
async function healthWorkspace(): Promise<TempWorkspace> {
  ws = await tempMetrics({});
  const dbPath = path.join(ws.root, 'metrics.duckdb');
  await ws.write({
    'defaults.yaml': `duckdb_path: ${JSON.stringify(dbPath)}\nmodel_path: ${JSON.stringify(`local://${path.join(ws.root, 'models')}`)}\n`,
    'fresh/config.yaml': 'ingest_sql: SELECT 1\ningest_cron_schedule: "0 * * * *"\n',
    'late/config.yaml': 'ingest_sql: SELECT 1\ningest_cron_schedule: "0 * * * *"\n',
    'broken/config.yaml': 'ingest_sql: SELECT * FROM no_such_table\nhealth_failures_n: 3\n',
    'quiet/config.yaml': 'ingest_sql: SELECT 1\n',
  });
  const db = await DuckDb.open(dbPath);
  const store = new MetricsTable(db, 'metrics');
  await insertSeries(store, 'fresh', 'orders', 48, new Date('2026-03-01T00:00:00Z'));
  await insertSeries(store, 'late', 'orders', 48, new Date(NOW.getTime() - 72 * HOUR));
  await insertSeries(store, 'quiet', 'orders', 48, new Date(NOW.getTime() - 72 * HOUR));
  db.close();
  return ws;
}

/** Runs `batch`'s ingest at each of `hoursAgo` before NOW; returns each run's status. */
async function ingestRuns(workspace: TempWorkspace, batch: string, hoursAgo: number[]): Promise<string[]> {
  const statuses: string[] = [];
  for (const hours of hoursAgo) {
    const report = await runJobs({
      metricsDir: workspace.metricsDir, batches: [batch], jobs: ['ingest'], now: new Date(NOW.getTime() - hours * HOUR), env: {},
      reporter: recordingReporter(), channels: () => [new RecordingChannel()],
    });
    statuses.push(report.batches[0]?.error ?? report.batches[0]?.status ?? 'missing');
  }
  return statuses;
}

/** The broken batch's ingest, run (and failing) at each of `hoursAgo` before NOW. */
async function failRuns(workspace: TempWorkspace, hoursAgo: number[]): Promise<void> {
  for (const hours of hoursAgo) {
    const report = await runJobs({
      metricsDir: workspace.metricsDir, batches: ['broken'], jobs: ['ingest'], now: new Date(NOW.getTime() - hours * HOUR), env: {},
      reporter: recordingReporter(), channels: () => [new RecordingChannel()],
    });
    expect(report.batches[0]?.status).toBe('failed');
  }
}

describe('the health of a run, from its databases', () => {
  it('warns about the late batch, the failing one at health_failures_n runs, and the cold start', async () => {
    const workspace = await healthWorkspace();
    await failRuns(workspace, [3, 2]);
    const before = await checkHealth({ metricsDir: workspace.metricsDir, env: {}, now: NOW });
    expect(before.warnings.map((w) => `${w.check}:${w.subject}`)).toEqual(['stale-data:late']);
    expect(before.skipped).toEqual([
      'broken: stale-data not checked: no points stored yet',
      "quiet: stale-data not checked: no ingest_cron_schedule and the workflow's cadence is unknown",
    ]);

    await failRuns(workspace, [1]);
    const after = await checkHealth({
      metricsDir: workspace.metricsDir, env: {}, now: NOW, cadenceMs: 15 * 60_000,
      restored: { kind: 'cold-start', reason: 'the last entry was evicted' },
      branch: { name: 'main', lastCommitAt: new Date(NOW.getTime() - 51 * 24 * HOUR) },
    });
    expect(after.warnings.map((w) => `${w.check}:${w.subject}`)).toEqual([
      'cold-start:state', 'failing-runs:broken', 'inactive-branch:main', 'stale-data:late', 'stale-data:quiet',
    ]);
    expect(after.warnings.find((w) => w.subject === 'broken')?.message).toMatch(/^batch broken: the last 3 runs failed \(health_failures_n: 3\); newest: ingest: .*Table with name no_such_table does not exist!$/);
  });

  it('warns of a source that returns no rows through its failing ingest runs, at the third', async () => {
    const workspace = await healthWorkspace();
    await workspace.write({ 'empty/config.yaml': 'ingest_sql: SELECT TIMESTAMP \'2026-01-01\' AS metric_timestamp, \'m\' AS metric_name, 1.0 AS metric_value WHERE false\n' });
    const messages = async () => (await checkHealth({ metricsDir: workspace.metricsDir, batches: ['empty'], env: {}, now: NOW })).warnings.map((w) => w.message);
    expect(await ingestRuns(workspace, 'empty', [3, 2])).toEqual([expect.stringContaining('ingest returned no rows'), expect.stringContaining('ingest returned no rows')]);
    expect(await messages()).toEqual([]);
    await ingestRuns(workspace, 'empty', [1]);
    expect(await messages()).toEqual([
      'batch empty: the last 3 runs failed (health_failures_n: 3); newest: ingest: ' + `${workspace.metricsDir}/empty/config.yaml: ingest returned no rows (expected columns metric_timestamp, metric_name, metric_value)`,
    ]);
  });

  it('shows the warnings on the report\'s Health page, linked from every page, and "All healthy" when there are none', async () => {
    const workspace = await healthWorkspace();
    await failRuns(workspace, [3, 2, 1]);
    const outDir = path.join(workspace.root, 'site');
    // The action runs the checks once, with its state restore, and hands them to the report.
    const health = await checkHealth({ metricsDir: workspace.metricsDir, env: {}, now: NOW, restored: { kind: 'cold-start', reason: 'first run' } });
    await writeReport({ metricsDir: workspace.metricsDir, outDir, now: NOW, env: {}, health });
    const html = await readFile(path.join(outDir, 'health.html'), 'utf8');
    const items = [...html.matchAll(/<li data-check="([^"]+)"><strong>(.*?)<\/strong><br>Fix: (.*?)<\/li>/g)].map((m) => `${m[1]}: ${m[2]}`);
    expect(items, html).toHaveLength(3);
    expect(items[0]).toBe('cold-start: cold start: no saved state was restored (first run); models were retrained from what the sources still return');
    expect(items[1]).toMatch(/^failing-runs: batch broken: the last 3 runs failed/);
    expect(items[2]).toMatch(/^stale-data: batch late: the newest point is from 2026-02-26 00:30 UTC \(3 d ago\)/);
    expect(html).toContain('quiet: stale-data not checked');
    expect(html).toContain('<a href="health.html" aria-current="page">Health</a>');
    expect(await readFile(path.join(outDir, 'index.html'), 'utf8')).toContain('<a href="health.html">Health</a>');

    const healthy = path.join(workspace.root, 'healthy');
    await writeReport({ metricsDir: workspace.metricsDir, batches: ['fresh'], outDir: healthy, now: NOW, env: {} });
    expect(await readFile(path.join(healthy, 'health.html'), 'utf8')).toContain('All healthy: every check passed.');
  });
});

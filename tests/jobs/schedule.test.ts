import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchConfigSchema, type BatchConfig } from '../../src/config/schema.ts';
import { runJobs, type RunReport } from '../../src/jobs/run.ts';
import { isDue, lastFire } from '../../src/jobs/schedule.ts';
import { DuckDb } from '../../src/store/duckdb.ts';
import { RunLog } from '../../src/store/run-log.ts';
import { disposeAfterEach, recordingReporter, seriesSql, tempMetrics, type TempWorkspace } from '../helpers/metrics-dir.ts';

const track = disposeAfterEach();

function config(extra: Record<string, unknown>): BatchConfig {
  return batchConfigSchema.parse({ metric_batch: 'b', ingest_sql: 'select 1', ...extra });
}

describe('lastFire', () => {
  it('is the latest tick at or before now, in UTC', () => {
    expect(lastFire('0 */6 * * *', new Date('2026-03-01T07:13:00Z')).toISOString()).toBe('2026-03-01T06:00:00.000Z');
    // A tick exactly at now counts as fired.
    expect(lastFire('*/5 * * * *', new Date('2026-03-01T07:15:00Z')).toISOString()).toBe('2026-03-01T07:15:00.000Z');
  });
});

describe('isDue', () => {
  const train6h = config({ train_cron_schedule: '0 */6 * * *' });

  it('runs a job without a schedule on every tick, and a scheduled job that never ran', () => {
    expect(isDue(config({}), 'train', new Date('2026-03-01T07:00:00Z'), new Date('2026-03-01T07:05:00Z')).due).toBe(true);
    expect(isDue(train6h, 'train', null, new Date('2026-03-01T07:05:00Z')).due).toBe(true);
  });

  it('is not due again until the schedule fires after the last run', () => {
    const lastRun = new Date('2026-03-01T06:07:00Z');
    expect(isDue(train6h, 'train', lastRun, new Date('2026-03-01T06:12:00Z')).due).toBe(false);
    expect(isDue(train6h, 'train', lastRun, new Date('2026-03-01T11:59:00Z')).due).toBe(false);
    expect(isDue(train6h, 'train', lastRun, new Date('2026-03-01T12:03:00Z')).due).toBe(true);
  });

  it("reads Anomstack's alerts_cron_schedule for the alert job", () => {
    const c = config({ alerts_cron_schedule: '0 0 * * *' });
    expect(isDue(c, 'alert', new Date('2026-03-01T00:05:00Z'), new Date('2026-03-01T12:00:00Z')).due).toBe(false);
    expect(isDue(c, 'score', new Date('2026-03-01T00:05:00Z'), new Date('2026-03-01T12:00:00Z')).due).toBe(true);
  });
});

describe('runJobs with respectSchedules', () => {
  async function workspace(): Promise<TempWorkspace> {
    const ws = track(await tempMetrics({}));
    const db = path.join(ws.root, 'state', 'anomstack.duckdb');
    await ws.write({
      'defaults.yaml': `duckdb_path: ${JSON.stringify(db)}\nmodel_path: ${JSON.stringify(`local://${path.join(ws.root, 'state', 'models')}`)}\n`,
      'b/config.yaml': 'ingest_cron_schedule: "*/10 * * * *"\ntrain_cron_schedule: "0 */6 * * *"\nalert_methods: console\n',
      'b/query.sql': seriesSql({ metrics: ['m'], n: 60, end: '2026-03-01 00:00:00' }),
    });
    return ws;
  }

  const ran = (report: RunReport, status: string): string[] =>
    (report.batches[0]?.jobs ?? []).filter((j) => j.status === status).map((j) => j.job);

  async function tick(ws: TempWorkspace, at: string): Promise<RunReport> {
    return runJobs({
      metricsDir: ws.metricsDir, env: {}, now: new Date(at), reporter: recordingReporter(), channels: () => [], respectSchedules: true,
    });
  }

  it('runs each job when its schedule fired since its last run, once however many ticks were missed', async () => {
    const ws = await workspace();
    const first = await tick(ws, '2026-03-01T06:01:00Z');
    expect(ran(first, 'ok')).toEqual(['ingest', 'train', 'score', 'alert', 'change', 'tholdalert', 'summary', 'retention', 'plot']);

    // Five minutes later: ingest (every 10 minutes), train (every 6 hours) and summary (daily by default) are not due;
    // unscheduled jobs are.
    const second = await tick(ws, '2026-03-01T06:06:00Z');
    expect(ran(second, 'skipped')).toEqual(['ingest', 'train', 'llmalert', 'summary']);
    expect(ran(second, 'ok')).toEqual(['score', 'alert', 'change', 'tholdalert', 'retention', 'plot']);

    // The workflow was paused for two days: many missed ticks, one run of each job.
    const late = await tick(ws, '2026-03-03T09:02:00Z');
    expect(ran(late, 'ok')).toContain('train');
    expect(ran(late, 'ok')).toContain('ingest');

    const db = await DuckDb.open(path.join(ws.root, 'state', 'anomstack.duckdb'));
    try {
      const runs = await new RunLog(db).recent('b', 100);
      expect(runs.filter((r) => r.job === 'train').map((r) => r.startedAt.toISOString())).toEqual([
        '2026-03-03T09:02:00.000Z', '2026-03-01T06:01:00.000Z',
      ]);
      expect(runs.every((r) => r.status === 'ok' && r.ms >= 0)).toBe(true);
      expect(runs.find((r) => r.job === 'ingest')?.counts['ingested']).toBeGreaterThanOrEqual(0);
    } finally {
      db.close();
    }
  });

  it('on a tick where train is not due, still trains a new metric and a changed config, and keeps the schedule', async () => {
    const ws = await workspace();
    await tick(ws, '2026-03-01T06:01:00Z');
    // A second metric arrives and the detector's config changes, between two scheduled trains.
    await ws.write({
      'b/query.sql': seriesSql({ metrics: ['m', 'fresh'], n: 60, end: '2026-03-01 00:00:00' }),
      'b/config.yaml': 'ingest_cron_schedule: "*/10 * * * *"\ntrain_cron_schedule: "0 */6 * * *"\nalert_methods: console\ntrain_holdout_n: 10\n',
    });
    const next = await tick(ws, '2026-03-01T06:12:00Z');
    const trainJob = next.batches[0]?.jobs.find((j) => j.job === 'train');
    expect(trainJob).toMatchObject({ status: 'skipped', message: expect.stringMatching(/^not due \(.*\); trained 2 metric\(s\) that had no usable model$/) as unknown });
    expect(next.batches[0]?.counts['scored']).toBeGreaterThan(0);
    // Nothing left to catch up: the next tick's train is simply not due.
    const after = await tick(ws, '2026-03-01T06:22:00Z');
    expect(after.batches[0]?.jobs.find((j) => j.job === 'train')?.message).toMatch(/^not due \([^)]*\)$/);

    const db = await DuckDb.open(path.join(ws.root, 'state', 'anomstack.duckdb'));
    try {
      // The catch-up is not a run of train: the 12:00 train stays due on its schedule.
      const runs = await new RunLog(db).recent('b', 100);
      expect(runs.filter((r) => r.job === 'train').map((r) => r.startedAt.toISOString())).toEqual(['2026-03-01T06:01:00.000Z']);
    } finally {
      db.close();
    }
  });

  it('runs every selected job when schedules are not respected (the CLI, a manual dispatch)', async () => {
    const ws = await workspace();
    await tick(ws, '2026-03-01T06:01:00Z');
    const forced = await runJobs({ metricsDir: ws.metricsDir, env: {}, now: new Date('2026-03-01T06:02:00Z'), reporter: recordingReporter(), channels: () => [] });
    expect(ran(forced, 'ok')).toEqual(['ingest', 'train', 'score', 'alert', 'change', 'tholdalert', 'summary', 'retention', 'plot']);
  });
});

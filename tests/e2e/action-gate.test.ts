/**
 * The action's gate and window commands: `fail-on-anomaly` fails the step when the run fired new alerts, and only then
 * (the state is saved either way); `command: backfill` takes its window from the inputs.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, runAction } from '../helpers/run-action.ts';

describe('fail-on-anomaly', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'anomstack-gate-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('fails the step when new alerts fired, and passes the next run, which fires none', async () => {
    const inputs = { command: 'run', 'metrics-dir': EXAMPLES, batches: 'csv_orders', state: path.join(work, 'state'), 'fail-on-anomaly': 'true' };
    const first = await runAction(work, inputs);
    expect(first.code, first.stdout).toBe(1);
    expect(first.stdout).toContain('::error::3 new alert(s) fired (fail-on-anomaly)');
    // The alerts were delivered and the state kept: a re-run finds them recorded and fires nothing.
    expect(first.output).toMatch(/^anomalies<<(\S+)\n3\n\1$/m);
    const second = await runAction(work, inputs);
    expect(second.code, second.stdout).toBe(0);
    expect(second.output).toMatch(/^anomalies<<(\S+)\n0\n\1$/m);
  }, 180_000);

  it('is off by default: alerts alone do not fail the step', async () => {
    const run = await runAction(work, { command: 'run', 'metrics-dir': EXAMPLES, batches: 'csv_orders', state: path.join(work, 'default-state') });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).not.toContain('fail-on-anomaly');
  }, 180_000);
});

describe('command: backfill in the action', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'anomstack-backfill-action-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('backfills the window from the inputs into the state, adds nothing the second time, rescores it after train and score, and names a missing input', async () => {
    const metrics = path.join(work, 'metrics');
    await mkdir(path.join(metrics, 'hourly'), { recursive: true });
    await writeFile(path.join(metrics, 'hourly', 'config.yaml'), 'backfill_slice: 1d\n');
    await writeFile(path.join(metrics, 'hourly', 'query.sql'),
      "SELECT ts AS metric_timestamp, 'm' AS metric_name, (100 + hour(ts))::DOUBLE AS metric_value\nFROM range(TIMESTAMP '{{ from }}', TIMESTAMP '{{ to }}', INTERVAL 1 HOUR) t(ts)\n");
    const inputs = { 'metrics-dir': metrics, state: path.join(work, 'state'), from: '2026-01-01', to: '2026-01-04' };
    const first = await runAction(work, { ...inputs, command: 'backfill' });
    expect(first.code, first.stdout).toBe(0);
    expect(first.stdout).toMatch(/hourly\s+ok\s+3\s+72\s+72/);
    expect(first.summary).toContain('Backfill');
    const second = await runAction(work, { ...inputs, command: 'backfill' });
    expect(second.code, second.stdout).toBe(0);
    expect(second.stdout).toMatch(/hourly\s+ok\s+3\s+72\s+0/);

    // Trained and scored on the backfilled days, the same window is scored again by command: rescore.
    for (const command of ['train', 'score']) expect((await runAction(work, { ...inputs, command })).code).toBe(0);
    const rescored = await runAction(work, { ...inputs, command: 'rescore' });
    expect(rescored.code, rescored.stdout).toBe(0);
    expect(rescored.summary).toContain('Rescore');
    // The score job scored the newest score_max_n (25) points; rescore scores every point of the window it can.
    expect(rescored.stdout).toMatch(/rescore hourly: 1 metrics, scores 25 -> \d+, alerts 0 -> 0/);

    const bad = await runAction(work, { ...inputs, command: 'backfill', to: '' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('backfill needs to (e.g. to 2026-01-01)');
  }, 180_000);
});

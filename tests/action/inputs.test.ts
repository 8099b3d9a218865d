import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTrigger } from '../../src/action/event.ts';
import { readInputs } from '../../src/action/inputs.ts';
import { planMatrix } from '../../src/action/plan.ts';

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('readInputs', () => {
  it('applies the documented defaults', () => {
    expect(readInputs(reader({}))).toMatchObject({
      command: 'run', metricsDir: 'metrics', batches: [], state: { kind: 'actions-cache', dir: '.anomstack' },
      reportDir: 'anomstack-report', dryRun: false, maxIssueOperations: 30,
    });
    expect(readInputs(reader({})).jobs).toEqual(['ingest', 'train', 'score', 'alert', 'change', 'tholdalert', 'llmalert', 'summary', 'retention', 'plot']);
  });

  it('reads a single job, batch lists and a state folder', () => {
    const inputs = readInputs(reader({ command: 'score', batches: 'a, b  all', state: 'state/here', 'dry-run': 'true', 'max-issue-operations': '5' }));
    expect(readInputs(reader({ command: 'plot' })).jobs).toEqual(['plot']);
    expect(inputs).toMatchObject({ command: 'score', jobs: ['score'], batches: ['a', 'b'], state: { kind: 'local', dir: 'state/here' }, dryRun: true, maxIssueOperations: 5 });
    for (const url of ['s3://bucket/team/anomstack', 'gs://bucket', 'az://container/x', 'local:///mnt/shared/state']) {
      expect(readInputs(reader({ state: url })).state).toEqual({ kind: 'store', url, dir: '.anomstack' });
    }
  });

  it('reads the silence inputs as anomstack silence takes them, leaving out the empty ones', () => {
    const inputs = readInputs(reader({ command: 'silence', silence: 'add', 'silence-metric': 'payments_*', 'silence-for': '7d', 'silence-reason': 'migration' }));
    expect(inputs).toMatchObject({ command: 'silence', jobs: [], silence: { action: 'add', metric: 'payments_*', for: '7d', reason: 'migration' } });
    expect(readInputs(reader({})).silence).toEqual({ action: 'list' });
  });

  it('names every bad input, its value and what was expected', () => {
    expect(() => readInputs(reader({ command: 'plots', 'dry-run': 'yes', 'max-issue-operations': '-1', state: 'ftp://bucket/x' }))).toThrow(
      [
        'input "command" must be one of run, ingest, train, score, alert, change, tholdalert, llmalert, summary, retention, plot, report, backtest, validate, plan, silence, pr-check, backfill, rescore (got "plots")',
        'input "state" must be actions-cache, a folder or a store URL; "ftp://bucket/x": unknown store "ftp://"; expected local://<folder>, s3://<bucket>/<prefix>, gs://<bucket>/<prefix> or az://<container>/<prefix>',
        'input "dry-run" must be true or false (got "yes")',
        'input "max-issue-operations" must be a whole number (got "-1")',
      ].join('\n'),
    );
  });
});

describe('readTrigger', () => {
  it('respects schedules on schedule ticks and forces a run on dispatches', () => {
    expect(readTrigger({ GITHUB_EVENT_NAME: 'schedule' })).toEqual({ event: 'schedule', respectSchedules: true, batches: [] });
    expect(readTrigger({ GITHUB_EVENT_NAME: 'workflow_dispatch' }).respectSchedules).toBe(false);
  });

  it("takes a repository_dispatch's batches from its client_payload", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'anomstack-event-'));
    try {
      const event = path.join(dir, 'event.json');
      await writeFile(event, JSON.stringify({ action: 'anomstack', client_payload: { batches: ['orders', 'signups'] } }));
      expect(readTrigger({ GITHUB_EVENT_NAME: 'repository_dispatch', GITHUB_EVENT_PATH: event })).toEqual({
        event: 'repository_dispatch', respectSchedules: false, batches: ['orders', 'signups'],
      });
      await writeFile(event, JSON.stringify({ client_payload: { batch: 'orders' } }));
      expect(readTrigger({ GITHUB_EVENT_NAME: 'repository_dispatch', GITHUB_EVENT_PATH: event }).batches).toEqual(['orders']);
      await writeFile(event, JSON.stringify({ client_payload: { batches: [1] } }));
      expect(() => readTrigger({ GITHUB_EVENT_NAME: 'repository_dispatch', GITHUB_EVENT_PATH: event })).toThrow(/client_payload\.batches must be/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('planMatrix', () => {
  it('gives one leg per batch, sorted', () => {
    expect(planMatrix(['b', 'a'])).toEqual({ include: [{ batches: 'a', name: 'a' }, { batches: 'b', name: 'b' }] });
  });

  it("groups batches so a matrix never exceeds GitHub's 256 jobs", () => {
    const names = Array.from({ length: 600 }, (_, i) => `b${String(i).padStart(3, '0')}`);
    const matrix = planMatrix(names);
    expect(matrix.include.length).toBeLessThanOrEqual(256);
    expect(matrix.include.flatMap((leg) => leg.batches.split(' '))).toEqual(names);
    expect(matrix.include[0]).toEqual({ batches: 'b000 b001 b002', name: 'b000 … b002' });
  });
});

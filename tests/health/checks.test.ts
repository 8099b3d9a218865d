import { describe, expect, it } from 'vitest';
import {
  coldStartCheck, cronIntervalMs, failedRunStreak, failingRunsCheck, freshnessCheck, healthReport, inactiveBranchCheck,
  type CheckResult, type HealthWarning,
} from '../../src/health/checks.ts';
import { healthMarkdown } from '../../src/health/summary.ts';
import type { JobRun } from '../../src/store/run-log.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date('2026-03-10T12:30:00Z');

function warning(result: CheckResult): HealthWarning {
  if (result.status !== 'warn') throw new Error(`expected a warning, got ${JSON.stringify(result)}`);
  return result.warning;
}

describe('freshnessCheck', () => {
  // Hourly schedule: at 12:30 the last two firings are 12:00 and 11:00. Hourly data: the point after 10:00 was due
  // at 11:00, when the 11:00 run fired, so 10:00 is on time; a point older than that has missed two runs.
  const hourly = { batch: 'shop', pointSpacingMs: HOUR, ingestSchedule: '0 * * * *', cadenceMs: null, now: NOW };

  it('is on time when the next point was due no earlier than the second-last firing', () => {
    expect(freshnessCheck({ ...hourly, newest: new Date('2026-03-10T10:00:00Z') })).toEqual({ status: 'ok' });
  });

  it('is late when two scheduled runs fired since the next point was due', () => {
    const late = warning(freshnessCheck({ ...hourly, newest: new Date('2026-03-10T09:59:00Z') }));
    expect(late).toMatchObject({ check: 'stale-data', subject: 'shop' });
    expect(late.message).toBe('batch shop: the newest point is from 2026-03-10 09:59 UTC (3 h ago): its ingest_cron_schedule "0 * * * *" fired twice since the next point was due');
    expect(late.fix).toContain('source still returns recent rows');
  });

  it("counts the data's own spacing: a daily metric ingested hourly is not late within its day", () => {
    const daily = { ...hourly, pointSpacingMs: DAY };
    expect(freshnessCheck({ ...daily, newest: new Date('2026-03-09T11:00:00Z') }).status).toBe('ok');
    expect(freshnessCheck({ ...daily, newest: new Date('2026-03-09T10:59:00Z') }).status).toBe('warn');
  });

  it("uses the workflow's cadence for a batch without a schedule, and skips it when that is unknown", () => {
    const every15 = { ...hourly, ingestSchedule: undefined, pointSpacingMs: 15 * 60_000, cadenceMs: 15 * 60_000 };
    // Due at newest + 15 min; late once two 15-minute ticks passed after that: 12:30 - 30 min = 12:00.
    expect(freshnessCheck({ ...every15, newest: new Date('2026-03-10T11:45:00Z') }).status).toBe('ok');
    expect(warning(freshnessCheck({ ...every15, newest: new Date('2026-03-10T11:44:00Z') })).message).toContain("two of the workflow's runs (every 15 min)");
    expect(freshnessCheck({ ...every15, cadenceMs: null, newest: new Date('2026-03-10T01:00:00Z') })).toEqual({
      status: 'skipped', check: 'stale-data', subject: 'shop', reason: "no ingest_cron_schedule and the workflow's cadence is unknown",
    });
  });

  it('skips a batch with no points yet', () => {
    expect(freshnessCheck({ ...hourly, newest: null }).status).toBe('skipped');
  });
});

describe('cronIntervalMs', () => {
  it("is the gap between the cron's last two firings", () => {
    expect(cronIntervalMs('*/15 * * * *', NOW)).toBe(15 * 60_000);
    expect(cronIntervalMs('0 9 * * 1-5', new Date('2026-03-09T10:00:00Z'))).toBe(3 * DAY); // a Monday: back to Friday
  });
});

describe('inactiveBranchCheck', () => {
  it('warns at 50 days without a commit, with the fix, and not at 49', () => {
    const at = (days: number) => inactiveBranchCheck({ branch: 'main', lastCommitAt: new Date(NOW.getTime() - days * DAY - HOUR), now: NOW });
    expect(at(49)).toEqual({ status: 'ok' });
    expect(warning(at(50))).toEqual({
      check: 'inactive-branch',
      subject: 'main',
      message: 'the default branch (main) has had no commit for 50 days: GitHub disables scheduled workflows after 60',
      fix: 'push a commit to the default branch, or re-enable the workflow in the Actions tab once GitHub has disabled it',
    });
    expect(warning(at(53)).message).toContain('no commit for 53 days');
  });

  it('skips an unknown date', () => {
    expect(inactiveBranchCheck({ branch: 'main', lastCommitAt: null, now: NOW }).status).toBe('skipped');
  });
});

describe('coldStartCheck', () => {
  it('warns on a cold start, with its reason, and not on a restore', () => {
    const cold = warning(coldStartCheck({ kind: 'cold-start', reason: 'the last entry was evicted' }));
    expect(cold.message).toBe('cold start: no saved state was restored (the last entry was evicted); models were retrained from what the sources still return');
    expect(cold.fix).toContain('keep the state in a bucket');
    expect(coldStartCheck({ kind: 'restored' })).toEqual({ status: 'ok' });
    expect(coldStartCheck({ kind: 'local' })).toEqual({ status: 'ok' });
  });
});

describe('failed runs', () => {
  const run = (hour: number, job: string, status: 'ok' | 'failed', message = ''): JobRun => ({
    batch: 'shop', job, startedAt: new Date(NOW.getTime() - hour * HOUR), ms: 5, status, message, counts: {},
  });

  it('counts runs (jobs sharing a start time) in a row whose jobs failed, newest first', () => {
    const runs = [
      run(0, 'ingest', 'ok'), run(0, 'score', 'failed', 'model missing'),
      run(1, 'ingest', 'failed', 'connection refused'),
      run(2, 'ingest', 'ok'), run(2, 'train', 'ok'),
      run(3, 'ingest', 'failed', 'older'),
    ];
    expect(failedRunStreak(runs)).toEqual({ failed: 2, lastMessage: 'score: model missing' });
    expect(failedRunStreak([])).toEqual({ failed: 0, lastMessage: '' });
    // A warning is one line: a SQL error's quoted query is left out.
    expect(failedRunStreak([run(0, 'ingest', 'failed', 'Catalog Error: no table t\n\nLINE 1: SELECT * FROM t')]).lastMessage).toBe('ingest: Catalog Error: no table t');
  });

  it('warns at health_failures_n failures in a row, not at one fewer', () => {
    const streak = (failed: number) => ({ failed, lastMessage: 'ingest: connection refused' });
    expect(failingRunsCheck({ batch: 'shop', streak: streak(2), failuresN: 3 })).toEqual({ status: 'ok' });
    expect(warning(failingRunsCheck({ batch: 'shop', streak: streak(3), failuresN: 3 })).message)
      .toBe('batch shop: the last 3 runs failed (health_failures_n: 3); newest: ingest: connection refused');
  });
});

describe('healthMarkdown', () => {
  it('lists each warning with its fix for the run summary, or says all is healthy', () => {
    const report = healthReport([coldStartCheck({ kind: 'cold-start', reason: 'first run' })]);
    expect(healthMarkdown(report)).toBe(`### Health\n\n- ⚠️ ${report.warnings[0]?.message ?? ''}.\n  Fix: ${report.warnings[0]?.fix ?? ''}.`);
    expect(healthMarkdown(healthReport([{ status: 'ok' }]))).toBe('### Health\n\n✅ All healthy.');
  });
});

describe('healthReport', () => {
  it('sorts warnings by check and subject and lists skipped checks', () => {
    const report = healthReport([
      failingRunsCheck({ batch: 'b', streak: { failed: 5, lastMessage: 'x' }, failuresN: 3 }),
      coldStartCheck({ kind: 'cold-start', reason: 'first run' }),
      failingRunsCheck({ batch: 'a', streak: { failed: 5, lastMessage: 'x' }, failuresN: 3 }),
      inactiveBranchCheck({ branch: 'main', lastCommitAt: null, now: NOW }),
    ]);
    expect(report.warnings.map((w) => `${w.check}:${w.subject}`)).toEqual(['cold-start:state', 'failing-runs:a', 'failing-runs:b']);
    expect(report.skipped).toEqual(['main: inactive-branch not checked: the last commit date is unknown']);
  });
});

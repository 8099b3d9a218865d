/**
 * Health checks: is the deployment itself working, apart from what the metrics say? Each check is a pure function
 * over plain data (read elsewhere: src/health/batch-health.ts, src/health/branch.ts), so each threshold is tested
 * on its own. A check answers ok, a warning (a one-line message and the fix), or skipped with the reason.
 */
import { lastFire } from '../jobs/schedule.ts';
import type { JobRun } from '../store/run-log.ts';

export type HealthCheck = 'stale-data' | 'inactive-branch' | 'cold-start' | 'failing-runs';

export interface HealthWarning {
  check: HealthCheck;
  /** What it is about: a batch's name, or the repository's default branch, or "state". */
  subject: string;
  message: string;
  fix: string;
}

export type CheckResult =
  | { status: 'ok' }
  | { status: 'warn'; warning: HealthWarning }
  | { status: 'skipped'; check: HealthCheck; subject: string; reason: string };

/** Every check's answer for one run: what the summary, the report and the health issue show. */
export interface HealthReport {
  warnings: HealthWarning[];
  /** Checks that could not run, with why ("batch x: no ingest_cron_schedule and the run's cadence is unknown"). */
  skipped: string[];
}

const OK: CheckResult = { status: 'ok' };
const DAY_MS = 86_400_000;

/** Identifies a warning across runs: the same check about the same subject, whatever its numbers say today. */
export function warningKey(warning: HealthWarning): string {
  return `${warning.check}:${warning.subject}`;
}

export function healthReport(results: readonly CheckResult[]): HealthReport {
  const warnings = results.flatMap((r) => (r.status === 'warn' ? [r.warning] : []));
  const skipped = results.flatMap((r) => (r.status === 'skipped' ? [`${r.subject}: ${r.check} not checked: ${r.reason}`] : []));
  // One order whatever order the batches ran in, so bodies and pages compare equal run to run.
  warnings.sort((a, b) => warningKey(a).localeCompare(warningKey(b)));
  return { warnings, skipped };
}

export interface FreshnessInput {
  batch: string;
  /** The batch's newest stored metric point; null before any. */
  newest: Date | null;
  /**
   * The data's own lag: how far apart its points usually are (a daily metric's newest point is up to a day old
   * right after a successful ingest). Null or 0 for unknown.
   */
  pointSpacingMs: number | null;
  /** The batch's ingest_cron_schedule, when it has one. */
  ingestSchedule: string | undefined;
  /** How often the workflow runs (its cron), for batches without a schedule: they ingest on every tick. */
  cadenceMs: number | null;
  now: Date;
}

/**
 * The newest point is late when two ingest runs have come and gone since the next point was due (newest point plus
 * the data's spacing): one missed run is GitHub delaying or dropping a tick, two in a row is a pattern (a dropped
 * schedule, a source that returns nothing). With a schedule the two runs are its last two firings; without one,
 * two of the workflow's ticks; without either the check is skipped.
 */
export function freshnessCheck(input: FreshnessInput): CheckResult {
  const skip = (reason: string): CheckResult => ({ status: 'skipped', check: 'stale-data', subject: input.batch, reason });
  if (input.newest === null) return skip('no points stored yet');
  const due = input.newest.getTime() + Math.max(0, input.pointSpacingMs ?? 0);
  let missedSince: number;
  let how: string;
  if (input.ingestSchedule) {
    missedSince = lastFire(input.ingestSchedule, input.now).getTime() - cronIntervalMs(input.ingestSchedule, input.now);
    how = `its ingest_cron_schedule "${input.ingestSchedule}" fired twice since the next point was due`;
  } else if (input.cadenceMs !== null && input.cadenceMs > 0) {
    missedSince = input.now.getTime() - 2 * input.cadenceMs;
    how = `two of the workflow's runs (every ${duration(input.cadenceMs)}) passed since the next point was due`;
  } else {
    return skip("no ingest_cron_schedule and the workflow's cadence is unknown");
  }
  if (due >= missedSince) return OK;
  return {
    status: 'warn',
    warning: {
      check: 'stale-data',
      subject: input.batch,
      message: `batch ${input.batch}: the newest point is from ${minute(input.newest)} UTC (${duration(input.now.getTime() - input.newest.getTime())} ago): ${how}`,
      fix: "check the workflow's recent runs (a dropped or disabled schedule) and that the batch's source still returns recent rows",
    },
  };
}

/**
 * The workflow's cadence from its cron (the `schedule` event's `github.event.schedule`): the gap between the
 * expression's last two firings at or before `now`, for freshnessCheck's batches without a schedule.
 */
export function cronIntervalMs(expression: string, now: Date): number {
  const last = lastFire(expression, now);
  return last.getTime() - lastFire(expression, new Date(last.getTime() - 1)).getTime();
}

/** After this many days without a commit the warning comes, leaving ten days before GitHub acts. */
export const INACTIVE_BRANCH_DAYS = 50;
/** GitHub disables a public repository's scheduled workflows after 60 days without activity. */
export const GITHUB_DISABLES_AFTER_DAYS = 60;

export function inactiveBranchCheck(input: { branch: string; lastCommitAt: Date | null; now: Date }): CheckResult {
  if (input.lastCommitAt === null) return { status: 'skipped', check: 'inactive-branch', subject: input.branch, reason: 'the last commit date is unknown' };
  const days = Math.floor((input.now.getTime() - input.lastCommitAt.getTime()) / DAY_MS);
  if (days < INACTIVE_BRANCH_DAYS) return OK;
  return {
    status: 'warn',
    warning: {
      check: 'inactive-branch',
      subject: input.branch,
      message: `the default branch (${input.branch}) has had no commit for ${days} days: GitHub disables scheduled workflows after ${GITHUB_DISABLES_AFTER_DAYS}`,
      fix: 'push a commit to the default branch, or re-enable the workflow in the Actions tab once GitHub has disabled it',
    },
  };
}

/** The state restore's outcome, as src/action/state.ts and src/artifacts/state-sync.ts report it. */
export function coldStartCheck(restored: { kind: string; reason?: string }): CheckResult {
  if (restored.kind !== 'cold-start') return OK;
  return {
    status: 'warn',
    warning: {
      check: 'cold-start',
      subject: 'state',
      message: `cold start: no saved state was restored (${restored.reason ?? 'no reason given'}); models were retrained from what the sources still return`,
      fix: 'expected on the first run; otherwise make the schedule run at least weekly (GitHub evicts cache entries unused for 7 days) or keep the state in a bucket (the state input)',
    },
  };
}

export interface RunStreak {
  /** Runs in a row, newest first, in which a job of the batch failed. */
  failed: number;
  /** The newest failed job's message, for the warning. */
  lastMessage: string;
}

/**
 * The batch's runs in a row that failed, from its run log (newest first). A run is the jobs logged with one start
 * time (the run's clock); it failed when any of its jobs did.
 */
export function failedRunStreak(runs: readonly JobRun[]): RunStreak {
  const byRun = new Map<number, JobRun[]>();
  for (const run of runs) byRun.set(run.startedAt.getTime(), [...(byRun.get(run.startedAt.getTime()) ?? []), run]);
  const newestFirst = [...byRun.entries()].sort((a, b) => b[0] - a[0]).map(([, jobs]) => jobs);
  let failed = 0;
  let lastMessage = '';
  for (const jobs of newestFirst) {
    const failure = jobs.find((j) => j.status === 'failed');
    if (!failure) break;
    if (failed === 0) lastMessage = `${failure.job}: ${firstLine(failure.message)}`;
    failed++;
  }
  return { failed, lastMessage };
}

export function failingRunsCheck(input: { batch: string; streak: RunStreak; failuresN: number }): CheckResult {
  if (input.streak.failed < input.failuresN) return OK;
  return {
    status: 'warn',
    warning: {
      check: 'failing-runs',
      subject: input.batch,
      message: `batch ${input.batch}: the last ${input.streak.failed} runs failed (health_failures_n: ${input.failuresN}); newest: ${input.streak.lastMessage}`,
      fix: "read the failing job's error in the newest run's log; `anomstack validate` checks the batch's config",
    },
  };
}

/** A message's first line, cut at 200 characters: a warning is one line (a SQL error goes on to quote the query). */
function firstLine(message: string): string {
  const line = message.split('\n', 1)[0]?.trim() ?? '';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

function minute(date: Date): string {
  return date.toISOString().slice(0, 16).replace('T', ' ');
}

/** "45 min", "5 h", "3 d": a span as a reader scans it. */
export function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} d`;
}

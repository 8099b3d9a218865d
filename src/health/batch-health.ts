/**
 * The inputs of the per-batch checks, read from the batch's own database (its metrics and run log), and the whole
 * run's health put together: what the action's summary, the report and the health issue show.
 */
import type { Batch } from '../config/load.ts';
import { JOBS } from '../config/schema.ts';
import type { DuckDb } from '../store/duckdb.ts';
import { MetricsTable, type MetricSummary } from '../store/metrics-table.ts';
import { RunLog } from '../store/run-log.ts';
import { redact } from '../runtime/redact.ts';
import { openSources, type SourceOptions } from '../report/sources.ts';
import {
  coldStartCheck, failedRunStreak, failingRunsCheck, freshnessCheck, healthReport, inactiveBranchCheck,
  type CheckResult, type HealthReport,
} from './checks.ts';

export interface BatchHealthOptions {
  now: Date;
  /** How often the workflow runs, for batches without an ingest_cron_schedule; null when unknown (their freshness is not checked). */
  cadenceMs?: number | null;
}

/** The freshness and failed-runs checks of one batch, over its database. A disabled batch is not checked. */
export async function batchHealth(batch: Batch, db: DuckDb, options: BatchHealthOptions): Promise<CheckResult[]> {
  if (batch.config.disable_batch) return [];
  const summary = await new MetricsTable(db, batch.config.table_key).summary(batch.name);
  const { newest, spacingMs } = newestPoint(summary);
  const failuresN = batch.config.health_failures_n;
  // A run logs at most one row per job: this many rows hold the newest failuresN runs whole.
  const runs = await new RunLog(db).recent(batch.name, JOBS.length * (failuresN + 1));
  return [
    freshnessCheck({
      batch: batch.name,
      newest,
      pointSpacingMs: spacingMs,
      ingestSchedule: batch.config.ingest_cron_schedule,
      cadenceMs: options.cadenceMs ?? null,
      now: options.now,
    }),
    failingRunsCheck({ batch: batch.name, streak: failedRunStreak(runs), failuresN }),
  ];
}

/**
 * The batch's newest point, and the data's usual spacing: the median over its metrics of each one's mean gap
 * between points (a metric with a single point has none).
 */
export function newestPoint(summary: readonly MetricSummary[]): { newest: Date | null; spacingMs: number | null } {
  const withPoints = summary.filter((m) => m.points > 0 && m.last_timestamp instanceof Date);
  if (withPoints.length === 0) return { newest: null, spacingMs: null };
  const newest = new Date(Math.max(...withPoints.map((m) => m.last_timestamp.getTime())));
  const gaps = withPoints
    .filter((m) => m.points > 1)
    .map((m) => (m.last_timestamp.getTime() - m.first_timestamp.getTime()) / (m.points - 1))
    .sort((a, b) => a - b);
  return { newest, spacingMs: gaps[Math.floor(gaps.length / 2)] ?? null };
}

/** What the run knows beyond the batches' databases: the state restore and the default branch. */
export interface RunWideInput {
  now: Date;
  /** The state restore's outcome (src/action/state.ts `Restored`); absent outside the action. */
  restored?: { kind: string; reason?: string } | undefined;
  /** The repository's default branch and its newest commit's date (see defaultBranchCommit); absent when unknown. */
  branch?: { name: string; lastCommitAt: Date | null } | null | undefined;
}

export function runWideChecks(input: RunWideInput): CheckResult[] {
  return [
    ...(input.restored ? [coldStartCheck(input.restored)] : []),
    ...(input.branch ? [inactiveBranchCheck({ branch: input.branch.name, lastCommitAt: input.branch.lastCommitAt, now: input.now })] : []),
  ];
}

/** batchHealth, with a database that cannot be read answered as a skipped check rather than thrown. */
export async function batchHealthOrSkip(batch: Batch, db: DuckDb, options: BatchHealthOptions): Promise<CheckResult[]> {
  try {
    return await batchHealth(batch, db, options);
  } catch (error) {
    const reason = `its database could not be read: ${redact(error instanceof Error ? error.message : String(error))}`;
    return [{ status: 'skipped', check: 'stale-data', subject: batch.name, reason }];
  }
}

export interface RunHealthInput extends BatchHealthOptions, RunWideInput {
  /** Each batch the run covers, with its database; null when none was written yet (nothing to check). */
  batches: readonly { batch: Batch; db: DuckDb | null }[];
}

/** Every check of one run. */
export async function runHealth(input: RunHealthInput): Promise<HealthReport> {
  const results = runWideChecks(input);
  for (const { batch, db } of input.batches) if (db) results.push(...(await batchHealthOrSkip(batch, db, input)));
  return healthReport(results);
}

/**
 * Every check, with the batches and databases read from the metrics folder as the report reads them (read only:
 * no database is created where no job wrote one). For the action after its jobs ran, and the CLI.
 */
export async function checkHealth(options: SourceOptions & RunWideInput & { cadenceMs?: number | null }): Promise<HealthReport> {
  const sources = await openSources(options);
  try {
    return await runHealth({ ...options, batches: sources.batches });
  } finally {
    sources.close();
  }
}

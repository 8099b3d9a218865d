/**
 * The health checks in the action (src/health): after the jobs, each batch's freshness and failed runs, the state's
 * cold start and the default branch's last commit; the warnings go to the log, the job summary, the report and the
 * one `anomstack health` issue.
 */
import * as core from '@actions/core';
import type { GitHubIssues } from '../alerts/github-issues.ts';
import type { Layer } from '../config/layers.ts';
import { checkHealth } from '../health/batch-health.ts';
import { defaultBranchCommit } from '../health/branch.ts';
import { cronIntervalMs, type HealthReport } from '../health/checks.ts';
import { syncHealthIssue } from '../health/health-issue.ts';
import { healthLines } from '../health/summary.ts';
import { redact } from '../runtime/redact.ts';
import { eventPayload } from './event.ts';
import { repository } from './save.ts';

export interface ActionHealthInput {
  metricsDir: string;
  batches: readonly string[];
  env: NodeJS.ProcessEnv;
  defaults: Layer;
  now: Date;
  restored: { kind: string; reason?: string };
  githubToken: string;
  /** The run's issues: the health issue goes through them (budget, dry run); none without a token. */
  github: GitHubIssues | null;
}

/**
 * Runs the checks, warns of each problem, and brings the health issue in line (before the run's issues finish);
 * returns the checks for the job summary and the report's Health page.
 */
export async function actionHealth(input: ActionHealthInput): Promise<HealthReport> {
  const { env, now } = input;
  const payload = eventPayload(env);
  const schedule = typeof payload?.['schedule'] === 'string' ? payload['schedule'] : null;
  const cadenceMs = schedule ? safely(() => cronIntervalMs(schedule, now)) : null;
  const branch = await branchOf(input, payload);
  const report = await checkHealth({ metricsDir: input.metricsDir, batches: input.batches, env, defaults: input.defaults, now, restored: input.restored, branch, cadenceMs });
  for (const line of healthLines(report)) core.warning(line);
  if (input.github) {
    try {
      const outcome = await syncHealthIssue(input.github, report.warnings);
      if (outcome.action !== 'none' && outcome.action !== 'unchanged') core.info(`health issue: ${outcome.action}${outcome.url ? ` (${outcome.url})` : ''}`);
    } catch (error) {
      // The checks still reach the log, the summary and the report.
      core.warning(`health issue: ${redact(error instanceof Error ? error.message : String(error))}`);
    }
  }
  return report;
}

/** The default branch's newest commit: from the API with the run's token; unknown (null) when it cannot be read. */
async function branchOf(input: ActionHealthInput, payload: Record<string, unknown> | null): Promise<{ name: string; lastCommitAt: Date | null } | null> {
  const where = repository(input.env);
  if (!where || !input.githubToken) return null;
  const repo = payload?.['repository'];
  const known = typeof repo === 'object' && repo !== null ? (repo as Record<string, unknown>)['default_branch'] : undefined;
  try {
    return await defaultBranchCommit({
      token: input.githubToken,
      ...where,
      ...(input.env['GITHUB_API_URL'] ? { baseUrl: input.env['GITHUB_API_URL'] } : {}),
      ...(typeof known === 'string' ? { branch: known } : {}),
    });
  } catch (error) {
    core.info(`health: the default branch's last commit could not be read (${redact(error instanceof Error ? error.message : String(error))}); that check is skipped`);
    return null;
  }
}

function safely<T>(work: () => T): T | null {
  try {
    return work();
  } catch {
    return null;
  }
}

import * as core from '@actions/core';
import { formatIssue } from './config/issues.ts';
import { JOBS, type Job } from './config/schema.ts';
import type { Reporter } from './jobs/context.ts';
import { runJobs, type RunReport } from './jobs/run.ts';

/** Reporter for the Actions log: warnings become annotations, progress is logged at most every 10%. */
function actionsReporter(): Reporter {
  const lastDecile = new Map<string, number>();
  return {
    info: (message) => core.info(message),
    warn: (message) => core.warning(message),
    progress: (label, done, total) => {
      const decile = Math.floor((10 * done) / Math.max(total, 1));
      if (total >= 50 && decile !== lastDecile.get(label)) {
        lastDecile.set(label, decile);
        core.info(`${label}: ${done}/${total}`);
      }
    },
  };
}

function parseCommand(value: string): readonly Job[] {
  if (value === 'run') return JOBS;
  if ((JOBS as readonly string[]).includes(value)) return [value as Job];
  throw new Error(`input "command" must be run or one of ${JOBS.join(', ')} (got "${value}")`);
}

async function writeSummary(report: RunReport): Promise<void> {
  const counts = ['metrics', 'ingested', 'scored', 'alerts', 'changes', 'tholdalerts'];
  const header = ['batch', 'status', ...counts].map((data) => ({ data, header: true }));
  const rows = report.batches.map((b) => [b.batch, b.status, ...counts.map((k) => String(b.counts[k] ?? 0))]);
  const errors = report.batches.filter((b) => b.error).map((b) => `${b.batch}: ${b.error ?? ''}`);
  const summary = core.summary.addHeading('Anomstack', 2).addTable([header, ...rows]);
  if (errors.length > 0) summary.addHeading('Errors', 3).addList(errors);
  await summary.write();
}

export async function runAction(): Promise<void> {
  const jobs = parseCommand(core.getInput('command') || 'run');
  const metricsDir = core.getInput('metrics-dir') || 'metrics';
  const batches = core.getInput('batches').split(/[\s,]+/).filter((b) => b !== '' && b !== 'all');
  const report = await runJobs({ metricsDir, batches, jobs, reporter: actionsReporter() });
  for (const warning of report.warnings) core.warning(formatIssue(warning));
  for (const failure of report.configFailures) {
    for (const issue of failure.error.issues) {
      const annotate = issue.severity === 'error' ? core.error : core.warning;
      annotate(formatIssue(issue), { file: issue.source, ...(issue.line ? { startLine: issue.line } : {}) });
    }
  }
  const anomalies = report.batches.reduce((sum, b) => sum + (b.counts['alerts'] ?? 0), 0);
  core.setOutput('anomalies', anomalies);
  if (process.env['GITHUB_STEP_SUMMARY']) await writeSummary(report);
  const failed = report.batches.filter((b) => b.status === 'failed' || b.status === 'invalid');
  if (failed.length > 0) core.setFailed(`${failed.length} batch(es) failed: ${failed.map((b) => b.batch).join(', ')}`);
}

runAction().catch((error: unknown) => core.setFailed(error instanceof Error ? error.message : String(error)));

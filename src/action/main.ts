/** The action: read inputs, restore state, run the batches' due jobs, save state, report. */
import path from 'node:path';
import * as core from '@actions/core';
import { GitHubIssues, issuesOutput } from '../alerts/github-issues.ts';
import { formatIssue } from '../config/issues.ts';
import { loadBatches, type LoadResult } from '../config/load.ts';
import type { Reporter } from '../jobs/context.ts';
import { runJobs } from '../jobs/run.ts';
import { LLM_KEY_VARIABLES } from '../llm/openai.ts';
import { writeReport } from '../report/write.ts';
import { redact, urlSecrets } from '../runtime/redact.ts';
import { backtestBatches } from './backtest.ts';
import { readTrigger } from './event.ts';
import { publicValuesWarning, repositoryIsPublic } from './visibility.ts';
import { actionHealth } from './health.ts';
import { windowCommand } from '../cli/backfill.ts';
import { healthMarkdown } from '../health/summary.ts';
import { readInputs, type ActionInputs } from './inputs.ts';
import { mergeStates } from './merge-states.ts';
import { planMatrix } from './plan.ts';
import { prCheck } from './pr-check.ts';
import { issueChartUrl, PUBLISHED_PLOTS_DIR, publishPlots, statePlotsDir } from './plots.ts';
import { restoreState, stateScope, type Restored, type StateTarget } from './state.ts';
import { describeRestore, writeSummary } from './summary.ts';
import { openArtifactStore } from '../artifacts/index.ts';
import { ACTION_INPUT_NAMES, silenceCommand } from '../cli/silence.ts';
import { repository, saveRunState } from './save.ts';
import { restoreFromStore } from '../artifacts/state-sync.ts';

/**
 * Reporter for the Actions log: warnings become annotations, progress is logged at most every 10%. Lines are
 * redacted too: masking covers only the values maskSecrets saw, and an error may quote a URL from anywhere else.
 */
function actionsReporter(): Reporter {
  const lastDecile = new Map<string, number>();
  return {
    info: (message) => core.info(redact(message)),
    warn: (message) => core.warning(redact(message)),
    progress: (label, done, total) => {
      const decile = Math.floor((10 * done) / Math.max(total, 1));
      if (total >= 50 && decile !== lastDecile.get(label)) {
        lastDecile.set(label, decile);
        core.info(`${label}: ${done}/${total}`);
      }
    },
  };
}

/** Config errors and warnings as annotations on the file and line they point at. */
function annotate(loaded: Pick<LoadResult, 'warnings' | 'failures'>): void {
  // A config issue quotes the bad value, which may be a URL with credentials in it.
  for (const warning of loaded.warnings) core.warning(redact(formatIssue(warning)), { file: warning.source, ...(warning.line ? { startLine: warning.line } : {}) });
  for (const failure of loaded.failures) {
    for (const issue of failure.error.issues) {
      const note = issue.severity === 'error' ? core.error : core.warning;
      note(redact(formatIssue(issue)), { file: issue.source, ...(issue.line ? { startLine: issue.line } : {}) });
    }
  }
}

function runUrl(env: NodeJS.ProcessEnv): string | null {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
  return server && repo && run ? `${server}/${repo}/actions/runs/${run}` : null;
}

async function validate(inputs: ActionInputs, batches: string[]): Promise<void> {
  const loaded = await loadBatches(inputs.metricsDir, { only: batches });
  annotate(loaded);
  core.info(`${loaded.batches.length} valid batch(es), ${loaded.failures.length} invalid`);
  if (loaded.failures.length > 0) core.setFailed(`${loaded.failures.length} batch(es) have config errors: ${loaded.failures.map((f) => f.name).join(', ')}`);
}

async function plan(inputs: ActionInputs, batches: string[]): Promise<void> {
  const loaded = await loadBatches(inputs.metricsDir, { only: batches });
  annotate(loaded);
  const enabled = loaded.batches.filter((b) => !b.config.disable_batch).map((b) => b.name);
  const matrix = planMatrix(enabled);
  core.setOutput('matrix', JSON.stringify(matrix));
  core.info(`plan: ${enabled.length} batch(es) in ${matrix.include.length} matrix job(s)`);
  if (loaded.failures.length > 0) core.setFailed(`${loaded.failures.length} batch(es) have config errors: ${loaded.failures.map((f) => f.name).join(', ')}`);
}

/**
 * Names of variables that hold credentials a batch's SQL or ingest function may read (database passwords, API keys),
 * and webhook URLs, whose secret is in the path (ANOMSTACK_WEBHOOK_URL, ANOMSTACK_TEAMS_/DISCORD_WEBHOOK_URL).
 */
const SECRET_NAME = /(TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|PRIVATE_KEY|CREDENTIALS|CONNECTION_STRING|WEBHOOK_URL)/i;

/** Shorter values are not masked: masking a common word would garble the whole log while hiding little. */
const MIN_MASKED_LENGTH = 6;

/**
 * Masks the token and every credential-looking variable before any batch runs: a driver error that echoes
 * a connection string must not put a password in the log. Any variable may hold a URL with credentials
 * (ANOMSTACK_SLACK_API_URL=https://user:pass@proxy/...): its userinfo, password and secret query values are masked too.
 */
function maskSecrets(inputs: ActionInputs, env: NodeJS.ProcessEnv): void {
  // The LLM key's name (ANOMSTACK_OPENAI_KEY) does not look like a credential's to SECRET_NAME.
  const secret = (name: string): boolean => SECRET_NAME.test(name) || (LLM_KEY_VARIABLES as readonly string[]).includes(name);
  const values = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    if (!value) continue;
    if (secret(name)) {
      values.add(value);
      // A multi-line secret (a PEM private key, a service account's JSON) is masked as a whole only where it is
      // printed whole: each line of it is registered too, and so is each line of a JSON key's `private_key`.
      for (const part of [value, jsonPrivateKey(value)]) for (const line of part.split(/\r?\n/)) values.add(line.trim());
    }
    if (value.includes('://') || value.includes('=')) for (const part of urlSecrets(value)) values.add(part);
  }
  if (inputs.githubToken) values.add(inputs.githubToken);
  for (const value of values) if (value.length >= MIN_MASKED_LENGTH || value === inputs.githubToken) core.setSecret(value);
}

/** The `private_key` of a service account's JSON key (its lines escaped in the JSON); empty for anything else. */
function jsonPrivateKey(value: string): string {
  if (!value.trimStart().startsWith('{')) return '';
  try {
    const parsed: unknown = JSON.parse(value);
    const key = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>)['private_key'] : undefined;
    return typeof key === 'string' ? key : '';
  } catch {
    return '';
  }
}

/**
 * The run's GitHub issues, when there is a token and a repository to open them in. `plotted` names the
 * batches whose issues show the plot job's PNG (see issueChartUrl).
 */
function openIssues(inputs: ActionInputs, env: NodeJS.ProcessEnv, now: Date): GitHubIssues | null {
  const where = repository(env);
  if (!inputs.githubToken || !where) return null;
  const { owner, repo } = where;
  const run = runUrl(env);
  return new GitHubIssues({
    token: inputs.githubToken,
    owner,
    repo,
    ...(env['GITHUB_API_URL'] ? { apiUrl: env['GITHUB_API_URL'] } : {}),
    ...(run ? { runUrl: run } : {}),
    ...(inputs.reportUrl ? { reportUrl: inputs.reportUrl, chartUrl: issueChartUrl(inputs.reportUrl) } : {}),
    creator: inputs.issueCreator,
    dryRun: inputs.dryRun,
    maxOperations: inputs.maxIssueOperations,
    now,
    info: (message) => core.info(message),
    warn: (message) => core.warning(message),
  });
}

/** The run's counters of new alert rows: what `fail-on-anomaly` counts. */
const FIRED_COUNTS = ['alerts', 'changes', 'tholdalerts', 'llmalerts'] as const;

export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const inputs = readInputs();
  maskSecrets(inputs, env);
  const trigger = readTrigger(env);
  const batches = inputs.batches.length > 0 ? inputs.batches : trigger.batches;
  if (inputs.command === 'validate') return validate(inputs, batches);
  if (inputs.command === 'plan') return plan(inputs, batches);
  if (inputs.command === 'pr-check') return prCheck(inputs, env, { annotate, reporter: actionsReporter() });

  const now = new Date();
  const target: StateTarget = {
    dir: inputs.state.dir,
    // A silence goes into the state the scheduled runs of every batch restore, whichever batches it names.
    scope: stateScope(inputs.command === 'silence' ? [] : batches),
    runId: env['GITHUB_RUN_ID'] ?? '0',
    runAttempt: env['GITHUB_RUN_ATTEMPT'] ?? '1',
  };
  const stateStore = inputs.state.kind === 'store' ? openArtifactStore(inputs.state.url, env) : null;
  const fromStore = stateStore ? await restoreFromStore(stateStore, inputs.state.dir, target.scope) : null;
  const restored: Restored = inputs.state.kind === 'local' ? { kind: 'local', dir: inputs.state.dir } : (fromStore ?? (await restoreState(target)));
  if (restored.kind === 'cold-start') core.warning(`Cold start: ${restored.reason}`);
  if (restored.kind === 'store') core.info(describeRestore(restored, now, null));
  for (const warning of 'warnings' in restored ? restored.warnings : []) core.warning(redact(warning));

  const stateDir = path.resolve(inputs.state.dir);
  // The state folder is the default home of every batch's database and models; a batch that names its own keeps it.
  const stateDefaults = {
    source: `the action's state input (${inputs.state.kind === 'local' ? inputs.state.dir : inputs.state.kind === 'store' ? inputs.state.url : 'actions-cache'})`,
    data: { duckdb_path: path.join(stateDir, 'anomstack.duckdb'), model_path: `local://${path.join(stateDir, 'models')}` },
  };
  for (const merged of await mergeStates(inputs.mergeStates, stateDir)) core.info(`merged ${merged.rows} row(s) from ${merged.source}`);
  if (inputs.command === 'silence') {
    const text = await silenceCommand(inputs.silence.action, { ...inputs.silence, metricsDir: inputs.metricsDir, batches, now, waitMs: 0, defaults: stateDefaults, names: ACTION_INPUT_NAMES });
    core.info(text);
    if (env['GITHUB_STEP_SUMMARY']) await core.summary.addHeading('Silences', 3).addCodeBlock(text).write();
    // add and expire change the state; list only reads it.
    if (inputs.silence.action === 'list' || inputs.dryRun) return;
    const { saveFailure } = await saveRunState({ inputs, env, target, restored, stateStore, fromStore, now });
    if (saveFailure) core.setFailed(saveFailure);
    return;
  }
  if (inputs.command === 'backfill' || inputs.command === 'rescore') {
    const { from, to } = inputs.window;
    const text = await windowCommand(inputs.command, {
      metricsDir: inputs.metricsDir, batches, from: from || undefined, to: to || undefined, now, waitMs: 0, reporter: actionsReporter(), defaults: stateDefaults, names: { from: 'from', to: 'to' },
    });
    core.info(text);
    if (env['GITHUB_STEP_SUMMARY']) await core.summary.addHeading(inputs.command === 'backfill' ? 'Backfill' : 'Rescore', 3).addCodeBlock(text).write();
    if (inputs.dryRun) return;
    const { saveFailure } = await saveRunState({ inputs, env, target, restored, stateStore, fromStore, now });
    if (saveFailure) core.setFailed(saveFailure);
    return;
  }
  if (inputs.command === 'backtest') {
    // Reads the restored history, writes nothing to it: there is no state to save.
    const failed = await backtestBatches({ metricsDir: inputs.metricsDir, batches, reportDir: inputs.reportDir, defaults: stateDefaults, now, reporter: actionsReporter() });
    core.setOutput('report-dir', inputs.reportDir);
    if (failed.length > 0) core.setFailed(`backtest failed for ${failed.join(', ')}`);
    return;
  }
  const plotsDir = statePlotsDir(stateDir);
  const github = openIssues(inputs, env, now);
  const report = await runJobs({
    metricsDir: inputs.metricsDir,
    batches,
    jobs: inputs.jobs,
    now,
    env,
    respectSchedules: trigger.respectSchedules,
    reporter: actionsReporter(),
    // In the state folder, so the cache keeps them for ticks on which the plot job is not due.
    plotsDir,
    ...(github ? { github } : {}),
    // In the action anomalies become issues unless a batch says otherwise.
    defaults: {
      ...stateDefaults,
      data: { ...stateDefaults.data, ...(github ? { alert_methods: ['console', 'github'], tholdalert_methods: ['console', 'github'] } : {}) },
    },
  });
  annotate({ warnings: report.warnings, failures: report.configFailures });
  const exposed = publicValuesWarning(repositoryIsPublic(env), report.batches.filter((b) => b.status !== 'invalid' && !b.valuesPrivate).map((b) => b.batch));
  if (exposed) core.warning(exposed);
  // Health, after the jobs and before the run's issues finish: the health issue shares their budget and dry run.
  const health = inputs.jobs.length > 0
    ? await actionHealth({ metricsDir: inputs.metricsDir, batches, env, defaults: stateDefaults, now, restored, githubToken: inputs.githubToken, github })
    : null;
  const issues = github ? await github.finish() : null;
  // (In a dry run the channel has logged each planned mutation as it planned it.)
  if (issues) core.setOutput('issues', JSON.stringify(issuesOutput(issues)));

  let reportFailure: string | null = null;
  let site: { pages: number; bytes: number; warnings: string[] } | null = null;
  if (inputs.command === 'run' || inputs.command === 'report' || inputs.command === 'plot') {
    try {
      if (inputs.command !== 'plot') {
        site = await writeReport({ metricsDir: inputs.metricsDir, outDir: inputs.reportDir, now, env, defaults: stateDefaults, batches, ...(health ? { health } : {}) });
        for (const warning of site.warnings) core.warning(redact(warning));
        core.info(`report: ${site.pages} pages (${(site.bytes / 1e6).toFixed(1)} MB) in ${inputs.reportDir}`);
      }
      // The plot job's PNGs have a value axis: a batch that keeps its values private publishes none.
      const published = await publishPlots(plotsDir, inputs.reportDir, report.batches.filter((b) => b.status !== 'invalid' && !b.valuesPrivate).map((b) => b.batch));
      if (published > 0) core.info(`plots of ${published} batch(es) in ${path.join(inputs.reportDir, PUBLISHED_PLOTS_DIR)}`);
    } catch (error) {
      // The state is still saved below: a report that failed to render must not cost the run its data.
      reportFailure = `report: ${error instanceof Error ? error.message : String(error)}`;
      core.error(reportFailure);
    }
  }

  // A report-only run changed nothing worth saving.
  const saving = !inputs.dryRun && inputs.command !== 'report';
  const { saved, saveFailure } = saving ? await saveRunState({ inputs, env, target, restored, stateStore, fromStore, now }) : { saved: null, saveFailure: null };

  const anomalies = report.batches.reduce((sum, b) => sum + (b.counts['alerts'] ?? 0), 0);
  const fired = report.batches.reduce((sum, b) => sum + FIRED_COUNTS.reduce((n, key) => n + (b.counts[key] ?? 0), 0), 0);
  core.setOutput('anomalies', anomalies);
  core.setOutput('report-dir', inputs.reportDir);
  if (env['GITHUB_STEP_SUMMARY']) {
    await writeSummary({
      report, restored, saved, saveFailure, issues, trigger: trigger.event, now, runUrl: runUrl(env), dryRun: inputs.dryRun,
      site: site ? { ...site, dir: inputs.reportDir, url: inputs.reportUrl || null } : null,
    });
    if (health) await core.summary.addRaw(`\n${healthMarkdown(health)}\n`).write();
  }
  const failed = report.batches.filter((b) => b.status === 'failed' || b.status === 'invalid');
  const problems = [
    ...(failed.length > 0 ? [`${failed.length} batch(es) failed: ${failed.map((b) => b.batch).join(', ')}`] : []),
    ...(reportFailure ? [reportFailure] : []),
    ...(saveFailure ? [saveFailure] : []),
    ...(inputs.failOnAnomaly && fired > 0 ? [`${fired} new alert(s) fired (fail-on-anomaly)`] : []),
  ];
  if (problems.length > 0) core.setFailed(problems.join('; '));
}

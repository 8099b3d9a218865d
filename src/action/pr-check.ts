/**
 * `command: pr-check`: the pull-request preview. Validates every batch the pull request changes (annotations on
 * the file and line; the check fails on an invalid config), backtests each with the base branch's config and the
 * pull request's over the same history, and posts one sticky comment with alerts before -> after. A run from a fork
 * (read-only token, no secrets) writes the same to the job summary instead and says what it skipped.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as core from '@actions/core';
import { createOctokit, statusOf } from '../alerts/github-api.ts';
import { openArtifactStore } from '../artifacts/index.ts';
import { restoreFromStore } from '../artifacts/state-sync.ts';
import type { Layer } from '../config/layers.ts';
import { loadBatches, type Batch, type LoadResult } from '../config/load.ts';
import { backtestBatch, type BacktestResult } from '../jobs/backtest.ts';
import type { Reporter } from '../jobs/context.ts';
import { redact } from '../runtime/redact.ts';
import type { ActionInputs } from './inputs.ts';
import { baseMetricsDir, changedPaths, locateMetrics, readPullRequest, touchedBatches, type PullRequest } from './pr-changes.ts';
import { writeAlertChart } from './pr-chart.ts';
import { renderCheckBody, upsertStickyComment, type BatchOutcome } from './pr-comment.ts';
import { restoreState, stateScope, type Restored } from './state.ts';
import { describeRestore } from './summary.ts';

export interface PrCheckTools {
  /** The action's annotations of config errors and warnings (file and line). */
  annotate: (loaded: Pick<LoadResult, 'warnings' | 'failures'>) => void;
  reporter: Reporter;
}

export async function prCheck(inputs: ActionInputs, env: NodeJS.ProcessEnv, tools: PrCheckTools): Promise<void> {
  const now = new Date();
  const pr = readPullRequest(env);
  const where = await locateMetrics(inputs.metricsDir);
  const changed = await changedPaths(where, pr);
  const baseDir = await baseMetricsDir(where, pr);
  const stateDir = path.resolve(inputs.state.dir);
  const defaults: Layer = {
    source: `the action's state input (${inputs.state.kind === 'store' ? inputs.state.url : inputs.state.dir})`,
    data: { duckdb_path: path.join(stateDir, 'anomstack.duckdb'), model_path: `local://${path.join(stateDir, 'models')}` },
  };

  // Names first (every batch on both sides), so a renamed `metric_batch` and a deleted batch are both seen.
  const headAll = await loadBatches(inputs.metricsDir, { defaults });
  const baseAll = baseDir ? await loadBatches(baseDir, { defaults }) : null;
  const selected = new Set(inputs.batches);
  const touched = [...new Set([...touchedBatches(everyBatch(headAll), inputs.metricsDir, changed), ...(baseAll && baseDir ? touchedBatches(everyBatch(baseAll), baseDir, changed) : [])])]
    .filter((name) => selected.size === 0 || selected.has(name))
    .sort();
  core.info(`pr-check #${pr.number}: ${changed.length} changed path(s) under ${where.relative || 'the repository'}; changed batches: ${touched.join(', ') || 'none'}`);

  const head = touched.length > 0 ? await loadBatches(inputs.metricsDir, { only: touched, defaults }) : { batches: [], failures: [], warnings: [] };
  tools.annotate(head);

  const skipped: string[] = [];
  const canComment = !pr.fromFork && inputs.githubToken !== '';
  if (pr.fromFork) {
    skipped.push(`the sticky comment: this pull request comes from a fork (${pr.headRepository ?? 'a deleted repository'}), whose runs get a read-only token, so the result is in this job summary instead`);
  } else if (!inputs.githubToken) {
    skipped.push('the sticky comment: no `github-token` input, so the result is in this job summary instead');
  }

  const restored = touched.length > 0 ? await restoreReadOnly(inputs, env) : null;

  const outcomes: BatchOutcome[] = [];
  let backtestFailures = 0;
  for (const name of touched) {
    const headBatch = head.batches.find((b) => b.name === name);
    const failure = head.failures.find((f) => f.name === name);
    const baseBatch = baseAll?.batches.find((b) => b.name === name && !b.config.disable_batch) ?? null;
    if (failure) {
      outcomes.push({ batch: name, status: 'invalid', note: `${failure.file}: ${redact(failure.error.message)} (see the annotations)`, before: null, after: null });
      continue;
    }
    if (!headBatch) {
      outcomes.push({ batch: name, status: 'removed', note: 'removed by this pull request', before: null, after: null });
      continue;
    }
    if (headBatch.config.disable_batch) {
      outcomes.push({ batch: name, status: 'skipped', note: 'disable_batch is set: nothing runs', before: null, after: null });
      continue;
    }
    const after = await replay(headBatch, now, tools.reporter);
    if ('error' in after) {
      // A fork's run has no secrets: a source that needs one cannot be read, which is not the pull request's fault.
      const note = pr.fromFork
        ? `backtest skipped: ${after.error} (runs from forks get no secrets, so a source that needs credentials cannot be read here; the check on a branch of this repository backtests it)`
        : `backtest failed: ${after.error}`;
      if (pr.fromFork) skipped.push(`the backtest of \`${name}\`: its source could not be read without the repository's secrets`);
      else backtestFailures++;
      outcomes.push({ batch: name, status: pr.fromFork ? 'skipped' : 'failed', note, before: null, after: null });
      continue;
    }
    const before = baseBatch ? await replay(baseBatch, now, tools.reporter) : null;
    const chart = await writeAlertChart(path.join(inputs.reportDir, 'pr-check'), name, after, headBatch.config.alert_threshold).catch((error: unknown) => {
      // The text sparkline still shows the alerts: a chart that failed to render is a warning.
      core.warning(`pr-check chart of ${name}: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    });
    const beforeNote = before && 'error' in before ? `the base branch's config could not be backtested: ${before.error}` : undefined;
    outcomes.push({
      batch: name,
      status: baseBatch ? 'compared' : 'new',
      ...(beforeNote ? { note: beforeNote } : baseBatch ? {} : { note: 'new batch: the history is what its ingest returns' }),
      before: before && !('error' in before) ? before : null,
      after,
      ...(chart ? { chart } : {}),
    });
  }

  const runUrl = env['GITHUB_SERVER_URL'] && env['GITHUB_REPOSITORY'] && env['GITHUB_RUN_ID'] ? `${env['GITHUB_SERVER_URL']}/${env['GITHUB_REPOSITORY']}/actions/runs/${env['GITHUB_RUN_ID']}` : null;
  await writeCsvs(path.join(inputs.reportDir, 'pr-check'), outcomes);
  core.setOutput('report-dir', inputs.reportDir);
  const state = restored ? describeRestore(restored, now, null) : null;
  const render = (): string => renderCheckBody({ baseSha: pr.baseSha, headSha: pr.headSha, outcomes, skipped, runUrl, state });
  let body = render();
  if (canComment) {
    const posted = await postComment(inputs, env, pr, body);
    if (posted.skipped) {
      skipped.push(posted.skipped);
      body = render();
    }
  }
  if (env['GITHUB_STEP_SUMMARY']) await core.summary.addRaw(body, true).write();

  const invalid = head.failures.map((f) => f.name);
  const problems = [
    ...(invalid.length > 0 ? [`${invalid.length} changed batch(es) have config errors: ${invalid.join(', ')}`] : []),
    ...(backtestFailures > 0 ? [`backtest failed for ${backtestFailures} changed batch(es)`] : []),
  ];
  if (problems.length > 0) core.setFailed(problems.join('; '));
}

function everyBatch(loaded: LoadResult): { name: string; file: string }[] {
  return [...loaded.batches.map((b) => ({ name: b.name, file: b.file })), ...loaded.failures.map((f) => ({ name: f.name, file: f.file }))];
}

async function replay(batch: Batch, now: Date, reporter: Reporter): Promise<BacktestResult[] | { error: string }> {
  try {
    return (await backtestBatch(batch, { now, reporter })).results;
  } catch (error) {
    const message = redact(error instanceof Error ? error.message : String(error));
    core.warning(`backtest ${batch.name} (${batch.file}): ${message}`);
    return { error: message };
  }
}

/**
 * The stored state, read-only: restored like a scheduled run restores it, and never saved (a pull request's
 * config must not change what the scheduled runs see). A restore that fails is a cold start: the history is then
 * what one ingest returns.
 */
async function restoreReadOnly(inputs: ActionInputs, env: NodeJS.ProcessEnv): Promise<Restored> {
  const scope = stateScope(inputs.batches);
  try {
    if (inputs.state.kind === 'local') return { kind: 'local', dir: inputs.state.dir };
    if (inputs.state.kind === 'store') return await restoreFromStore(openArtifactStore(inputs.state.url, env), inputs.state.dir, scope);
    return await restoreState({ dir: inputs.state.dir, scope, runId: env['GITHUB_RUN_ID'] ?? '0', runAttempt: env['GITHUB_RUN_ATTEMPT'] ?? '1' });
  } catch (error) {
    const reason = `the stored state could not be restored (${redact(error instanceof Error ? error.message : String(error))}); backtesting on what one ingest returns`;
    core.warning(reason);
    return { kind: 'cold-start', reason };
  }
}

/** Posts or edits the sticky comment; a token that may not write (403) is reported as skipped, not as a failure. */
async function postComment(inputs: ActionInputs, env: NodeJS.ProcessEnv, pr: PullRequest, body: string): Promise<{ skipped: string | null }> {
  const [owner, repo] = pr.repository.split('/');
  if (!owner || !repo) return { skipped: `the sticky comment: the event names no repository (got "${pr.repository}")` };
  const octokit = createOctokit({ token: inputs.githubToken, baseUrl: env['GITHUB_API_URL'], warn: (m) => core.warning(m) });
  try {
    const done = await upsertStickyComment({ octokit, owner, repo, number: pr.number, author: inputs.issueCreator }, body);
    core.info(`pr-check: ${done.action} the comment ${done.url}`);
    return { skipped: null };
  } catch (error) {
    const status = statusOf(error);
    if (status === 403 || status === 404) {
      return { skipped: `the sticky comment: GitHub answered ${status} (the token may not write to pull requests: give the job \`pull-requests: write\`), so the result is in this job summary instead` };
    }
    throw error;
  }
}

/** One CSV per batch and side, for the workflow to upload as the `pr-check` artifact. */
async function writeCsvs(dir: string, outcomes: readonly BatchOutcome[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const outcome of outcomes) {
    for (const [side, results] of [['before', outcome.before], ['after', outcome.after]] as const) {
      if (!results) continue;
      const rows = results.flatMap((r) => r.points.map((p) => [csvField(r.metric), p.timestamp.toISOString(), p.value, p.score ?? '', p.alert ? 1 : 0].join(',')));
      await writeFile(path.join(dir, `${outcome.batch}.${side}.csv`), `metric_name,metric_timestamp,metric_value,score,alert\n${rows.join('\n')}\n`);
    }
  }
}

function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Saving the action's state at the end of a run (or of a silence add / expire). */
import * as core from '@actions/core';
import { createOctokit } from '../alerts/github-api.ts';
import type { ArtifactStore } from '../artifacts/store.ts';
import { saveToStore, type restoreFromStore, type StoreSaved } from '../artifacts/state-sync.ts';
import { redact } from '../runtime/redact.ts';
import type { ActionInputs } from './inputs.ts';
import { saveState, stateApi, type Restored, type Saved, type StateTarget } from './state.ts';
import { describeSave } from './summary.ts';

/**
 * Saves the state where it came from: the bucket it was restored from, or the Actions cache (a folder state is saved
 * already). A bucket save that fails is returned as the step's failure; the earlier saves are untouched.
 */
export async function saveRunState(run: {
  inputs: ActionInputs;
  env: NodeJS.ProcessEnv;
  target: StateTarget;
  restored: Restored;
  stateStore: ArtifactStore | null;
  fromStore: Awaited<ReturnType<typeof restoreFromStore>> | null;
  now: Date;
}): Promise<{ saved: Saved | StoreSaved | null; saveFailure: string | null }> {
  const { inputs, env, target, now } = run;
  let saved: Saved | StoreSaved | null = null;
  let saveFailure: string | null = null;
  if (run.stateStore && run.fromStore) {
    try {
      saved = await saveToStore(run.stateStore, inputs.state.dir, target.scope, run.fromStore, { now, run: `run ${target.runId}.${target.runAttempt}` });
      for (const warning of saved.warnings) core.warning(redact(warning));
      core.info(describeSave(saved));
    } catch (error) {
      // The previous saves are untouched; this run's work is not in the store, so the step must not pass.
      saveFailure = redact(`state not saved (the earlier saves are untouched): ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (inputs.state.kind === 'actions-cache') {
    const where = repository(env);
    const octokit = inputs.githubToken
      ? createOctokit({ token: inputs.githubToken, baseUrl: env['GITHUB_API_URL'], warn: (m) => core.warning(m) })
      : null;
    const api = octokit && where ? stateApi(octokit, where.owner, where.repo) : null;
    saved = await saveState(target, run.restored, now, api);
    for (const warning of saved.warnings) core.warning(warning);
  }
  return { saved, saveFailure };
}


/** The workflow's repository, from GITHUB_REPOSITORY. */
export function repository(env: NodeJS.ProcessEnv): { owner: string; repo: string } | null {
  const [owner, repo] = (env['GITHUB_REPOSITORY'] ?? '').split('/');
  return owner && repo ? { owner, repo } : null;
}

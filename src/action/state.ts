/**
 * Where the embedded DuckDB file and the models live between workflow runs. With the Actions cache
 * (the default) every run saves a new entry under a key never used before, `<prefix><saved at>-<run id>-<attempt>`,
 * and the next run restores the newest entry by prefix; entries it supersedes are deleted when the token
 * may (`actions: write`). A miss is reported as a cold start, since after GitHub evicts an entry unused
 * for 7 days the models are retrained from whatever the source still returns.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import * as cache from '@actions/cache';
import { mergeDatabases } from '../store/merge.ts';
export { stateScope } from '../artifacts/state-sync.ts';
import type { StoreRestored } from '../artifacts/state-sync.ts';
import type { Octokit } from '../alerts/github-api.ts';

export interface StateTarget {
  /** The folder holding the state (the DuckDB file and `models/`). */
  dir: string;
  /** Entries of one scope restore each other: the batches a job runs (fan-out legs keep separate state). */
  scope: string;
  runId: string;
  runAttempt: string;
}

export type Restored =
  | { kind: 'restored'; key: string; savedAt: Date | null; fromRun: string | null }
  | { kind: 'cold-start'; reason: string }
  | { kind: 'local'; dir: string }
  | StoreRestored;

export interface Saved {
  key: string | null;
  /** Entries this save superseded and deleted. */
  pruned: string[];
  warnings: string[];
}

const KEY_VERSION = 'v1';

export function keyPrefix(scope: string): string {
  return `anomstack-state-${KEY_VERSION}-${scope}-`;
}

/** Reads the save time and run back out of a key this module wrote. */
export function parseStateKey(key: string): { savedAt: Date; runId: string } | null {
  const match = /-(\d{13})-(\d+)-(\d+)$/.exec(key);
  return match?.[1] && match[2] ? { savedAt: new Date(Number(match[1])), runId: match[2] } : null;
}

export async function restoreState(target: StateTarget): Promise<Restored> {
  await mkdir(target.dir, { recursive: true });
  if (!cache.isFeatureAvailable()) {
    return { kind: 'cold-start', reason: 'the Actions cache is not available to this job (ACTIONS_RESULTS_URL / ACTIONS_CACHE_URL unset)' };
  }
  const key = await cache.restoreCache([target.dir], keyPrefix(target.scope));
  if (!key) {
    return {
      kind: 'cold-start',
      reason: 'no saved state: the first run, or the last entry was evicted (GitHub drops cache entries unused for 7 days); models are retrained from what the source still returns',
    };
  }
  const parsed = parseStateKey(key);
  return { kind: 'restored', key, savedAt: parsed?.savedAt ?? null, fromRun: parsed?.runId ?? null };
}

/**
 * Saves the state under a fresh key. Before saving it checks whether another run saved state of the same
 * scope after this run restored (overlapping runs): that run's rows are not in this state, so its databases
 * are merged in first and the overlap reported; an entry that cannot be merged is left in place.
 */
export async function saveState(target: StateTarget, restored: Restored, now: Date, api: StateApi | null): Promise<Saved> {
  const prefix = keyPrefix(target.scope);
  const key = `${prefix}${now.getTime()}-${target.runId}-${target.runAttempt}`;
  const warnings: string[] = [];
  if (!cache.isFeatureAvailable()) return { key: null, pruned: [], warnings: ['the Actions cache is not available: state was not saved'] };
  const before = api ? await api.list(prefix).catch(() => null) : null;
  const restoredKey = restored.kind === 'restored' ? restored.key : null;
  const newer = (before ?? []).filter((e) => e.key !== restoredKey && (restoredKey === null || e.createdAt > createdAtOf(before ?? [], restoredKey)));
  const merged: string[] = [];
  for (const entry of newer) {
    try {
      const rows = await absorb(target, entry.key);
      merged.push(entry.key);
      warnings.push(`stale restore: ${entry.key} was saved by an overlapping run after this run restored ${restoredKey ?? 'nothing'}; its ${rows} row(s) this run lacked were merged in. A \`concurrency\` group keeps runs from overlapping.`);
    } catch (error) {
      warnings.push(
        `stale restore: ${entry.key} was saved by an overlapping run after this run restored ${restoredKey ?? 'nothing'} and could not be merged (${describe(error)}); ` +
          'rows only that run ingested are not in this state. Give the workflow a `concurrency` group so runs do not overlap.',
      );
    }
  }
  const id = await cache.saveCache([target.dir], key);
  if (id === -1) return { key: null, pruned: [], warnings: [...warnings, `could not save the state under ${key} (see the cache warnings above)`] };
  const pruned: string[] = [];
  if (api && before) {
    // Entries merged into this save are superseded too; one that could not be merged is kept.
    const keep = new Set([key, ...newer.map((e) => e.key).filter((k) => !merged.includes(k))]);
    for (const entry of before.filter((e) => !keep.has(e.key))) {
      const outcome = await api.remove(entry.key).then(() => 'deleted' as const, (error: unknown) => error);
      if (outcome === 'deleted') {
        pruned.push(entry.key);
      } else {
        warnings.push(`old state entries are kept: deleting ${entry.key} failed (${describe(outcome)}); give the token \`actions: write\` to prune them`);
        break;
      }
    }
  }
  return { key, pruned, warnings };
}

/**
 * Merges the databases of another run's saved state into this run's state folder. restoreCache writes to the
 * saved paths, so this run's folder steps aside while the other state is restored next to it.
 */
async function absorb(target: StateTarget, key: string): Promise<number> {
  const mine = path.resolve(target.dir);
  const aside = `${mine}.mine`;
  const theirs = `${mine}.theirs`;
  await rm(theirs, { recursive: true, force: true });
  await rename(mine, aside);
  try {
    const hit = await cache.restoreCache([target.dir], key);
    if (hit !== key) throw new Error(`could not restore ${key}`);
    await rename(mine, theirs);
  } finally {
    await rm(mine, { recursive: true, force: true });
    await rename(aside, mine);
  }
  try {
    const files = (await readdir(theirs)).filter((f) => f.endsWith('.duckdb')).map((f) => path.join(theirs, f));
    return (await mergeDatabases(files, mine)).reduce((sum, m) => sum + m.rows, 0);
  } finally {
    if (existsSync(theirs)) await rm(theirs, { recursive: true, force: true });
  }
}

function createdAtOf(entries: readonly CacheListing[], key: string): Date {
  return entries.find((e) => e.key === key)?.createdAt ?? new Date(0);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface CacheListing {
  key: string;
  createdAt: Date;
}

/** The REST side of the cache: list entries by key prefix, delete one by key. */
export interface StateApi {
  list(prefix: string): Promise<CacheListing[]>;
  remove(key: string): Promise<void>;
}

export function stateApi(octokit: Octokit, owner: string, repo: string): StateApi {
  return {
    list: async (prefix) => {
      const caches = await octokit.paginate(octokit.rest.actions.getActionsCacheList, { owner, repo, key: prefix, per_page: 100 });
      return caches
        .filter((c) => typeof c.key === 'string' && c.key.startsWith(prefix))
        .map((c) => ({ key: c.key ?? '', createdAt: new Date(c.created_at ?? 0) }));
    },
    remove: async (key) => {
      await octokit.rest.actions.deleteActionsCacheByKey({ owner, repo, key });
    },
  };
}

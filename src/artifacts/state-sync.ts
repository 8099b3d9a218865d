/**
 * A run's state folder (the DuckDB files, `models/`, `plots/`) kept in a store between runs: restored at the start,
 * saved at the end. The CLI's `--state URL` and the action's `state` input both use it, so a laptop, a cron box and
 * the scheduled workflow share one state.
 *
 * Overlapping runs lose nothing: a save never replaces another (see state-saves.ts); a run that finds a save it did
 * not restore from (another run's, made meanwhile) merges that save's rows into its own before saving, and names it
 * as a parent; two saves made at the same instant both stay heads and the next restore merges them.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { mergeDatabases } from '../store/merge.ts';
import { emptyFolder, packState, unpackState } from './state-archive.ts';
import { heads, listSaves, newSaveId, payloadsPrefix, saveIdTime, savesPrefix, writeSaveRecord, type SaveRecord } from './state-saves.ts';
import type { ArtifactStore } from './store.ts';

export type StoreRestored =
  | { kind: 'store'; location: string; save: SaveRecord; merged: MergedSave[]; known: string[]; warnings: string[] }
  | { kind: 'cold-start'; location: string; reason: string; known: string[]; warnings: string[] };

export interface MergedSave {
  id: string;
  run: string;
  rows: number;
}

export interface StoreSaved {
  location: string;
  id: string;
  bytes: number;
  merged: MergedSave[];
  pruned: string[];
  warnings: string[];
}

/** Payloads no record names (a save that failed before its record was written) are deleted after this long. */
const ORPHAN_GRACE_MS = 60 * 60 * 1000;

/** The scope of a selection of batches: `all`, or a short stable hash of the sorted names. */
export function stateScope(batches: readonly string[]): string {
  if (batches.length === 0) return 'all';
  const names = [...new Set(batches)].sort();
  return `batches-${createHash('sha256').update(names.join('\n')).digest('hex').slice(0, 12)}`;
}

/**
 * Replaces `dir` with the newest save of the scope and merges any other head into it. Rows the folder held
 * that the saves lack (a laptop's runs before it used `--state`) are merged in too, never dropped. An empty
 * scope is a cold start; so is a save that cannot be read, named in the reason and left in the store.
 */
export async function restoreFromStore(store: ArtifactStore, dir: string, scope: string): Promise<StoreRestored> {
  const location = `${store.location}/${scope}`;
  const work = await mkdtemp(path.join(tmpdir(), 'anomstack-state-'));
  try {
    for (let attempt = 0; ; attempt++) {
      const listing = await listSaves(store, scope);
      const warnings = listing.unreadable.map((name) => `unreadable save record left in place: ${name}`);
      const candidates = heads(listing.records);
      if (candidates.length === 0) {
        const local = await hasState(dir);
        const reason = `${location} holds no saved state${local ? `; starting from what ${dir} holds, which this run saves there` : ': the first run with this state, or its saves were deleted'}`;
        return { kind: 'cold-start', location, reason, known: [], warnings };
      }
      const failed: string[] = [];
      let restored: SaveRecord | null = null;
      const restoredDir = path.join(work, 'restored');
      for (const head of candidates) {
        const outcome = await fetchSave(store, scope, head, restoredDir, work);
        if (outcome === 'ok') {
          restored = head;
          break;
        }
        failed.push(`${head.id} (${outcome})`);
      }
      // A payload pruned while this run listed: another run saved meanwhile; list again once.
      if (!restored && attempt === 0 && failed.every((f) => f.endsWith('(missing)'))) continue;
      const unreadable = new Set(failed.map((f) => f.split(' ')[0]));
      if (!restored) {
        const reason = `the saved state at ${location} could not be read: ${failed.join('; ')}; the saves are left in place and models are retrained from what the source still returns`;
        return { kind: 'cold-start', location, reason, known: listing.records.filter((r) => !unreadable.has(r.id)).map((r) => r.id), warnings };
      }
      const merged: MergedSave[] = [];
      for (const other of candidates.filter((h) => h !== restored && !unreadable.has(h.id))) {
        const otherDir = path.join(work, `head-${other.id}`);
        const outcome = await fetchSave(store, scope, other, otherDir, work);
        if (outcome !== 'ok') {
          warnings.push(`overlapping save ${other.id} could not be read (${outcome}); it stays in the store`);
          unreadable.add(other.id);
          continue;
        }
        merged.push({ id: other.id, run: other.run, rows: await mergeFolder(otherDir, restoredDir) });
      }
      const localRows = (await hasState(dir)) ? await mergeFolder(dir, restoredDir) : 0;
      if (localRows > 0) warnings.push(`${localRows} row(s) ${dir} held that the saved state lacked were kept`);
      await emptyFolder(dir);
      for (const name of await readdir(restoredDir)) await rename(path.join(restoredDir, name), path.join(dir, name));
      const known = listing.records.filter((r) => !unreadable.has(r.id)).map((r) => r.id);
      return { kind: 'store', location, save: restored, merged, known, warnings };
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Saves `dir` as a new save of the scope. Saves made since the restore by overlapping runs are merged in first and
 * become parents; the saves this one supersedes are then deleted. A failure throws the store's error and leaves
 * every earlier save as it was.
 */
export async function saveToStore(
  store: ArtifactStore,
  dir: string,
  scope: string,
  restored: StoreRestored,
  options: { now: Date; run?: string },
): Promise<StoreSaved> {
  const location = `${store.location}/${scope}`;
  const run = options.run ?? `cli@${hostname()}`;
  const work = await mkdtemp(path.join(tmpdir(), 'anomstack-state-'));
  const warnings: string[] = [];
  try {
    const known = new Set(restored.known);
    const listing = await listSaves(store, scope);
    const merged: MergedSave[] = [];
    for (const other of heads(listing.records).filter((h) => !known.has(h.id))) {
      const otherDir = path.join(work, `head-${other.id}`);
      const outcome = await fetchSave(store, scope, other, otherDir, work);
      if (outcome !== 'ok') {
        warnings.push(`${other.id}, saved by ${other.run} after this run restored, could not be read (${outcome}); it stays in the store and the next run merges it`);
        continue;
      }
      const rows = await mergeFolder(otherDir, dir);
      merged.push({ id: other.id, run: other.run, rows });
      known.add(other.id);
      warnings.push(`overlapping runs: ${other.run} saved ${other.id} after this run restored; its ${rows} row(s) this run lacked were merged in. A \`concurrency\` group keeps runs from overlapping.`);
    }
    const id = newSaveId(options.now, run);
    const archive = path.join(work, 'state.tar.gz');
    const files = await packState(dir, archive);
    const bytes = (await stat(archive)).size;
    const payload = `${payloadsPrefix(scope)}${id}.tar.gz`;
    await store.upload(payload, archive);
    const parents = listing.records.map((r) => r.id).filter((r) => known.has(r));
    await writeSaveRecord(store, scope, { id, saved_at: options.now.toISOString(), run, payload, parents, files, bytes });
    const pruned = await prune(store, scope, new Set(parents), options.now, warnings);
    return { location, id, bytes, merged, pruned, warnings };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Deletes the superseded saves (record first, so no reader is sent to a payload about to go) and stale orphan payloads. */
async function prune(store: ArtifactStore, scope: string, superseded: ReadonlySet<string>, now: Date, warnings: string[]): Promise<string[]> {
  const pruned: string[] = [];
  try {
    for (const id of superseded) {
      await store.delete(`${savesPrefix(scope)}${id}.json`);
      await store.delete(`${payloadsPrefix(scope)}${id}.tar.gz`);
      pruned.push(id);
    }
    const named = new Set((await listSaves(store, scope)).records.map((r) => r.payload));
    for (const key of await store.list(payloadsPrefix(scope))) {
      const made = saveIdTime(key.slice(payloadsPrefix(scope).length));
      if (!named.has(key) && made !== null && now.getTime() - made > ORPHAN_GRACE_MS) await store.delete(key);
    }
  } catch (error) {
    // The save itself is complete: a superseded save left behind costs space, not data.
    warnings.push(`superseded saves were not all deleted: ${error instanceof Error ? error.message : String(error)}`);
  }
  return pruned;
}

/** Downloads and unpacks a save into `into` (emptied first): 'ok', 'missing' (pruned meanwhile) or why it failed. */
async function fetchSave(store: ArtifactStore, scope: string, save: SaveRecord, into: string, work: string): Promise<string> {
  if (!save.payload.startsWith(payloadsPrefix(scope))) return `its payload ${save.payload} lies outside the scope`;
  const archive = path.join(work, `${save.id}.tar.gz`);
  try {
    if (!(await store.download(save.payload, archive))) return 'missing';
    await rm(into, { recursive: true, force: true });
    await unpackState(archive, into);
    return 'ok';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await rm(archive, { force: true });
  }
}

/** Merges the DuckDB files directly in `from` into the files of the same names in `into`; returns the rows added. */
async function mergeFolder(from: string, into: string): Promise<number> {
  const files = (await readdir(from)).filter((name) => name.endsWith('.duckdb')).map((name) => path.join(from, name));
  return (await mergeDatabases(files, into)).reduce((sum, m) => sum + m.rows, 0);
}

async function hasState(dir: string): Promise<boolean> {
  return (await readdir(dir).catch(() => [] as string[])).some((name) => name.endsWith('.duckdb'));
}

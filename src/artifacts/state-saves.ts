/**
 * The records of a bucket state's saves. Each save is two immutable objects under the state's scope: its payload
 * (`payloads/<id>.tar.gz`, the state folder packed) and, written after it with the store's create-only write, its
 * record (`saves/<id>.json`) naming the saves whose rows it already holds (its parents). Nothing is ever overwritten,
 * so a reader sees a save whole or not at all. The state is the saves no other save names as a parent (the heads):
 * one after sequential runs, two or more after runs that overlapped, which the next run merges.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { ArtifactStore } from './store.ts';

const saveRecordSchema = z.object({
  format: z.literal('anomstack-state-save'),
  version: z.literal(1),
  id: z.string(),
  saved_at: z.string(),
  /** Who saved it: the workflow run, or `cli@<host>`. */
  run: z.string(),
  payload: z.string(),
  parents: z.array(z.string()),
  files: z.number(),
  bytes: z.number(),
});

export type SaveRecord = z.infer<typeof saveRecordSchema>;

export interface SaveListing {
  records: SaveRecord[];
  /** Records that could not be read (named with the reason); they are left where they are. */
  unreadable: string[];
}

export function savesPrefix(scope: string): string {
  return `${scope}/saves/`;
}

export function payloadsPrefix(scope: string): string {
  return `${scope}/payloads/`;
}

/** A new save's id: its time first, so ids sort by age; then who saved it and a random part, so no two collide. */
export function newSaveId(now: Date, run: string): string {
  const who = run.replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 40);
  return `${String(now.getTime()).padStart(13, '0')}-${who}-${randomBytes(4).toString('hex')}`;
}

/** When a save id says it was made (its leading epoch milliseconds), or null for a name this module did not write. */
export function saveIdTime(id: string): number | null {
  const match = /^(\d{13})-/.exec(id);
  return match?.[1] ? Number(match[1]) : null;
}

export async function listSaves(store: ArtifactStore, scope: string): Promise<SaveListing> {
  const keys = (await store.list(savesPrefix(scope))).filter((key) => key.endsWith('.json'));
  const records: SaveRecord[] = [];
  const unreadable: string[] = [];
  for (const key of keys) {
    const text = await store.read(key);
    // Pruned by another run between the listing and the read.
    if (text === null) continue;
    try {
      records.push(saveRecordSchema.parse(JSON.parse(text)));
    } catch (error) {
      unreadable.push(`${store.location}/${key} (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
    }
  }
  return { records: records.sort((a, b) => a.id.localeCompare(b.id)), unreadable };
}

/** The saves no other save holds: newest first. */
export function heads(records: readonly SaveRecord[]): SaveRecord[] {
  const held = new Set(records.flatMap((r) => r.parents));
  return records.filter((r) => !held.has(r.id)).sort((a, b) => b.id.localeCompare(a.id));
}

/** Writes a save's record, create-only: a record is never replaced. */
export async function writeSaveRecord(store: ArtifactStore, scope: string, record: Omit<SaveRecord, 'format' | 'version'>): Promise<string> {
  const key = `${savesPrefix(scope)}${record.id}.json`;
  const full: SaveRecord = { format: 'anomstack-state-save', version: 1, ...record };
  if (!(await store.create(key, `${JSON.stringify(full, null, 2)}\n`))) throw new Error(`${store.location}/${key} exists already`);
  return key;
}

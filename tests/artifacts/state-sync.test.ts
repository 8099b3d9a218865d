import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalArtifactStore } from '../../src/artifacts/local.ts';
import { listSaves } from '../../src/artifacts/state-saves.ts';
import { restoreFromStore, saveToStore, stateScope } from '../../src/artifacts/state-sync.ts';
import type { ArtifactStore } from '../../src/artifacts/store.ts';
import { disposeAfterEach, tempMetrics } from '../helpers/metrics-dir.ts';
import { addStateRows, stateRowCounts } from '../helpers/state-rows.ts';

const track = disposeAfterEach();
const SCOPE = stateScope([]);

async function setup(): Promise<{ root: string; store: ArtifactStore }> {
  const ws = track(await tempMetrics({}));
  return { root: ws.root, store: new LocalArtifactStore(path.join(ws.root, 'bucket')) };
}

describe('bucket state: restore and save', () => {
  it('a cold start saves; the next run restores it whole, saves again, and the superseded save is deleted', async () => {
    const { root, store } = await setup();
    const first = path.join(root, 'run1');
    const restored1 = await restoreFromStore(store, first, SCOPE);
    expect(restored1).toMatchObject({ kind: 'cold-start', reason: expect.stringContaining('holds no saved state') as unknown });
    await addStateRows(first, 'a', 5);
    await mkdir(path.join(first, 'models', 'b'), { recursive: true });
    await writeFile(path.join(first, 'models', 'b', 'a.json'), '{"model":1}');
    const saved1 = await saveToStore(store, first, SCOPE, restored1, { now: new Date('2026-03-01T01:00:00Z'), run: 'run-1' });
    expect(saved1.bytes).toBeGreaterThan(0);

    const second = path.join(root, 'run2');
    const restored2 = await restoreFromStore(store, second, SCOPE);
    expect(restored2).toMatchObject({ kind: 'store', save: { id: saved1.id, run: 'run-1', saved_at: '2026-03-01T01:00:00.000Z' }, merged: [] });
    expect(await stateRowCounts(second)).toEqual({ a: 5 });
    expect(await readdir(path.join(second, 'models', 'b'))).toEqual(['a.json']);
    await addStateRows(second, 'a', 3, '2026-03-01T03:00:00Z');
    const saved2 = await saveToStore(store, second, SCOPE, restored2, { now: new Date('2026-03-01T04:00:00Z'), run: 'run-2' });
    expect(saved2.pruned).toEqual([saved1.id]);
    expect(saved2.merged).toEqual([]);
    expect((await listSaves(store, SCOPE)).records.map((r) => r.id)).toEqual([saved2.id]);
    expect(await store.list(`${SCOPE}/payloads/`)).toEqual([`${SCOPE}/payloads/${saved2.id}.tar.gz`]);
  });

  it('two runs that restored the same save lose none of each other\'s rows', async () => {
    const { root, store } = await setup();
    const seed = path.join(root, 'seed');
    await addStateRows(seed, 'base', 4);
    await saveToStore(store, seed, SCOPE, await restoreFromStore(store, seed, SCOPE), { now: new Date('2026-03-01T01:00:00Z'), run: 'seed' });

    const [a, b] = [path.join(root, 'a'), path.join(root, 'b')];
    const restoredA = await restoreFromStore(store, a, SCOPE);
    const restoredB = await restoreFromStore(store, b, SCOPE);
    await addStateRows(a, 'only_a', 2);
    await addStateRows(b, 'only_b', 3);
    const savedA = await saveToStore(store, a, SCOPE, restoredA, { now: new Date('2026-03-01T02:00:00Z'), run: 'a' });
    const savedB = await saveToStore(store, b, SCOPE, restoredB, { now: new Date('2026-03-01T02:00:01Z'), run: 'b' });
    expect(savedA.merged).toEqual([]);
    expect(savedB.merged).toEqual([{ id: savedA.id, run: 'a', rows: 2 }]);
    expect(savedB.warnings.join('\n')).toMatch(/overlapping runs: a saved .* 2 row\(s\) this run lacked were merged in/);

    const next = path.join(root, 'next');
    const restored = await restoreFromStore(store, next, SCOPE);
    expect(restored).toMatchObject({ kind: 'store', save: { id: savedB.id }, merged: [] });
    expect(await stateRowCounts(next)).toEqual({ base: 4, only_a: 2, only_b: 3 });
  });

  it('saves made at the same instant both stay, and the next restore merges them', async () => {
    const { root, store } = await setup();
    const dirs = ['x', 'y', 'z'].map((name) => path.join(root, name));
    const restored = await Promise.all(dirs.map((dir) => restoreFromStore(store, dir, SCOPE)));
    for (const [i, dir] of dirs.entries()) await addStateRows(dir, `m${i}`, i + 1);
    await Promise.all(restored.map((result, i) => saveToStore(store, dirs[i] ?? '', SCOPE, result, { now: new Date('2026-03-01T02:00:00Z'), run: `r${i}` })));

    const next = path.join(root, 'next');
    const result = await restoreFromStore(store, next, SCOPE);
    expect(result.kind).toBe('store');
    expect(await stateRowCounts(next)).toEqual({ m0: 1, m1: 2, m2: 3 });
    // Its save supersedes every head it merged: one head again.
    const saved = await saveToStore(store, next, SCOPE, result, { now: new Date('2026-03-01T03:00:00Z'), run: 'next' });
    expect((await listSaves(store, SCOPE)).records.map((r) => r.id)).toEqual([saved.id]);
  });

  it('a save that fails leaves the previous state readable, and throws the store\'s error', async () => {
    const { root, store } = await setup();
    const first = path.join(root, 'first');
    await addStateRows(first, 'a', 5);
    const saved = await saveToStore(store, first, SCOPE, await restoreFromStore(store, first, SCOPE), { now: new Date('2026-03-01T01:00:00Z'), run: 'one' });

    const second = path.join(root, 'second');
    const restored = await restoreFromStore(store, second, SCOPE);
    await addStateRows(second, 'b', 2);
    // A store that takes the payload but refuses the save's record (a full disk, a revoked permission).
    const failing: ArtifactStore = { ...methods(store), create: () => Promise.reject(new Error('local://bucket: create refused (disk full)')) };
    await expect(saveToStore(failing, second, SCOPE, restored, { now: new Date('2026-03-01T02:00:00Z'), run: 'two' })).rejects.toThrow(/disk full/);

    const third = path.join(root, 'third');
    const again = await restoreFromStore(store, third, SCOPE);
    expect(again).toMatchObject({ kind: 'store', save: { id: saved.id } });
    expect(await stateRowCounts(third)).toEqual({ a: 5 });
  });

  it('an unreadable save is a cold start naming it, and it is left in the store', async () => {
    const { root, store } = await setup();
    const first = path.join(root, 'first');
    await addStateRows(first, 'a', 5);
    const saved = await saveToStore(store, first, SCOPE, await restoreFromStore(store, first, SCOPE), { now: new Date('2026-03-01T01:00:00Z'), run: 'one' });
    await store.write(`${SCOPE}/payloads/${saved.id}.tar.gz`, 'not a gzip file');

    const second = path.join(root, 'second');
    const restored = await restoreFromStore(store, second, SCOPE);
    expect(restored.kind).toBe('cold-start');
    expect(restored.kind === 'cold-start' ? restored.reason : '').toContain(`could not be read: ${saved.id}`);
    await addStateRows(second, 'b', 2);
    const next = await saveToStore(store, second, SCOPE, restored, { now: new Date('2026-03-01T02:00:00Z'), run: 'two' });
    expect(next.pruned).toEqual([]);
    expect((await listSaves(store, SCOPE)).records.map((r) => r.id).sort()).toEqual([saved.id, next.id].sort());
  });

  it('rows a local folder held that the saved state lacks are kept on restore', async () => {
    const { root, store } = await setup();
    const first = path.join(root, 'first');
    await addStateRows(first, 'shared', 5);
    await saveToStore(store, first, SCOPE, await restoreFromStore(store, first, SCOPE), { now: new Date('2026-03-01T01:00:00Z'), run: 'one' });
    const laptop = path.join(root, 'laptop');
    await addStateRows(laptop, 'mine', 2);
    const restored = await restoreFromStore(store, laptop, SCOPE);
    expect(restored.warnings.join('\n')).toContain(`2 row(s) ${laptop} held that the saved state lacked were kept`);
    expect(await stateRowCounts(laptop)).toEqual({ mine: 2, shared: 5 });
  });
});

/** The store's operations as a plain object, so one of them can be replaced by a failing one. */
function methods(store: ArtifactStore): ArtifactStore {
  return {
    location: store.location,
    read: (k) => store.read(k),
    write: (k, c) => store.write(k, c),
    create: (k, c) => store.create(k, c),
    list: (p) => store.list(p),
    delete: (k) => store.delete(k),
    upload: (k, f) => store.upload(k, f),
    download: (k, f) => store.download(k, f),
  };
}

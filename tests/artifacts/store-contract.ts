/**
 * The ArtifactStore contract, one suite every store runs against its real or emulated backend: local disk,
 * s3rver, the GCS JSON API server in tests/helpers and azurite.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreFromStore, saveToStore } from '../../src/artifacts/state-sync.ts';
import type { ArtifactStore } from '../../src/artifacts/store.ts';
import { addStateRows, stateRowCounts } from '../helpers/state-rows.ts';

export interface ContractTarget {
  /** A store on an empty prefix; called once per test, so tests do not see each other's objects. */
  open(): Promise<ArtifactStore>;
  /** A store whose bucket or container does not exist (its operations must fail naming the URL). */
  openMissing(): Promise<ArtifactStore>;
}

export function describeStoreContract(name: string, target: () => ContractTarget): void {
  describe(`${name}: the ArtifactStore contract`, () => {
    let scratch: string;
    beforeAll(async () => {
      scratch = await mkdtemp(path.join(tmpdir(), 'anomstack-contract-'));
    });
    afterAll(async () => {
      await rm(scratch, { recursive: true, force: true });
    });

    it('reads what it wrote, replaces on rewrite, and reads a missing key as null', async () => {
      const store = await target().open();
      expect(await store.read('batch/metric.json')).toBeNull();
      await store.write('batch/metric.json', '{"v":1}');
      expect(await store.read('batch/metric.json')).toBe('{"v":1}');
      await store.write('batch/metric.json', '{"v":2} é ✓');
      expect(await store.read('batch/metric.json')).toBe('{"v":2} é ✓');
    });

    it('creates a key only where nothing is: of several creators racing, exactly one wins', async () => {
      const store = await target().open();
      expect(await store.create('saves/one.json', 'first')).toBe(true);
      expect(await store.create('saves/one.json', 'second')).toBe(false);
      expect(await store.read('saves/one.json')).toBe('first');
      const results = await Promise.all(['a', 'b', 'c', 'd'].map((content) => store.create('saves/raced.json', content)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.read('saves/raced.json')).toBe(['a', 'b', 'c', 'd'][results.indexOf(true)]);
    });

    it('lists keys under a prefix, sorted, nested folders included, and nothing for an unknown prefix', async () => {
      const store = await target().open();
      for (const key of ['b/2.json', 'b/1.json', 'b/deep/3.json', 'bb/4.json', 'c/5.json']) await store.write(key, key);
      expect(await store.list('b/')).toEqual(['b/1.json', 'b/2.json', 'b/deep/3.json']);
      expect(await store.list('b')).toEqual(['b/1.json', 'b/2.json', 'b/deep/3.json', 'bb/4.json']);
      expect(await store.list('')).toEqual(['b/1.json', 'b/2.json', 'b/deep/3.json', 'bb/4.json', 'c/5.json']);
      expect(await store.list('nothing/')).toEqual([]);
    });

    it('lists past one page of results', async () => {
      const store = await target().open();
      const keys = Array.from({ length: 1100 }, (_, i) => `many/${String(i).padStart(4, '0')}.json`);
      for (let i = 0; i < keys.length; i += 50) await Promise.all(keys.slice(i, i + 50).map((key) => store.write(key, 'x')));
      expect(await store.list('many/')).toEqual(keys);
    });

    it('deletes a key, and deleting a missing key is not an error', async () => {
      const store = await target().open();
      await store.write('gone/m.json', 'x');
      await store.delete('gone/m.json');
      expect(await store.read('gone/m.json')).toBeNull();
      expect(await store.list('gone/')).toEqual([]);
      await store.delete('gone/m.json');
      await store.delete('never/was.json');
    });

    it('uploads and downloads a large binary file byte for byte, and a missing key leaves the file alone', async () => {
      const store = await target().open();
      const payload = randomBytes(12 * 1024 * 1024 + 123);
      const source = path.join(scratch, `payload-${name}.bin`);
      await writeFile(source, payload);
      await store.upload('payloads/state.tar.gz', source);
      const copy = path.join(scratch, `copy-${name}`, 'state.tar.gz');
      expect(await store.download('payloads/state.tar.gz', copy)).toBe(true);
      expect((await readFile(copy)).equals(payload)).toBe(true);
      await writeFile(copy, 'kept');
      expect(await store.download('payloads/missing.tar.gz', copy)).toBe(false);
      expect(await readFile(copy, 'utf8')).toBe('kept');
      expect((await stat(copy)).size).toBe(4);
    }, 120_000);

    it('replaces atomically: readers racing a rewrite see the old or the new object whole', async () => {
      const store = await target().open();
      const old = 'o'.repeat(300_000);
      const next = 'n'.repeat(300_000);
      await store.write('atomic/m.json', old);
      const seen = await Promise.all([store.write('atomic/m.json', next).then(() => null), ...Array.from({ length: 6 }, () => store.read('atomic/m.json'))]);
      for (const content of seen.slice(1)) expect([old, next]).toContain(content);
      expect(await store.read('atomic/m.json')).toBe(next);
    });

    it('keeps a state: saved, restored whole elsewhere, and two overlapping runs merged', async () => {
      const store = await target().open();
      const [first, a, b, next] = ['first', 'a', 'b', 'next'].map((dir) => path.join(scratch, `state-${name}`, dir)) as [string, string, string, string];
      await addStateRows(first, 'base', 4);
      await saveToStore(store, first, 'all', await restoreFromStore(store, first, 'all'), { now: new Date('2026-03-01T01:00:00Z'), run: 'first' });
      const [restoredA, restoredB] = [await restoreFromStore(store, a, 'all'), await restoreFromStore(store, b, 'all')];
      expect(restoredA.kind).toBe('store');
      await addStateRows(a, 'only_a', 2);
      await addStateRows(b, 'only_b', 3);
      await saveToStore(store, a, 'all', restoredA, { now: new Date('2026-03-01T02:00:00Z'), run: 'a' });
      const saved = await saveToStore(store, b, 'all', restoredB, { now: new Date('2026-03-01T02:00:01Z'), run: 'b' });
      expect(saved.merged.map((m) => m.rows)).toEqual([2]);
      expect(await restoreFromStore(store, next, 'all')).toMatchObject({ kind: 'store', save: { id: saved.id }, merged: [] });
      expect(await stateRowCounts(next)).toEqual({ base: 4, only_a: 2, only_b: 3 });
      expect((await store.list('all/saves/')).length).toBe(1);
    }, 120_000);

    it('fails on a missing bucket with an error naming the store URL', async () => {
      const store = await target().openMissing();
      await expect(store.write('m.json', 'x')).rejects.toThrow(store.location);
      await expect(store.list('')).rejects.toThrow(store.location);
    });
  });
}

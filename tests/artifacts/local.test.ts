import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalArtifactStore } from '../../src/artifacts/local.ts';
import { describeStoreContract } from './store-contract.ts';

let root: string | undefined;
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
  root = undefined;
});

describe('LocalArtifactStore', () => {
  it('makes folders on first write, replaces on rewrite, and makes them again if they were removed', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'anomstack-artifacts-'));
    const store = new LocalArtifactStore(path.join(root, 'models'));
    await store.write('b/m.json', 'one');
    await store.write('b/m.json', 'two');
    expect(await store.read('b/m.json')).toBe('two');
    expect(await readdir(path.join(root, 'models', 'b'))).toEqual(['m.json']);
    await rm(path.join(root, 'models'), { recursive: true });
    await store.write('b/m.json', 'three');
    expect(await store.read('b/m.json')).toBe('three');
    expect(await store.read('b/missing.json')).toBeNull();
    await expect(store.write('../outside.json', 'x')).rejects.toThrow(/artifact key "..\/outside.json" escapes local:\/\//);
  });
});

describeStoreContract('local', () => ({
  open: async () => new LocalArtifactStore(await mkdtemp(path.join(tmpdir(), 'anomstack-local-store-'))),
  openMissing: async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'anomstack-local-store-'));
    const file = path.join(dir, 'a-file');
    await writeFile(file, 'not a folder');
    return new LocalArtifactStore(path.join(file, 'models'));
  },
}));

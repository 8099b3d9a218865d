import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBinding } from '../../src/runtime/binding-cache.ts';
import { bindingPin } from '../../src/runtime/binding-platform.ts';
import { npmTarball, npmTarballsUnavailable, startRegistry, type LocalRegistry } from '../helpers/npm-registry.ts';

/**
 * The runners this machine is not: the action must obtain their pinned binding the same way (download, check
 * against the committed sha512, unpack, cache). Loading it needs that platform; what is unpacked is checked by
 * the file headers its loader reads.
 */
const ARM64 = 0x0100000c;

/** A Mach-O for arm64: a thin one, or a universal (fat) one that holds an arm64 slice. */
function isMachOArm64(b: Buffer): boolean {
  if (b.readUInt32LE(0) === 0xfeedfacf) return b.readUInt32LE(4) === ARM64;
  if (b.readUInt32BE(0) !== 0xcafebabe) return false;
  const slices = b.readUInt32BE(4);
  return Array.from({ length: slices }, (_, i) => b.readUInt32BE(8 + 20 * i)).includes(ARM64);
}

const PLATFORMS = [
  { key: 'linux-arm64', library: 'libduckdb.so', header: (b: Buffer) => b.subarray(0, 4).toString('latin1') === '\x7fELF' && b.readUInt16LE(18) === 0xb7 },
  { key: 'darwin-arm64', library: 'libduckdb.dylib', header: isMachOArm64 },
] as const;

// npm's tarballs of other platforms come from the registry (or npm's cache): without either, `npm test` still passes.
const unavailable = await npmTarballsUnavailable(PLATFORMS.map(({ key }) => bindingPin(key)));
if (unavailable) console.warn(`skipped: the other platforms' DuckDB bindings: ${unavailable}`);

describe.skipIf(unavailable !== null)('the pinned DuckDB binding of other runner platforms', () => {
  let registry: LocalRegistry;
  let work: string;

  beforeAll(async () => {
    registry = await startRegistry();
    // npm's own bytes, so they must match the committed pins.
    for (const { key } of PLATFORMS) registry.publish(bindingPin(key), await npmTarball(bindingPin(key)));
    work = await mkdtemp(path.join(tmpdir(), 'anomstack-platforms-'));
  }, 300_000);
  afterAll(async () => {
    await registry?.close();
    await rm(work, { recursive: true, force: true });
  });

  for (const { key, library, header } of PLATFORMS) {
    it(`downloads ${key}'s, checks it against the pin and unpacks its addon and library`, async () => {
      const pin = bindingPin(key);
      const binding = await ensureBinding({ pin, registry: registry.url, cacheDir: path.join(work, 'cache') });
      expect(binding.source).toBe('download');
      const files = readdirSync(binding.dir);
      expect(files).toEqual(expect.arrayContaining(['duckdb.node', library]));
      for (const file of ['duckdb.node', library]) expect(header(readFileSync(path.join(binding.dir, file))), `${key} ${file}`).toBe(true);
    });
  }
});

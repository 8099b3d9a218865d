import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBinding } from '../../src/runtime/binding-cache.ts';
import { bindingPin, tarballUrl, type BindingPin } from '../../src/runtime/binding-platform.ts';
import type { PrepareOptions } from '../../src/runtime/duckdb-binding.ts';
import { installedPackageDir, integrityOf, packInstalled, startRegistry, type LocalRegistry } from '../helpers/npm-registry.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIRST_QUERY = path.join(import.meta.dirname, 'fixtures/first-query.ts');

interface FirstQuery {
  source: string;
  dir: string;
  row: { version: string; total: number };
  libraries: string[];
}

const execFileAsync = promisify(execFile);

/**
 * Starts a fresh process that prepares the binding, imports @duckdb/node-api and runs a query. Asynchronous:
 * the local registry answers from this process's event loop.
 */
async function firstQuery(options: PrepareOptions): Promise<FirstQuery> {
  const { stdout } = await execFileAsync(process.execPath, [FIRST_QUERY, JSON.stringify(options)], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(stdout) as FirstQuery;
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** One ustar file entry written by hand: system tars will not write a path that climbs out of the archive. */
function ustarFile(name: string, content: string): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0);
  header.write('0000644\0', 100);
  header.write(`${content.length.toString(8).padStart(11, '0')}\0`, 124);
  header.write('00000000000\0', 136);
  header.write(' '.repeat(8), 148);
  header.write('0', 156);
  header.write('ustar\u000000', 257);
  const sum = header.reduce((total, byte) => total + byte, 0);
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  const data = Buffer.alloc(Math.ceil(content.length / 512) * 512);
  data.write(content);
  return Buffer.concat([header, data]);
}

function cacheEntries(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}

describe('the DuckDB native binding, fetched from a registry at run time', () => {
  const pin = bindingPin();
  let registry: LocalRegistry;
  let tarball: Buffer;
  // The tarball is packed here, not by npm: the pin under test carries its hash instead of npm's.
  let testPin: BindingPin;
  let work: string;

  beforeAll(async () => {
    registry = await startRegistry();
    tarball = await packInstalled(pin.name);
    testPin = { ...pin, integrity: integrityOf(tarball) };
    registry.publish(pin, tarball);
    work = await mkdtemp(path.join(tmpdir(), 'anomstack-binding-'));
  });
  afterAll(async () => {
    await registry.close();
    await rm(work, { recursive: true, force: true });
  });

  it('downloads, verifies, unpacks and loads it for a real query; the next start uses the cache without a request', async () => {
    const cacheDir = path.join(work, 'cache');
    const before = registry.requests.length;
    const first = await firstQuery({ registry: registry.url, cacheDir, pin: testPin });
    expect(first.source).toBe('download');
    expect(registry.requests.length).toBe(before + 1);
    // DuckDB 1.5.5 for bindings 1.5.5-r.5: the library loaded is the one pinned.
    expect(first.row.version).toBe(`v${pin.version.split('-')[0] ?? ''}`);
    expect(first.row.total).toBe([...Array(10).keys()].reduce((sum, i) => sum + i, 0));
    if (process.platform === 'linux') expect(first.libraries).toEqual([path.join(first.dir, 'libduckdb.so')]);
    expect(first.dir.startsWith(cacheDir)).toBe(true);
    for (const file of readdirSync(installedPackageDir(pin.name))) {
      expect(sha256(path.join(first.dir, file)), file).toBe(sha256(path.join(installedPackageDir(pin.name), file)));
    }

    const second = await firstQuery({ registry: registry.url, cacheDir, pin: testPin });
    expect(second.source).toBe('cache');
    expect(second.dir).toBe(first.dir);
    expect(second.row).toEqual(first.row);
    expect(registry.requests.length).toBe(before + 1);
  });

  it('refuses a tarball that does not match the pin, naming both hashes, and caches nothing', async () => {
    const cacheDir = path.join(work, 'corrupt-cache');
    const corrupted = Buffer.from(tarball);
    const middle = Math.floor(corrupted.length / 2);
    corrupted[middle] = (corrupted[middle] ?? 0) ^ 0xff;
    registry.publish(pin, corrupted);
    try {
      const failure = ensureBinding({ pin: testPin, registry: registry.url, cacheDir });
      await expect(failure).rejects.toThrow(`does not match its pinned integrity (expected ${testPin.integrity}, got ${integrityOf(corrupted)})`);
      await expect(failure).rejects.toThrow('nothing was cached');
      expect(cacheEntries(cacheDir)).toEqual([]);
    } finally {
      registry.publish(pin, tarball);
    }
    const retried = await ensureBinding({ pin: testPin, registry: registry.url, cacheDir });
    expect(retried.source).toBe('download');
    expect(cacheEntries(cacheDir)).toEqual([path.basename(retried.dir)]);
  });

  it('refuses a tarball with a path that climbs out of the package, writing nothing', async () => {
    const cacheDir = path.join(work, 'climb-cache');
    const climbing = gzipSync(Buffer.concat([ustarFile('package/duckdb.node', 'x'), ustarFile('package/../../escaped.txt', 'out'), Buffer.alloc(1024)]));
    registry.publish(pin, climbing);
    try {
      await expect(ensureBinding({ pin: { ...pin, integrity: integrityOf(climbing) }, registry: registry.url, cacheDir })).rejects.toThrow(
        'tar: entry "package/../../escaped.txt" points outside the package',
      );
    } finally {
      registry.publish(pin, tarball);
    }
    expect(cacheEntries(cacheDir)).toEqual([]);
    expect(existsSync(path.join(work, 'escaped.txt'))).toBe(false);
  });

  it('retries a registry answering 503, and fails at once with a clear error on 404', async () => {
    const before = registry.requests.length;
    registry.failNext(503, 1);
    const fetched = await ensureBinding({ pin: testPin, registry: registry.url, cacheDir: path.join(work, 'retry-cache') });
    expect(fetched.source).toBe('download');
    expect(registry.requests.length).toBe(before + 2);

    const missing = { ...testPin, version: '0.0.0-missing' };
    const cacheDir = path.join(work, 'missing-cache');
    await expect(ensureBinding({ pin: missing, registry: registry.url, cacheDir })).rejects.toThrow(
      `could not download ${tarballUrl(registry.url, missing)} (1 attempt): GET ${tarballUrl(registry.url, missing)} answered 404 Not Found`,
    );
    expect(registry.requests.length).toBe(before + 3);
    expect(cacheEntries(cacheDir)).toEqual([]);
  });

  it('replaces a cached folder left by another tarball, and clears staging folders abandoned by killed runs', async () => {
    const cacheDir = path.join(work, 'stale-cache');
    const first = await ensureBinding({ pin: testPin, registry: registry.url, cacheDir });
    await writeFile(path.join(first.dir, '.integrity'), 'sha512-from-an-older-tarball');
    await rm(path.join(first.dir, 'duckdb.node'));
    const abandoned = `${first.dir}.partial-4242-dead`;
    const inProgress = `${first.dir}.partial-4343-busy`;
    for (const staging of [abandoned, inProgress]) {
      await mkdir(staging);
      await writeFile(path.join(staging, 'libduckdb.so'), 'half');
    }
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(abandoned, twoHoursAgo, twoHoursAgo);

    const again = await ensureBinding({ pin: testPin, registry: registry.url, cacheDir });
    expect(again).toMatchObject({ source: 'download', dir: first.dir });
    expect(sha256(path.join(again.dir, 'duckdb.node'))).toBe(sha256(path.join(installedPackageDir(pin.name), 'duckdb.node')));
    expect((await readdir(cacheDir)).sort()).toEqual([path.basename(first.dir), path.basename(inProgress)].sort());
  });

  it('uses an installed copy of the pinned version without a request, and ignores one of another version', async () => {
    const before = registry.requests.length;
    const installed = await ensureBinding({ pin: testPin, registry: registry.url, cacheDir: path.join(work, 'unused'), installedFrom: path.join(ROOT, 'src') });
    expect(installed).toEqual({ source: 'installed', dir: installedPackageDir(pin.name) });
    expect(registry.requests.length).toBe(before);

    // A node_modules holding another version of the package does not count.
    const other = path.join(work, 'other', 'node_modules', pin.name);
    await mkdir(other, { recursive: true });
    await writeFile(path.join(other, 'package.json'), JSON.stringify({ name: pin.name, version: '0.0.1' }));
    await writeFile(path.join(other, 'duckdb.node'), '');
    const fetched = await ensureBinding({ pin: testPin, registry: registry.url, cacheDir: path.join(work, 'other-cache'), installedFrom: path.join(work, 'other') });
    expect(fetched.source).toBe('download');
  });
});

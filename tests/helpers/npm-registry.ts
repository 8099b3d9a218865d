/**
 * A local stand-in for the npm registry's tarball endpoint (`GET /<scope>/<name>/-/<name>-<version>.tgz`),
 * and the tarballs it serves: built from the installed native DuckDB package the way npm packs one, or
 * npm's own bytes for the pinned version (from npm's cache), which match the committed integrity pins.
 */
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { tarballUrl, type BindingPin } from '../../src/runtime/binding-platform.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface LocalRegistry {
  /** Base URL, like https://registry.npmjs.org/. */
  url: string;
  /** Paths requested so far. */
  requests: string[];
  /** Serves `tarball` as `pin`'s package tarball (replacing what was served before). */
  publish(pin: Pick<BindingPin, 'name' | 'version'>, tarball: Buffer): void;
  /** Answers the next `count` requests with `status` before serving again. */
  failNext(status: number, count: number): void;
  close(): Promise<void>;
}

export async function startRegistry(): Promise<LocalRegistry> {
  const tarballs = new Map<string, Buffer>();
  const requests: string[] = [];
  let failures: { status: number; count: number } = { status: 0, count: 0 };
  const server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://registry').pathname;
    requests.push(pathname);
    if (failures.count > 0) {
      failures = { ...failures, count: failures.count - 1 };
      response.writeHead(failures.status, { 'content-type': 'application/json' }).end('{"error":"injected failure"}');
      return;
    }
    const body = request.method === 'GET' ? tarballs.get(decodeURIComponent(pathname)) : undefined;
    if (!body) {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not found"}');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    requests,
    publish: (pin, tarball) => tarballs.set(decodeURIComponent(new URL(tarballUrl(url, pin)).pathname), tarball),
    failNext: (status, count) => {
      failures = { status, count };
    },
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** The folder of an installed package in this repository's node_modules. */
export function installedPackageDir(name: string): string {
  return path.join(ROOT, 'node_modules', name);
}

/**
 * Packs an installed package the way npm does (a gzipped tar with everything under `package/`), with the
 * system's tar, so the reader under test is checked against an independent writer.
 */
export async function packInstalled(name: string): Promise<Buffer> {
  const work = await mkdtemp(path.join(tmpdir(), 'anomstack-pack-'));
  try {
    await symlink(installedPackageDir(name), path.join(work, 'package'));
    // -h follows the symlink; level 1 keeps packing a 70 MB library quick.
    const tar = execFileSync('tar', ['-chf', '-', '-C', work, 'package'], { maxBuffer: 512 * 1024 * 1024 });
    return gzipSync(tar, { level: 1 });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * npm's own tarball of `pin` (its bytes match the pinned integrity), taken from npm's cache when it holds
 * it (it does after `npm ci`), else downloaded by npm.
 */
export async function npmTarball(pin: Pick<BindingPin, 'name' | 'version'>): Promise<Buffer> {
  const work = await mkdtemp(path.join(tmpdir(), 'anomstack-npm-pack-'));
  try {
    await mkdir(work, { recursive: true });
    const out = execFileSync('npm', ['pack', `${pin.name}@${pin.version}`, '--prefer-offline', '--json', '--pack-destination', work], {
      cwd: work,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const [packed] = JSON.parse(out) as { filename: string }[];
    if (!packed) throw new Error(`npm pack ${pin.name}@${pin.version} reported no file`);
    return await readFile(path.join(work, packed.filename));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Why npmTarball cannot get npm's tarballs of `pins` here, or null when it can: the registry answers (`npm ping`,
 * so npm's own registry and proxy settings count; a few seconds at most), or npm's cache holds every one of them.
 * Tests that need them skip with this reason on a machine without network, instead of failing.
 */
export async function npmTarballsUnavailable(pins: readonly Pick<BindingPin, 'name' | 'version'>[]): Promise<string | null> {
  const run = promisify(execFile);
  const npm = (args: string[]): Promise<unknown> => run('npm', args, { cwd: tmpdir(), timeout: 20_000 });
  try {
    await npm(['ping', '--fetch-timeout=5000', '--fetch-retries=0']);
    return null;
  } catch (error) {
    const missing: string[] = [];
    for (const pin of pins) {
      const spec = `${pin.name}@${pin.version}`;
      await npm(['pack', spec, '--offline', '--dry-run', '--json']).catch(() => missing.push(spec));
    }
    if (missing.length === 0) return null;
    const why = (error instanceof Error ? error.message : String(error)).split('\n').find((line) => /npm error (code|errno|network)/i.test(line)) ?? 'npm ping failed';
    return `the npm registry is unreachable (${why.trim()}) and npm's cache lacks ${missing.join(', ')}`;
  }
}

/** The subresource-integrity string npm would record for `data`. */
export function integrityOf(data: Buffer): string {
  return `sha512-${createHash('sha512').update(data).digest('base64')}`;
}

import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { checkIntegrity, download, type DownloadOptions } from './binding-download.ts';
import { tarballUrl, type BindingPin } from './binding-platform.ts';
import { readTar } from './tar.ts';

const gunzipAsync = promisify(gunzip);

/** Written last into a cached binding folder: the integrity of the tarball it was extracted from. */
const MARKER = '.integrity';

export interface EnsureBindingOptions {
  pin: BindingPin;
  /** npm registry base URL (or a mirror with npm's tarball layout). */
  registry: string;
  /** Folder holding extracted bindings, one subfolder per package and version. */
  cacheDir: string;
  /** When set, a `node_modules/<pin.name>` of the pinned version found from this folder upwards is used as is. */
  installedFrom?: string;
  download?: DownloadOptions;
}

export interface PreparedBinding {
  /** Folder holding duckdb.node and the DuckDB shared library next to it. */
  dir: string;
  source: 'installed' | 'cache' | 'download';
  /** Where it was downloaded from, for `download`. */
  url?: string;
}

function installedDir(pin: BindingPin, from: string): string | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', pin.name);
    const manifest = path.join(candidate, 'package.json');
    if (existsSync(manifest)) {
      const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string };
      if (version === pin.version && existsSync(path.join(candidate, 'duckdb.node'))) return candidate;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** A cached folder counts only when complete: the marker is written after every file, just before the rename. */
async function isCached(dir: string, pin: BindingPin): Promise<boolean> {
  try {
    return (await readFile(path.join(dir, MARKER), 'utf8')) === pin.integrity && existsSync(path.join(dir, 'duckdb.node'));
  } catch {
    return false;
  }
}

/** npm packs everything under one top folder (`package/`); paths are kept relative to it, and never escape it. */
function packagePath(entryPath: string): string | undefined {
  const parts = entryPath.split('/').filter((part) => part !== '' && part !== '.');
  if (entryPath.startsWith('/') || parts.includes('..')) throw new Error(`tar: entry "${entryPath}" points outside the package`);
  return parts.length > 1 ? parts.slice(1).join('/') : undefined;
}

async function extractPackage(tarball: Buffer, target: string): Promise<void> {
  const entries = readTar(await gunzipAsync(tarball));
  for (const entry of entries) {
    const relative = packagePath(entry.path);
    if (relative === undefined) continue;
    const destination = path.join(target, relative);
    if (entry.type === 'directory') {
      await mkdir(destination, { recursive: true });
    } else {
      await mkdir(path.dirname(destination), { recursive: true });
      await writeFile(destination, entry.data, { mode: entry.mode | 0o600 });
    }
  }
  if (!existsSync(path.join(target, 'duckdb.node'))) throw new Error('the tarball holds no package/duckdb.node');
}

/** Moves the finished `staging` folder to `dir`. */
async function publish(staging: string, dir: string, pin: BindingPin): Promise<void> {
  try {
    await rename(staging, dir);
  } catch (error) {
    // Another process finished the same download first: use its copy.
    if (await isCached(dir, pin)) return;
    if (!existsSync(dir)) throw error;
    // An incomplete or outdated folder (its marker names another tarball): move it aside, then take its place.
    const stale = `${staging}.stale`;
    await rename(dir, stale);
    await rename(staging, dir);
    await rm(stale, { recursive: true, force: true });
  }
}

/** A staging folder untouched this long was left by a process that died mid-extraction (extraction takes seconds). */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

/** Removes staging folders of `dir` left by killed or cancelled runs, which would otherwise keep ~70 MB each. */
async function removeAbandonedStaging(dir: string): Promise<void> {
  const parent = path.dirname(dir);
  const prefix = `${path.basename(dir)}.partial-`;
  const names = await readdir(parent).catch(() => []);
  for (const name of names.filter((n) => n.startsWith(prefix))) {
    const modified = await stat(path.join(parent, name)).then((s) => s.mtimeMs, () => Date.now());
    if (Date.now() - modified > ABANDONED_AFTER_MS) await rm(path.join(parent, name), { recursive: true, force: true });
  }
}

async function downloadInto(dir: string, options: EnsureBindingOptions): Promise<string> {
  const { pin } = options;
  const url = tarballUrl(options.registry, pin);
  const tarball = await download(url, options.download);
  // Checked before anything touches the disk: a bad download leaves no trace in the cache.
  checkIntegrity(tarball, pin.integrity, `${pin.name}@${pin.version} from ${url}`);
  // Extracted beside its final place and renamed into it, so no reader ever sees a half-written folder.
  const staging = `${dir}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
  await removeAbandonedStaging(dir);
  try {
    await mkdir(staging, { recursive: true });
    await extractPackage(tarball, staging);
    await writeFile(path.join(staging, MARKER), pin.integrity);
    await publish(staging, dir, pin);
  } catch (error) {
    throw new Error(`could not unpack ${pin.name}@${pin.version} from ${url} into ${dir}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return url;
}

/**
 * Finds or fetches the native DuckDB package `options.pin`: an installed copy of the pinned version,
 * else the cache, else the registry (integrity-checked, then cached for the next run).
 */
export async function ensureBinding(options: EnsureBindingOptions): Promise<PreparedBinding> {
  const { pin } = options;
  const installed = options.installedFrom === undefined ? undefined : installedDir(pin, options.installedFrom);
  if (installed) return { dir: installed, source: 'installed' };
  const dir = path.join(options.cacheDir, `${pin.name.slice(1).replace('/', '-')}@${pin.version}`);
  if (await isCached(dir, pin)) return { dir, source: 'cache' };
  const url = await downloadInto(dir, options);
  return { dir, source: 'download', url };
}

import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindingPin, tarballUrl } from '../../src/runtime/binding-platform.ts';
import { npmTarball, npmTarballsUnavailable, startRegistry, type LocalRegistry } from '../helpers/npm-registry.ts';
import { decodePng } from '../plots/png.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
/**
 * The committed bundle's budget. It was 15 MB until the database sources: snowflake-sdk alone brings 7.5 MB (the AWS,
 * Azure and Google SDKs it carries for result downloads), in a chunk loaded only by `db: snowflake` batches.
 */
const MAX_BUNDLE_BYTES = 25_000_000;

async function filesUnder(dir: string): Promise<{ file: string; bytes: number }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  return Promise.all(files.map(async (file) => ({ file: path.relative(dir, file), bytes: (await stat(file)).size })));
}

interface ActionRun {
  code: number | null;
  stdout: string;
  output: string;
}

/**
 * `node dist/index.js` in `cwd` the way the runner starts it, with only the environment given here.
 * Asynchronous: the local registry answers from this process's event loop.
 */
async function runBundle(cwd: string, env: Record<string, string>, args: string[] = [path.join(cwd, 'dist/index.js')]): Promise<ActionRun> {
  const output = path.join(cwd, `output-${Date.now()}.txt`);
  await writeFile(output, '');
  const child = spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env['PATH'] ?? '', HOME: cwd, GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: output, ...env },
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, output: await readFile(output, 'utf8') };
}

// npm's tarball of this platform's binding is in npm's cache after `npm ci`; without it, and offline, the two
// tests that download it skip, and `npm test` still passes.
const unavailable = await npmTarballsUnavailable([bindingPin()]);
if (unavailable) console.warn(`skipped: the committed bundle's download tests: ${unavailable}`);

describe('the committed bundle, run from a copy of the action without node_modules', () => {
  const pin = bindingPin();
  let registry: LocalRegistry;
  let copy: string;

  beforeAll(async () => {
    registry = await startRegistry();
    // npm's own bytes: the bundle checks them against the committed pins.
    if (!unavailable) registry.publish(pin, await npmTarball(pin));
    copy = await mkdtemp(path.join(tmpdir(), 'anomstack-bundle-'));
    for (const part of ['action.yml', 'bin', 'dist', 'metrics']) await cp(path.join(ROOT, part), path.join(copy, part), { recursive: true });
  });
  afterAll(async () => {
    await registry.close();
    await rm(copy, { recursive: true, force: true });
  });

  it('is under 25 MB and carries no native library', async () => {
    const files = await filesUnder(path.join(ROOT, 'dist'));
    expect(files.filter(({ file }) => /\.(node|so|dylib|dll)$/.test(file))).toEqual([]);
    expect(files.reduce((total, { bytes }) => total + bytes, 0)).toBeLessThan(MAX_BUNDLE_BYTES);
  });

  it("carries the font and resvg's WebAssembly byte for byte (a bundler that passes them through a string corrupts them)", async () => {
    const sources = [path.join(ROOT, 'src/plots/fonts/DejaVuSans.ttf'), path.join(ROOT, 'node_modules/@resvg/resvg-wasm/index_bg.wasm')];
    const bundled = (await filesUnder(path.join(ROOT, 'dist'))).filter(({ file }) => /\.(ttf|wasm)$/.test(file));
    // One copy each: the CLI runs from the same bundle.
    expect(bundled.map(({ file }) => path.basename(file)).sort()).toEqual(['DejaVuSans.ttf', 'index_bg.wasm']);
    for (const { file } of bundled) {
      const source = sources.find((s) => path.basename(s) === path.basename(file)) ?? '';
      expect((await readFile(path.join(ROOT, 'dist', file))).equals(await readFile(source)), file).toBe(true);
    }
  });

  it.skipIf(unavailable !== null)('fetches the pinned binding, runs the batch, and uses its cache on the next run', async () => {
    const env = {
      INPUT_COMMAND: 'run',
      'INPUT_METRICS-DIR': 'metrics',
      INPUT_BATCHES: 'csv_orders',
      ANOMSTACK_DUCKDB_REGISTRY: registry.url,
      ANOMSTACK_DUCKDB_CACHE: path.join(copy, 'tool-cache'),
    };
    const before = registry.requests.length;
    const first = await runBundle(copy, env);
    expect(first.stdout).toContain(`${pin.name}@${pin.version}: downloaded from ${tarballUrl(registry.url, pin)}`);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('🔥 [csv_orders] orders looks anomalous');
    expect(first.output).toMatch(/^anomalies<<(\S+)\n[1-9]\d*\n\1$/m);
    expect(registry.requests.length).toBe(before + 1);
    // The PNGs come from the bundle's own copy of resvg's WebAssembly and of the font (no node_modules here).
    const png = await readFile(path.join(copy, 'anomstack-report', 'plots', 'csv_orders', 'metrics', 'orders.png'));
    expect(decodePng(png).width).toBeGreaterThan(1000);

    const second = await runBundle(copy, env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`${pin.name}@${pin.version}: cache (${path.join(copy, 'tool-cache')}`);
    expect(registry.requests.length).toBe(before + 1);
  });

  it.skipIf(unavailable !== null)('runs the CLI from the same bundle (bin/anomstack.js), fetching the binding the same way', async () => {
    const env = { ANOMSTACK_DUCKDB_REGISTRY: registry.url, ANOMSTACK_DUCKDB_CACHE: path.join(copy, 'cli-cache') };
    const run = await runBundle(copy, env, [path.join(copy, 'bin', 'anomstack.js'), 'run', '--metrics-dir', 'metrics', '--batch', 'synthetic_sql', '--report-dir', 'none']);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain(`${pin.name}@${pin.version}: downloaded from ${tarballUrl(registry.url, pin)}`);
    expect(run.stdout).toMatch(/synthetic_sql\s+ok\s+4\s+\d+/);
    expect(run.stdout).not.toContain('::'); // CLI output, not workflow commands
  });

  it('fails the step with a clear error when the registry does not have the binding', async () => {
    const missing = `${registry.url}missing/`;
    const run = await runBundle(copy, { ANOMSTACK_DUCKDB_REGISTRY: missing, ANOMSTACK_DUCKDB_CACHE: path.join(copy, 'empty-cache') });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`::error::DuckDB native binding: could not download ${tarballUrl(missing, pin)} (1 attempt): GET ${tarballUrl(missing, pin)} answered 404 Not Found`);
  });
});

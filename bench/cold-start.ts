/**
 * Cold start of the action: `node dist/index.js` (run `npm run build` first) ingesting a one-row batch, in
 * fresh processes, timed from spawn to the binding being ready, to the first query's answer (the ingest
 * line) and to exit. The native binding comes from node_modules (a checkout), a warm cache, or a download
 * (npm's tarball of the pinned version from a local registry, so the network is not what is measured),
 * the last two from a copy of the action without node_modules, as on a runner. Also prints the bundle size.
 *
 *   npm run bench:cold-start -- --runs 5
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatTable } from '../src/cli/table.ts';
import { median } from '../src/models/stats.ts';
import { bindingPin } from '../src/runtime/binding-platform.ts';
import { npmTarball, startRegistry } from '../tests/helpers/npm-registry.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
// Reports the child's CPU time on exit without touching the bundle.
const REPORT_CPU = `data:text/javascript,process.on('exit',()=>{const c=process.cpuUsage();process.stderr.write('cpu-ms '+(c.user+c.system)/1000+'\\n')})`;

interface Sample {
  source: string;
  bindingMs: number;
  firstQueryMs: number;
  exitMs: number;
  cpuMs: number;
}

/** One `node <actionDir>/dist/index.js` run in `cwd`; times are when its stdout lines reach us, from spawn. */
function sample(actionDir: string, cwd: string, env: Record<string, string>): Promise<Sample> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', REPORT_CPU, path.join(actionDir, 'dist/index.js')], {
    cwd,
    env: { PATH: process.env['PATH'] ?? '', HOME: cwd, GITHUB_ACTIONS: 'true', INPUT_COMMAND: 'ingest', 'INPUT_METRICS-DIR': 'bench-metrics', ...env },
  });
  let stdout = '';
  let stderr = '';
  const at: { binding?: number; query?: number } = {};
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (at.binding === undefined && stdout.includes('DuckDB native binding')) at.binding = performance.now() - started;
    if (at.query === undefined && /^ingest\s+cold: /m.test(stdout)) at.query = performance.now() - started;
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      const source = /DuckDB native binding \S+: (\w+)/.exec(stdout)?.[1];
      const cpu = /cpu-ms ([\d.]+)/.exec(stderr)?.[1];
      if (code !== 0 || !source || at.binding === undefined || at.query === undefined || !cpu) {
        reject(new Error(`dist/index.js exited with ${String(code)}:\n${stdout}${stderr}`));
        return;
      }
      resolve({ source, bindingMs: at.binding, firstQueryMs: at.query, exitMs: performance.now() - started, cpuMs: Number(cpu) });
    });
  });
}

async function bundleBytes(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const sizes = await Promise.all(entries.filter((e) => e.isFile()).map(async (e) => (await stat(path.join(e.parentPath, e.name))).size));
  return sizes.reduce((total, bytes) => total + bytes, 0);
}

/** A one-metric batch: ingesting it is the first query the action makes. */
async function writeBatch(cwd: string): Promise<void> {
  const batch = path.join(cwd, 'bench-metrics', 'cold');
  await mkdir(batch, { recursive: true });
  await writeFile(path.join(batch, 'config.yaml'), `metric_batch: cold\ndb: duckdb\nalert_methods: console\nduckdb_path: ${path.join(tmpdir(), `cold-${process.pid}.duckdb`)}\n`);
  await writeFile(path.join(batch, 'query.sql'), "SELECT now() AS metric_timestamp, 'm' AS metric_name, 1.0 AS metric_value\n");
}

async function main(runs: number): Promise<void> {
  const bundle = await readFile(path.join(ROOT, 'dist/index.js'), 'utf8');
  if (!bundle.includes('ANOMSTACK_DUCKDB_REGISTRY')) throw new Error('dist/index.js does not fetch its DuckDB binding yet: run `npm run build` first');
  const pin = bindingPin();
  const registry = await startRegistry();
  const tarball = await npmTarball(pin);
  registry.publish(pin, tarball);
  const work = await mkdtemp(path.join(tmpdir(), 'anomstack-cold-start-'));
  // The action as a runner sees it: action.yml and dist/, no node_modules.
  const copy = path.join(work, 'action');
  for (const part of ['action.yml', 'dist']) await cp(path.join(ROOT, part), path.join(copy, part), { recursive: true });
  await writeBatch(work);
  const fromRegistry = (cache: string): Record<string, string> => ({ ANOMSTACK_DUCKDB_REGISTRY: registry.url, ANOMSTACK_DUCKDB_CACHE: path.join(work, cache) });
  // The checkout's own dist/ finds node_modules beside it.
  const cases: [string, string, (run: number) => Record<string, string>][] = [
    ['node_modules (a checkout)', ROOT, () => fromRegistry('unused')],
    ['warm cache', copy, () => fromRegistry('warm')],
    ['download (local registry)', copy, (run) => fromRegistry(`cold-${run}`)],
  ];
  const rows: (string | number)[][] = [];
  try {
    await sample(copy, work, fromRegistry('warm')); // fills the warm cache; not counted
    for (const [label, actionDir, env] of cases) {
      const samples: Sample[] = [];
      for (let run = 1; run <= runs; run++) samples.push(await sample(actionDir, work, env(run)));
      const ms = (pick: (s: Sample) => number): string => `${Math.round(median(samples.map(pick)))} ms`;
      rows.push([label, samples[0]?.source ?? '', ms((s) => s.bindingMs), ms((s) => s.firstQueryMs), ms((s) => s.exitMs), ms((s) => s.cpuMs)]);
    }
  } finally {
    await registry.close();
    await rm(work, { recursive: true, force: true });
    await rm(path.join(tmpdir(), `cold-${process.pid}.duckdb`), { force: true });
  }
  const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  process.stdout.write(`cold start of node dist/index.js (ingest of one row), median of ${runs} fresh processes, node ${process.version}, ${pin.name}@${pin.version}\n`);
  process.stdout.write(`${formatTable(['binding from', 'source', 'binding ready', 'first query', 'exit', 'CPU'], rows)}\n`);
  process.stdout.write(`tarball ${mb(tarball.length)}; bundle: dist/index.js ${mb(Buffer.byteLength(bundle))}, dist/ ${mb(await bundleBytes(path.join(ROOT, 'dist')))}\n`);
}

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
await main(Number(values.runs));

/**
 * Plot job benchmark: one batch of M metrics x D days of hourly points (scored, about one in 200 alerted),
 * plotted by the pipeline's plot job. Prints wall and CPU time, CPU per metric, the one-off cost of
 * compiling resvg's WebAssembly, and the bytes written.
 *
 *   node bench/plot.ts --metrics 50 --days 30
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatTable } from '../src/cli/table.ts';
import { runJobs } from '../src/jobs/run.ts';
import { svgToPng } from '../src/plots/render.ts';
import { DuckDb } from '../src/store/duckdb.ts';

const { values } = parseArgs({ options: { metrics: { type: 'string', default: '50' }, days: { type: 'string', default: '30' } } });
const metrics = Number(values.metrics);
const hours = Number(values.days) * 24;

const work = await mkdtemp(path.join(tmpdir(), 'anomstack-bench-plot-'));
const dbPath = path.join(work, 'state', 'anomstack.duckdb');
try {
  const batchDir = path.join(work, 'metrics', 'bench');
  await mkdir(batchDir, { recursive: true });
  await mkdir(path.dirname(dbPath), { recursive: true });
  await writeFile(path.join(batchDir, 'config.yaml'), `ingest_sql: SELECT 1\nduckdb_path: ${JSON.stringify(dbPath)}\n`);
  const db = await DuckDb.open(dbPath);
  await db.run('CREATE TABLE metrics (metric_timestamp TIMESTAMP, metric_batch VARCHAR, metric_name VARCHAR, metric_type VARCHAR, metric_value DOUBLE, metadata VARCHAR)');
  const grid = `FROM range(${metrics}) AS m(m), range(${hours}) AS h(h)`;
  const stamp = `TIMESTAMP '2026-04-01 00:00:00' - to_hours(${hours - 1} - h)`;
  await db.run(`INSERT INTO metrics SELECT ${stamp}, 'bench', 'metric' || m, 'metric', 100 + 10 * sin(h / 3.8) + (hash(m, h) % 1000) / 100.0, NULL ${grid}`);
  await db.run(`INSERT INTO metrics SELECT ${stamp}, 'bench', 'metric' || m, 'score', (hash(m, h) % 1000) / 4000.0, NULL ${grid}`);
  await db.run(`INSERT INTO metrics SELECT ${stamp}, 'bench', 'metric' || m, 'alert', 0.9, NULL ${grid} WHERE hash(h, m) % 200 = 0`);
  db.close();

  // The one-off cost every process that draws a PNG pays first: compiling the WebAssembly, reading the font.
  const initCpu = process.cpuUsage();
  await svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
  const init = process.cpuUsage(initCpu);

  const cpu = process.cpuUsage();
  const started = performance.now();
  const report = await runJobs({
    metricsDir: path.join(work, 'metrics'), jobs: ['plot'], env: {}, now: new Date('2026-04-01T00:30:00Z'),
    reporter: { info: () => undefined, warn: (m) => process.stderr.write(`${m}\n`), progress: () => undefined },
  });
  const wall = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const job = report.batches[0]?.jobs[0];
  if (job?.status !== 'ok') throw new Error(`plot job: ${job?.message ?? 'did not run'}`);
  const cpuSeconds = (used.user + used.system) / 1e6;
  process.stdout.write(
    `${formatTable(
      ['metrics', 'points/metric', 'wall s', 'CPU s', 'CPU ms/metric', 'wasm init CPU ms', 'written', 'peak RSS MB'],
      [[metrics, hours, wall.toFixed(1), cpuSeconds.toFixed(1), ((cpuSeconds * 1000) / metrics).toFixed(0),
        ((init.user + init.system) / 1000).toFixed(0), /, ([\d.]+ MB)/.exec(job.message)?.[1] ?? '?', (process.resourceUsage().maxRSS / 1000).toFixed(0)]],
    )}\n`,
  );
} finally {
  await rm(work, { recursive: true, force: true });
}

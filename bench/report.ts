/**
 * Report benchmark: the static site for B batches x M metrics x D days of hourly points, each point
 * scored and about one in 200 alerted, stored straight into the DuckDB table the jobs write. Prints the
 * generation time (wall and CPU), the site's size and its largest page. Target: under 50 MB, seconds.
 *
 *   npm run bench -- ... (or) node bench/report.ts --batches 10 --metrics 100 --days 90
 */
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatTable } from '../src/cli/table.ts';
import { writeReport } from '../src/report/write.ts';
import { DuckDb } from '../src/store/duckdb.ts';

const { values } = parseArgs({
  options: { batches: { type: 'string', default: '10' }, metrics: { type: 'string', default: '100' }, days: { type: 'string', default: '90' } },
});
const batches = Number(values.batches);
const metrics = Number(values.metrics);
const hours = Number(values.days) * 24;
const now = new Date('2026-04-01T00:30:00Z');

const work = await mkdtemp(path.join(tmpdir(), 'anomstack-bench-report-'));
const dbPath = path.join(work, 'bench.duckdb');
try {
  await writeFile(path.join(await dir(work, 'metrics'), 'defaults.yaml'), `duckdb_path: ${JSON.stringify(dbPath)}\n`);
  for (let b = 0; b < batches; b++) {
    await writeFile(path.join(await dir(work, 'metrics', `batch${b}`), 'config.yaml'), 'ingest_sql: SELECT 1\n');
  }
  const db = await DuckDb.open(dbPath);
  const seeded = performance.now();
  // The store's columns (without NOT NULL): seeding millions of rows is not what is measured here.
  await db.run('CREATE TABLE metrics (metric_timestamp TIMESTAMP, metric_batch VARCHAR, metric_name VARCHAR, metric_type VARCHAR, metric_value DOUBLE, metadata VARCHAR)');
  // Generated inside DuckDB: the benchmark times the report, not millions of inserts from JavaScript.
  const grid = `FROM range(${batches}) AS b(b), range(${metrics}) AS m(m), range(${hours}) AS h(h)`;
  const stamp = `TIMESTAMP '2026-04-01 00:00:00' - to_hours(${hours - 1} - h)`;
  await db.run(`INSERT INTO metrics SELECT ${stamp}, 'batch' || b, 'metric' || m, 'metric',
      100 + 10 * sin(h / 3.8) + (hash(b, m, h) % 1000) / 100.0, NULL ${grid}`);
  await db.run(`INSERT INTO metrics SELECT ${stamp}, 'batch' || b, 'metric' || m, 'score', (hash(m, h, b) % 1000) / 1000.0, NULL ${grid}`);
  await db.run(`INSERT INTO metrics SELECT ${stamp}, 'batch' || b, 'metric' || m, 'alert', 0.9, '{"score":0.9}' ${grid} WHERE hash(h, b, m) % 200 = 0`);
  const rows = Number((await db.all('SELECT count(*) AS n FROM metrics'))[0]?.['n']);
  db.close();
  const seedSeconds = (performance.now() - seeded) / 1000;

  const outDir = path.join(work, 'site');
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await writeReport({ metricsDir: path.join(work, 'metrics'), outDir, now, env: {} });
  const wall = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const sizes = await fileSizes(outDir);
  const largest = sizes.sort((a, b) => b.bytes - a.bytes)[0];
  const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);
  process.stdout.write(
    `${formatTable(
      ['batches', 'metrics', 'points/metric', 'rows', 'pages', 'site MB', 'largest file', 'wall s', 'CPU s', 'peak RSS MB'],
      [[batches, batches * metrics, hours, rows, result.pages, mb(result.bytes), `${largest?.file} ${mb(largest?.bytes ?? 0)} MB`,
        wall.toFixed(1), ((used.user + used.system) / 1e6).toFixed(1), mb(process.resourceUsage().maxRSS * 1000)]],
    )}\n(seeding the table took ${seedSeconds.toFixed(1)} s; target: site < 50 MB, generated in seconds)\n`,
  );
} finally {
  await rm(work, { recursive: true, force: true });
}

async function dir(...parts: string[]): Promise<string> {
  const folder = path.join(...parts);
  await mkdir(folder, { recursive: true });
  return folder;
}

async function fileSizes(root: string): Promise<{ file: string; bytes: number }[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  return Promise.all(files.map(async (file) => ({ file: path.relative(root, file), bytes: (await stat(file)).size })));
}

/**
 * Report benchmark: the static site for B batches x M metrics x D days of hourly points, each point
 * scored and about one in 200 alerted, stored straight into the DuckDB table the jobs write. Prints the
 * generation time (wall and CPU), the site's size and its largest page. Target: under 50 MB, seconds.
 * Run twice in one process: score rows without metadata (the baseline), then with the expected range every score
 * row now carries (the band drawn behind each line), so the band's cost reads as a ratio on a noisy machine.
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

const rowsOut: (string | number)[][] = [];
let baseline = 0;
for (const bands of [false, true]) {
  const measured = await measure(bands);
  if (!bands) baseline = measured.cpuSeconds;
  rowsOut.push([bands ? 'with bands' : 'without (baseline)', ...measured.row, bands ? (measured.cpuSeconds / baseline).toFixed(2) : '1.00']);
}
process.stdout.write(
  `${formatTable(
    ['score metadata', 'batches', 'metrics', 'points/metric', 'rows', 'pages', 'site MB', 'largest file', 'wall s', 'CPU s', 'peak RSS MB', 'CPU ratio'],
    rowsOut,
  )}\n(target: site < 50 MB, generated in seconds)\n`,
);

/** One report over a freshly seeded table; `bands`: each score row carries an expected range in its metadata. */
async function measure(bands: boolean): Promise<{ row: (string | number)[]; cpuSeconds: number }> {
  const work = await mkdtemp(path.join(tmpdir(), 'anomstack-bench-report-'));
  const dbPath = path.join(work, 'bench.duckdb');
  try {
    await writeFile(path.join(await dir(work, 'metrics'), 'defaults.yaml'), `duckdb_path: ${JSON.stringify(dbPath)}\n`);
    for (let b = 0; b < batches; b++) {
      await writeFile(path.join(await dir(work, 'metrics', `batch${b}`), 'config.yaml'), 'ingest_sql: SELECT 1\n');
    }
    const db = await DuckDb.open(dbPath);
    // The store's columns (without NOT NULL): seeding millions of rows is not what is measured here.
    await db.run('CREATE TABLE metrics (metric_timestamp TIMESTAMP, metric_batch VARCHAR, metric_name VARCHAR, metric_type VARCHAR, metric_value DOUBLE, metadata VARCHAR)');
    // Generated inside DuckDB: the benchmark times the report, not millions of inserts from JavaScript.
    const grid = `FROM range(${batches}) AS b(b), range(${metrics}) AS m(m), range(${hours}) AS h(h)`;
    const stamp = `TIMESTAMP '2026-04-01 00:00:00' - to_hours(${hours - 1} - h)`;
    // As the score job writes it: {"expected":{"baseline":b,"low":l,"high":h}}, a band around the series' level.
    const metadata = bands
      ? `'{"expected":{"baseline":' || (100 + 10 * sin(h / 3.8))::DECIMAL(9, 3) || ',"low":' || (80 + 10 * sin(h / 3.8))::DECIMAL(9, 3) || ',"high":' || (120 + 10 * sin(h / 3.8))::DECIMAL(9, 3) || '}}'`
      : 'NULL';
    await db.run(`INSERT INTO metrics SELECT ${stamp}, 'batch' || b, 'metric' || m, 'metric',
        100 + 10 * sin(h / 3.8) + (hash(b, m, h) % 1000) / 100.0, NULL ${grid}`);
    await db.run(`INSERT INTO metrics SELECT ${stamp}, 'batch' || b, 'metric' || m, 'score', (hash(m, h, b) % 1000) / 1000.0, ${metadata} ${grid}`);
    await db.run(`INSERT INTO metrics SELECT ${stamp}, 'batch' || b, 'metric' || m, 'alert', 0.9, '{"score":0.9}' ${grid} WHERE hash(h, b, m) % 200 = 0`);
    const rows = Number((await db.all('SELECT count(*) AS n FROM metrics'))[0]?.['n']);
    db.close();

    const outDir = path.join(work, 'site');
    const cpu = process.cpuUsage();
    const started = performance.now();
    const result = await writeReport({ metricsDir: path.join(work, 'metrics'), outDir, now, env: {} });
    const wall = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    const sizes = await fileSizes(outDir);
    const largest = sizes.sort((a, b) => b.bytes - a.bytes)[0];
    const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);
    return {
      cpuSeconds,
      row: [batches, batches * metrics, hours, rows, result.pages, mb(result.bytes), `${largest?.file} ${mb(largest?.bytes ?? 0)} MB`,
        wall.toFixed(1), cpuSeconds.toFixed(1), mb(process.resourceUsage().maxRSS * 1000)],
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
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

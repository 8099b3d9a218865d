/**
 * Pipeline benchmark: ingest, train and score M metrics x N points through the real jobs on an embedded
 * DuckDB in a temp folder. Prints each job's time, points per second and the peak resident memory.
 *
 *   npm run bench -- --metrics 200 --points 2500
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatTable } from '../src/cli/table.ts';
import { runJobs } from '../src/jobs/run.ts';

const { values } = parseArgs({
  options: { metrics: { type: 'string', default: '200' }, points: { type: 'string', default: '2500' } },
});
const metrics = Number(values.metrics);
const points = Number(values.points);

const work = await mkdtemp(path.join(tmpdir(), 'anomstack-bench-'));
const batchDir = path.join(work, 'metrics', 'bench');
await mkdir(batchDir, { recursive: true });
await writeFile(
  path.join(batchDir, 'config.yaml'),
  [
    `duckdb_path: ${path.join(work, 'bench.duckdb')}`,
    `model_path: local://${path.join(work, 'models')}`,
    'alert_methods: console',
    `score_max_n: ${points}`,
    'alert_recent_n: 1',
    `train_max_n: ${points}`,
  ].join('\n'),
);
// Seasonal series with deterministic noise, one per metric, generated inside DuckDB.
await writeFile(
  path.join(batchDir, 'query.sql'),
  `SELECT TIMESTAMP '2026-01-01' + to_minutes(i::BIGINT * 5) AS metric_timestamp,
          'm' || lpad(m::VARCHAR, 5, '0') AS metric_name,
          100 + 10 * sin(i / 48.0) + (hash(m, i) % 1000) / 100.0 AS metric_value
   FROM range(${metrics}) AS a(m), range(${points}) AS b(i)`,
);

const silent = { info: () => undefined, warn: () => undefined, progress: () => undefined };
const rows: (string | number)[][] = [];
try {
  // Train before score and score only after training: time each job on its own.
  for (const job of ['ingest', 'train', 'score'] as const) {
    const report = await runJobs({ metricsDir: path.join(work, 'metrics'), jobs: [job], reporter: silent, channels: () => [] });
    const outcome = report.batches[0]?.jobs[0];
    if (!outcome) throw new Error(`${job} did not run: ${report.batches[0]?.error ?? 'no report'}`);
    const seconds = outcome.ms / 1000;
    rows.push([job, `${seconds.toFixed(2)} s`, Math.round((metrics * points) / seconds), outcome.message]);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
process.stdout.write(`pipeline: ${metrics} metrics x ${points} points (${metrics * points} points), node ${process.version}\n`);
process.stdout.write(`${formatTable(['job', 'time', 'points/s', 'result'], rows)}\n`);
process.stdout.write(`peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`);

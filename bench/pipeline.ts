/**
 * Pipeline benchmark: ingest, train and score M metrics x N points through the real jobs on an embedded
 * DuckDB in a temp folder. Each job runs in its own child process, so the peak resident memory printed
 * is that job's own (a process's peak cannot be reset); CPU time (user + system, DuckDB's threads
 * included) is printed next to wall time because the machine may be shared. Several metric counts
 * show whether memory stays flat as a batch grows.
 *
 *   npm run bench -- --metrics 100,1000 --points 2500
 *
 * The 1,000-metric run takes minutes, most of it in score and in ingest (which reads, validates and stages its
 * one query's result a chunk at a time, so its heap stays flat). Peak RSS includes DuckDB's memory: the table has
 * no key index (whose memory grew with the rows stored), and the store checkpoints every 100,000 rows written, so
 * score's rows are not all held until the final checkpoint at close (its peak had grown with the metric count).
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { formatTable } from '../src/cli/table.ts';
import { runJobs } from '../src/jobs/run.ts';

const JOBS = ['ingest', 'train', 'score'] as const;
type BenchJob = (typeof JOBS)[number];

interface PhaseResult {
  ms: number;
  cpuMs: number;
  rssMb: number;
  /** Peak JS heap in use, sampled whenever the job awaits: what the job itself holds, without DuckDB. */
  heapMb: number;
  message: string;
}

const { values } = parseArgs({
  options: {
    metrics: { type: 'string', default: '100,400' },
    points: { type: 'string', default: '2500' },
    // Internal: run one job on an existing work folder and print its PhaseResult as JSON.
    phase: { type: 'string' },
    work: { type: 'string' },
  },
});

if (values.phase) {
  process.stdout.write(`${JSON.stringify(await runPhase(values.phase, values.work ?? ''))}\n`);
} else {
  await main(values.metrics.split(',').map(Number), Number(values.points));
}

async function main(metricCounts: number[], points: number): Promise<void> {
  const rows: (string | number)[][] = [];
  for (const metrics of metricCounts) {
    const work = await mkdtemp(path.join(tmpdir(), 'anomstack-bench-'));
    try {
      await writeBatch(work, metrics, points);
      const total = metrics * points;
      const modelling: PhaseResult[] = [];
      for (const job of JOBS) {
        const result = await runChild(job, work);
        if (job !== 'ingest') modelling.push(result);
        rows.push(row(metrics, job, total, result));
      }
      const sum = (pick: (r: PhaseResult) => number): number => modelling.reduce((s, r) => s + pick(r), 0);
      rows.push(row(metrics, 'train+score', total, {
        ms: sum((r) => r.ms),
        cpuMs: sum((r) => r.cpuMs),
        rssMb: Math.max(...modelling.map((r) => r.rssMb)),
        heapMb: Math.max(...modelling.map((r) => r.heapMb)),
        message: '',
      }));
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
  process.stdout.write(`pipeline: M metrics x ${points} points, node ${process.version}; points/s from CPU time\n`);
  process.stdout.write(`${formatTable(['metrics', 'job', 'wall', 'cpu', 'points/s', 'peak RSS', 'peak heap', 'result'], rows)}\n`);
}

function row(metrics: number, job: string, points: number, r: PhaseResult): (string | number)[] {
  return [metrics, job, `${(r.ms / 1000).toFixed(2)} s`, `${(r.cpuMs / 1000).toFixed(2)} s`, Math.round(points / (r.cpuMs / 1000)), `${r.rssMb} MB`, `${r.heapMb} MB`, r.message];
}

async function runChild(job: BenchJob, work: string): Promise<PhaseResult> {
  const script = new URL(import.meta.url).pathname;
  const { stdout } = await promisify(execFile)(process.execPath, [...process.execArgv, script, '--phase', job, '--work', work], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as PhaseResult;
}

async function runPhase(job: string, work: string): Promise<PhaseResult> {
  if (!JOBS.includes(job as BenchJob)) throw new Error(`--phase must be one of ${JOBS.join(', ')}, got "${job}"`);
  const silent = { info: () => undefined, warn: () => undefined, progress: () => undefined };
  let heapPeak = 0;
  const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 5);
  const cpu = process.cpuUsage();
  const report = await runJobs({ metricsDir: path.join(work, 'metrics'), jobs: [job as BenchJob], reporter: silent, channels: () => [] });
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  const outcome = report.batches[0]?.jobs[0];
  if (!outcome) throw new Error(`${job} did not run: ${report.batches[0]?.error ?? 'no report'}`);
  return {
    ms: outcome.ms,
    // The job's own CPU time is not separable from config loading; both are small next to the job.
    cpuMs: (used.user + used.system) / 1000,
    rssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    heapMb: Math.round(heapPeak / 2 ** 20),
    message: outcome.message.replace(/ into local:\/\/\S+/, ''),
  };
}

async function writeBatch(work: string, metrics: number, points: number): Promise<void> {
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
}

/**
 * Pipeline benchmark: ingest, train and score M metrics x N points through the real jobs on an embedded
 * DuckDB in a temp folder. Each job runs in its own process, as `anomstack <job>` from the bundle (dist/, what
 * the CLI and the action run; `--from source` runs src/ instead), so the peak resident memory printed is that
 * job's own (a process's peak cannot be reset) and the CPU time includes starting the process; CPU time (user +
 * system, DuckDB's threads included) is printed next to wall time because the machine may be shared. Several
 * metric counts show whether memory stays flat as a batch grows.
 *
 *   npm run bench -- --metrics 100,1000 --points 2500
 *
 * Then two scheduled ticks on that history: the next point of every metric is ingested, and train, score, alert and
 * change run as a workflow tick would run them (the batch's defaults, no schedules: every job is due), each again
 * in its own process: what a batch of that size costs every tick once its history is stored. On the first tick train
 * refits every metric (the history's newly scored points are new to the models); on the second it keeps them (one
 * new point, fewer than train_refit_n), as on most ticks.
 *
 * The 1,000-metric run takes minutes, most of it in score and in ingest (which reads, validates and stages its
 * one query's result a chunk at a time, so its heap stays flat). Peak RSS includes DuckDB's memory: the table has
 * no key index (whose memory grew with the rows stored), and the store checkpoints every 100,000 rows written, so
 * score's rows are not all held until the final checkpoint at close (its peak had grown with the metric count).
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { formatTable } from '../src/cli/table.ts';
import { runJobs } from '../src/jobs/run.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
/**
 * Loaded before the bundle in each job's process: samples the JavaScript heap whenever the process is idle
 * between awaits, and at exit prints what the process used as one line of JSON on stderr.
 */
const USAGE_HOOK = `data:text/javascript,${encodeURIComponent(`
  let heap = 0;
  setInterval(() => { heap = Math.max(heap, process.memoryUsage().heapUsed); }, 5).unref();
  process.on('exit', () => {
    const cpu = process.cpuUsage();
    process.stderr.write('bench-usage ' + JSON.stringify({ ms: process.uptime() * 1000, cpuMs: (cpu.user + cpu.system) / 1000,
      rssMb: Math.round(process.resourceUsage().maxRSS / 1024), heapMb: Math.round(heap / 2 ** 20) }) + '\\n');
  });`)}`;
const TICK_JOBS = ['ingest', 'train', 'score', 'alert', 'change'] as const;
type BenchJob = (typeof TICK_JOBS)[number];
const FIVE_MINUTES = 300_000;

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
    from: { type: 'string', default: 'bundle' },
    // Internal: run one job on an existing work folder and print its PhaseResult as JSON.
    phase: { type: 'string' },
    work: { type: 'string' },
    now: { type: 'string' },
  },
});

if (values.phase) {
  process.stdout.write(`${JSON.stringify(await runPhase(values.phase, values.work ?? '', values.now))}\n`);
} else {
  if (values.from !== 'bundle' && values.from !== 'source') throw new Error(`--from must be bundle or source, got "${values.from}"`);
  if (values.from === 'bundle') await warnIfBundleIsStale();
  await main(values.metrics.split(',').map(Number), Number(values.points));
}

async function main(metricCounts: number[], points: number): Promise<void> {
  const rows: (string | number)[][] = [];
  for (const metrics of metricCounts) {
    const work = await mkdtemp(path.join(tmpdir(), 'anomstack-bench-'));
    const defaults = await mkdtemp(path.join(tmpdir(), 'anomstack-bench-defaults-'));
    try {
      await writeBatch(work, metrics, points);
      const total = metrics * points;
      rows.push(row(metrics, 'ingest', total, await runChild('ingest', work)));
      // The same history for a batch with the default settings, where score judges each metric's newest
      // score_max_n (25) points: what a new batch's first scheduled run does.
      await writeBatch(defaults, metrics, points, 'defaults');
      await copyFile(path.join(work, 'bench.duckdb'), path.join(defaults, 'bench.duckdb'));
      for (const [label, dir] of [['', work], [' (defaults)', defaults]] as const) {
        const modelling: PhaseResult[] = [];
        for (const job of ['train', 'score'] as const) {
          const result = await runChild(job, dir);
          modelling.push(result);
          rows.push(row(metrics, `${job}${label}`, total, result));
        }
        rows.push(row(metrics, `train+score${label}`, total, combined(modelling)));
      }
      // Two ticks: on the first every model has the history's scored points as new points and is refitted; on the
      // second each has one new point, fewer than train_refit_n, and train keeps it, as on most scheduled ticks.
      for (const [offset, label] of [[0, 'tick'], [1, 'tick 2']] as const) {
        await writeBatch(work, metrics, points, 'tick', offset);
        // The next point's time, a minute later: the tick that ingests it.
        const tickAt = new Date(Date.UTC(2026, 0, 1) + (points + offset) * FIVE_MINUTES + 60_000).toISOString();
        const tick: PhaseResult[] = [];
        for (const job of TICK_JOBS) {
          const result = await runChild(job, work, tickAt);
          tick.push(result);
          rows.push(row(metrics, `${label} ${job}`, metrics, result));
        }
        rows.push(row(metrics, label, metrics, combined(tick)));
      }
    } finally {
      await rm(work, { recursive: true, force: true });
      await rm(defaults, { recursive: true, force: true });
    }
  }
  process.stdout.write(`pipeline: M metrics x ${points} points, node ${process.version}, jobs run from the ${values.from}; points/s from CPU time\n`);
  process.stdout.write(`${formatTable(['metrics', 'job', 'wall', 'cpu', 'points/s', 'peak RSS', 'peak heap', 'result'], rows)}\n`);
}

/** Jobs run one after another: their times add up, their peaks do not. */
function combined(results: readonly PhaseResult[]): PhaseResult {
  return {
    ms: results.reduce((sum, r) => sum + r.ms, 0),
    cpuMs: results.reduce((sum, r) => sum + r.cpuMs, 0),
    rssMb: Math.max(...results.map((r) => r.rssMb)),
    heapMb: Math.max(...results.map((r) => r.heapMb)),
    message: '',
  };
}

function row(metrics: number, job: string, points: number, r: PhaseResult): (string | number)[] {
  return [metrics, job, `${(r.ms / 1000).toFixed(2)} s`, `${(r.cpuMs / 1000).toFixed(2)} s`, Math.round(points / (r.cpuMs / 1000)), `${r.rssMb} MB`, `${r.heapMb} MB`, r.message];
}

async function runChild(job: BenchJob, work: string, now?: string): Promise<PhaseResult> {
  return values.from === 'source' ? runSourcePhase(job, work, now) : runBundlePhase(job, work, now);
}

/** `anomstack <job>` from the bundle, as the CLI runs it; the job's line of output is its result. */
async function runBundlePhase(job: BenchJob, work: string, now?: string): Promise<PhaseResult> {
  const args = ['--import', USAGE_HOOK, path.join(ROOT, 'bin', 'anomstack.js'), job, '--metrics-dir', path.join(work, 'metrics'), ...(now ? ['--now', now] : [])];
  const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { maxBuffer: 16 << 20 });
  const usage = /^bench-usage (.*)$/m.exec(stderr)?.[1];
  const line = new RegExp(`^${job}\\s+bench: (.*)$`, 'm').exec(stdout)?.[1];
  if (!usage || line === undefined) throw new Error(`${job} did not run:\n${stdout}\n${stderr}`);
  return { ...(JSON.parse(usage) as Omit<PhaseResult, 'message'>), message: line.replace(/ into local:\/\/\S+/, '') };
}

/** The job from src/, in a process of its own (this script with --phase). */
async function runSourcePhase(job: BenchJob, work: string, now?: string): Promise<PhaseResult> {
  const script = new URL(import.meta.url).pathname;
  const args = [...process.execArgv, script, '--phase', job, '--work', work, ...(now ? ['--now', now] : [])];
  const { stdout } = await promisify(execFile)(process.execPath, args, {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as PhaseResult;
}

/** The bundle is what is measured: say so when src/ has changed since it was built. */
async function warnIfBundleIsStale(): Promise<void> {
  const built = (await stat(path.join(ROOT, 'dist', 'index.js'))).mtimeMs;
  const sources = await readdir(path.join(ROOT, 'src'), { recursive: true, withFileTypes: true });
  for (const entry of sources) {
    if (!entry.isFile() || (await stat(path.join(entry.parentPath, entry.name))).mtimeMs <= built) continue;
    process.stderr.write(`warning: src/ changed after dist/ was built; run npm run build, or pass --from source\n`);
    return;
  }
}

async function runPhase(job: string, work: string, now: string | undefined): Promise<PhaseResult> {
  if (!TICK_JOBS.includes(job as BenchJob)) throw new Error(`--phase must be one of ${TICK_JOBS.join(', ')}, got "${job}"`);
  const silent = { info: () => undefined, warn: () => undefined, progress: () => undefined };
  let heapPeak = 0;
  const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 5);
  const cpu = process.cpuUsage();
  const report = await runJobs({
    metricsDir: path.join(work, 'metrics'),
    jobs: [job as BenchJob],
    reporter: silent,
    channels: () => [],
    ...(now ? { now: new Date(now) } : {}),
  });
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

/**
 * The bench batch: `history` ingests `points` points of every metric in one query, scored whole; `defaults` is
 * that batch with the default score and alert settings; `tick` ingests the next point only, with the defaults
 * (the training window stays the history's length).
 */
async function writeBatch(work: string, metrics: number, points: number, run: 'history' | 'defaults' | 'tick' = 'history', tick = 0): Promise<void> {
  const batchDir = path.join(work, 'metrics', 'bench');
  await mkdir(batchDir, { recursive: true });
  const scoring = run === 'history' ? [`score_max_n: ${points}`, 'alert_recent_n: 1'] : [];
  await writeFile(
    path.join(batchDir, 'config.yaml'),
    [
      `duckdb_path: ${path.join(work, 'bench.duckdb')}`,
      `model_path: local://${path.join(work, 'models')}`,
      'alert_methods: console',
      ...scoring,
      `train_max_n: ${points}`,
    ].join('\n'),
  );
  const [from, to] = run === 'tick' ? [points + tick, points + tick + 1] : [0, points];
  // Seasonal series with deterministic noise, one per metric, generated inside DuckDB.
  await writeFile(
    path.join(batchDir, 'query.sql'),
    `SELECT TIMESTAMP '2026-01-01' + to_minutes(i::BIGINT * 5) AS metric_timestamp,
            'm' || lpad(m::VARCHAR, 5, '0') AS metric_name,
            100 + 10 * sin(i / 48.0) + (hash(m, i) % 1000) / 100.0 AS metric_value
     FROM range(${metrics}) AS a(m), range(${from}, ${to}) AS b(i)`,
  );
}

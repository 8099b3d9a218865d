/**
 * Source benchmark: the real ingest job reading the same rows (1,000,000 by default: 100 metrics x 10,000 points)
 * from each database, one source per process so that each peak resident memory is its own. Wall and CPU time
 * (user + system of this process: the driver, validation, staging into the DuckDB store; not the database server's)
 * and rows per CPU second and per wall second are printed side by side.
 *
 *   node bench/sources.ts [--rows 1000000] [--sources duckdb,postgres]
 *
 * PostgreSQL: ANOMSTACK_POSTGRES_URL when set, otherwise a server of our own started as the tests start it
 * (tests/helpers/postgres-server.ts: Debian's postgresql, installed when missing). ClickHouse: ANOMSTACK_CLICKHOUSE_HOST
 * (and _PORT, _PROTOCOL, _USER, _DATABASE, _PASSWORD) when set, otherwise tests/helpers/clickhouse-server.ts (Debian's
 * clickhouse-server 18.16 on loopback, installed when missing). Another source joins the table by adding a
 * BenchSource to SOURCES: its `db` and a `start` that returns the query producing the same rows.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { formatTable } from '../src/cli/table.ts';
import type { Db } from '../src/config/schema.ts';
import { runJobs } from '../src/jobs/run.ts';

/** The rows every source returns: metric m (of METRICS) at point p, every 5 minutes from 2025-01-01, in metric order. */
const METRICS = 100;

/** A database the ingest job reads from, for the bench. */
export interface BenchSource {
  name: string;
  db: Db;
  /** Starts or reaches the database; the SQL returning `rows` rows and the environment the source reads. */
  start(rows: number): Promise<{ sql: string; env: NodeJS.ProcessEnv; stop(): Promise<void> }>;
}

/** Row i: `m = i / points`, `p = i % points`; the value is a seasonal wave plus a deterministic ripple. */
export const SOURCES: BenchSource[] = [
  {
    name: 'duckdb',
    db: 'duckdb',
    start: async (rows) => ({
      sql: `SELECT TIMESTAMP '2025-01-01' + to_minutes(((i % ${rows / METRICS}) * 5)::BIGINT) AS metric_timestamp,
              'm' || lpad((i // ${rows / METRICS})::VARCHAR, 3, '0') AS metric_name,
              (100 + 10 * sin((i % ${rows / METRICS}) / 48.0) + (i % 97) / 10.0)::DOUBLE AS metric_value
            FROM range(${rows}) AS t(i)`,
      env: {},
      stop: async () => undefined,
    }),
  },
  {
    name: 'postgres',
    db: 'postgres',
    start: async (rows) => {
      const points = rows / METRICS;
      const sql = `SELECT TIMESTAMP '2025-01-01' + make_interval(mins => ((i % ${points}) * 5)::int) AS metric_timestamp,
              'm' || lpad((i / ${points})::text, 3, '0') AS metric_name,
              (100 + 10 * sin((i % ${points}) / 48.0) + (i % 97) / 10.0)::float8 AS metric_value
            FROM generate_series(0::bigint, ${rows - 1}) AS t(i)`;
      const url = process.env['ANOMSTACK_POSTGRES_URL'];
      if (url) return { sql, env: { ANOMSTACK_POSTGRES_URL: url }, stop: async () => undefined };
      const { startPostgres } = await import('../tests/helpers/postgres-server.ts');
      const server = await startPostgres();
      return { sql, env: { ANOMSTACK_POSTGRES_URL: server.url }, stop: () => server.stop() };
    },
  },
  {
    name: 'clickhouse',
    db: 'clickhouse',
    start: async (rows) => {
      const points = rows / METRICS;
      // Zero-padded as lpad does: 18.16 (the server the tests install) has no leftPad.
      const sql = `SELECT toDateTime('2025-01-01 00:00:00', 'UTC') + (number % ${points}) * 300 AS metric_timestamp,
              concat('m', substring(toString(1000 + intDiv(number, ${points})), 2)) AS metric_name,
              toFloat64(100 + 10 * sin((number % ${points}) / 48.0) + (number % 97) / 10.0) AS metric_value
            FROM numbers(${rows})`;
      const host = process.env['ANOMSTACK_CLICKHOUSE_HOST'];
      if (host) {
        const keys = ['HOST', 'PORT', 'PROTOCOL', 'USER', 'DATABASE', 'PASSWORD'].map((key) => `ANOMSTACK_CLICKHOUSE_${key}`);
        return { sql, env: Object.fromEntries(keys.flatMap((key) => (process.env[key] ? [[key, process.env[key]]] : []))), stop: async () => undefined };
      }
      const { startClickHouse } = await import('../tests/helpers/clickhouse-server.ts');
      const server = await startClickHouse();
      const env = { ANOMSTACK_CLICKHOUSE_HOST: server.host, ANOMSTACK_CLICKHOUSE_PORT: String(server.port), ANOMSTACK_CLICKHOUSE_PASSWORD: server.password };
      return { sql, env, stop: () => server.stop() };
    },
  },
];

interface Usage {
  ms: number;
  cpuMs: number;
  rssMb: number;
  message: string;
}

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    sources: { type: 'string' },
    // Internal: ingest one prepared batch folder in this process and print its Usage as JSON.
    work: { type: 'string' },
  },
});

if (values.work) {
  process.stdout.write(`${JSON.stringify(await ingestIn(values.work))}\n`);
} else {
  await main(Number(values.rows), values.sources?.split(',') ?? SOURCES.map((s) => s.name));
}

async function main(rows: number, names: string[]): Promise<void> {
  if (!Number.isInteger(rows / METRICS) || rows <= 0) throw new Error(`--rows must be a positive multiple of ${METRICS}`);
  const table: (string | number)[][] = [];
  for (const name of names) {
    const source = SOURCES.find((s) => s.name === name);
    if (!source) throw new Error(`no bench source ${name}: ${SOURCES.map((s) => s.name).join(', ')}`);
    const work = await mkdtemp(path.join(tmpdir(), `anomstack-bench-${name}-`));
    const started = await source.start(rows);
    try {
      await writeBatch(work, source.db, started.sql, started.env);
      const usage = await runChild(work);
      table.push([name, `${(usage.ms / 1000).toFixed(2)} s`, `${(usage.cpuMs / 1000).toFixed(2)} s`,
        Math.round(rows / (usage.cpuMs / 1000)), Math.round(rows / (usage.ms / 1000)), `${usage.rssMb} MB`, usage.message]);
    } finally {
      await started.stop();
      await rm(work, { recursive: true, force: true });
    }
  }
  process.stdout.write(`sources: ingest of ${rows} rows (${METRICS} metrics), node ${process.version}; one process per source\n`);
  process.stdout.write(`${formatTable(['source', 'wall', 'cpu', 'rows/s (cpu)', 'rows/s (wall)', 'peak RSS', 'result'], table)}\n`);
}

/** The batch and the environment its child reads (secrets stay out of the folder's files). */
async function writeBatch(work: string, db: Db, sql: string, env: NodeJS.ProcessEnv): Promise<void> {
  const dir = path.join(work, 'metrics', 'bench');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'config.yaml'), [
    `db: ${db}`,
    `duckdb_path: ${path.join(work, 'bench.duckdb')}`,
    `model_path: local://${path.join(work, 'models')}`,
    'ingest_timeout_s: 3600',
  ].join('\n'));
  await writeFile(path.join(dir, 'query.sql'), sql);
  await writeFile(path.join(work, 'env.json'), JSON.stringify(env));
}

async function runChild(work: string): Promise<Usage> {
  const script = new URL(import.meta.url).pathname;
  const { stdout } = await promisify(execFile)(process.execPath, [...process.execArgv, script, '--work', work], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Usage;
}

async function ingestIn(work: string): Promise<Usage> {
  const env = JSON.parse(await readFile(path.join(work, 'env.json'), 'utf8')) as NodeJS.ProcessEnv;
  const silent = { info: () => undefined, warn: () => undefined, progress: () => undefined };
  const cpu = process.cpuUsage();
  const report = await runJobs({
    metricsDir: path.join(work, 'metrics'), jobs: ['ingest'], env, reporter: silent, channels: () => [], now: new Date('2026-01-01T00:00:00Z'),
  });
  const used = process.cpuUsage(cpu);
  const outcome = report.batches[0]?.jobs[0];
  if (!outcome || outcome.status !== 'ok') throw new Error(`ingest failed: ${report.batches[0]?.error ?? outcome?.message ?? 'no report'}`);
  return {
    ms: outcome.ms,
    cpuMs: (used.user + used.system) / 1000,
    rssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    message: outcome.message,
  };
}

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Alert, AlertChannel } from '../../src/alerts/channel.ts';
import { LocalArtifactStore } from '../../src/artifacts/local.ts';
import { loadBatches, type Batch, type LoadOptions } from '../../src/config/load.ts';
import type { JobContext, Reporter } from '../../src/jobs/context.ts';
import { DuckDb } from '../../src/store/duckdb.ts';
import { MetricsTable } from '../../src/store/metrics-table.ts';

/** A temporary folder holding a `metrics/` tree; `cleanup()` removes it all. */
export interface TempWorkspace {
  /** The temporary root (for databases and models). */
  root: string;
  /** `<root>/metrics`. */
  metricsDir: string;
  /** Writes more files, paths relative to the metrics folder. */
  write(files: Record<string, string>): Promise<void>;
  cleanup(): Promise<void>;
}

/** Creates `<tmp>/metrics` with the given files (paths relative to the metrics folder). */
export async function tempMetrics(files: Record<string, string> = {}): Promise<TempWorkspace> {
  const root = await mkdtemp(path.join(tmpdir(), 'anomstack-test-'));
  const metricsDir = path.join(root, 'metrics');
  await mkdir(metricsDir, { recursive: true });
  const write = async (more: Record<string, string>): Promise<void> => {
    for (const [name, content] of Object.entries(more)) {
      const file = path.join(metricsDir, name);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, content);
    }
  };
  await write(files);
  return { root, metricsDir, write, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/**
 * A metrics folder for runJobs tests whose defaults keep the DuckDB file (`state/anomstack.duckdb`) and models
 * (`state/models`) in the workspace, as the action's state folder does; removed after each test.
 */
export function runWorkspaces(): (files: Record<string, string>) => Promise<TempWorkspace> {
  let current: TempWorkspace | undefined;
  afterEach(async () => {
    await current?.cleanup();
    current = undefined;
  });
  return async (files) => {
    current = await tempMetrics({});
    const state = path.join(current.root, 'state');
    await current.write({
      'defaults.yaml': `duckdb_path: ${JSON.stringify(path.join(state, 'anomstack.duckdb'))}\nmodel_path: ${JSON.stringify(`local://${path.join(state, 'models')}`)}\n`,
      ...files,
    });
    return current;
  };
}

/** 80 hourly points of `steady` and `spiky` up to 2026-01-10 00:00; `spiky` jumps by 60 over its newest 4 points. */
export const STEADY_AND_SPIKY_SQL = `SELECT * FROM (${seriesSql({ metrics: ['steady'], n: 80, end: '2026-01-10 00:00:00' })})
UNION ALL SELECT * FROM (${seriesSql({ metrics: ['spiky'], n: 80, end: '2026-01-10 00:00:00', spike: 60, spikeN: 4 })})`;

/** Loads the one batch called `name`, failing the test with the config error if it did not load. */
export async function loadBatch(metricsDir: string, name: string, options: LoadOptions = {}): Promise<Batch> {
  const result = await loadBatches(metricsDir, { env: {}, ...options });
  const failure = result.failures.find((f) => f.name === name);
  if (failure) throw failure.error;
  const batch = result.batches.find((b) => b.name === name);
  if (!batch) throw new Error(`no batch ${name} in ${metricsDir}: ${result.batches.map((b) => b.name).join(', ')}`);
  return batch;
}

/** A real AlertChannel that keeps what it was sent, or throws when told to fail. */
export class RecordingChannel implements AlertChannel {
  readonly name: string;
  readonly sent: Alert[][] = [];
  failWith: Error | null = null;

  /** A name that is not an alert method takes every job's alerts (see channelsFor). */
  constructor(name = 'recording') {
    this.name = name;
  }

  async send(alerts: readonly Alert[]): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.sent.push([...alerts]);
  }
}

export interface RecordingReporter extends Reporter {
  infos: string[];
  warnings: string[];
}

export function recordingReporter(): RecordingReporter {
  const infos: string[] = [];
  const warnings: string[] = [];
  return {
    infos,
    warnings,
    info: (message) => void infos.push(message),
    warn: (message) => void warnings.push(message),
    progress: () => undefined,
  };
}

export interface TestContext extends JobContext {
  db: DuckDb;
  channel: RecordingChannel;
  reporter: RecordingReporter;
  modelsDir: string;
  close(): void;
}

/** A JobContext on a real DuckDB file and a local model folder inside `root`. */
export async function jobContext(batch: Batch, root: string, now = new Date('2026-01-10T00:00:00Z')): Promise<TestContext> {
  const db = await DuckDb.open(path.join(root, 'store', 'metrics.duckdb'));
  const modelsDir = path.join(root, 'models');
  const channel = new RecordingChannel();
  return {
    batch,
    db,
    store: new MetricsTable(db, 'metrics'),
    models: new LocalArtifactStore(modelsDir),
    modelsDir,
    channel,
    channels: [channel],
    now,
    reporter: recordingReporter(),
    close: () => db.close(),
  };
}

/** Row counts of the long table by metric_type, for "nothing changed" checks. */
export async function countsByType(db: DuckDb, table = 'metrics'): Promise<Record<string, number>> {
  const rows = await db.all(`SELECT metric_type, count(*)::INTEGER AS n FROM ${table} GROUP BY 1 ORDER BY 1`);
  return Object.fromEntries(rows.map((r) => [String(r['metric_type']), Number(r['n'])]));
}

/** Every row of the long table in a stable order, for "nothing changed" checks. */
export async function allRows(db: DuckDb, table = 'metrics'): Promise<Record<string, unknown>[]> {
  return db.all(`SELECT * FROM ${table} ORDER BY metric_batch, metric_name, metric_type, metric_timestamp`);
}

/**
 * SQL generating `n` hourly points per metric ending at `end`, with a smooth pattern plus deterministic
 * noise, and optionally a spike of `spike` added to the newest `spikeN` points.
 */
export function seriesSql(options: { metrics: string[]; n: number; end: string; spike?: number; spikeN?: number }): string {
  const { metrics, n, end, spike = 0, spikeN = 0 } = options;
  return metrics
    .map((metric, m) => `SELECT (TIMESTAMP '${end}' - INTERVAL (i) HOUR) AS metric_timestamp, '${metric}' AS metric_name,
  (100 + ${m * 10} + 10 * sin(i / 3.0) + (hash(i, '${metric}') % 100) / 50.0 + CASE WHEN i < ${spikeN} THEN ${spike} ELSE 0 END)::DOUBLE AS metric_value
FROM range(${n}) AS t(i)`)
    .join('\nUNION ALL\n');
}

/** A deterministic, wiggly value for point `i` of `metric` (no randomness, so tests are repeatable). */
export function wiggle(i: number, metric = 'm'): number {
  const seed = [...metric].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 997, 7);
  return 100 + 10 * Math.sin(i / 3) + 3 * Math.sin((i * 7 + seed) / 5) + ((i * 37 + seed) % 11) / 5;
}

/** Stores `n` hourly metric points ending at `end` for `metric`, values from `value(i)` (i = 0 is the oldest). */
export async function insertSeries(
  store: MetricsTable,
  batch: string,
  metric: string,
  n: number,
  end: Date,
  value: (i: number) => number = (i) => wiggle(i, metric),
): Promise<Date[]> {
  const stamps = Array.from({ length: n }, (_, i) => new Date(end.getTime() - (n - 1 - i) * 3_600_000));
  await store.insert(stamps.map((ts, i) => ({
    metric_timestamp: ts, metric_batch: batch, metric_name: metric, metric_type: 'metric' as const, metric_value: value(i),
  })));
  return stamps;
}

/**
 * Closes the job contexts and removes the workspaces a test opened, after each test of the calling file:
 * `ws = track(await tempMetrics(...))`, `ctx = track(await jobContext(...))`.
 */
export function disposeAfterEach(): <T extends TestContext | TempWorkspace>(resource: T) => T {
  const open: (TestContext | TempWorkspace)[] = [];
  afterEach(async () => {
    // Newest first: a context's database lives inside the workspace opened before it.
    for (const resource of open.splice(0).reverse()) {
      if ('close' in resource) resource.close();
      else await resource.cleanup();
    }
  });
  return (resource) => {
    open.push(resource);
    return resource;
  };
}

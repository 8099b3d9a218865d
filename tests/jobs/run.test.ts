import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../src/alerts/channel.ts';
import { runJobs, UsageError, type RunOptions, type RunReport } from '../../src/jobs/run.ts';
import { DuckDb } from '../../src/store/duckdb.ts';
import { allRows, RecordingChannel, recordingReporter, runWorkspaces, STEADY_AND_SPIKY_SQL, type TempWorkspace } from '../helpers/metrics-dir.ts';

const NOW = new Date('2026-01-10T00:30:00Z');
const GOOD_SQL = STEADY_AND_SPIKY_SQL;
const workspace = runWorkspaces();

async function run(w: TempWorkspace, extra: Partial<RunOptions> = {}): Promise<{ report: RunReport; alerts: Alert[] }> {
  const channel = new RecordingChannel();
  const report = await runJobs({ metricsDir: w.metricsDir, now: NOW, env: {}, reporter: recordingReporter(), channels: () => [channel], ...extra });
  return { report, alerts: channel.sent.flat() };
}

/** Reads the long table with a connection of our own (runJobs closes its databases when done). */
async function rows(w: TempWorkspace, batch?: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDb.open(path.join(w.root, 'state', 'anomstack.duckdb'));
  try {
    const all = await allRows(db);
    return batch ? all.filter((r) => r['metric_batch'] === batch) : all;
  } finally {
    db.close();
  }
}

async function modelFiles(w: TempWorkspace): Promise<Record<string, string>> {
  const root = path.join(w.root, 'state', 'models');
  const out: Record<string, string> = {};
  const files = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const file of files.filter((f) => f.isFile())) {
    const full = path.join(file.parentPath, file.name);
    out[path.relative(root, full)] = await readFile(full, 'utf8');
  }
  return out;
}

const byName = (report: RunReport, name: string) => report.batches.find((b) => b.batch === name);

describe('runJobs', () => {
  it('runs a good batch end to end and reports a failing one, whose rows stay untouched', async () => {
    const w = await workspace({
      'good/config.yaml': 'alert_methods: console\n',
      'good/query.sql': GOOD_SQL,
      'bad/config.yaml': '{}\n',
      'bad/query.sql': "SELECT TIMESTAMP '2026-01-01' AS metric_timestamp, 'x' AS metric_name, 1.0 AS metric_value",
    });
    await run(w, { batches: ['bad'] });
    const badBefore = await rows(w, 'bad');
    expect(badBefore).toHaveLength(1);

    await w.write({ 'bad/query.sql': 'SELECT * FROM missing_table' });
    const { report, alerts } = await run(w);
    const good = byName(report, 'good');
    expect(good?.status).toBe('ok');
    expect(good?.jobs.map((j) => j.job)).toEqual(['ingest', 'train', 'score', 'alert', 'change', 'tholdalert', 'llmalert', 'summary', 'retention', 'plot']);
    expect(good?.counts).toMatchObject({ metrics: 2, ingested: 160, trained: 2, scored: 50 });
    expect(alerts.map((a) => [a.batch, a.metric, a.timestamp])).toEqual([['good', 'spiky', new Date('2026-01-10T00:00:00Z')]]);
    expect(good?.counts['alerts']).toBe(1);

    const bad = byName(report, 'bad');
    expect(bad?.status).toBe('failed');
    expect(bad?.error).toMatch(/^ingest: .*query\.sql: duckdb: .*missing_table/);
    expect(bad?.jobs.map((j) => [j.job, j.status])).toEqual([['ingest', 'failed']]);
    expect(await rows(w, 'bad')).toEqual(badBefore);

    const types = (await rows(w, 'good')).reduce<Record<string, number>>((acc, r) => {
      const type = String(r['metric_type']);
      acc[type] = (acc[type] ?? 0) + 1;
      return acc;
    }, {});
    expect(types).toEqual({ alert: 1, metric: 160, score: 50 });
  });

  it('a second run writes no rows and notifies nothing; models only take in the points the first run scored', async () => {
    const w = await workspace({ 'good/config.yaml': '{}\n', 'good/query.sql': GOOD_SQL });
    const first = await run(w);
    expect(first.alerts).toHaveLength(1);
    const tableBefore = await rows(w);
    const modelsBefore = await modelFiles(w);
    expect(Object.keys(modelsBefore).sort()).toEqual(['good/change/spiky.json', 'good/change/steady.json', 'good/spiky.json', 'good/steady.json']);

    const second = await run(w);
    expect(second.alerts).toEqual([]);
    expect(byName(second.report, 'good')?.counts).toMatchObject({ ingested: 0, scored: 0, alerts: 0 });
    expect(await rows(w)).toEqual(tableBefore);
    // The first run's train left out the points its score job was about to judge; now scored, they are trained on.
    const modelsAfter = await modelFiles(w);
    expect(Object.keys(modelsAfter)).toEqual(Object.keys(modelsBefore));
    expect(modelsAfter['good/change/spiky.json']).toEqual(modelsBefore['good/change/spiky.json']);

    await run(w);
    expect(await rows(w)).toEqual(tableBefore);
    expect(await modelFiles(w)).toEqual(modelsAfter);
  });

  it('an invalid config is reported as invalid; the other batches still run', async () => {
    const w = await workspace({
      'good/config.yaml': '{}\n',
      'good/query.sql': GOOD_SQL,
      'broken/config.yaml': 'alert_threshold: 7\n',
      'broken/query.sql': 'SELECT 1',
    });
    const { report } = await run(w);
    expect(byName(report, 'broken')).toMatchObject({ status: 'invalid', error: expect.stringMatching(/config\.yaml:1: alert_threshold: /) });
    expect(report.configFailures.map((f) => f.name)).toEqual(['broken']);
    expect(byName(report, 'good')?.status).toBe('ok');
    expect(await rows(w, 'broken')).toEqual([]);
  });

  it('skips disabled batches and disabled jobs', async () => {
    const w = await workspace({
      'off/config.yaml': 'disable_batch: true\n',
      'off/query.sql': GOOD_SQL,
      'noalert/config.yaml': 'disable_alerts: true\n',
      'noalert/query.sql': GOOD_SQL,
    });
    const { report, alerts } = await run(w);
    expect(byName(report, 'off')?.status).toBe('disabled');
    expect(await rows(w, 'off')).toEqual([]);
    expect(byName(report, 'noalert')?.jobs.map((j) => j.job)).toEqual(['ingest', 'train', 'score', 'change', 'tholdalert', 'llmalert', 'summary', 'retention', 'plot']);
    expect(alerts).toEqual([]);
  });

  it('runs only the requested jobs and batches', async () => {
    const w = await workspace({ 'a/config.yaml': '{}\n', 'a/query.sql': GOOD_SQL, 'b/config.yaml': '{}\n', 'b/query.sql': GOOD_SQL });
    const { report } = await run(w, { batches: ['b'], jobs: ['ingest'] });
    expect(report.batches.map((b) => [b.batch, b.jobs.map((j) => j.job)])).toEqual([['b', ['ingest']]]);
    expect(new Set((await rows(w)).map((r) => `${String(r['metric_batch'])}/${String(r['metric_type'])}`))).toEqual(new Set(['b/metric']));
    expect(await modelFiles(w)).toEqual({});
  });

  it('an unknown batch name is a usage error', async () => {
    const w = await workspace({ 'a/config.yaml': '{}\n', 'a/query.sql': GOOD_SQL });
    await expect(run(w, { batches: ['nope'] })).rejects.toThrow(UsageError);
    await expect(run(w, { batches: ['nope'] })).rejects.toThrow(/no batch named nope/);
  });

  it('loads no notification, LLM or plotting library until a run uses one: every job process would pay for it', async () => {
    // Every package a process loads, recorded by a module hook (CommonJS requires included).
    const script = `
      import { registerHooks } from 'node:module';
      const loaded = new Set();
      registerHooks({ load(url, context, next) {
        const name = /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(url)?.[1];
        if (name) loaded.add(name);
        return next(url, context);
      } });
      await import(${JSON.stringify(path.resolve('src/jobs/run.ts'))});
      console.log(JSON.stringify([...loaded]));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script]);
    const loaded = JSON.parse(stdout) as string[];
    expect(loaded).toContain('@duckdb/node-api');
    for (const lazy of ['openai', 'nodemailer', '@slack/web-api', 'vega', 'vega-lite', '@resvg/resvg-wasm']) expect(loaded).not.toContain(lazy);
  });
});

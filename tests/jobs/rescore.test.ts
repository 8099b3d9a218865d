import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelKey } from '../../src/models/model-file.ts';
import { rescoreBatches } from '../../src/jobs/rescore.ts';
import { runJobs } from '../../src/jobs/run.ts';
import { DuckDb } from '../../src/store/duckdb.ts';
import { RecordingChannel, recordingReporter, runWorkspaces, type TempWorkspace } from '../helpers/metrics-dir.ts';

const workspace = runWorkspaces();

/** 200 hourly points of `a` and `b` ending at the run's clock; `b` spikes at a few points in the middle. */
const SQL = `SELECT getvariable('now') - INTERVAL (i) HOUR AS metric_timestamp, m AS metric_name,
  (100 + 10 * sin(i / 3.0) + (hash(i, m) % 100) / 50.0 + CASE WHEN m = 'b' AND i IN (30, 31, 45, 70, 71, 72) THEN 40 ELSE 0 END)::DOUBLE AS metric_value
FROM range(200) AS t(i), (VALUES ('a'), ('b')) AS v(m)`;
const CONFIG = 'score_max_n: 300\nalert_recent_n: 300\nalert_smooth_n: 2\nalert_snooze_n: 2\nalert_threshold: 0.8\n';
const NOW = new Date('2026-01-10T00:00:00Z');
/** 24 hours, two to three days before the clock: spikes 45 and 70-72 hours back are in it. */
const FROM = new Date('2026-01-07T00:00:00Z');
const TO = new Date('2026-01-08T12:00:00Z');

async function setup(): Promise<{ ws: TempWorkspace; channel: RecordingChannel }> {
  const ws = await workspace({
    'b1/config.yaml': CONFIG, 'b1/query.sql': SQL,
    'other/config.yaml': CONFIG, 'other/query.sql': SQL,
  });
  const channel = new RecordingChannel();
  const report = await runJobs({
    metricsDir: ws.metricsDir, jobs: ['ingest', 'train', 'score', 'alert'], now: NOW, env: {}, reporter: recordingReporter(), channels: () => [channel],
  });
  expect(report.batches.map((b) => b.status)).toEqual(['ok', 'ok']);
  return { ws, channel };
}

type Row = Record<string, unknown>;

async function rows(ws: TempWorkspace): Promise<Row[]> {
  const db = await DuckDb.open(path.join(ws.root, 'state', 'anomstack.duckdb'));
  try {
    return await db.all(`SELECT metric_timestamp, metric_batch, metric_name, metric_type, metric_value, metadata FROM metrics
      WHERE metric_type IN ('metric', 'score', 'alert') ORDER BY ALL`);
  } finally {
    db.close();
  }
}

const inWindow = (r: Row): boolean => r['metric_batch'] === 'b1' && (r['metric_timestamp'] as Date) >= FROM && (r['metric_timestamp'] as Date) < TO;
const ofType = (list: Row[], type: string): Row[] => list.filter((r) => r['metric_type'] === type);

async function rescoreB1(ws: TempWorkspace, reporter = recordingReporter()): Promise<Awaited<ReturnType<typeof rescoreBatches>>> {
  return rescoreBatches({ metricsDir: ws.metricsDir, batches: ['b1'], from: FROM, to: TO, now: NOW, env: {}, reporter });
}

describe('rescore', () => {
  it('with the same config, writes back the same scores and alerts, marked as rescored', async () => {
    const { ws } = await setup();
    const before = await rows(ws);
    const alerts = ofType(before.filter(inWindow), 'alert');
    expect(alerts.length).toBeGreaterThan(0);
    const [result] = await rescoreB1(ws);
    const window = ofType(before.filter(inWindow), 'score').length;
    expect(result).toEqual({ batch: 'b1', metrics: 2, scoresBefore: window, scoresAfter: window, alertsBefore: alerts.length, alertsAfter: alerts.length });
    const after = await rows(ws);
    expect(ofType(after.filter(inWindow), 'score')).toEqual(ofType(before.filter(inWindow), 'score'));
    // The alert job's details, and `rescored` besides; where the alert was sent is not (it was sent nowhere).
    const details = (r: Row): Row => {
      const { score, smoothed_score, threshold, extreme, expected, direction, rescored } = JSON.parse(String(r['metadata'])) as Row;
      return { ...r, metadata: { score, smoothed_score, threshold, extreme, expected, direction }, rescored };
    };
    expect(ofType(after.filter(inWindow), 'alert').map(details)).toEqual(alerts.map((r) => ({ ...details(r), rescored: true })));
  });

  it('after a config change, replaces the window\'s score and alert rows only, and sends nothing', async () => {
    const { ws, channel } = await setup();
    const sent = channel.sent.length;
    const before = await rows(ws);
    await ws.write({ 'b1/config.yaml': CONFIG.replace('alert_threshold: 0.8', 'alert_threshold: 0.3') });
    const reporter = recordingReporter();
    const [result] = await rescoreB1(ws, reporter);
    const oldAlerts = ofType(before.filter(inWindow), 'alert').length;
    expect(result?.alertsBefore).toBe(oldAlerts);
    expect(result?.alertsAfter).toBeGreaterThan(oldAlerts);
    expect(reporter.infos).toContain(`rescore b1: 2 metrics, scores ${result?.scoresBefore ?? 0} -> ${result?.scoresAfter ?? 0}, alerts ${oldAlerts} -> ${result?.alertsAfter ?? 0}`);
    expect(channel.sent.length).toBe(sent);
    const after = await rows(ws);
    // Everything outside the window (the other batch, b1's metric rows, its rows before and after) is as it was.
    const outside = (list: Row[]): Row[] => list.filter((r) => !inWindow(r) || r['metric_type'] === 'metric');
    expect(outside(after)).toEqual(outside(before));
    expect(ofType(after.filter(inWindow), 'alert')).toHaveLength(result?.alertsAfter ?? -1);
  });

  it('leaves the next scheduled score nothing to redo, and scores new points as before', async () => {
    const { ws } = await setup();
    await rescoreB1(ws);
    const again = await runJobs({ metricsDir: ws.metricsDir, batches: ['b1'], jobs: ['score'], now: NOW, env: {}, reporter: recordingReporter(), channels: () => [] });
    expect(again.batches[0]?.counts['scored']).toBe(0);
    const later = new Date(NOW.getTime() + 3 * 3_600_000);
    const next = await runJobs({ metricsDir: ws.metricsDir, batches: ['b1'], jobs: ['ingest', 'score'], now: later, env: {}, reporter: recordingReporter(), channels: () => [] });
    expect(next.batches[0]?.counts).toMatchObject({ ingested: 6, scored: 6 });
  });

  it('a metric without a usable model fails the batch with every row as it was', async () => {
    const { ws } = await setup();
    // Metric a is rescored first (its rows computed), then b's missing model stops the batch before anything is written.
    const model = path.join(ws.root, 'state', 'models', modelKey('b1', 'b'));
    await stat(model);
    await rm(model);
    const before = await rows(ws);
    const error = await rescoreB1(ws).catch((e: unknown) => e);
    expect(String(error)).toBe('UsageError: rescore b1/b: it has no usable model; run train first (nothing was changed)');
    expect(await rows(ws)).toEqual(before);
  });

  it('refuses a bad window and an unknown batch', async () => {
    const ws = await workspace({ 'b1/config.yaml': CONFIG, 'b1/query.sql': SQL });
    const run = (from: Date, to: Date, batches = ['b1']): Promise<unknown> =>
      rescoreBatches({ metricsDir: ws.metricsDir, batches, from, to, now: NOW, env: {}, reporter: recordingReporter() }).catch((e: unknown) => e);
    expect(String(await run(TO, FROM))).toMatch(/^UsageError: --from .* is not before --to /);
    expect(String(await run(FROM, TO, ['nope']))).toMatch(/^UsageError: no batch named nope in /);
  });
});

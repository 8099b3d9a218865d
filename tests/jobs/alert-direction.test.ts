/**
 * The expected range end to end: stored with each score, said in the alert, and `alert_direction` keeping only the
 * side a metric cares about, in the scheduled jobs and in the backtest alike.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidence } from '../../src/alerts/alert-text.ts';
import type { Alert } from '../../src/alerts/channel.ts';
import { backtestMetric } from '../../src/jobs/backtest.ts';
import { runJobs } from '../../src/jobs/run.ts';
import { DuckDb } from '../../src/store/duckdb.ts';
import { allRows, loadBatch, RecordingChannel, recordingReporter, runWorkspaces, seriesSql, type TempWorkspace } from '../helpers/metrics-dir.ts';

const NOW = new Date('2026-01-10T00:30:00Z');
const workspace = runWorkspaces();
/** 200 hourly points of `up` (its newest 3 jump by +60) and `down` (its newest 3 drop by 60). */
const SQL = `SELECT * FROM (${seriesSql({ metrics: ['up'], n: 200, end: '2026-01-10 00:00:00', spike: 60, spikeN: 3 })})
UNION ALL SELECT * FROM (${seriesSql({ metrics: ['down'], n: 200, end: '2026-01-10 00:00:00', spike: -60, spikeN: 3 })})`;

async function run(w: TempWorkspace): Promise<Alert[]> {
  const channel = new RecordingChannel();
  const report = await runJobs({ metricsDir: w.metricsDir, now: NOW, env: {}, reporter: recordingReporter(), channels: () => [channel], jobs: ['ingest', 'train', 'score', 'alert'] });
  expect(report.batches[0]?.status).toBe('ok');
  return channel.sent.flat();
}

async function rowsOf(w: TempWorkspace, type: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDb.open(path.join(w.root, 'state', 'anomstack.duckdb'));
  try {
    return (await allRows(db)).filter((r) => r['metric_type'] === type);
  } finally {
    db.close();
  }
}

describe('the expected range and alert_direction', () => {
  it('stores a range with each score, and alerts say which side of it the value fell and by how much', async () => {
    const w = await workspace({ 'b/config.yaml': 'alert_methods: console\nalert_recent_n: 3\n', 'b/query.sql': SQL });
    const alerts = await run(w);
    expect(alerts.map((a) => a.metric).sort()).toEqual(['down', 'up']);
    const up = alerts.find((a) => a.metric === 'up');
    const down = alerts.find((a) => a.metric === 'down');
    expect(up?.expected && up.value !== null && up.value > up.expected.high).toBe(true);
    expect(down?.expected && down.value !== null && down.value < down.expected.low).toBe(true);
    expect(up && evidence(up)).toMatch(/^value \S+ \(above the expected range \S+–\S+ by \S+\) · score/);
    expect(down && evidence(down)).toMatch(/^value \S+ \(below the expected range \S+–\S+ by \S+\) · score/);

    const scores = await rowsOf(w, 'score');
    const expected = scores.map((r) => (JSON.parse(String(r['metadata'])) as { expected?: { baseline: number; low: number; high: number } }).expected);
    expect(expected.every((e) => e !== undefined && e.low <= e.baseline && e.baseline <= e.high)).toBe(true);
    const alertRows = await rowsOf(w, 'alert');
    expect(alertRows.map((r) => [r['metric_name'], (JSON.parse(String(r['metadata'])) as { direction?: string }).direction]).sort()).toEqual([
      ['down', 'down'], ['up', 'up'],
    ]);
  }, 120_000);

  it('alert_direction: down ignores a spike up and keeps the drop; the backtest decides the same', async () => {
    // No snooze: the replay of the whole history alerts on earlier points too, which would snooze the spike's.
    const w = await workspace({ 'b/config.yaml': 'alert_methods: console\nalert_recent_n: 3\nalert_snooze_n: 0\nalert_direction: down\n', 'b/query.sql': SQL });
    const alerts = await run(w);
    expect(alerts.map((a) => a.metric)).toEqual(['down']);

    const batch = await loadBatch(w.metricsDir, 'b');
    const db = await DuckDb.open(path.join(w.root, 'state', 'anomstack.duckdb'));
    let points: { timestamp: Date; value: number }[][];
    try {
      const rows = (await allRows(db)).filter((r) => r['metric_type'] === 'metric');
      points = ['up', 'down'].map((m) => rows.filter((r) => r['metric_name'] === m).map((r) => ({ timestamp: r['metric_timestamp'] as Date, value: Number(r['metric_value']) })));
    } finally {
      db.close();
    }
    const replayed = points.map((p) => backtestMetric(p, batch.config, 25));
    const both = points.map((p) => backtestMetric(p, { ...batch.config, alert_direction: 'both' }, 25));
    const spikeStart = new Date('2026-01-09T22:00:00Z').getTime();
    const alertedAfter = (i: number) => replayed[i]?.filter((p) => p.alert && p.timestamp.getTime() >= spikeStart).length ?? 0;
    // Without the filter the replay alerts on both; with it, only on the drop.
    expect(both.map((r) => r.filter((p) => p.alert && p.timestamp.getTime() >= spikeStart).length).every((n) => n > 0)).toBe(true);
    expect(alertedAfter(0)).toBe(0);
    expect(alertedAfter(1)).toBeGreaterThan(0);
  }, 120_000);
});

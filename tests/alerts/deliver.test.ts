import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Alert, AlertChannel } from '../../src/alerts/channel.ts';
import { deliverAlerts, type DeliverOptions } from '../../src/alerts/deliver.ts';
import { DuckDb } from '../../src/store/duckdb.ts';
import { RecordingChannel } from '../helpers/metrics-dir.ts';

const NOW = new Date('2026-01-10T12:00:00Z');

function alertOf(metric: string, hour: number): Alert {
  const timestamp = new Date(Date.UTC(2026, 0, 10, hour));
  return {
    kind: 'anomaly', batch: 'b', metric, timestamp, value: 42, score: 0.9, smoothedScore: 0.85, threshold: 0.8, tags: { team: 'web' },
    recent: [{ timestamp, value: 42, score: 0.9 }],
  };
}

/** A channel that fails on the messages of the metrics named. */
class PickyChannel extends RecordingChannel {
  readonly refuse = new Set<string>();

  override async send(alerts: readonly Alert[]): Promise<void> {
    const refused = alerts.find((a) => this.refuse.has(a.metric));
    if (refused) throw new Error(`refused ${refused.metric}`);
    await super.send(alerts);
  }
}

let dir: string;
let db: DuckDb;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'anomstack-deliver-'));
  db = await DuckDb.open(path.join(dir, 'state.duckdb'));
});
afterEach(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

function options(channels: readonly AlertChannel[], alerts: readonly Alert[], warnings: string[] = [], now = NOW, groupBy: DeliverOptions['groupBy'] = 'metric'): DeliverOptions {
  return {
    db, batch: 'b', channels, groupBy, kinds: ['anomaly'], alerts, now,
    recentOf: async (metric) => [{ timestamp: NOW, value: metric.length, score: null }],
    warn: (message) => void warnings.push(message),
  };
}

describe('the deliver stage', () => {
  it('a run that stopped after delivering (before its alert rows were written) sends nothing twice when run again', async () => {
    const console = new RecordingChannel('console');
    const slack = new RecordingChannel('slack');
    const alerts = [alertOf('cpu', 1), alertOf('mem', 1)];
    expect(await deliverAlerts(options([console, slack], alerts))).toEqual([]);
    // The same alerts again, as a re-run decides them when the first run's rows were never written.
    expect(await deliverAlerts(options([console, slack], alerts))).toEqual([]);
    expect(console.sent.flat().map((a) => a.metric)).toEqual(['cpu', 'mem']);
    expect(slack.sent.flat().map((a) => a.metric)).toEqual(['cpu', 'mem']);
  });

  it('after one message fails, the channel tries no more this run; the next run sends it what it lacks, and only that', async () => {
    const slack = new PickyChannel('slack');
    const email = new RecordingChannel('email');
    slack.refuse.add('disk');
    const warnings: string[] = [];
    const alerts = [alertOf('cpu', 1), alertOf('disk', 1), alertOf('mem', 1)];
    expect(await deliverAlerts(options([slack, email], alerts, warnings))).toEqual(['slack: refused disk']);
    expect(slack.sent.flat().map((a) => a.metric)).toEqual(['cpu']);
    expect(email.sent.flat().map((a) => a.metric)).toEqual(['cpu', 'disk', 'mem']);
    expect(warnings).toEqual(['b: slack did not deliver 2 alert(s) (refused disk); the next run retries them there, the other channels are not affected']);

    slack.refuse.clear();
    expect(await deliverAlerts(options([slack, email], [alertOf('net', 2)]))).toEqual([]);
    const retried = slack.sent.slice(1).flat();
    expect(retried.map((a) => `${a.metric} ${a.timestamp.toISOString()}`)).toEqual(['disk 2026-01-10T01:00:00.000Z', 'mem 2026-01-10T01:00:00.000Z', 'net 2026-01-10T02:00:00.000Z']);
    // A retried alert is the one first decided, with its recent points read again.
    expect(retried[0]).toMatchObject({ kind: 'anomaly', value: 42, score: 0.9, smoothedScore: 0.85, threshold: 0.8, tags: { team: 'web' }, recent: [{ value: 4 }] });
    expect(email.sent.flat().map((a) => a.metric)).toEqual(['cpu', 'disk', 'mem', 'net']);

    await deliverAlerts(options([slack, email], []));
    expect(slack.sent.flat()).toHaveLength(4);
  });

  it('alert_group_by batch: every alert of the run in one message (a digest); a failed digest is retried whole', async () => {
    const slack = new PickyChannel('slack');
    slack.refuse.add('disk');
    const alerts = [alertOf('cpu', 1), alertOf('disk', 1), alertOf('mem', 1)];
    expect(await deliverAlerts(options([slack], alerts, [], NOW, 'batch'))).toEqual(['slack: refused disk']);
    expect(slack.sent).toEqual([]);
    slack.refuse.clear();
    expect(await deliverAlerts(options([slack], [alertOf('net', 2)], [], NOW, 'batch'))).toEqual([]);
    expect(slack.sent.map((message) => message.map((a) => a.metric))).toEqual([['cpu', 'disk', 'mem', 'net']]);
    // Delivered as one message, recorded for each alert: nothing goes again.
    expect(await deliverAlerts(options([slack], alerts, [], NOW, 'batch'))).toEqual([]);
    expect(slack.sent).toHaveLength(1);
  });

  it('gives up on a channel the batch no longer sends to', async () => {
    const slack = new PickyChannel('slack');
    slack.refuse.add('cpu');
    await deliverAlerts(options([slack], [alertOf('cpu', 1)]));
    const warnings: string[] = [];
    const email = new RecordingChannel('email');
    expect(await deliverAlerts(options([email], [], warnings))).toEqual([]);
    expect(warnings).toEqual(["b: gave up delivering 1 alert(s) to slack: the channel is no longer among the batch's alert methods"]);
    expect(await deliverAlerts(options([slack], [], []))).toEqual([]);
    expect(slack.sent).toEqual([]);
  });
});

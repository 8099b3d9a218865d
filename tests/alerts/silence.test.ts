/**
 * Silences: one model for every channel. The stage on plain data, the store, the `silences:` key, the CLI, and a run
 * in which a silenced alert reaches no channel but is recorded, marked with the silence.
 */
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseSilenceTime, silenceOf, splitSilenced, type Silence } from '../../src/alerts/silence.ts';
import { main } from '../../src/cli.ts';
import { runJobs } from '../../src/jobs/run.ts';
import { DuckDb } from '../../src/store/duckdb.ts';
import { SilenceStore } from '../../src/store/silences.ts';
import { loadBatch, RecordingChannel, recordingReporter, runWorkspaces, seriesSql, type TempWorkspace } from '../helpers/metrics-dir.ts';

const NOW = new Date('2026-01-10T00:30:00Z');
const silence = (over: Partial<Silence>): Silence => ({ metric: '*', until: null, reason: 'r', source: 'config', ...over });

describe('the silence stage', () => {
  it('matches a metric by name or * pattern, by kind when given, until its end', () => {
    const anomaly = { metric: 'checkout_eu', kind: 'anomaly' as const };
    expect(silenceOf(anomaly, [silence({ metric: 'checkout_us' })], NOW)).toBeNull();
    expect(silenceOf(anomaly, [silence({ metric: 'checkout_*' })], NOW)?.metric).toBe('checkout_*');
    expect(silenceOf(anomaly, [silence({ metric: 'checkout_eu', kind: 'threshold' })], NOW)).toBeNull();
    expect(silenceOf(anomaly, [silence({ kind: 'anomaly' })], NOW)).not.toBeNull();
    // The end is exclusive: at `until` the alert is loud again.
    expect(silenceOf(anomaly, [silence({ until: new Date(NOW.getTime() + 1) })], NOW)).not.toBeNull();
    expect(silenceOf(anomaly, [silence({ until: NOW })], NOW)).toBeNull();
  });

  it('splits the alerts to deliver from the silenced ones, each with the silence that muted it', () => {
    const alerts = [{ metric: 'a', kind: 'anomaly' as const }, { metric: 'b', kind: 'change' as const }, { metric: 'c', kind: 'anomaly' as const }];
    const muting = silence({ metric: 'c', reason: 'migration', source: 'cli #2' });
    const { loud, silenced } = splitSilenced(alerts, [silence({ metric: 'b', kind: 'anomaly' }), muting], NOW);
    expect(loud.map((a) => a.metric)).toEqual(['a', 'b']);
    expect(silenced).toEqual([{ alert: alerts[2], silence: muting }]);
  });

  it('reads until as a UTC date or time, with an optional zone', () => {
    expect(parseSilenceTime('2026-12-24')?.toISOString()).toBe('2026-12-24T00:00:00.000Z');
    expect(parseSilenceTime('2026-12-24 18:00')?.toISOString()).toBe('2026-12-24T18:00:00.000Z');
    expect(parseSilenceTime('2026-12-24T18:00:00+02:00')?.toISOString()).toBe('2026-12-24T16:00:00.000Z');
    for (const bad of ['tomorrow', '2026-13-01', '24/12/2026', '']) expect(parseSilenceTime(bad)).toBeNull();
  });
});

describe('SilenceStore', () => {
  let db: DuckDb | undefined;
  afterEach(() => db?.close());

  it('numbers silences, lists the running ones, and expires one early', async () => {
    db = await DuckDb.open(':memory:');
    const store = new SilenceStore(db);
    const week = new Date(NOW.getTime() + 7 * 86_400_000);
    expect(await store.add('b', { metric: 'cpu*', until: week, reason: 'deploy' }, NOW)).toMatchObject({ id: 1, source: 'cli #1' });
    expect((await store.add('b', { metric: 'mem', kind: 'threshold', until: null, reason: 'noisy' }, NOW)).id).toBe(2);
    await store.add('other', { metric: '*', until: null, reason: 'x' }, NOW);
    expect((await store.list('b', NOW)).map((s) => [s.id, s.metric, s.kind ?? null, s.until?.toISOString() ?? null])).toEqual([
      [2, 'mem', 'threshold', null],
      [1, 'cpu*', null, week.toISOString()],
    ]);
    // Past its end a silence is no longer running; expiring ends it at once, and only once.
    expect((await store.list('b', week)).map((s) => s.id)).toEqual([2]);
    expect(await store.expire(2, NOW)).toBe(true);
    expect(await store.expire(2, NOW)).toBe(false);
    expect((await store.list('b', NOW)).map((s) => s.id)).toEqual([1]);
    expect((await store.list('b')).map((s) => [s.id, s.expiredAt?.toISOString() ?? null])).toEqual([[2, NOW.toISOString()], [1, null]]);
  });
});

describe('silences in a run', () => {
  const workspace = runWorkspaces();
  // 200 hourly points, the newest one 300 above the rest: it alerts in the run that ingests it.
  const SQL = seriesSql({ metrics: ['orders'], n: 200, end: '2026-01-10 00:00:00', spike: 300, spikeN: 1 });

  async function firstRun(w: TempWorkspace): Promise<{ sent: string[]; infos: string[]; rows: Record<string, unknown>[] }> {
    const channel = new RecordingChannel();
    const reporter = recordingReporter();
    const report = await runJobs({ metricsDir: w.metricsDir, now: NOW, env: {}, reporter, channels: () => [channel], jobs: ['ingest', 'train', 'score', 'alert'] });
    expect(report.batches[0]?.status).toBe('ok');
    const db = await DuckDb.open(path.join(w.root, 'state', 'anomstack.duckdb'));
    try {
      const rows = await db.all("SELECT metric_name, metadata FROM metrics WHERE metric_type = 'alert'");
      return { sent: channel.sent.flat().map((a) => a.metric), infos: reporter.infos, rows: rows.map((r) => ({ ...r, metadata: JSON.parse(String(r['metadata'])) as unknown })) };
    } finally {
      db.close();
    }
  }

  it('without a silence the spike is delivered', async () => {
    const { sent, rows } = await firstRun(await workspace({ 'b/config.yaml': 'alert_methods: console\n', 'b/query.sql': SQL }));
    expect(sent).toEqual(['orders']);
    expect(rows[0]?.['metadata']).not.toHaveProperty('silenced');
  }, 120_000);

  it('a silences: entry mutes every channel; the alert is recorded, marked with the silence, and the run says so', async () => {
    const config = 'alert_methods: console\nsilences:\n  - {metric: "ord*", until: "2026-02-01", reason: "warehouse migration"}\n';
    const { sent, infos, rows } = await firstRun(await workspace({ 'b/config.yaml': config, 'b/query.sql': SQL }));
    expect(sent).toEqual([]);
    expect(rows).toEqual([{ metric_name: 'orders', metadata: expect.objectContaining({ silenced: { reason: 'warehouse migration', source: 'config', until: '2026-02-01T00:00:00.000Z' } }) }]);
    expect(infos).toContain('b: 1 alert(s) silenced, not sent (config: warehouse migration)');
  }, 120_000);

  it('anomstack silence add mutes the batch; list shows it; expire ends it', async () => {
    const w = await workspace({ 'b/config.yaml': 'alert_methods: console\n', 'b/query.sql': SQL });
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
    const cli = (...args: string[]): Promise<number> => main([...args, '--metrics-dir', w.metricsDir, '--now', NOW.toISOString()]);
    try {
      expect(await cli('silence', 'add', '--batch', 'b', '--metric', 'orders', '--for', '7d', '--reason', 'load test')).toBe(0);
      expect(out.join('')).toContain('silence #1 on b: orders until 2026-01-17 00:30 UTC: load test');
      const { sent, rows } = await firstRun(w);
      expect(sent).toEqual([]);
      expect(rows[0]?.['metadata']).toMatchObject({ silenced: { reason: 'load test', source: 'cli #1' } });
      out.length = 0;
      expect(await cli('silence', 'list')).toBe(0);
      expect(out.join('')).toMatch(/#1\s+b\s+orders\s+all\s+until 2026-01-17 00:30 UTC\s+active\s+load test/);
      expect(await cli('silence', 'expire', '1', '--batch', 'b')).toBe(0);
      out.length = 0;
      expect(await cli('silence', 'list')).toBe(0);
      expect(out.join('')).toMatch(/#1\s+b\s+orders .* expired /);
    } finally {
      vi.restoreAllMocks();
    }
  }, 120_000);

  it('bad usage and bad config say what is wrong', async () => {
    const w = await workspace({ 'b/config.yaml': 'alert_methods: console\n', 'b/query.sql': SQL });
    const err: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => err.push(String(chunk)) > 0);
    try {
      const cli = (...args: string[]): Promise<number> => main([...args, '--metrics-dir', w.metricsDir, '--now', NOW.toISOString()]);
      expect(await cli('silence', 'add', '--batch', 'b', '--metric', 'orders')).toBe(2);
      expect(await cli('silence', 'add', '--batch', 'b', '--metric', 'orders', '--reason', 'x', '--for', 'a week')).toBe(2);
      expect(await cli('silence', 'add', '--batch', 'b', '--metric', 'orders', '--reason', 'x', '--until', '2025-01-01')).toBe(2);
      expect(await cli('silence', 'expire', '9', '--batch', 'b')).toBe(2);
      expect(await cli('silence', 'mute')).toBe(2);
      expect(err).toEqual([
        'anomstack: silence add needs --reason TEXT: it is shown with every alert it mutes (see anomstack --help)\n',
        'anomstack: --for a week is not a duration such as 30m, 12h, 7d or 2w (see anomstack --help)\n',
        'anomstack: --until 2025-01-01 has passed already (see anomstack --help)\n',
        'anomstack: b has no running silence #9 (see anomstack silence list --batch b) (see anomstack --help)\n',
        'anomstack: silence takes add, list, expire, not "mute" (see anomstack --help)\n',
      ]);
    } finally {
      vi.restoreAllMocks();
    }
    await w.write({ 'b/config.yaml': 'silences:\n  - {metric: orders, until: next week, reason: x}\n' });
    await expect(loadBatch(w.metricsDir, 'b')).rejects.toThrow(/silences.*until.*expected a UTC date or time such as "2026-12-24"/s);
  }, 120_000);
});

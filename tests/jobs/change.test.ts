import { describe, expect, it } from 'vitest';
import { formatAlertLine } from '../../src/alerts/console.ts';
import { batchConfigSchema, type BatchConfig } from '../../src/config/schema.ts';
import { change, isChangeMetric } from '../../src/jobs/change.ts';
import { advanceChanges, changeHistoryN, startStream, streamKey, type ChangeDecision } from '../../src/jobs/change-stream.ts';
import type { Point } from '../../src/store/metrics-table.ts';
import { allRows, countsByType, insertSeries, jobContext, loadBatch, tempMetrics, type TempWorkspace, type TestContext, disposeAfterEach } from '../helpers/metrics-dir.ts';

const HOUR = 3_600_000;
const N = 300;
const END = new Date('2026-01-10T00:00:00Z');
const at = (i: number): Date => new Date(END.getTime() - (N - 1 - i) * HOUR);

/**
 * Hourly values with a daily cycle and seeded noise; the newest `shiftN` points are `shift` higher. A shift over
 * the newest 3 points is confirmed at the newest point (it takes 3 points), one over 4 points at the one before.
 */
function values(seed: number, shift = 0, shiftN = 0): number[] {
  let a = seed >>> 0;
  const r = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: N }, (_, i) => 100 + 10 * Math.sin((2 * Math.PI * i) / 24) + 4 * (r() - 0.5) + (i >= N - shiftN ? shift : 0));
}

const points = (v: readonly number[]): Point[] => v.map((value, i) => ({ timestamp: at(i), value }));
const config = (extra: Record<string, unknown> = {}): BatchConfig => batchConfigSchema.parse({ metric_batch: 'b', ...extra });

/** What the job decides on its first run over this history, with these change rows already stored. */
function decideChanges(history: readonly Point[], recorded: ReadonlySet<number>, cfg: BatchConfig): ChangeDecision[] {
  const stream = startStream(history, cfg);
  return stream ? advanceChanges(stream, history, cfg, recorded) : [];
}

describe('a change stream started on a history', () => {
  it('reports a change confirmed at the newest point, measured against the same hour the day before', () => {
    const decisions = decideChanges(points(values(1, 40, 3)), new Set(), config());
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ timestamp: at(N - 1), onset: at(N - 3) });
    expect(decisions[0]?.change).toMatchObject({ direction: 'up', shape: 'level', baseline: 'seasonal' });
    expect(decisions[0]?.change.score).toBeGreaterThanOrEqual(3.5);
  });

  it('finds nothing in a metric that only follows its daily cycle', () => {
    expect(decideChanges(points(values(1)), new Set(), config())).toEqual([]);
  });

  it('only the newest change_detect_last_n points may raise a change', () => {
    const shifted = points(values(2, 40, 4));
    expect(decideChanges(shifted, new Set(), config())).toEqual([]);
    expect(decideChanges(shifted, new Set(), config({ change_detect_last_n: 2 })).map((d) => d.timestamp)).toEqual([at(N - 2)]);
  });

  it('a change recorded within the previous change_snooze_n points snoozes a new one', () => {
    const shifted = points(values(1, 40, 3));
    expect(decideChanges(shifted, new Set([at(N - 4).getTime()]), config({ change_snooze_n: 3 }))).toEqual([]);
    expect(decideChanges(shifted, new Set([at(N - 5).getTime()]), config({ change_snooze_n: 3 }))).toHaveLength(1);
    expect(decideChanges(shifted, new Set([at(N - 2).getTime()]), config({ change_snooze_n: 0 }))).toHaveLength(1);
  });

  it('change_threshold is the evidence a change needs: a higher one waits for more points of a moderate shift', () => {
    const moderate = points(values(1, 8, 3));
    expect(decideChanges(moderate, new Set(), config())).toHaveLength(1);
    expect(decideChanges(moderate, new Set(), config({ change_threshold: 20 }))).toEqual([]);
  });

  it('include and exclude lists take names and globs; an empty include list means every metric', () => {
    expect(isChangeMetric('cpu_a', config())).toBe(true);
    const both = config({ change_include_metrics: ['cpu_*', 'mem'], change_exclude_metrics: 'cpu_b' });
    expect(['cpu_a', 'cpu_b', 'mem', 'disk'].filter((m) => isChangeMetric(m, both))).toEqual(['cpu_a', 'mem']);
  });

  it('reads enough history for a reference window and a season, capped by train_max_n', () => {
    expect(changeHistoryN(config())).toBe(2 * 168 + 288 + 1 + 3);
    expect(changeHistoryN(config({ train_max_n: 100 }))).toBe(100);
  });
});

describe('the change job', () => {
  let ws: TempWorkspace | undefined;
  let ctx: TestContext | undefined;
  const track = disposeAfterEach();

  async function setup(series: Record<string, number[]>, yaml = 'metric_tags:\n  cpu: {host: web1}\n'): Promise<TestContext> {
    ws = track(await tempMetrics({ 'b/config.yaml': yaml, 'b/query.sql': 'SELECT 1' }));
    ctx = track(await jobContext(await loadBatch(ws.metricsDir, 'b'), ws.root));
    for (const [metric, v] of Object.entries(series)) await insertSeries(ctx.store, 'b', metric, N, END, (i) => v[i] ?? 0);
    return ctx;
  }

  it('notifies the channel about a new change, then records it as a change row', async () => {
    const cpu = values(1, 40, 3);
    const c = await setup({ cpu, mem: values(2) });
    const result = await change(c);
    expect(result.counts).toEqual({ changes: 1 });
    expect(c.channel.sent).toHaveLength(1);
    const [sent] = c.channel.sent[0] ?? [];
    if (!sent) throw new Error('nothing sent');
    expect(sent).toMatchObject({
      kind: 'change', batch: 'b', metric: 'cpu', timestamp: at(N - 1), value: cpu[N - 1], threshold: 3.5, tags: { host: 'web1' }, detail: 'changed level (up)',
    });
    expect(sent.recent).toHaveLength(250);
    expect(formatAlertLine(sent)).toMatch(/^📈 \[b\] cpu changed level \(up\) at 2026-01-10T00:00:00Z · value [\d.]+ · score [\d.]+ >= 3\.5 · host=web1$/);
    const rows = await c.db.all("SELECT metric_name, metric_timestamp, metric_value, metadata FROM metrics WHERE metric_type = 'change'");
    expect(rows).toEqual([{ metric_name: 'cpu', metric_timestamp: at(N - 1), metric_value: 1, metadata: expect.any(String) }]);
    expect(JSON.parse(String(rows[0]?.['metadata']))).toEqual({
      score: sent.score, threshold: 3.5, direction: 'up', shape: 'level', baseline: 'seasonal',
      magnitude: expect.any(Number), expected: expect.any(Number), onset: at(N - 3).toISOString(), severity: 'warning',
    });
  });

  it('a second run notifies nothing and writes nothing', async () => {
    const c = await setup({ cpu: values(1, 40, 3) });
    await change(c);
    const before = await allRows(c.db);
    expect((await change(c)).counts).toEqual({ changes: 0 });
    expect(c.channel.sent).toHaveLength(1);
    expect(await allRows(c.db)).toEqual(before);
  });

  it('a change stored by an earlier run snoozes the next change_snooze_n points', async () => {
    const c = await setup({ cpu: values(1, 40, 3) });
    const earlier = { metric_batch: 'b', metric_name: 'cpu', metric_type: 'change' as const, metric_value: 1 };
    await c.store.insert([{ ...earlier, metric_timestamp: at(N - 3) }]);
    expect((await change(c)).counts).toEqual({ changes: 0 });
    expect(c.channel.sent).toEqual([]);
  });

  it('after the snooze, a change is reported again', async () => {
    const c = await setup({ cpu: values(1, 40, 3) }, 'change_snooze_n: 1\n');
    await c.store.insert([{ metric_batch: 'b', metric_name: 'cpu', metric_type: 'change', metric_value: 1, metric_timestamp: at(N - 3) }]);
    expect((await change(c)).counts).toEqual({ changes: 1 });
    expect(await countsByType(c.db)).toMatchObject({ change: 2 });
  });

  it('runs only on change_include_metrics, less change_exclude_metrics', async () => {
    const shifted = values(1, 40, 3);
    const c = await setup({ cpu_a: shifted, cpu_b: shifted, mem: shifted }, 'change_include_metrics: ["cpu_*"]\nchange_exclude_metrics: cpu_b\n');
    const result = await change(c);
    expect(result.counts).toEqual({ changes: 1 });
    expect(result.message).toBe('1 new changes across 1 metrics');
    expect(c.channel.sent.flat().map((a) => a.metric)).toEqual(['cpu_a']);
  });

  it('a failing channel fails only itself: the change is recorded and the stream saved, the next run retries that channel', async () => {
    const c = await setup({ cpu: values(1, 40, 3) });
    c.channel.failWith = new Error('Slack is down');
    expect(await change(c)).toMatchObject({ counts: { changes: 1 }, failures: ['recording: Slack is down'] });
    expect(await countsByType(c.db)).toEqual({ change: 1, metric: N });
    c.channel.failWith = null;
    expect(await change(c)).toMatchObject({ counts: { changes: 0 }, failures: [] });
    expect(c.channel.sent.flat().map((a) => [a.metric, a.timestamp, a.detail])).toEqual([['cpu', at(N - 1), 'changed level (up)']]);
    await change(c);
    expect(c.channel.sent).toHaveLength(1);
  });

  it('keeps each metric\'s stream between runs and feeds it only the points that came since', async () => {
    const cpu = values(1);
    const c = await setup({ cpu: cpu.slice(0, N) });
    expect((await change(c)).counts).toEqual({ changes: 0 });
    const saved = JSON.parse((await c.models.read(streamKey('b', 'cpu'))) ?? 'null') as { detector: { offset: number; values: unknown[] }; times: number[] };
    expect(saved.times.at(-1)).toBe(at(N - 1).getTime());
    expect(saved.times).toHaveLength(saved.detector.values.length);
    // Three more hours, shifted: the next runs decide on them alone, from the saved stream.
    const next = (k: number): Date => new Date(END.getTime() + k * HOUR);
    for (const k of [1, 2, 3]) {
      await c.store.insert([{ metric_timestamp: next(k), metric_batch: 'b', metric_name: 'cpu', metric_type: 'metric', metric_value: 100 + 10 * Math.sin((2 * Math.PI * (N - 1 + k)) / 24) + 40 }]);
      await change(c);
    }
    expect(c.channel.sent.flat().map((a) => [a.metric, a.timestamp, a.detail])).toEqual([['cpu', next(3), 'changed level (up)']]);
    const resumed = JSON.parse((await c.models.read(streamKey('b', 'cpu'))) ?? 'null') as { detector: { offset: number } };
    expect(resumed.detector.offset).toBeGreaterThanOrEqual(saved.detector.offset);
  });

  it('starts the stream again from the stored history when change_threshold changed or its file is unreadable', async () => {
    const c = await setup({ cpu: values(1, 40, 3) });
    await c.models.write(streamKey('b', 'cpu'), '{"format": "something else"');
    expect((await change(c)).counts).toEqual({ changes: 1 });
    expect(c.reporter.warnings).toEqual([expect.stringMatching(/b\/change\/cpu\.json is unreadable .*starting cpu's change detection again/)]);
    const threshold = async (): Promise<number> =>
      (JSON.parse((await c.models.read(streamKey('b', 'cpu'))) ?? 'null') as { detector: { params: { threshold: number } } }).detector.params.threshold;
    expect(await threshold()).toBe(3.5);
    // A saved stream with no new points would decide nothing; under a new threshold it starts over on the history.
    const stricter = { ...c, batch: { ...c.batch, config: { ...c.batch.config, change_threshold: 20 } } };
    expect((await change(stricter)).counts).toEqual({ changes: 0 });
    expect(await threshold()).toBe(20);
  });

  it('a metric without enough history yet has no changes', async () => {
    const c = await setup({});
    const recent = values(1, 40, 3).slice(-30);
    await insertSeries(c.store, 'b', 'cpu', 30, END, (i) => recent[i] ?? 0);
    expect((await change(c)).counts).toEqual({ changes: 0 });
  });
});

import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatAlertLine } from '../../src/alerts/console.ts';
import { main } from '../../src/cli.ts';
import { batchConfigSchema, type BatchConfig } from '../../src/config/schema.ts';
import { crossedBound, decideThresholdAlerts, tholdalert } from '../../src/jobs/tholdalert.ts';
import { DuckDb } from '../../src/store/duckdb.ts';
import type { Point } from '../../src/store/metrics-table.ts';
import { allRows, countsByType, jobContext, loadBatch, tempMetrics, type TempWorkspace, type TestContext } from '../helpers/metrics-dir.ts';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 1);
const at = (i: number): Date => new Date(T0 + i * HOUR);
const points = (values: number[]): Point[] => values.map((value, i) => ({ timestamp: at(i), value }));
const rule = (extra: Record<string, unknown> = {}): BatchConfig =>
  batchConfigSchema.parse({ metric_batch: 'b', tholdalert_snooze_n: 0, ...extra });
const alertedAt = (decisions: ReturnType<typeof decideThresholdAlerts>): number[] => decisions.map((d) => (d.timestamp.getTime() - T0) / HOUR);

describe('tholdalert config', () => {
  const parse = (thresholds: unknown) => batchConfigSchema.safeParse({ metric_batch: 'b', tholdalert_thresholds: thresholds });

  it('takes upper, lower or both per metric, and defaults to none', () => {
    expect(parse({ cpu: { upper: 90, lower: 10 }, mem: { upper: 80 }, disk: { lower: 5 } }).success).toBe(true);
    expect(batchConfigSchema.parse({ metric_batch: 'b' })).toMatchObject({
      tholdalert_thresholds: {}, tholdalert_recent_n: 1, tholdalert_snooze_n: 3, tholdalert_methods: ['console'], disable_tholdalert: false,
    });
  });

  it('refuses a metric without bounds, an empty range, unknown keys and unknown methods', () => {
    expect(parse({ cpu: {} }).error?.issues[0]?.message).toBe('expected upper, lower or both');
    expect(parse({ cpu: { upper: 10, lower: 10 } }).error?.issues[0]?.message).toBe('expected upper > lower');
    expect(parse({ cpu: { max: 10 } }).success).toBe(false);
    expect(parse({ cpu: { upper: 'high' } }).success).toBe(false);
    expect(batchConfigSchema.safeParse({ metric_batch: 'b', tholdalert_methods: 'console,pager' }).success).toBe(false);
    expect(batchConfigSchema.parse({ metric_batch: 'b', tholdalert_methods: 'console, slack' }).tholdalert_methods).toEqual(['console', 'slack']);
  });
});

describe('decideThresholdAlerts', () => {
  it('alerts strictly above upper and strictly below lower', () => {
    expect(crossedBound(90, { upper: 90 })).toBeNull();
    expect(crossedBound(90.5, { upper: 90 })).toEqual({ bound: 'upper', threshold: 90 });
    expect(crossedBound(10, { lower: 10 })).toBeNull();
    expect(crossedBound(9, { upper: 90, lower: 10 })).toEqual({ bound: 'lower', threshold: 10 });
  });

  it('decides only the newest tholdalert_recent_n points', () => {
    const values = points([100, 100, 50, 100]);
    expect(alertedAt(decideThresholdAlerts(values, { upper: 90 }, new Set(), rule()))).toEqual([3]);
    expect(alertedAt(decideThresholdAlerts(values, { upper: 90 }, new Set(), rule({ tholdalert_recent_n: 3 })))).toEqual([1, 3]);
  });

  it('snoozes for tholdalert_snooze_n points after an alert, found now or recorded earlier', () => {
    const values = points([100, 100, 100, 100, 100]);
    expect(alertedAt(decideThresholdAlerts(values, { upper: 90 }, new Set(), rule({ tholdalert_recent_n: 5, tholdalert_snooze_n: 2 })))).toEqual([0, 3]);
    expect(alertedAt(decideThresholdAlerts(values, { upper: 90 }, new Set([at(2).getTime()]), rule({ tholdalert_snooze_n: 2 })))).toEqual([]);
    expect(alertedAt(decideThresholdAlerts(values, { upper: 90 }, new Set([at(2).getTime()]), rule({ tholdalert_snooze_n: 1 })))).toEqual([4]);
  });

  it('a point already recorded stays alerted', () => {
    const decisions = decideThresholdAlerts(points([100, 100]), { upper: 90 }, new Set([at(1).getTime()]), rule({ tholdalert_snooze_n: 3 }));
    expect(decisions).toEqual([{ timestamp: at(1), value: 100, bound: 'upper', threshold: 90 }]);
  });
});

describe('the tholdalert job', () => {
  let ws: TempWorkspace | undefined;
  let ctx: TestContext | undefined;
  afterEach(async () => {
    ctx?.close();
    ctx = undefined;
    await ws?.cleanup();
    ws = undefined;
    vi.restoreAllMocks();
  });

  const CONFIG = 'tholdalert_thresholds:\n  cpu: {upper: 90, lower: 10}\n  mem: {upper: 80}\nmetric_tags:\n  cpu: {host: web1}\n';

  async function setup(series: Record<string, number[]>, config = CONFIG): Promise<TestContext> {
    ws = await tempMetrics({ 'b/config.yaml': config, 'b/query.sql': 'SELECT 1' });
    ctx = await jobContext(await loadBatch(ws.metricsDir, 'b'), ws.root);
    for (const [metric, values] of Object.entries(series)) await add(ctx, metric, values);
    return ctx;
  }

  async function add(c: TestContext, metric: string, values: number[], from = 0): Promise<void> {
    await c.store.insert(values.map((v, i) => ({ metric_timestamp: at(from + i), metric_batch: 'b', metric_name: metric, metric_type: 'metric' as const, metric_value: v })));
  }

  it('notifies the channel about a crossing, then records a tholdalert row', async () => {
    const c = await setup({ cpu: [50, 50, 95], mem: [70, 70, 70], disk: [1e9, 1e9, 1e9] });
    const result = await tholdalert(c);
    expect(result).toEqual({ counts: { tholdalerts: 1 }, message: '1 new threshold alerts across 2 metrics', failures: [] });
    const [sent] = c.channel.sent[0] ?? [];
    if (!sent) throw new Error('nothing sent');
    expect(sent).toMatchObject({ kind: 'threshold', batch: 'b', metric: 'cpu', timestamp: at(2), value: 95, threshold: 90, detail: 'crossed its upper threshold 90' });
    expect(sent.recent.map((p) => p.value)).toEqual([50, 50, 95]);
    expect(formatAlertLine(sent)).toBe('🚨 [b] cpu crossed its upper threshold 90 at 2026-01-01T02:00:00Z · value 95 · host=web1');
    const rows = await c.db.all("SELECT metric_name, metric_timestamp, metric_value, metadata FROM metrics WHERE metric_type = 'tholdalert'");
    expect(rows).toEqual([{ metric_name: 'cpu', metric_timestamp: at(2), metric_value: 1, metadata: JSON.stringify({ bound: 'upper', threshold: 90, value: 95, severity: 'warning' }) }]);
  });

  it('a second run notifies nothing and writes nothing', async () => {
    const c = await setup({ cpu: [50, 5] });
    await tholdalert(c);
    const before = await allRows(c.db);
    expect((await tholdalert(c)).counts).toEqual({ tholdalerts: 0 });
    expect(c.channel.sent.flat().map((a) => a.detail)).toEqual(['crossed its lower threshold 10']);
    expect(await allRows(c.db)).toEqual(before);
  });

  it('snoozes across runs from the stored tholdalert rows', async () => {
    const c = await setup({ mem: [70, 85] }, 'tholdalert_thresholds: {mem: {upper: 80}}\ntholdalert_snooze_n: 2\n');
    await tholdalert(c);
    for (const i of [2, 3]) {
      await add(c, 'mem', [99], i);
      await tholdalert(c);
    }
    // With tholdalert_snooze_n 2, points 2 and 3 are within 2 points of the alert at 1; point 4 is not.
    expect(c.channel.sent.flat().map((a) => a.timestamp)).toEqual([at(1)]);
    await add(c, 'mem', [99], 4);
    await tholdalert(c);
    expect(c.channel.sent.flat().map((a) => a.timestamp)).toEqual([at(1), at(4)]);
    expect(await countsByType(c.db)).toEqual({ metric: 5, tholdalert: 2 });
  });

  it('a batch larger than one read group: each metric decided on its own points and snooze, across runs', async () => {
    // 70 metrics, more than the 64 read at a time; m05, m40 and m66 cross on their second point.
    const names = Array.from({ length: 70 }, (_, i) => `m${String(i).padStart(2, '0')}`);
    const crossing = new Set(['m05', 'm40', 'm66']);
    const thresholds = names.map((n) => `  ${n}: {upper: 90}`).join('\n');
    const c = await setup(Object.fromEntries(names.map((n) => [n, [50, crossing.has(n) ? 95 : 60]])), `tholdalert_thresholds:\n${thresholds}\ntholdalert_snooze_n: 1\n`);
    expect((await tholdalert(c)).counts).toEqual({ tholdalerts: 3 });
    // Next point: m40 crosses again (snoozed: its alert is one point back), m66 does not, m69 crosses for the first time.
    for (const n of names) await add(c, n, [n === 'm40' || n === 'm69' ? 99 : 60], 2);
    expect((await tholdalert(c)).counts).toEqual({ tholdalerts: 1 });
    expect(c.channel.sent.flat().map((a) => `${a.metric}@${a.timestamp.toISOString()}`)).toEqual([
      `m05@${at(1).toISOString()}`, `m40@${at(1).toISOString()}`, `m66@${at(1).toISOString()}`, `m69@${at(2).toISOString()}`,
    ]);
  });

  it('leaves out tholdalert_exclude_metrics and metrics without bounds', async () => {
    const c = await setup({ cpu: [99], mem: [99], disk: [99] }, `${CONFIG}tholdalert_exclude_metrics: [c*]\n`);
    await tholdalert(c);
    expect(c.channel.sent.flat().map((a) => a.metric)).toEqual(['mem']);
  });

  it('a failing channel fails only itself: the crossing is recorded, the next run retries that channel', async () => {
    const c = await setup({ cpu: [99] });
    c.channel.failWith = new Error('Slack is down');
    expect(await tholdalert(c)).toMatchObject({ counts: { tholdalerts: 1 }, failures: ['recording: Slack is down'] });
    expect(await countsByType(c.db)).toEqual({ metric: 1, tholdalert: 1 });
    c.channel.failWith = null;
    expect(await tholdalert(c)).toMatchObject({ counts: { tholdalerts: 0 }, failures: [] });
    expect(c.channel.sent.flat().map((a) => [a.metric, a.detail])).toEqual([['cpu', 'crossed its upper threshold 90']]);
  });

  it('runs as `anomstack tholdalert` and `anomstack change`, and shows in the summary', async () => {
    ws = await tempMetrics({});
    const db = path.join(ws.root, 'store.duckdb');
    const sql = "SELECT TIMESTAMP '2026-01-01' + INTERVAL (i) HOUR AS metric_timestamp, 'cpu' AS metric_name, CASE WHEN i = 9 THEN 99 ELSE 50 END::DOUBLE AS metric_value FROM range(10) t(i)";
    await ws.write({ 'b/config.yaml': `duckdb_path: ${JSON.stringify(db)}\ntholdalert_thresholds: {cpu: {upper: 90}}\n`, 'b/query.sql': sql });
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
    const args = ['--metrics-dir', ws.metricsDir, '--quiet'];
    expect(await main(['ingest', ...args])).toBe(0);
    expect(await main(['change', ...args])).toBe(0);
    expect(await main(['tholdalert', ...args])).toBe(0);
    const text = out.join('');
    expect(text).toContain('🚨 [b] cpu crossed its upper threshold 90 at 2026-01-01T09:00:00Z · value 99');
    expect(text).toMatch(/batch\s+status\s+metrics\s+ingested\s+scored\s+alerts\s+changes\s+tholdalerts\s+llmalerts/);
    expect(text).toMatch(/\nb\s+ok\s+1\s+0\s+0\s+0\s+0\s+1\s+0\n/);
    const store = await DuckDb.open(db);
    try {
      expect(await countsByType(store)).toEqual({ metric: 10, tholdalert: 1 });
    } finally {
      store.close();
    }
  });
});

describe('which channels a job notifies', () => {
  /** A real channel under a method's name, keeping what it was sent. */
  class NamedChannel {
    readonly name: string;
    readonly sent: string[] = [];
    constructor(name: string) {
      this.name = name;
    }
    async send(alerts: readonly { metric: string }[]): Promise<void> {
      this.sent.push(...alerts.map((a) => a.metric));
    }
  }

  it('threshold alerts go to tholdalert_methods (and the console), not to alert_methods', async () => {
    const ws = await tempMetrics({
      'b/config.yaml': 'ingest_sql: select 1\nalert_methods: [console, github]\ntholdalert_methods: [console, slack]\ntholdalert_thresholds: {cpu: {upper: 90}}\n',
    });
    try {
      const ctx = await jobContext(await loadBatch(ws.metricsDir, 'b'), ws.root, at(3));
      try {
        const channels = ['console', 'github', 'slack'].map((name) => new NamedChannel(name));
        await ctx.store.insert(points([50, 60, 95]).map((p) => ({
          metric_timestamp: p.timestamp, metric_batch: 'b', metric_name: 'cpu', metric_type: 'metric' as const, metric_value: p.value,
        })));
        await tholdalert({ ...ctx, channels });
        expect(channels.map((c) => [c.name, c.sent])).toEqual([['console', ['cpu']], ['github', []], ['slack', ['cpu']]]);
      } finally {
        ctx.close();
      }
    } finally {
      await ws.cleanup();
    }
  });
});

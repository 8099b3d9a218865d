import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { alertPlot } from '../../src/jobs/plot.ts';
import { DuckDb } from '../../src/store/duckdb.ts';
import { MetricsTable } from '../../src/store/metrics-table.ts';
import { insertSeries, loadBatch, tempMetrics, type TempWorkspace } from '../helpers/metrics-dir.ts';
import { decodePng } from './png.ts';

let ws: TempWorkspace | undefined;
let db: DuckDb | undefined;
afterEach(async () => {
  db?.close();
  db = undefined;
  await ws?.cleanup();
  ws = undefined;
});

describe('alertPlot', () => {
  it("draws the metric's newest alert_max_n points with its alert, as a PNG that decodes", async () => {
    ws = await tempMetrics({ 'b/config.yaml': 'ingest_sql: SELECT 1\nalert_max_n: 120\n' });
    const batch = await loadBatch(ws.metricsDir, 'b');
    db = await DuckDb.open(path.join(ws.root, 'm.duckdb'));
    const store = new MetricsTable(db, 'metrics');
    const stamps = await insertSeries(store, 'b', 'cpu', 400, new Date('2026-02-01T00:00:00Z'));
    await insertSeries(store, 'b', 'other', 10, new Date('2026-02-01T00:00:00Z'));
    const newest = stamps.at(-1) ?? new Date();
    await store.insert([{ metric_timestamp: newest, metric_batch: 'b', metric_name: 'cpu', metric_type: 'alert', metric_value: 0.9 }]);

    const plot = await alertPlot(store, batch, 'cpu');
    expect(plot?.points).toBe(120);
    expect(plot?.svg).toContain('>b · cpu</text>');
    expect(plot?.svg).toContain('class="mark-symbol role-mark');
    const png = decodePng(plot?.png ?? Buffer.alloc(0));
    expect([png.width, png.height]).toEqual([plot?.width, plot?.height]);
    expect(png.width).toBeGreaterThan(1000); // rendered at twice the chart's size
    expect(await alertPlot(store, batch, 'missing')).toBeNull();
  });

  it('draws the alerts being sent, which are not stored yet, once', async () => {
    ws = await tempMetrics({ 'b/config.yaml': 'ingest_sql: SELECT 1\nalert_max_n: 50\n' });
    const batch = await loadBatch(ws.metricsDir, 'b');
    db = await DuckDb.open(path.join(ws.root, 'm.duckdb'));
    const store = new MetricsTable(db, 'metrics');
    const stamps = await insertSeries(store, 'b', 'cpu', 50, new Date('2026-02-01T00:00:00Z'));
    const newest = stamps.at(-1) ?? new Date();
    const markers = (svg: string | undefined): number => svg?.match(/class="mark-symbol role-mark/g)?.length ?? 0;
    const pathsOf = (svg: string | undefined): number => svg?.match(/<path /g)?.length ?? 0;

    const plain = await alertPlot(store, batch, 'cpu');
    const pending = await alertPlot(store, batch, 'cpu', undefined, [{ kind: 'anomaly', timestamp: newest, score: 0.95 }]);
    expect(markers(plain?.svg)).toBe(0);
    expect(markers(pending?.svg)).toBe(1);
    // Once the alert row is stored, passing it again as pending does not draw it twice.
    await store.insert([{ metric_timestamp: newest, metric_batch: 'b', metric_name: 'cpu', metric_type: 'alert', metric_value: 0.95 }]);
    const stored = await alertPlot(store, batch, 'cpu', undefined, [{ kind: 'anomaly', timestamp: newest, score: 0.95 }]);
    expect(pathsOf(stored?.svg)).toBe(pathsOf(pending?.svg));
    expect(stored?.png.equals(pending?.png ?? Buffer.alloc(0))).toBe(true);
  });
});

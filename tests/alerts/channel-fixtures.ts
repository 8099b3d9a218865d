import path from 'node:path';
import type { Alert } from '../../src/alerts/channel.ts';
import type { AlertPlotter } from '../../src/alerts/message.ts';
import type { BatchSummary } from '../../src/alerts/summary-message.ts';
import type { Batch } from '../../src/config/load.ts';
import { alertPlot } from '../../src/jobs/plot.ts';
import { summarizeBatch } from '../../src/jobs/summary.ts';
import { DuckDb } from '../../src/store/duckdb.ts';
import { MetricsTable } from '../../src/store/metrics-table.ts';
import { insertSeries, loadBatch, tempMetrics, wiggle, type TempWorkspace } from '../helpers/metrics-dir.ts';
import { decodePng, ink } from '../plots/png.ts';

/** The newest point of `cpu` (48 hourly points ending here) jumps by 80 and scores 0.97. */
export const NEWEST = new Date('2026-01-10T12:00:00Z');
export const POINTS = 48;

export interface AlertFixture {
  ws: TempWorkspace;
  db: DuckDb;
  store: MetricsTable;
  batch: Batch;
  alert: Alert;
  /** The real alert plot of the store (the PNG the channels attach). */
  plot: AlertPlotter;
  summary: () => Promise<BatchSummary>;
  /** Stores the alert's row as the alert job writes it. */
  recordAlert: () => Promise<void>;
  close(): Promise<void>;
}

/** A batch `shop` with a spiking `cpu` and a steady `disk`, scored, and the anomaly alert of cpu's newest point. */
export async function alertFixture(): Promise<AlertFixture> {
  const ws = await tempMetrics({
    'shop/config.yaml': 'ingest_sql: SELECT 1\nalert_max_n: 48\nmetric_tags: {cpu: {team: infra, unit: "%"}}\n',
  });
  const batch = await loadBatch(ws.metricsDir, 'shop');
  const db = await DuckDb.open(path.join(ws.root, 'metrics.duckdb'));
  const store = new MetricsTable(db, 'metrics');
  const value = (i: number): number => wiggle(i, 'cpu') + (i === POINTS - 1 ? 80 : 0);
  const stamps = await insertSeries(store, 'shop', 'cpu', POINTS, NEWEST, value);
  await insertSeries(store, 'shop', 'disk', POINTS, NEWEST);
  const score = (i: number): number => (i === POINTS - 1 ? 0.97 : 0.1 + (i % 5) / 20);
  await store.insert(stamps.map((ts, i) => ({ metric_timestamp: ts, metric_batch: 'shop', metric_name: 'cpu', metric_type: 'score' as const, metric_value: score(i) })));
  const alert: Alert = {
    kind: 'anomaly',
    batch: 'shop',
    metric: 'cpu',
    timestamp: NEWEST,
    value: value(POINTS - 1),
    score: 0.97,
    smoothedScore: 0.91,
    threshold: 0.8,
    tags: { team: 'infra', unit: '%' },
    recent: stamps.map((ts, i) => ({ timestamp: ts, value: value(i), score: score(i) })),
  };
  return {
    ws,
    db,
    store,
    batch,
    alert,
    plot: (group) => alertPlot(store, batch, group.newest.metric, undefined, group.alerts),
    summary: () => summarizeBatch({ batch, store, now: new Date(NEWEST.getTime() + 30 * 60_000) }),
    recordAlert: async () => {
      await store.insert([{
        metric_timestamp: alert.timestamp, metric_batch: 'shop', metric_name: 'cpu', metric_type: 'alert', metric_value: 1,
        metadata: { score: alert.score, smoothed_score: alert.smoothedScore, threshold: alert.threshold },
      }]);
    },
    close: async () => {
      db.close();
      await ws.cleanup();
    },
  };
}

/** Asserts what every channel's PNG must be: a PNG of the expected size with a chart drawn on it. */
export function checkPlotPng(bytes: Buffer): { width: number; height: number } {
  const image = decodePng(bytes); // throws on a wrong signature or a broken stream
  const { colours, inkedShare } = ink(image);
  if (colours <= 20 || inkedShare <= 0.01 || inkedShare >= 0.5) throw new Error(`the plot looks blank (${colours} colours, ${inkedShare} inked)`);
  return { width: image.width, height: image.height };
}

import { writeFile } from 'node:fs/promises';
import type { Layer } from '../config/layers.ts';
import { loadBatches, type Batch } from '../config/load.ts';
import { backtestBatch, type BacktestResult } from '../jobs/backtest.ts';
import { UsageError } from '../jobs/run.ts';
import type { Reporter } from '../jobs/context.ts';
import { formatTable } from './table.ts';

export interface BacktestCommand {
  metricsDir: string;
  batch: string;
  out: string;
  from?: Date;
  to?: Date;
  now: Date;
  reporter: Reporter;
  /** Caller defaults under the config files (the action's state paths), as runJobs takes them. */
  defaults?: Layer;
}

const HEADER = 'metric_batch,metric_name,metric_timestamp,metric_value,score,alert,change';

/** `anomstack backtest`: replays a batch, writes one CSV row per point and prints alerts per metric and per day. */
export async function runBacktest(command: BacktestCommand): Promise<string> {
  const loaded = await loadBatches(command.metricsDir, { only: [command.batch], ...(command.defaults ? { defaults: command.defaults } : {}) });
  const failure = loaded.failures[0];
  if (failure) throw failure.error;
  const batch = loaded.batches[0];
  if (!batch) throw new UsageError(`no batch named ${command.batch} in ${command.metricsDir}`);
  return backtestToCsv(batch, command);
}

/** Replays a loaded batch into `out` as CSV; returns the summary `anomstack backtest` prints. */
export async function backtestToCsv(batch: Batch, command: Omit<BacktestCommand, 'batch' | 'metricsDir' | 'defaults'>): Promise<string> {
  const started = performance.now();
  const { results, retrainEvery } = await backtestBatch(batch, command);
  await writeFile(command.out, toCsv(batch.name, results));
  const seconds = (performance.now() - started) / 1000;
  const total = results.reduce((n, r) => n + r.points.length, 0);
  return [
    `backtest ${batch.name}: ${total} points of ${results.length} metrics in ${seconds.toFixed(1)} s, retraining every ${retrainEvery} points; wrote ${command.out}`,
    '',
    perMetric(results),
    '',
    perDay(results),
  ].join('\n');
}

function toCsv(batch: string, results: readonly BacktestResult[]): string {
  const lines = [HEADER];
  for (const { metric, points } of results) {
    for (const p of points) {
      lines.push([
        csvField(batch),
        csvField(metric),
        p.timestamp.toISOString().replace('T', ' ').replace(/(\.000)?Z$/, ''),
        String(p.value),
        p.score === null ? '' : p.score.toFixed(6),
        p.alert ? '1' : '0',
        p.change ? '1' : '0',
      ].join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function perMetric(results: readonly BacktestResult[]): string {
  const rows = results.map(({ metric, points }) => [
    metric,
    points.length,
    points.filter((p) => p.score !== null).length,
    points.filter((p) => p.alert).length,
    points.filter((p) => p.change).length,
  ]);
  return formatTable(['metric', 'points', 'scored', 'alerts', 'changes'], rows);
}

function perDay(results: readonly BacktestResult[]): string {
  const days = new Map<string, number>();
  for (const { points } of results) {
    for (const p of points) {
      if (!p.alert) continue;
      const day = p.timestamp.toISOString().slice(0, 10);
      days.set(day, (days.get(day) ?? 0) + 1);
    }
  }
  if (days.size === 0) return 'no alerts';
  const rows = [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, n]) => [day, n, '#'.repeat(Math.min(n, 40))]);
  return formatTable(['day', 'alerts', ''], rows);
}

import { backfill } from '../jobs/backfill.ts';
import type { Reporter } from '../jobs/context.ts';
import { toTimestamp } from '../jobs/ingest.ts';
import { rescoreBatches } from '../jobs/rescore.ts';
import { UsageError } from '../jobs/run.ts';
import { formatTable } from './table.ts';
import type { Layer } from '../config/layers.ts';

export interface WindowCommandOptions {
  metricsDir: string;
  batches: readonly string[];
  /** --from and --to as typed. */
  from: string | undefined;
  to: string | undefined;
  now: Date;
  waitMs: number;
  reporter: Reporter;
  /** Caller defaults under every config file (the action's state folder). */
  defaults?: Layer;
  /** What the messages call the window's bounds: the CLI's `--from` / `--to` by default, the action's inputs there. */
  names?: { from: string; to: string };
}

/**
 * `anomstack backfill` and `anomstack rescore`: checks the window, runs the command and returns its table. Bad
 * usage is a UsageError, which the CLI prints as one line.
 */
export async function windowCommand(command: 'backfill' | 'rescore', options: WindowCommandOptions): Promise<string> {
  const names = options.names ?? { from: '--from', to: '--to' };
  const from = windowBound(command, names.from, options.from);
  const to = windowBound(command, names.to, options.to);
  if (from.getTime() >= to.getTime()) throw new UsageError(`${command}: ${names.from} ${options.from ?? ''} is not before ${names.to} ${options.to ?? ''}`);
  const common = {
    metricsDir: options.metricsDir, batches: options.batches, from, to, now: options.now, waitMs: options.waitMs, reporter: options.reporter,
    ...(options.defaults ? { defaults: options.defaults } : {}),
  };
  if (command === 'backfill') {
    const results = await backfill(common);
    const rows = results.map((r) => [r.batch, r.status, r.slices, r.rows, r.inserted]);
    return formatTable(['batch', 'status', 'slices', 'rows', 'new'], rows);
  }
  const results = await rescoreBatches(common);
  const rows = results.map((r) => [r.batch, r.metrics, r.scoresBefore, r.scoresAfter, r.alertsBefore, r.alertsAfter]);
  return formatTable(['batch', 'metrics', 'scores before', 'scores after', 'alerts before', 'alerts after'], rows);
}

function windowBound(command: string, flag: string, text: string | undefined): Date {
  if (text === undefined) throw new UsageError(`${command} needs ${flag} (e.g. ${flag} 2026-01-01)`);
  const date = toTimestamp(text);
  if (!date) throw new UsageError(`${command}: ${flag} ${text} is not a timestamp (e.g. 2026-01-01 or 2026-01-01T12:00:00Z)`);
  return date;
}

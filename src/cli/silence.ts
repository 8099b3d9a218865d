/**
 * `anomstack silence add|list|expire`: silences kept in each batch's database, muting its alerts on every channel
 * (see src/alerts/silence.ts). The action's `command: silence` runs the same code.
 */
import { ALERT_KINDS } from '../alerts/channel.ts';
import { configSilences, isActive, parseSilenceTime, untilText, type Silence } from '../alerts/silence.ts';
import { isFile } from '../config/discover.ts';
import { parseDuration } from '../config/duration.ts';
import { loadBatches } from '../config/load.ts';
import type { Batch } from '../config/load.ts';
import type { Layer } from '../config/layers.ts';
import { UsageError } from '../jobs/run.ts';
import { DuckDb } from '../store/duckdb.ts';
import { SilenceStore } from '../store/silences.ts';
import { formatTable } from './table.ts';

export const SILENCE_ACTIONS = ['add', 'list', 'expire'] as const;
export type SilenceAction = (typeof SILENCE_ACTIONS)[number];

export interface SilenceOptions {
  metricsDir: string;
  /** Defaults under every config file (the action's state folder as each batch's database). */
  defaults?: Layer;
  batches: readonly string[];
  now: Date;
  waitMs: number;
  /** add: the metric name or `*` pattern. */
  metric?: string;
  /** add: why (required). */
  reason?: string;
  /** add: how long (`7d`), or until when; neither: until expired. */
  for?: string;
  until?: string;
  /** add: only alerts of this kind. */
  kind?: string;
  /** expire: the silence's number (as list shows it). */
  id?: string;
  /** What the messages call each option: the CLI's flags by default, the action's inputs there. */
  names?: Partial<Record<OptionName, string>>;
}

type OptionName = 'batch' | 'metric' | 'reason' | 'for' | 'until' | 'kind' | 'id';

/** The action's inputs for each option, for its messages. */
export const ACTION_INPUT_NAMES: Record<OptionName, string> = {
  batch: 'batches', metric: 'silence-metric', reason: 'silence-reason', for: 'silence-for', until: 'silence-until', kind: 'silence-kind', id: 'silence-id',
};

function nameOf(options: SilenceOptions, option: OptionName): string {
  return options.names?.[option] ?? (option === 'id' ? 'the number' : `--${option}`);
}

/** Runs one silence action and returns what to print; bad usage throws UsageError. */
export async function silenceCommand(action: string, options: SilenceOptions): Promise<string> {
  if (!(SILENCE_ACTIONS as readonly string[]).includes(action)) throw new UsageError(`silence takes ${SILENCE_ACTIONS.join(', ')}, not "${action}"`);
  const { batches } = await loadBatches(options.metricsDir, { only: options.batches, ...(options.defaults ? { defaults: options.defaults } : {}) });
  if (batches.length === 0) throw new UsageError(`no valid batch in ${options.metricsDir}${options.batches.length ? ` named ${options.batches.join(', ')}` : ''}`);
  if (action === 'list') return list(batches, options);
  if (batches.length > 1 && action === 'expire') throw new UsageError(`silence expire needs one ${nameOf(options, 'batch')} NAME (numbers are per batch database)`);
  if (action === 'expire') return expire(only(batches), options);
  if (options.batches.length === 0) throw new UsageError(`silence add needs ${nameOf(options, 'batch')} NAME`);
  const silence = parseAdd(options);
  const lines: string[] = [];
  for (const batch of batches) {
    const added = await withStore(batch, options, (store) => store.add(batch.name, silence, options.now));
    lines.push(`silence #${added.id} on ${batch.name}: ${describe(added)}`);
  }
  return lines.join('\n');
}

function parseAdd(options: SilenceOptions): Omit<Silence, 'source'> {
  if (!options.metric) throw new UsageError(`silence add needs ${nameOf(options, 'metric')} NAME_OR_PATTERN (e.g. checkout_* or *)`);
  if (!options.reason?.trim()) throw new UsageError(`silence add needs ${nameOf(options, 'reason')} TEXT: it is shown with every alert it mutes`);
  if (options.for !== undefined && options.until !== undefined) throw new UsageError(`silence add takes ${nameOf(options, 'for')} or ${nameOf(options, 'until')}, not both`);
  let until: Date | null = null;
  if (options.for !== undefined) {
    const ms = parseDuration(options.for);
    if (ms === null) throw new UsageError(`${nameOf(options, 'for')} ${options.for} is not a duration such as 30m, 12h, 7d or 2w`);
    until = new Date(options.now.getTime() + ms);
  } else if (options.until !== undefined) {
    until = parseSilenceTime(options.until);
    if (!until) throw new UsageError(`${nameOf(options, 'until')} ${options.until} is not a UTC date or time such as 2026-12-24 or 2026-12-24T18:00:00Z`);
    if (until.getTime() <= options.now.getTime()) throw new UsageError(`${nameOf(options, 'until')} ${options.until} has passed already`);
  }
  if (options.kind !== undefined && !(ALERT_KINDS as readonly string[]).includes(options.kind)) {
    throw new UsageError(`${nameOf(options, 'kind')} ${options.kind} is not one of ${ALERT_KINDS.join(', ')}`);
  }
  const kind = options.kind as Silence['kind'];
  return { metric: options.metric, ...(kind ? { kind } : {}), until, reason: options.reason.trim() };
}

async function expire(batch: Batch, options: SilenceOptions): Promise<string> {
  const id = Number(options.id);
  if (!options.id || !Number.isInteger(id) || id < 1) throw new UsageError(options.names ? `silence expire needs ${nameOf(options, 'id')} (the silence's number, as list shows it)` : 'silence expire needs the silence\'s number: anomstack silence expire 3 --batch NAME');
  const ended = await withStore(batch, options, (store) => store.expire(id, options.now));
  if (!ended) throw new UsageError(`${batch.name} has no running silence #${id} (see anomstack silence list --batch ${batch.name})`);
  return `silence #${id} on ${batch.name} expired: its alerts are delivered again from the next run`;
}

async function list(batches: readonly Batch[], options: SilenceOptions): Promise<string> {
  const rows: string[][] = [];
  for (const batch of batches) {
    const row = (id: string, s: Silence, state: string): string[] => [id, batch.name, s.metric, s.kind ?? 'all', untilText(s.until), state, s.reason];
    for (const s of configSilences(batch.config)) rows.push(row('config', s, isActive(s, options.now) ? 'active' : 'ended'));
    // Listing must not create an empty database where none was written yet.
    const stored = (await isFile(batch.config.duckdb_path)) ? await withStore(batch, options, (store) => store.list(batch.name)) : [];
    for (const s of stored) rows.push(row(`#${s.id}`, s, s.expiredAt ? 'expired' : isActive(s, options.now) ? 'active' : 'ended'));
  }
  if (rows.length === 0) return 'no silences (add one with: anomstack silence add --batch NAME --metric PATTERN --for 7d --reason TEXT)';
  return formatTable(['silence', 'batch', 'metric', 'kind', 'until', 'state', 'reason'], rows);
}

function describe(silence: Omit<Silence, 'source'>): string {
  return `${silence.metric}${silence.kind ? ` (${silence.kind} alerts)` : ''} ${untilText(silence.until)}: ${silence.reason}`;
}

function only(batches: readonly Batch[]): Batch {
  const [batch] = batches;
  if (!batch) throw new UsageError('no batch');
  return batch;
}

async function withStore<T>(batch: Batch, options: SilenceOptions, work: (store: SilenceStore) => Promise<T>): Promise<T> {
  const db = await DuckDb.open(batch.config.duckdb_path, { waitMs: options.waitMs });
  try {
    return await work(new SilenceStore(db));
  } finally {
    db.close();
  }
}

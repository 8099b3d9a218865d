import { z } from 'zod';
import { fileSafe } from '../artifacts/file-names.ts';
import { modelFolder } from '../models/model-file.ts';
import type { ArtifactStore } from '../artifacts/store.ts';
import type { BatchConfig } from '../config/schema.ts';
import { ChangeDetector, DEFAULT_CHANGE_PARAMS, MAX_PERIOD, seasonalPeriod, type Change, type ChangeDetectorState } from '../models/changepoint.ts';
import type { Point } from '../store/metrics-table.ts';

/** A change the job decided to report, at one of the newest `change_detect_last_n` points. */
export interface ChangeDecision {
  timestamp: Date;
  value: number;
  change: Change;
  /** When the change began (the detector's onset estimate), at or before `timestamp`. */
  onset: Date;
}

/**
 * A metric's change detection carried from run to run: the detector, which sees every point once, in order, and
 * the timestamps of the points it still holds. The scheduled job and the backtest both move it forward with
 * `advanceChanges`, so a backtest decides exactly what the job would have decided tick by tick.
 */
export interface ChangeStream {
  detector: ChangeDetector;
  /** Timestamps (ms) of the detector's points from index `detector.oldestHeld` on. */
  times: number[];
  /** Index of the last change reported (or recorded by an earlier run), for `change_snooze_n`. */
  lastChange: number | null;
}

/**
 * Points read to start a stream: two reference windows and the longest season before the points it decides on.
 * Older history would not change the newest decisions; `train_max_n` still caps it, as it caps what models see.
 */
export function changeHistoryN(config: BatchConfig): number {
  const needed = 2 * DEFAULT_CHANGE_PARAMS.window + MAX_PERIOD + config.change_detect_last_n + config.change_snooze_n;
  return Math.min(config.train_max_n, needed);
}

/**
 * A new stream for a metric whose newest history is `history`, or null while there is too little of it to tell
 * its cadence (the detector could decide nothing before that anyway). The season follows from the timestamps'
 * spacing, so hourly data is compared with the same hour yesterday; it stays fixed for the stream's life.
 */
export function startStream(history: readonly Point[], config: BatchConfig): ChangeStream | null {
  if (history.length < DEFAULT_CHANGE_PARAMS.minReference) return null;
  const period = seasonalPeriod(history.map((p) => p.timestamp));
  return { detector: new ChangeDetector({ threshold: config.change_threshold, period }), times: [], lastChange: null };
}

/**
 * Feeds `points` (newer than anything fed before, oldest first) to the stream and returns the changes to report:
 * those confirmed at the newest `change_detect_last_n` points fed so far, unless the previous change is within
 * `change_snooze_n` points. `recorded` holds timestamps already stored as changes: they count for the snooze
 * and are not reported again.
 */
export function advanceChanges(stream: ChangeStream, points: readonly Point[], config: BatchConfig, recorded: ReadonlySet<number> = new Set()): ChangeDecision[] {
  const { detector } = stream;
  const firstReportable = detector.pushed + points.length - config.change_detect_last_n;
  const decisions: ChangeDecision[] = [];
  for (const point of points) {
    const index = detector.pushed;
    const time = point.timestamp.getTime();
    stream.times.push(time);
    const found = detector.push(point.value);
    if (recorded.has(time)) {
      stream.lastChange = index;
    } else if (found && index >= firstReportable && (stream.lastChange === null || index - stream.lastChange > config.change_snooze_n)) {
      stream.lastChange = index;
      const onset = stream.times[found.onset - (detector.pushed - stream.times.length)];
      decisions.push({ timestamp: point.timestamp, value: point.value, change: found, onset: new Date(onset ?? time) });
    }
  }
  // The detector forgets what it no longer needs; the timestamps follow it.
  stream.times.splice(0, stream.times.length - (detector.pushed - detector.oldestHeld));
  return decisions;
}

const streamFileSchema = z.object({
  format: z.literal('anomstack-change-stream'),
  version: z.literal(1),
  detector: z.custom<ChangeDetectorState>((v) => typeof v === 'object' && v !== null),
  times: z.array(z.number()),
  lastChange: z.number().nullable(),
});

export function streamKey(batch: string, metric: string): string {
  return `${modelFolder(batch)}/change/${fileSafe(metric)}.json`;
}

/**
 * The metric's saved stream, or null when there is none, it cannot be read, or the batch's `change_threshold`
 * changed since (the stream then starts again from the stored history).
 */
export async function loadStream(
  store: ArtifactStore,
  batch: string,
  metric: string,
  config: BatchConfig,
  warn: (message: string) => void,
): Promise<ChangeStream | null> {
  const key = streamKey(batch, metric);
  const text = await store.read(key);
  if (text === null) return null;
  try {
    const parsed = streamFileSchema.parse(JSON.parse(text));
    if (parsed.detector.params.threshold !== config.change_threshold) return null;
    const detector = ChangeDetector.fromJSON(parsed.detector);
    if (parsed.times.length !== detector.pushed - detector.oldestHeld) throw new Error('timestamps and values out of step');
    return { detector, times: parsed.times, lastChange: parsed.lastChange };
  } catch (error) {
    warn(`change: ${store.location}/${key} is unreadable (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); starting ${metric}'s change detection again from its stored history`);
    return null;
  }
}

export async function saveStream(store: ArtifactStore, batch: string, metric: string, stream: ChangeStream): Promise<void> {
  const detector = stream.detector.toJSON();
  // toJSON may forget a few more old points than push did: keep the timestamps aligned.
  const times = stream.times.slice(stream.times.length - detector.values.length);
  await store.write(streamKey(batch, metric), JSON.stringify({ format: 'anomstack-change-stream', version: 1, detector, times, lastChange: stream.lastChange }));
}

/** The newest timestamp the stream has seen. */
export function streamEnd(stream: ChangeStream): Date | null {
  const last = stream.times.at(-1);
  return last === undefined ? null : new Date(last);
}

/**
 * The silence stage: one model of "do not tell anyone about this" for every channel. Silences come from the batch's
 * `silences:` key, from `anomstack silence add` (kept in the batch's database) and from the triage labels of GitHub
 * issues (`snooze`, `snooze:7d`). A silenced alert is not delivered anywhere, but it is still recorded (its row says
 * which silence muted it), so snoozes, episodes and the report see it.
 */
import { matchesPattern } from '../config/metric-pattern.ts';
import type { Alert, AlertKind } from './channel.ts';

export interface Silence {
  /** A metric name, or a pattern with `*` (`checkout_*`, `*`). */
  metric: string;
  /** Only alerts of this kind; every kind when absent. */
  kind?: AlertKind;
  /** When it ends; null: until someone removes it. */
  until: Date | null;
  reason: string;
  /** Where it was set: `config`, `cli #3`, `github #12`. */
  source: string;
}

/** The batch's `silences:` entries as silences (`until` as validated by the config schema). */
export function configSilences(config: { silences: readonly { metric: string; kind?: AlertKind | undefined; until?: string | undefined; reason: string }[] }): Silence[] {
  return config.silences.map((s) => ({
    metric: s.metric,
    ...(s.kind ? { kind: s.kind } : {}),
    until: s.until ? parseSilenceTime(s.until) : null,
    reason: s.reason,
    source: 'config',
  }));
}

/** Whether the silence mutes alerts at `now`. */
export function isActive(silence: Silence, now: Date): boolean {
  return silence.until === null || now.getTime() < silence.until.getTime();
}

/** The first of `silences` that mutes the alert at `now`, or null. */
export function silenceOf(alert: Pick<Alert, 'metric' | 'kind'>, silences: readonly Silence[], now: Date): Silence | null {
  return silences.find((s) => isActive(s, now) && (!s.kind || s.kind === alert.kind) && matchesPattern(alert.metric, s.metric)) ?? null;
}

/** The alerts to deliver, and those silenced with the silence that muted each. */
export function splitSilenced<A extends Pick<Alert, 'metric' | 'kind'>>(
  alerts: readonly A[],
  silences: readonly Silence[],
  now: Date,
): { loud: A[]; silenced: { alert: A; silence: Silence }[] } {
  const loud: A[] = [];
  const silenced: { alert: A; silence: Silence }[] = [];
  for (const alert of alerts) {
    const silence = silenceOf(alert, silences, now);
    if (silence) silenced.push({ alert, silence });
    else loud.push(alert);
  }
  return { loud, silenced };
}

/** What an alert row's metadata keeps of the silence that muted it. */
export function silenceMetadata(silence: Silence): { reason: string; source: string; until: string | null } {
  return { reason: silence.reason, source: silence.source, until: silence.until?.toISOString() ?? null };
}

/** `until` as written in `silences:` or on the command line: a date or date-time, UTC unless it names a zone. */
export const SILENCE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The instant a SILENCE_TIME text names, or null when it names none. */
export function parseSilenceTime(text: string): Date | null {
  const match = SILENCE_TIME.exec(text.trim());
  if (!match) return null;
  const iso = text.trim().replace(' ', 'T');
  const time = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : match[1] ? iso : `${iso}Z`);
  return Number.isFinite(time.getTime()) ? time : null;
}

/** "until 2026-12-10 00:00 UTC" or "until removed". */
export function untilText(until: Date | null): string {
  return until ? `until ${until.toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'until removed';
}

/**
 * How alerts read, whatever carries them (console, GitHub issues, Slack, email, summaries): titles, evidence,
 * times, numbers, tags and the table of recent points. One wording everywhere.
 */
import { describeRange } from '../models/expected-range.ts';
import type { Alert, AlertKind } from './channel.ts';

/** Each kind's mark and what it says when the alert carries no `detail`. */
export const HEADLINES: Record<AlertKind, { mark: string; says: string }> = {
  anomaly: { mark: '🔥', says: 'looks anomalous' },
  change: { mark: '📈', says: 'changed level' },
  threshold: { mark: '🚨', says: 'crossed its threshold' },
  llm: { mark: '🤖', says: 'looks anomalous to the LLM' },
};

/** Longest LLM explanation shown in a line or an issue; the stored row keeps it whole. */
const EXPLANATION_CHARS = 600;

/** The LLM's explanation on one line and of at most `max` characters, for logs, titles' neighbours and tables. */
export function oneLineExplanation(text: string, max = EXPLANATION_CHARS): string {
  return clip(text.replace(/\s+/g, ' ').trim(), max);
}

/** At most `max` UTF-16 units, marked with "…" where cut, never splitting a surrogate pair (an emoji). */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return `${text.slice(0, cut)}…`;
}

export function formatNumber(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  return Math.abs(value) >= 1e6 || (Math.abs(value) < 1e-3 && value !== 0) ? value.toExponential(3) : String(Math.round(value * 1000) / 1000);
}

export function formatTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * "🔥 CRITICAL [requests] looks anomalous (2026-01-10 12:00 UTC)": Anomstack's alert title, led by the severity
 * level when the pipeline gave one (alert_severity).
 */
export function issueTitle(alert: Alert): string {
  const { mark, says } = HEADLINES[alert.kind];
  const level = alert.severity ? `${alert.severity.level.toUpperCase()} ` : '';
  return `${mark} ${level}[${alert.metric}] ${alert.detail ?? says} (${formatTime(alert.timestamp)})`;
}

/** "2 critical, 3 warning": how many of the alerts are of each level, most severe first; empty when none has one. */
export function severityCounts(alerts: readonly Alert[]): string {
  const counts = new Map<string, { rank: number; n: number }>();
  for (const { severity } of alerts) {
    if (!severity) continue;
    const entry = counts.get(severity.level) ?? { rank: severity.rank, n: 0 };
    counts.set(severity.level, { ...entry, n: entry.n + 1 });
  }
  return [...counts.entries()].sort((a, b) => b[1].rank - a[1].rank).map(([level, { n }]) => `${n} ${level}`).join(', ');
}

/** What made this alert: value, and the score against its threshold for the kinds that have one. */
export function evidence(alert: Alert): string {
  const value = alert.valuesHidden ? 'value not published' : `value ${formatNumber(alert.value)}`;
  if (alert.kind === 'threshold') return `${value} (${alert.detail ?? 'crossed its threshold'})`;
  if (alert.kind === 'llm') return `${value} · LLM: ${alert.explanation ? inert(oneLineExplanation(alert.explanation)) : 'no explanation given'}`;
  const detail = alert.kind === 'change' && alert.detail ? ` (${alert.detail})` : '';
  const range = alert.expected ? ` (${describeRange(alert.value, alert.expected, formatNumber)})` : '';
  return `${value}${range} · ${scoreEvidence(alert, '≥')}${detail}`;
}

/**
 * "score 0.93 ≥ 0.8" (the smoothed score against the threshold); for a point that alerted on its own score, far
 * outside its expected range before the smoothing window filled (alert_extreme_ratio), "score 0.99 ≥ 0.8 at once".
 */
export function scoreEvidence(alert: Alert, atLeast: string): string {
  if (alert.kind !== 'anomaly' || !alert.extreme) return `score ${alert.smoothedScore.toFixed(2)} ${atLeast} ${alert.threshold}`;
  return `score ${alert.score.toFixed(2)} ${atLeast} ${alert.threshold} at once, far outside the expected range`;
}

export function tagPairs(tags: Alert['tags']): string[] {
  return Object.entries(tags).map(([k, v]) => `${k}=${String(v)}`);
}

/** Rows of recent history an alert shows: enough to see the episode, few enough to read on a phone. */
export const RECENT_ROWS = 12;

export interface RecentRow {
  time: string;
  value: string;
  score: string;
  /** The point an alert of the group is about. */
  alerted: boolean;
}

/** The newest `rows` recent points, newest first, formatted for a table; `alerted` holds the times to mark. */
export function recentRows(recent: Alert['recent'], alerted: ReadonlySet<number>, rows = RECENT_ROWS): RecentRow[] {
  return recent
    .slice(-rows)
    .reverse()
    .map((p) => ({
      time: formatTime(p.timestamp),
      value: formatNumber(p.value),
      score: p.score === null ? '' : p.score.toFixed(2),
      alerted: alerted.has(p.timestamp.getTime()),
    }));
}

/**
 * A model's words made inert in Markdown: no @mentions (a zero-width space after each @ keeps GitHub from pinging
 * anyone), no HTML, no hidden comments that could pass for the channel's own markers.
 */
export function inert(text: string): string {
  return text.replaceAll('@', '@\u200b').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

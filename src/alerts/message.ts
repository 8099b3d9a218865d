/** What the Slack and email channels say about alerts: the same parts, laid out by each channel. */
import { fileSafe } from '../artifacts/file-names.ts';
import type { Alert } from './channel.ts';
import { renderedParts, type MessageTemplates } from './templates.ts';
import { insightLine } from './insight-text.ts';
import { evidence, formatTime, HEADLINES, issueTitle, recentRows, RECENT_ROWS, severityCounts } from './alert-text.ts';

/** One metric's new alerts of one kind in a run: one message, titled by the first, with one plot. */
export interface AlertGroup {
  /** Oldest first. */
  alerts: Alert[];
  newest: Alert;
  /** "🔥 [requests] looks anomalous (2026-01-10 12:00 UTC)", Anomstack's alert title, or the batch's title template's. */
  title: string;
  /** The batch's body template rendered for the group (`alert_templates`): shown instead of the alert lines. */
  body?: string;
}

/** How a channel words its messages: the batch's templates for it, and where a template that fails is reported. */
export interface Wording {
  templates?: MessageTemplates | undefined;
  warn?: (message: string) => void;
}

/** Groups alerts by batch, metric and kind, in the order the first of each arrived, each titled (and worded) for the channel. */
export function groupAlerts(alerts: readonly Alert[], wording: Wording = {}): AlertGroup[] {
  const groups = new Map<string, Alert[]>();
  for (const alert of alerts) {
    const key = JSON.stringify([alert.batch, alert.metric, alert.kind]);
    groups.set(key, [...(groups.get(key) ?? []), alert]);
  }
  return [...groups.values()].map((group) => {
    const sorted = [...group].sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
    const first = sorted[0] as Alert;
    const own = renderedParts(sorted, wording.templates, wording.warn);
    return { alerts: sorted, newest: sorted[sorted.length - 1] as Alert, title: own.title ?? issueTitle(first), ...(own.body ? { body: own.body } : {}) };
  });
}

/**
 * The alerts one message carries (see `alert_group_by`): one metric's alerts of one kind, titled as that group is,
 * or a digest of every new alert of a batch's run, titled by how many there are and of which metrics.
 */
export interface AlertDigest {
  title: string;
  groups: AlertGroup[];
}

/** Plots a digest carries (Slack's thread, email's inline images): the first metrics' (the rest are in the report). */
export const DIGEST_PLOTS = 10;

/** Metrics a digest's title names before "and N more". */
const TITLE_METRICS = 3;

export function digestOf(alerts: readonly Alert[], wording: Wording = {}): AlertDigest {
  const groups = groupAlerts(alerts, wording);
  const [first] = groups;
  if (!first || groups.length === 1) return { title: first?.title ?? '', groups };
  const kinds = new Set(groups.map((g) => g.newest.kind));
  const mark = kinds.size === 1 ? HEADLINES[first.newest.kind].mark : '🔔';
  const metrics = [...new Set(groups.map((g) => g.newest.metric))];
  const named = `${metrics.slice(0, TITLE_METRICS).join(', ')}${metrics.length > TITLE_METRICS ? ` and ${metrics.length - TITLE_METRICS} more` : ''}`;
  const newest = Math.max(...alerts.map((a) => a.timestamp.getTime()));
  const levels = severityCounts(alerts);
  return { title: `${mark} ${alerts.length} alerts in ${first.newest.batch}${levels ? ` (${levels})` : ''}: ${named} (${formatTime(new Date(newest))})`, groups };
}

/**
 * One line per alert of the group: when, and the evidence (value, score against the threshold), then the LLM
 * stage's explanation where there is one.
 */
export function alertLines(group: AlertGroup): string[] {
  return group.alerts.map((a) => {
    const insight = insightLine(a);
    return `${formatTime(a.timestamp)}: ${evidence(a)}${insight ? ` · ${insight}` : ''}`;
  });
}

/** Times (ms) of the group's alerts: the rows its tables mark. */
export function alertedTimes(group: AlertGroup): Set<number> {
  return new Set(group.alerts.map((a) => a.timestamp.getTime()));
}

/** The recent rows as a fixed-width text table (plain-text email, Slack code block). */
export function recentTextTable(group: AlertGroup, rows = RECENT_ROWS): string {
  const body = recentRows(group.newest.recent, alertedTimes(group), rows);
  if (body.length === 0) return 'No recent values.';
  const cells = [['time', 'value', 'score', ''], ...body.map((r) => [r.time, r.value, r.score, r.alerted ? '<- alert' : ''])];
  const widths = [0, 1, 2].map((c) => Math.max(...cells.map((row) => (row[c] ?? '').length)));
  return cells
    .map((row) => [(row[0] ?? '').padEnd(widths[0] ?? 0), (row[1] ?? '').padStart(widths[1] ?? 0), (row[2] ?? '').padStart(widths[2] ?? 0), row[3] ?? ''].join('  ').trimEnd())
    .join('\n');
}

/** A file name for the group's plot: safe on every mail client and in Slack, and bounded however long the names. */
export function plotFileName(group: AlertGroup): string {
  const time = group.newest.timestamp.toISOString().slice(0, 16).replace(/[-:]/g, '');
  return `${fileSafe(group.newest.batch)}-${fileSafe(group.newest.metric)}-${time}.png`;
}

/** The PNG attached to an alert message. */
export interface AlertImage {
  png: Buffer;
  width: number;
  height: number;
}

/** Draws a group's plot (the metric's recent points, scores and events); null when there is nothing to draw. */
export type AlertPlotter = (group: AlertGroup) => Promise<AlertImage | null>;

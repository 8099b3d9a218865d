/** The summary job's digest of a batch over a period, and the plain-text form every channel starts from. */
import type { Feedback } from '../store/feedback.ts';
import type { PeriodStats } from '../store/period-stats.ts';
import type { JobTally } from '../store/run-log.ts';
import type { AlertKind } from './channel.ts';
import { formatNumber, formatTime, HEADLINES } from './alert-text.ts';

/** One metric over the period. */
export type SummaryMetric = PeriodStats;

/** An alert, change or threshold alert of the period. */
export interface SummaryEvent {
  metric: string;
  kind: AlertKind;
  timestamp: Date;
  /** What the row's metadata says: the smoothed score, the crossed bound, the direction of the change. */
  detail: string;
}


export interface BatchSummary {
  batch: string;
  /** The period: metric timestamps after `from`, up to `to`. */
  from: Date;
  to: Date;
  totals: { metrics: number; points: number; scored: number; alerts: number; changes: number; tholdalerts: number; llmalerts: number };
  /** Metrics with the highest score of the period first (those alerting before the rest). */
  top: SummaryMetric[];
  /** Metrics that had no new point in the period. */
  silent: string[];
  /** Newest first, at most SUMMARY_EVENTS. */
  events: SummaryEvent[];
  /** How often each job ran in the period, from the run log. */
  jobs: JobTally[];
  feedback: Feedback;
}

/** Rows of top metrics and events a summary lists. */
export const SUMMARY_TOP = 10;
export const SUMMARY_EVENTS = 20;

/** A channel that also delivers the summary job's digest (Slack, email). Separate from AlertChannel, which stays about alerts. */
export interface SummaryChannel {
  readonly name: string;
  /** Throws when the summary could not be delivered, so the next run sends it again. */
  sendSummary(summary: BatchSummary): Promise<void>;
}

export function isSummaryChannel<T extends object>(channel: T): channel is T & SummaryChannel {
  return typeof (channel as Partial<SummaryChannel>).sendSummary === 'function';
}

/** "📊 Anomstack summary: shop, last 24 h", the subject line (Anomstack titles its digest "Anomstack Summary"). */
export function summaryTitle(summary: BatchSummary): string {
  return `📊 Anomstack summary: ${summary.batch}, ${describePeriod(summary)}`;
}

export function describePeriod(summary: Pick<BatchSummary, 'from' | 'to'>): string {
  const hours = Math.round((summary.to.getTime() - summary.from.getTime()) / 3_600_000);
  return hours % 24 === 0 && hours > 24 ? `last ${hours / 24} days` : `last ${hours} h`;
}

/** One line of totals: what the batch did in the period. */
export function totalsLine(summary: BatchSummary): string {
  const t = summary.totals;
  return `${t.metrics} metrics · ${t.points} points ingested · ${t.scored} scored · ${t.alerts} alerts · ${t.changes} changes · ${t.tholdalerts} threshold alerts${t.llmalerts > 0 ? ` · ${t.llmalerts} LLM alerts` : ''}`;
}

export function eventLine(event: SummaryEvent): string {
  return `${HEADLINES[event.kind].mark} ${event.metric} at ${formatTime(event.timestamp)}${event.detail ? ` (${event.detail})` : ''}`;
}

export function jobsLine(summary: BatchSummary): string {
  if (summary.jobs.length === 0) return 'No job ran in the period.';
  return summary.jobs.map((j) => `${j.job} ${j.runs}x${j.failed > 0 ? ` (${j.failed} failed: ${j.lastStatus === 'failed' ? j.lastMessage : 'since recovered'})` : ''}`).join(', ');
}

/** Metrics that went quiet, named up to SUMMARY_TOP of them. */
export function silentLine(summary: BatchSummary): string {
  const named = summary.silent.slice(0, SUMMARY_TOP).join(', ');
  const more = summary.silent.length - SUMMARY_TOP;
  return `No new point in the period: ${named}${more > 0 ? ` and ${more} more` : ''}`;
}

/** The columns of the top-metrics table, formatted. */
export function topRow(m: SummaryMetric): string[] {
  return [
    m.metric,
    String(m.points),
    m.latestAt ? formatTime(m.latestAt) : '',
    formatNumber(m.latestValue),
    m.latestScore === null ? '' : m.latestScore.toFixed(2),
    m.maxScore === null ? '' : m.maxScore.toFixed(2),
    String(m.alerts + m.changes + m.tholdalerts + m.llmalerts),
  ];
}
export const TOP_HEADER = ['metric', 'points', 'latest point', 'value', 'score', 'max score', 'alerts'];

/** The top metrics as a fixed-width text table, names left-aligned and numbers right-aligned. */
export function topTable(summary: BatchSummary): string {
  const rows = [TOP_HEADER, ...summary.top.map(topRow)];
  const widths = TOP_HEADER.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ').trimEnd()).join('\n');
}

/** "Feedback precision: 75% (3 confirmed, 1 false positives)", or null before anyone gave feedback. */
export function precisionLine(summary: BatchSummary): string | null {
  const { precision, confirmed, falsePositives } = summary.feedback;
  return precision === null ? null : `Feedback precision: ${Math.round(precision * 100)}% (${confirmed} confirmed, ${falsePositives} false positives)`;
}

export const NO_EVENTS = 'No alerts, changes or threshold alerts in the period.';

/** The whole summary as plain text: the email's text part, the CLI's output. */
export function summaryText(summary: BatchSummary): string {
  const precision = precisionLine(summary);
  return [
    summaryTitle(summary),
    `${formatTime(summary.from)} to ${formatTime(summary.to)}`,
    '',
    totalsLine(summary),
    `Jobs: ${jobsLine(summary)}`,
    ...(precision ? [precision] : []),
    '',
    summary.events.length > 0 ? 'Alerts:' : NO_EVENTS,
    ...summary.events.map((e) => `  ${eventLine(e)}`),
    ...(summary.top.length > 0 ? ['', 'Top metrics by score:', ...topTable(summary).split('\n').map((line) => `  ${line}`)] : []),
    ...(summary.silent.length > 0 ? ['', silentLine(summary)] : []),
  ].join('\n');
}

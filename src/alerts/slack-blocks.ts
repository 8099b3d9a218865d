/** Block Kit layouts of the Slack channel's messages: an alert group and a batch summary. */
import type { AlertDigest, AlertGroup } from './message.ts';
import { alertLines, recentTextTable } from './message.ts';
import { clip, formatTime, RECENT_ROWS, severityCounts, tagPairs } from './alert-text.ts';
import type { Alert } from './channel.ts';
import { highestSeverity, severityColour } from './severity.ts';
import { eventLine, jobsLine, silentLine, summaryTitle, topTable, totalsLine, type BatchSummary } from './summary-message.ts';

interface Text {
  type: 'mrkdwn' | 'plain_text';
  text: string;
}
export type SlackBlock =
  | { type: 'header'; text: { type: 'plain_text'; text: string; emoji: boolean } }
  | { type: 'section'; text: Text }
  | { type: 'context'; elements: Text[] };

/** Slack's limits: a header's text, a section's text. */
const HEADER_MAX = 150;
const SECTION_MAX = 3000;

/** Slack mrkdwn treats `&`, `<` and `>` as control characters everywhere, code blocks included. */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const header = (text: string): SlackBlock => ({ type: 'header', text: { type: 'plain_text', text: clip(text, HEADER_MAX), emoji: true } });
const section = (mrkdwn: string): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text: clip(mrkdwn, SECTION_MAX) } });
/** A fixed-width block; the closing fence survives clipping. */
const code = (text: string): SlackBlock => section(`\`\`\`${clip(slackEscape(text), SECTION_MAX - 6)}\`\`\``);

/** Title, what alerted (one line per alert), the recent values and scores, the tags. */
export function alertBlocks(group: AlertGroup): SlackBlock[] {
  const { newest } = group;
  const tags = tagPairs(newest.tags);
  return [
    header(group.title),
    section([`batch \`${slackEscape(newest.batch)}\` · metric \`${slackEscape(newest.metric)}\``, ...linesOrBody(group)].join('\n')),
    code(`Last ${Math.min(RECENT_ROWS, newest.recent.length)} points (newest first)\n${recentTextTable(group)}`),
    ...(tags.length > 0 ? [{ type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: clip(tags.map((t) => `\`${slackEscape(t)}\``).join(' '), SECTION_MAX) }] }] : []),
  ];
}

/** The group's alert lines as bullets, or the batch's own words for it (alert_templates), escaped as any text. */
function linesOrBody(group: AlertGroup): string[] {
  return group.body !== undefined ? [slackEscape(group.body)] : alertLines(group).map((l) => `• ${slackEscape(l)}`);
}

/** Slack takes at most 50 blocks a message: the digest's header, a section per metric, and "and N more". */
const DIGEST_SECTIONS = 45;

/** A digest: the title, then each metric's title and alert lines (their plots go into the thread). */
export function digestBlocks(digest: AlertDigest): SlackBlock[] {
  const shown = digest.groups.slice(0, DIGEST_SECTIONS);
  const rest = digest.groups.length - shown.length;
  return [
    header(digest.title),
    ...shown.map((group) => section([`*${slackEscape(group.title)}*`, ...linesOrBody(group)].join('\n'))),
    ...(rest > 0 ? [{ type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: `and ${rest} more metrics (see the report)` }] }] : []),
  ];
}

/** Slack's legacy attachment: here only the severity's colour bar beside a line naming it. */
export interface SlackAttachment {
  color: string;
  fallback: string;
  blocks: SlackBlock[];
}

/** The colour bar of an alert message: the most severe alert's colour, and how many of each level; none without levels. */
export function severityAttachment(alerts: readonly Alert[]): SlackAttachment | null {
  const top = highestSeverity(alerts);
  if (!top) return null;
  const counts = severityCounts(alerts);
  const line = alerts.length === 1 ? `*${top.level.toUpperCase()}*` : `*${top.level.toUpperCase()}* · ${counts}`;
  return { color: severityColour(top), fallback: `severity ${top.level}`, blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: line }] }] };
}

export function summaryBlocks(summary: BatchSummary): SlackBlock[] {
  const events = summary.events.length > 0 ? summary.events.map((e) => `• ${slackEscape(eventLine(e))}`).join('\n') : 'No alerts, changes or threshold alerts.';
  return [
    header(summaryTitle(summary)),
    section(`${formatTime(summary.from)} to ${formatTime(summary.to)}\n*${slackEscape(totalsLine(summary))}*\nJobs: ${slackEscape(jobsLine(summary))}`),
    section(events),
    ...(summary.top.length > 0 ? [code(`Top metrics by score\n${topTable(summary)}`)] : []),
    ...(summary.silent.length > 0 ? [{ type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: clip(slackEscape(silentLine(summary)), SECTION_MAX) }] }] : []),
  ];
}

import type { Alert, AlertKind } from './channel.ts';
import { evidence, formatTime, HEADLINES, inert, recentRows, tagPairs } from './alert-text.ts';
import { insightLine } from './insight-text.ts';
import { DIGEST_MARKER, renderAlertCommentMarker, renderEpisodeMarker, type EpisodeMarker } from './github-markers.ts';

/** Links an issue shows: the workflow run that wrote it and the published report. */
export interface IssueLinks {
  runUrl?: string;
  reportUrl?: string;
  /** The metric's chart image where the report is published (the action's issueChartUrl); no image without it. */
  chartUrl?: (batch: string, metric: string) => string;
}

/** Where a metric's chart is published, by whether its batch runs the plot job (which draws the PNG issues show). */
export type ChartUrl = (batch: string, metric: string, plotted: boolean) => string;

/** The run's links: the chart's address depends on each batch's config, which the batch's channel knows. */
export interface RunLinks extends Omit<IssueLinks, 'chartUrl'> {
  chartUrl?: ChartUrl;
}

export const TRIAGE_LABELS = { snooze: 'snooze', falsePositive: 'false-positive', confirmed: 'confirmed' } as const;

/** The whole body: marker, status, recent values and scores, tags, links, triage help. Re-rendered on each new alert. */
export function issueBody(marker: EpisodeMarker, newest: Alert, links: IssueLinks, words?: string): string {
  const { mark } = HEADLINES[newest.kind];
  const tags = tagPairs(newest.tags).map((pair) => `\`${pair}\``);
  // The published chart has a value axis: none for a batch that keeps its values private.
  const chart = newest.valuesHidden ? null : chartLink(newest.batch, newest.metric, links);
  const insight = insightLine(newest);
  return [
    renderEpisodeMarker(marker),
    `## ${mark} \`${newest.metric}\` ${describeKind(newest.kind)}`,
    '',
    '<!-- anomstack-status -->',
    `**Status:** alerting · ${marker.alerts} alert${marker.alerts === 1 ? '' : 's'} since ${formatTime(new Date(marker.first))} · latest ${formatTime(new Date(marker.last))}`,
    '',
    `**Latest:** ${evidence(newest)}`,
    // The LLM stage's explanation, quoted: the model's words, made inert.
    ...(insight ? ['', `> ${insight}`] : []),
    '<!-- /anomstack-status -->',
    '',
    // The batch's own words for the metric (alert_templates), made inert like any text from outside.
    ...(words !== undefined ? [inert(words), ''] : []),
    `batch \`${newest.batch}\` · metric \`${newest.metric}\`${tags.length ? ` · ${tags.join(' ')}` : ''}`,
    '',
    ...(chart ? [`![${newest.metric} chart](${chart})`, ''] : []),
    recentTable(newest),
    '',
    linksLine(links),
    '',
    '<sub>Triage with labels: `snooze` silences this metric until removed (`snooze:7d` for a week), ' +
      '`false-positive` closes this issue and records the feedback, `confirmed` records that it was real.</sub>',
  ].join('\n');
}

/** One comment per delivery: the new alerts (usually one), marked so a retried create can find it. */
export function alertComment(fp: string, alerts: readonly Alert[], links: IssueLinks, reopened: boolean): string {
  const newest = alerts[alerts.length - 1];
  if (!newest) throw new Error('alertComment needs at least one alert');
  const lead = reopened ? `Reopened: ${describeKind(newest.kind)} again.` : `New alert${alerts.length > 1 ? 's' : ''}:`;
  return [
    renderAlertCommentMarker(fp, newest.timestamp.toISOString()),
    lead,
    ...alerts.map((a) => {
      const insight = insightLine(a);
      return `- ${formatTime(a.timestamp)}: ${evidence(a)}${insight ? ` · ${insight}` : ''}`;
    }),
    ...(links.runUrl ? ['', `[workflow run](${links.runUrl})`] : []),
  ].join('\n');
}

export function recoveryComment(normalPoints: number, links: IssueLinks, cooldown: string): string {
  return [
    `✅ Back to normal: no alert in the last ${normalPoints} points. Closing; this issue reopens if the metric alerts again within ${cooldown}.`,
    ...(links.runUrl ? ['', `[workflow run](${links.runUrl})`] : []),
  ].join('\n');
}

export const FALSE_POSITIVE_COMMENT = 'Closed as a false positive (`false-positive` label); recorded as 👎 feedback for this batch.';

/** One line per mutation the run could not make within max-issue-operations. */
export function digestBody(lines: readonly string[], maxOperations: number, links: RunLinks): string {
  return [
    DIGEST_MARKER,
    `This run reached its limit of ${maxOperations} issue operations (\`max-issue-operations\`). These were not written to their own issues:`,
    '',
    ...lines.map((line) => `- ${line}`),
    '',
    linksLine(links),
  ].join('\n');
}

export const DIGEST_TITLE = '📋 Anomstack: alerts over the issue-operations limit';

function describeKind(kind: AlertKind): string {
  return HEADLINES[kind].says;
}

function recentTable(alert: Alert): string {
  const rows = recentRows(alert.recent, new Set([alert.timestamp.getTime()]));
  if (rows.length === 0) return '_No recent values._';
  return [
    '| time (UTC) | value | score |',
    '| --- | ---: | ---: |',
    ...rows.map((r) => `| ${r.time}${r.alerted ? ' ⬅' : ''} | ${r.value} | ${r.score} |`),
  ].join('\n');
}

function chartLink(batch: string, metric: string, links: IssueLinks): string | null {
  // No guessed default: only the caller knows which files the published report holds.
  return links.chartUrl ? links.chartUrl(batch, metric) : null;
}

function linksLine(links: RunLinks): string {
  const parts = [
    ...(links.runUrl ? [`[workflow run](${links.runUrl})`] : []),
    ...(links.reportUrl ? [`[report](${links.reportUrl})`] : []),
  ];
  return parts.length ? parts.join(' · ') : '';
}

/**
 * The `teams` channel: the alerts of one delivery as one Adaptive Card (version 1.4) posted to a Microsoft Teams
 * webhook, `ANOMSTACK_TEAMS_WEBHOOK_URL`: a Workflows (Power Automate) "when a Teams webhook request is received"
 * URL, which takes `{"type": "message", "attachments": [{"contentType": "application/vnd.microsoft.card.adaptive",
 * "content": <card>}]}`. One metric's alerts make its full card (lines and facts); several metrics' a digest card
 * with a section per metric, as many as fit. The summary job's digest is a card too. No plot: a webhook message is
 * limited to about 28 KB, less than a plot inline as a data URL.
 */
import { describeRange } from '../models/expected-range.ts';
import { clip, evidence, formatNumber, formatTime, HEADLINES, oneLineExplanation, scoreEvidence, tagPairs } from './alert-text.ts';
import type { Alert, AlertChannel, Severity } from './channel.ts';
import { INSIGHT_MARK, moreMetrics } from './digest-parts.ts';
import { highestSeverity } from './severity.ts';
import { digestOf, type AlertDigest, type AlertGroup, type Wording } from './message.ts';
import { isTopSeverity } from './severity.ts';
import { eventLine, jobsLine, NO_EVENTS, precisionLine, silentLine, summaryTitle, topRow, totalsLine, type BatchSummary, type SummaryChannel } from './summary-message.ts';
import { webhookUrl } from './webhook.ts';
import { WebhookPoster } from './webhook-poster.ts';

export const TEAMS_ENV = { url: 'ANOMSTACK_TEAMS_WEBHOOK_URL' } as const;
export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

export interface TeamsSettings {
  url: string;
}

export function teamsSettings(env: NodeJS.ProcessEnv): TeamsSettings {
  return { url: webhookUrl(env, 'teams', TEAMS_ENV.url) };
}

/** Alert lines a card lists, the newest; a longer group's card starts them with "… and N earlier" (well under 28 KB). */
export const TEAMS_MAX_LINES = 20;
/** Metrics a digest card has a section for, before "and N more metrics". */
export const TEAMS_DIGEST_SECTIONS = 20;
/** Alert lines each section of a digest card lists, the newest. */
export const TEAMS_DIGEST_LINES = 5;
/**
 * Most bytes a message may take: Teams refuses a webhook message over about 28 KB, so cards are cut (fewer lines,
 * fewer sections) to stay under this, with room for what Workflows adds.
 */
export const TEAMS_MAX_BYTES = 24_000;
/** Longest text of one run or fact value, and of an insight. */
const TEXT_CHARS = 1_000;
const INSIGHT_CHARS = 400;

type Style = 'attention' | 'warning';

interface TextRun {
  type: 'TextRun';
  text: string;
  weight?: 'Bolder';
  size?: 'Medium';
  italic?: boolean;
  color?: Style;
}
type CardElement =
  | { type: 'RichTextBlock'; inlines: TextRun[]; spacing?: 'Small' | 'Medium' }
  | { type: 'FactSet'; facts: { title: string; value: string }[]; spacing?: 'Medium' }
  | { type: 'Container'; items: CardElement[]; style?: Style | 'emphasis'; bleed?: boolean; separator?: boolean; spacing?: 'Medium' };

export interface AdaptiveCard {
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  type: 'AdaptiveCard';
  version: '1.4';
  body: CardElement[];
  msteams: { width: 'Full' };
}

export interface TeamsMessage {
  type: 'message';
  attachments: [{ contentType: typeof ADAPTIVE_CARD; contentUrl: null; content: AdaptiveCard }];
}

/**
 * Markdown made inert for a fact's value (Teams renders Markdown there: links, bold, italics, lists; never HTML):
 * each Markdown character escaped, `<` and `>` too, and an `@` cannot start a mention.
 */
export function teamsText(text: string): string {
  return text
    .replace(/[\\`*_~[\]<>{}]/g, '\\$&')
    .replace(/^(\s*)([-+]|\d+\.)(?=\s)/gm, '$1\\$2')
    .replaceAll('@', '@\u200b');
}

/** The style of a severity: "attention" for the batch's top level, "warning" for the others (and without one). */
export function teamsStyle(severity: Severity | undefined): Style {
  return isTopSeverity(severity) ? 'attention' : 'warning';
}

/** Plain text (a TextRun shows no Markdown, no HTML, and mentions nobody), bounded. */
const run = (text: string, extra: Omit<TextRun, 'type' | 'text'> = {}): TextRun => ({ type: 'TextRun', text: clip(text, TEXT_CHARS), ...extra });
const plain = (text: string, extra: Omit<TextRun, 'type' | 'text'> = {}): CardElement => ({ type: 'RichTextBlock', inlines: [run(text, extra)], spacing: 'Small' });
/** The card's title in a band of the severity's style. */
const banner = (title: string, style: Style | 'emphasis'): CardElement => ({
  type: 'Container',
  style,
  bleed: true,
  items: [{ type: 'RichTextBlock', inlines: [run(title, { weight: 'Bolder', size: 'Medium' })] }],
});
const factSet = (facts: { title: string; value: string }[]): CardElement => ({
  type: 'FactSet',
  facts: facts.map(({ title, value }) => ({ title: teamsText(clip(title, TEXT_CHARS)), value: teamsText(clip(value, TEXT_CHARS)) })),
  spacing: 'Medium',
});

/** An alert's line and, under it, the pipeline's insight (the model's words, shown as plain text). */
function alertElements(alert: Alert): CardElement[] {
  const insight = alert.insight === undefined ? '' : oneLineExplanation(alert.insight, INSIGHT_CHARS);
  return [plain(`${formatTime(alert.timestamp)}: ${evidence(alert)}`), ...(insight ? [plain(`${INSIGHT_MARK} ${insight}`, { italic: true })] : [])];
}

/** The newest `max` alerts' lines, after "… and N earlier" when there are more. */
function linesOf(group: AlertGroup, max: number): CardElement[] {
  // The batch's own words for the metric (alert_templates) stand in for the lines.
  if (group.body !== undefined) return max > 0 ? [plain(clip(group.body, max * 200))] : [];
  const shown = max > 0 ? group.alerts.slice(-max) : [];
  const more = group.alerts.length - shown.length;
  return [...(more > 0 ? [plain(`… and ${more} earlier`)] : []), ...shown.flatMap(alertElements)];
}

function card(body: CardElement[]): AdaptiveCard {
  return { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4', body, msteams: { width: 'Full' } };
}

const messageBytes = (content: AdaptiveCard): number => Buffer.byteLength(JSON.stringify(teamsMessage(content)), 'utf8');

/** The largest `n` from `max` down to 0 whose card fits TEAMS_MAX_BYTES (0 when none does). */
function fitted(max: number, build: (n: number) => AdaptiveCard): AdaptiveCard {
  for (let n = max; n > 0; n--) {
    const built = build(n);
    if (messageBytes(built) <= TEAMS_MAX_BYTES) return built;
  }
  return build(0);
}

/**
 * One metric's card: the title in a band of its severity's style, one line per alert (and its insight), and the
 * newest alert's facts. Title and lines are TextRuns, which Teams shows as plain text (no Markdown): metric names
 * and the model's words arrive exactly as written, and inert.
 */
export function teamsCard(group: AlertGroup): AdaptiveCard {
  const severity = highestSeverity(group.alerts);
  return fitted(TEAMS_MAX_LINES, (lines) => card([
    banner(group.title, teamsStyle(severity)),
    ...linesOf(group, lines),
    factSet(facts(group.newest, severity)),
  ]));
}

/**
 * A digest's card: its title in a band of the highest severity's style, then a section per metric (its title in its
 * severity's colour, its newest lines and their insights), as many as fit, then "and N more metrics".
 */
export function teamsDigestCard(digest: AlertDigest): AdaptiveCard {
  const section = (group: AlertGroup): CardElement => {
    // The group's title names its severity (issueTitle); its colour says it too.
    const style = teamsStyle(highestSeverity(group.alerts));
    return {
      type: 'Container',
      separator: true,
      spacing: 'Medium',
      items: [{ type: 'RichTextBlock', inlines: [run(group.title, { weight: 'Bolder', color: style })] }, ...linesOf(group, TEAMS_DIGEST_LINES)],
    };
  };
  const style = teamsStyle(highestSeverity(digest.groups.flatMap((g) => g.alerts)));
  return fitted(Math.min(TEAMS_DIGEST_SECTIONS, digest.groups.length), (sections) => {
    const rest = digest.groups.length - sections;
    return card([
      banner(digest.title, style),
      ...digest.groups.slice(0, sections).map(section),
      ...(rest > 0 ? [plain(moreMetrics(rest), { italic: true })] : []),
    ]);
  });
}

/** The newest alert in facts: what, where, when, how severe, the value against its range, the score, the tags. */
function facts(alert: Alert, severity: Severity | undefined): { title: string; value: string }[] {
  const tags = tagPairs(alert.tags);
  const score = alert.kind === 'anomaly' || alert.kind === 'change' ? [{ title: 'Score', value: scoreEvidence(alert, '≥') }] : [];
  return [
    { title: 'Batch', value: alert.batch },
    { title: 'Metric', value: alert.metric },
    { title: 'Kind', value: `${HEADLINES[alert.kind].mark} ${alert.kind}` },
    ...(severity ? [{ title: 'Severity', value: severity.level }] : []),
    { title: 'Time', value: formatTime(alert.timestamp) },
    { title: 'Value', value: formatNumber(alert.value) },
    ...(alert.expected ? [{ title: 'Expected', value: describeRange(alert.value, alert.expected, formatNumber) }] : []),
    ...score,
    ...(alert.detail ? [{ title: 'Detail', value: alert.detail }] : []),
    ...(tags.length > 0 ? [{ title: 'Tags', value: tags.join(', ') }] : []),
  ];
}

/** The summary job's digest: the period, totals, jobs, the period's alerts, the top metrics and the silent ones. */
export function teamsSummaryCard(summary: BatchSummary): AdaptiveCard {
  const precision = precisionLine(summary);
  const top = summary.top.map((m) => {
    const [metric = '', points, latestAt, value, score, maxScore, alerts] = topRow(m);
    return { title: metric, value: `max score ${maxScore || 'n/a'} · latest ${value}${score ? ` (score ${score})` : ''}${latestAt ? ` at ${latestAt}` : ''} · ${points} points · ${alerts} alerts` };
  });
  return card([
    banner(summaryTitle(summary), 'emphasis'),
    plain(`${formatTime(summary.from)} to ${formatTime(summary.to)}`),
    plain(totalsLine(summary), { weight: 'Bolder' }),
    plain(`Jobs: ${jobsLine(summary)}`),
    ...(precision ? [plain(precision)] : []),
    ...(summary.events.length > 0 ? [plain('Alerts', { weight: 'Bolder' }), ...summary.events.map((e) => plain(eventLine(e)))] : [plain(NO_EVENTS)]),
    ...(top.length > 0 ? [plain('Top metrics by score', { weight: 'Bolder' }), factSet(top)] : []),
    ...(summary.silent.length > 0 ? [plain(silentLine(summary))] : []),
  ]);
}

export function teamsMessage(content: AdaptiveCard): TeamsMessage {
  return { type: 'message', attachments: [{ contentType: ADAPTIVE_CARD, contentUrl: null, content }] };
}

export class TeamsChannel implements AlertChannel, SummaryChannel {
  readonly name = 'teams';
  private readonly poster: WebhookPoster;
  private readonly wording: Wording;

  constructor(settings: TeamsSettings, options: { timeoutMs?: number; wording?: Wording }) {
    this.poster = new WebhookPoster('teams', settings.url, options.timeoutMs);
    this.wording = options.wording ?? {};
  }

  /** One card for the alerts (the deliver stage groups them, see `alert_group_by`): one metric's, or a digest. */
  async send(alerts: readonly Alert[]): Promise<void> {
    const digest = digestOf(alerts, this.wording);
    const [only] = digest.groups;
    if (!only) return;
    await this.poster.postJson(digest.title, teamsMessage(digest.groups.length === 1 ? teamsCard(only) : teamsDigestCard(digest)));
  }

  async sendSummary(summary: BatchSummary): Promise<void> {
    await this.poster.postJson(summaryTitle(summary), teamsMessage(teamsSummaryCard(summary)));
  }
}

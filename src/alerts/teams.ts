/**
 * The `teams` channel: each metric's new alerts as one Adaptive Card (version 1.4) posted to a Microsoft Teams
 * webhook, `ANOMSTACK_TEAMS_WEBHOOK_URL`: a Workflows (Power Automate) "when a Teams webhook request is received"
 * URL, which takes `{"type": "message", "attachments": [{"contentType": "application/vnd.microsoft.card.adaptive",
 * "content": <card>}]}`. No plot: a webhook message is limited to about 28 KB, less than a plot inline as a data URL.
 */
import { describeRange } from '../models/expected-range.ts';
import { evidence, formatNumber, formatTime, HEADLINES, scoreEvidence, tagPairs } from './alert-text.ts';
import type { Alert, AlertChannel } from './channel.ts';
import { groupAlerts, type AlertGroup } from './message.ts';
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

interface TextRun {
  type: 'TextRun';
  text: string;
  weight?: 'Bolder';
  size?: 'Medium';
}
type CardElement =
  | { type: 'RichTextBlock'; inlines: TextRun[]; spacing?: 'Small' }
  | { type: 'FactSet'; facts: { title: string; value: string }[]; spacing?: 'Medium' };

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

/**
 * Title, one line per alert, and the newest alert's facts. Title and lines are TextRuns, which Teams shows as plain
 * text (no Markdown): metric names and LLM explanations arrive exactly as written, and inert.
 */
export function teamsCard(group: AlertGroup): AdaptiveCard {
  const { newest } = group;
  const lines = group.alerts.slice(-TEAMS_MAX_LINES).map((a) => `${formatTime(a.timestamp)}: ${evidence(a)}`);
  const more = group.alerts.length - lines.length;
  const plain = (text: string): CardElement => ({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text }], spacing: 'Small' });
  return {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body: [
      { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: group.title, weight: 'Bolder', size: 'Medium' }] },
      ...(more > 0 ? [plain(`… and ${more} earlier`)] : []),
      ...lines.map(plain),
      { type: 'FactSet', facts: facts(newest).map(({ title, value }) => ({ title, value: teamsText(value) })), spacing: 'Medium' },
    ],
    msteams: { width: 'Full' },
  };
}

/** The newest alert in facts: what, where, when, the value against its range, the score, the tags. */
function facts(alert: Alert): { title: string; value: string }[] {
  const tags = tagPairs(alert.tags);
  const score = alert.kind === 'anomaly' || alert.kind === 'change' ? [{ title: 'Score', value: scoreEvidence(alert, '≥') }] : [];
  return [
    { title: 'Batch', value: alert.batch },
    { title: 'Metric', value: alert.metric },
    { title: 'Kind', value: `${HEADLINES[alert.kind].mark} ${alert.kind}` },
    { title: 'Time', value: formatTime(alert.timestamp) },
    { title: 'Value', value: formatNumber(alert.value) },
    ...(alert.expected ? [{ title: 'Expected', value: describeRange(alert.value, alert.expected, formatNumber) }] : []),
    ...score,
    ...(alert.detail ? [{ title: 'Detail', value: alert.detail }] : []),
    ...(tags.length > 0 ? [{ title: 'Tags', value: tags.join(', ') }] : []),
  ];
}

export function teamsMessage(group: AlertGroup): TeamsMessage {
  return { type: 'message', attachments: [{ contentType: ADAPTIVE_CARD, contentUrl: null, content: teamsCard(group) }] };
}

export class TeamsChannel implements AlertChannel {
  readonly name = 'teams';
  private readonly poster: WebhookPoster;

  constructor(settings: TeamsSettings, options: { timeoutMs?: number }) {
    this.poster = new WebhookPoster('teams', settings.url, options.timeoutMs);
  }

  /** One card per group; stops at the first that fails (the send throws). */
  async send(alerts: readonly Alert[]): Promise<void> {
    for (const group of groupAlerts(alerts)) {
      await this.poster.postJson(group.title, teamsMessage(group));
    }
  }
}

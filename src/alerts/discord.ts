/**
 * The `discord` channel: the alerts of one delivery as one message to a Discord webhook, `ANOMSTACK_DISCORD_WEBHOOK_URL`
 * (channel settings, Integrations, Webhooks). One metric's alerts: the title as the message's text and an embed with
 * one line per alert and the tags. Several metrics' (a digest): the digest's title as the text and an embed per
 * metric, up to Discord's 10 (then "and N more metrics" in the text). Plots, when there are, go with the message as
 * files the embeds show (multipart/form-data: `payload_json` and `files[n]`). The summary job's digest is one
 * message too. Nothing in it can ping anyone: `allowed_mentions` parses no mentions.
 */
import { clip, evidence, formatTime, oneLineExplanation, tagPairs } from './alert-text.ts';
import type { Alert, AlertChannel, AlertKind, Severity } from './channel.ts';
import { INSIGHT_MARK, moreMetrics } from './digest-parts.ts';
import { highestSeverity } from './severity.ts';
import { digestOf, plotFileName, type AlertDigest, type AlertGroup, type AlertImage, type AlertPlotter, type Wording } from './message.ts';
import { severityColour } from './severity.ts';
import { eventLine, jobsLine, NO_EVENTS, precisionLine, silentLine, summaryTitle, topTable, totalsLine, type BatchSummary, type SummaryChannel } from './summary-message.ts';
import { webhookUrl } from './webhook.ts';
import { WebhookPoster } from './webhook-poster.ts';

export const DISCORD_ENV = { url: 'ANOMSTACK_DISCORD_WEBHOOK_URL' } as const;

/**
 * Discord's limits on a webhook message (it refuses a longer one outright): `embedTotal` is what every embed's
 * title, description, field names and values and footer may add up to, in one message; `files` how many files.
 */
export const DISCORD_LIMITS = { content: 2000, embeds: 10, title: 256, description: 4096, fieldValue: 1024, embedTotal: 6000, files: 10 } as const;
/** Most bytes of plots one message carries: well under the 10 MB a server without boosts takes (25 MB with). */
export const DISCORD_MAX_FILE_BYTES = 8_000_000;
/** Alert lines each embed of a digest lists, the newest. */
export const DISCORD_DIGEST_LINES = 5;
const INSIGHT_CHARS = 400;
const FOOTER = 'anomstack';

export interface DiscordSettings {
  url: string;
}

export function discordSettings(env: NodeJS.ProcessEnv): DiscordSettings {
  return { url: webhookUrl(env, 'discord', DISCORD_ENV.url) };
}

export interface DiscordEmbed {
  title: string;
  description: string;
  color: number;
  timestamp: string;
  fields: { name: string; value: string; inline: boolean }[];
  footer: { text: string };
  image?: { url: string };
}

export interface DiscordAttachment {
  id: number;
  filename: string;
  description: string;
}

export interface DiscordMessage {
  content: string;
  embeds: DiscordEmbed[];
  allowed_mentions: { parse: [] };
  attachments?: DiscordAttachment[];
}

/** Each kind's embed colour when an alert has no severity: red for anomalies and crossed thresholds, amber for changes, purple for the LLM's. */
const COLORS: Record<AlertKind, number> = { anomaly: 0xd93f0b, change: 0xfbca04, threshold: 0xb60205, llm: 0x8250df };
/** The summary's embed colour (Discord's blurple). */
const SUMMARY_COLOR = 0x5865f2;

/** The embed colour of a group: its highest severity's (as Slack colours its bar), else its kind's. */
export function discordColour(severity: Severity | undefined, kind: AlertKind): number {
  return severity ? Number.parseInt(severityColour(severity).slice(1), 16) : COLORS[kind];
}

/**
 * Markdown and mentions made inert: Markdown characters escaped with a backslash (Discord's own escape), a line
 * that would start a heading, quote or list escaped, and a zero-width space after each `@` (`@everyone` stays
 * text even where allowed_mentions is not honoured).
 */
export function discordText(text: string): string {
  return text
    .replace(/[\\`*_~|<>[\]]/g, '\\$&')
    .replace(/^(\s*)(#|-|\+|\d+\.)/gm, '$1\\$2')
    .replaceAll('@', '@\u200b');
}

/** A name Discord keeps as it is, for `attachment://` to find: letters, digits, `.`, `_` and `-` only. */
export function discordFileName(group: AlertGroup): string {
  return plotFileName(group).replace(/[^A-Za-z0-9._-]/g, '_');
}

/** The alert's line and, under it, the pipeline's insight (the model's words, escaped). */
function alertLines(alert: Alert): string[] {
  const insight = alert.insight === undefined ? '' : oneLineExplanation(alert.insight, INSIGHT_CHARS);
  return [`• ${formatTime(alert.timestamp)}: ${discordText(evidence(alert))}`, ...(insight ? [`  ${INSIGHT_MARK} ${discordText(insight)}`] : [])];
}

/** "batch **shop** · metric **cpu** · severity **critical**". */
function whereLine(group: AlertGroup, severity: Severity | undefined): string {
  const { newest } = group;
  return `batch **${discordText(newest.batch)}** · metric **${discordText(newest.metric)}**${severity ? ` · severity **${discordText(severity.level)}**` : ''}`;
}

const attachmentOf = (group: AlertGroup, filename: string, id: number): DiscordAttachment => ({
  id,
  filename,
  description: `${clip(group.newest.metric, 900)}: recent values and anomaly scores`,
});

/** The message for one metric's alerts; `image` names the attached plot, shown in the embed. */
export function discordMessage(group: AlertGroup, image: string | null): DiscordMessage {
  const { newest } = group;
  const severity = highestSeverity(group.alerts);
  const tags = tagPairs(newest.tags);
  const description = [whereLine(group, severity), ...(group.body !== undefined ? [discordText(group.body)] : group.alerts.flatMap(alertLines))].join('\n');
  return {
    content: clip(discordText(group.title), DISCORD_LIMITS.content),
    embeds: [{
      title: clip(discordText(`${newest.metric} (${newest.batch})`), DISCORD_LIMITS.title),
      description: clip(description, DISCORD_LIMITS.description),
      color: discordColour(severity, newest.kind),
      timestamp: newest.timestamp.toISOString(),
      fields: tags.length > 0 ? [{ name: 'Tags', value: clip(discordText(tags.join(' · ')), DISCORD_LIMITS.fieldValue), inline: false }] : [],
      footer: { text: FOOTER },
      ...(image ? { image: { url: `attachment://${image}` } } : {}),
    }],
    allowed_mentions: { parse: [] },
    ...(image ? { attachments: [attachmentOf(group, image, 0)] } : {}),
  };
}

/**
 * A digest's message: its title (and "and N more metrics") as the text, and an embed per metric, the first
 * DISCORD_LIMITS.embeds, each titled as that metric's message is and coloured by its severity, with its newest lines
 * and their insights, and its tags. The embeds share Discord's 6000 characters evenly. `images` names each shown metric's
 * attached plot, in order (null where there is none).
 */
export function discordDigestMessage(digest: AlertDigest, images: readonly (string | null)[] = []): DiscordMessage {
  const shown = digest.groups.slice(0, DISCORD_LIMITS.embeds);
  const rest = digest.groups.length - shown.length;
  const more = rest > 0 ? `\n${moreMetrics(rest)}` : '';
  // A margin per embed for what Discord may count that is not measured here.
  const budget = Math.floor(DISCORD_LIMITS.embedTotal / Math.max(1, shown.length)) - 10;
  const part = Math.floor(budget / 4);
  const embeds = shown.map((group, index): DiscordEmbed => {
    const { newest } = group;
    const severity = highestSeverity(group.alerts);
    const tags = tagPairs(newest.tags);
    const lines = group.alerts.slice(-DISCORD_DIGEST_LINES);
    const earlier = group.alerts.length - lines.length;
    const title = clip(discordText(group.title), Math.min(DISCORD_LIMITS.title, part));
    const fields = tags.length > 0 ? [{ name: 'Tags', value: clip(discordText(tags.join(' · ')), Math.min(DISCORD_LIMITS.fieldValue, part)), inline: false }] : [];
    const used = title.length + FOOTER.length + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
    // The title names the metric and its severity (issueTitle), the digest's text the batch: the lines follow.
    const description = group.body !== undefined
      ? discordText(group.body)
      : [...(earlier > 0 ? [`… and ${earlier} earlier`] : []), ...lines.flatMap(alertLines)].join('\n');
    const image = images[index] ?? null;
    return {
      title,
      description: clip(description, Math.min(DISCORD_LIMITS.description, budget - used)),
      color: discordColour(severity, newest.kind),
      timestamp: newest.timestamp.toISOString(),
      fields,
      footer: { text: FOOTER },
      ...(image ? { image: { url: `attachment://${image}` } } : {}),
    };
  });
  const attachments = shown.flatMap((group, index) => {
    const image = images[index] ?? null;
    return image ? [{ group, image }] : [];
  }).map(({ group, image }, id) => attachmentOf(group, image, id));
  return {
    content: `${clip(discordText(digest.title), DISCORD_LIMITS.content - more.length)}${more}`,
    embeds,
    allowed_mentions: { parse: [] },
    ...(attachments.length > 0 ? { attachments } : {}),
  };
}

/** Text for a code block: no backtick can close it, no `@` mention anyone. */
const codeText = (text: string): string => text.replaceAll('`', 'ˋ').replaceAll('@', '@\u200b');

/** The summary job's digest: the period, totals and jobs, the period's alerts, the top metrics as a table, the silent ones. */
export function discordSummaryMessage(summary: BatchSummary): DiscordMessage {
  const title = summaryTitle(summary);
  const precision = precisionLine(summary);
  const description = [
    `${formatTime(summary.from)} to ${formatTime(summary.to)}`,
    `**${discordText(totalsLine(summary))}**`,
    `Jobs: ${discordText(jobsLine(summary))}`,
    ...(precision ? [discordText(precision)] : []),
    '',
    ...(summary.events.length > 0 ? summary.events.map((e) => `• ${discordText(eventLine(e))}`) : [NO_EVENTS]),
  ].join('\n');
  const fence = '```';
  const fields = [
    ...(summary.top.length > 0 ? [{ name: 'Top metrics by score', value: `${fence}\n${clip(codeText(topTable(summary)), DISCORD_LIMITS.fieldValue - 8)}\n${fence}`, inline: false }] : []),
    ...(summary.silent.length > 0 ? [{ name: 'Silent', value: clip(discordText(silentLine(summary)), DISCORD_LIMITS.fieldValue), inline: false }] : []),
  ];
  return {
    content: clip(discordText(title), DISCORD_LIMITS.content),
    embeds: [{
      title: clip(discordText(title), DISCORD_LIMITS.title),
      // Title, fields and footer take at most 256 + 2 * 1050 + 9: the description keeps the rest of the 6000.
      description: clip(description, 3_500),
      color: SUMMARY_COLOR,
      timestamp: summary.to.toISOString(),
      fields,
      footer: { text: FOOTER },
    }],
    allowed_mentions: { parse: [] },
  };
}

export interface DiscordChannelOptions {
  plot: AlertPlotter;
  timeoutMs?: number;
  wording?: Wording;
}

export class DiscordChannel implements AlertChannel, SummaryChannel {
  readonly name = 'discord';
  private readonly poster: WebhookPoster;
  private readonly plot: AlertPlotter;
  private readonly wording: Wording;

  constructor(settings: DiscordSettings, options: DiscordChannelOptions) {
    this.poster = new WebhookPoster('discord', settings.url, options.timeoutMs);
    this.plot = options.plot;
    this.wording = options.wording ?? {};
  }

  /**
   * One message for the alerts (the deliver stage groups them, see `alert_group_by`): one metric's with its plot, or
   * a digest with the plots of the metrics it shows, as many as DISCORD_MAX_FILE_BYTES takes.
   */
  async send(alerts: readonly Alert[]): Promise<void> {
    const digest = digestOf(alerts, this.wording);
    const [only] = digest.groups;
    if (!only) return;
    const shown = digest.groups.slice(0, digest.groups.length === 1 ? 1 : DISCORD_LIMITS.embeds);
    const files: { name: string; image: AlertImage }[] = [];
    const names: (string | null)[] = [];
    let bytes = 0;
    for (const [index, group] of shown.entries()) {
      const image = files.length < DISCORD_LIMITS.files ? await this.plot(group) : null;
      if (!image || bytes + image.png.length > DISCORD_MAX_FILE_BYTES) {
        names.push(null);
        continue;
      }
      const base = discordFileName(group);
      // Names that differ only in characters Discord does not keep come out the same: number the later ones.
      const name = names.includes(base) ? `${index}-${base}` : base;
      bytes += image.png.length;
      files.push({ name, image });
      names.push(name);
    }
    const message = digest.groups.length === 1 ? discordMessage(only, names[0] ?? null) : discordDigestMessage(digest, names);
    if (files.length === 0) {
      await this.poster.postJson(digest.title, message);
      return;
    }
    const form = new FormData();
    form.append('payload_json', JSON.stringify(message));
    for (const [id, { name, image }] of files.entries()) form.append(`files[${id}]`, new Blob([new Uint8Array(image.png)], { type: 'image/png' }), name);
    await this.poster.post(digest.title, form);
  }

  async sendSummary(summary: BatchSummary): Promise<void> {
    await this.poster.postJson(summaryTitle(summary), discordSummaryMessage(summary));
  }
}

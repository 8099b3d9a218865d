/**
 * The `discord` channel: each metric's new alerts as one message to a Discord webhook, `ANOMSTACK_DISCORD_WEBHOOK_URL`
 * (channel settings, Integrations, Webhooks): the title as the message's text and an embed with one line per alert
 * and the tags; the plot, when there is one, goes with it as a file shown in the embed (multipart/form-data:
 * `payload_json` and `files[0]`). Nothing in it can ping anyone: `allowed_mentions` parses no mentions.
 */
import { clip, evidence, formatTime, tagPairs } from './alert-text.ts';
import type { Alert, AlertChannel, AlertKind } from './channel.ts';
import { groupAlerts, plotFileName, type AlertGroup, type AlertPlotter } from './message.ts';
import { webhookUrl } from './webhook.ts';
import { WebhookPoster } from './webhook-poster.ts';

export const DISCORD_ENV = { url: 'ANOMSTACK_DISCORD_WEBHOOK_URL' } as const;

/** Discord's limits on a webhook message (it refuses a longer one outright). */
export const DISCORD_LIMITS = { content: 2000, embeds: 10, title: 256, description: 4096, fieldValue: 1024 } as const;

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

export interface DiscordMessage {
  content: string;
  embeds: DiscordEmbed[];
  allowed_mentions: { parse: [] };
  attachments?: { id: number; filename: string; description: string }[];
}

/** Each kind's embed colour: red for anomalies and crossed thresholds, amber for changes, purple for the LLM's. */
const COLORS: Record<AlertKind, number> = { anomaly: 0xd93f0b, change: 0xfbca04, threshold: 0xb60205, llm: 0x8250df };

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

/** The message for a group; `image` names the attached plot, shown in the embed. */
export function discordMessage(group: AlertGroup, image: string | null): DiscordMessage {
  const { newest } = group;
  const tags = tagPairs(newest.tags);
  const lines = group.alerts.map((a: Alert) => `• ${formatTime(a.timestamp)}: ${discordText(evidence(a))}`);
  const description = [`batch **${discordText(newest.batch)}** · metric **${discordText(newest.metric)}**`, ...lines].join('\n');
  return {
    content: clip(discordText(group.title), DISCORD_LIMITS.content),
    embeds: [{
      title: clip(discordText(`${newest.metric} (${newest.batch})`), DISCORD_LIMITS.title),
      description: clip(description, DISCORD_LIMITS.description),
      color: COLORS[newest.kind],
      timestamp: newest.timestamp.toISOString(),
      fields: tags.length > 0 ? [{ name: 'Tags', value: clip(discordText(tags.join(' · ')), DISCORD_LIMITS.fieldValue), inline: false }] : [],
      footer: { text: 'anomstack' },
      ...(image ? { image: { url: `attachment://${image}` } } : {}),
    }],
    allowed_mentions: { parse: [] },
    ...(image ? { attachments: [{ id: 0, filename: image, description: `${clip(newest.metric, 900)}: recent values and anomaly scores` }] } : {}),
  };
}

export interface DiscordChannelOptions {
  plot: AlertPlotter;
  timeoutMs?: number;
}

export class DiscordChannel implements AlertChannel {
  readonly name = 'discord';
  private readonly poster: WebhookPoster;
  private readonly plot: AlertPlotter;

  constructor(settings: DiscordSettings, options: DiscordChannelOptions) {
    this.poster = new WebhookPoster('discord', settings.url, options.timeoutMs);
    this.plot = options.plot;
  }

  /** One message per group, with its plot when there is one; stops at the first that fails (the send throws). */
  async send(alerts: readonly Alert[]): Promise<void> {
    for (const group of groupAlerts(alerts)) {
      const image = await this.plot(group);
      if (!image) {
        await this.poster.postJson(group.title, discordMessage(group, null));
        continue;
      }
      const name = discordFileName(group);
      const form = new FormData();
      form.append('payload_json', JSON.stringify(discordMessage(group, name)));
      form.append('files[0]', new Blob([new Uint8Array(image.png)], { type: 'image/png' }), name);
      await this.poster.post(group.title, form);
    }
  }
}

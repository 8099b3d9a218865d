/** Reading the Discord channel's messages in tests, and checking them against every limit Discord has. */
import { expect } from 'vitest';
import type { DiscordEmbed } from '../../src/alerts/discord.ts';
import type { ReceivedRequest } from '../helpers/webhook-server.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type Embed = DiscordEmbed;
export interface Message {
  content: string;
  embeds: Embed[];
  allowed_mentions: { parse: string[] };
  attachments?: { id: number; filename: string; description: string }[];
}

export const messageOf = (request: ReceivedRequest | undefined): Message => JSON.parse(request?.body.toString('utf8') ?? '') as Message;

/** Discord's limits, all of them: content, embed count, each embed text, and the embeds' 6000 characters in all. */
export function expectWithinLimits(message: Message): void {
  expect(message.content.length).toBeLessThanOrEqual(2000);
  expect(message.embeds.length).toBeLessThanOrEqual(10);
  for (const embed of message.embeds) {
    expect(embed.title.length).toBeLessThanOrEqual(256);
    expect(embed.description.length).toBeLessThanOrEqual(4096);
    for (const field of embed.fields) expect(field.value.length).toBeLessThanOrEqual(1024);
    const total = embed.title.length + embed.description.length + embed.footer.text.length + embed.fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(6000);
    for (const text of [embed.title, embed.description, ...embed.fields.map((f) => f.value)]) expect(text).not.toMatch(LONE_SURROGATE);
  }
  // Discord counts the 6000 characters over every embed of the message together.
  const all = message.embeds.reduce((n, e) => n + e.title.length + e.description.length + e.footer.text.length + e.fields.reduce((m, f) => m + f.name.length + f.value.length, 0), 0);
  expect(all).toBeLessThanOrEqual(6000);
  expect(message.content).not.toMatch(LONE_SURROGATE);
}

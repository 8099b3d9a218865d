/** Reading the Teams channel's messages in tests: the card, checked to be one a Teams webhook takes, and its texts. */
import { expect } from 'vitest';

export interface CardElement {
  type: string;
  inlines?: { type: string; text: string; weight?: string; color?: string; italic?: boolean }[];
  facts?: { title: string; value: string }[];
  items?: CardElement[];
  style?: string;
}
export interface Card {
  $schema: string;
  type: string;
  version: string;
  body: CardElement[];
}

/** Every element of the card, containers' items in place after their container. */
export function elementsOf(elements: readonly CardElement[]): CardElement[] {
  return elements.flatMap((e) => [e, ...elementsOf(e.items ?? [])]);
}

/** The card of a received message, checked to be what a Teams webhook takes: one adaptive-card attachment of known elements. */
export function cardOf(body: Buffer | undefined): Card {
  const message = JSON.parse(body?.toString('utf8') ?? '') as { type: string; attachments: { contentType: string; contentUrl: unknown; content: Card }[] };
  expect(message.type).toBe('message');
  expect(message.attachments).toHaveLength(1);
  const [attachment] = message.attachments;
  expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  expect(attachment?.contentUrl).toBeNull();
  const card = attachment?.content as Card;
  expect(card).toMatchObject({ $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4' });
  for (const element of elementsOf(card.body)) {
    expect(['RichTextBlock', 'FactSet', 'Container']).toContain(element.type);
    if (element.type === 'RichTextBlock') {
      expect(element.inlines?.length).toBeGreaterThan(0);
      for (const run of element.inlines ?? []) expect(run).toMatchObject({ type: 'TextRun', text: expect.any(String) });
    } else if (element.type === 'FactSet') {
      expect(element.facts?.length).toBeGreaterThan(0);
      for (const fact of element.facts ?? []) expect(fact).toEqual({ title: expect.any(String), value: expect.any(String) });
    } else {
      expect(element.items?.length).toBeGreaterThan(0);
      if (element.style !== undefined) expect(['attention', 'warning', 'emphasis']).toContain(element.style);
    }
  }
  return card;
}

export const texts = (card: Card): string[] => elementsOf(card.body).flatMap((e) => (e.inlines ?? []).map((r) => r.text));
export const facts = (card: Card): Record<string, string> => Object.fromEntries(elementsOf(card.body).flatMap((e) => (e.facts ?? []).map((f) => [f.title, f.value])));

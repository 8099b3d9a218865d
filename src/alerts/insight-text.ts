/** How the LLM stage's explanation of an alert (`insight`, see explain.ts) reads in a message. */
import { inert, oneLineExplanation } from './alert-text.ts';
import type { Alert } from './channel.ts';

/**
 * "LLM: <the explanation>" on one line, clipped, and inert (the model's words: no mentions, no markup); null when
 * the alert has none.
 */
export function insightLine(alert: Pick<Alert, 'insight'>): string | null {
  const text = alert.insight === undefined ? '' : oneLineExplanation(alert.insight);
  return text === '' ? null : `LLM: ${inert(text)}`;
}

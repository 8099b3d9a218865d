import { HEADLINES, formatNumber, oneLineExplanation, scoreEvidence, tagPairs } from './alert-text.ts';
import type { Alert, AlertChannel } from './channel.ts';
import { describeRange } from '../models/expected-range.ts';

/** One readable line per alert, in the style of Anomstack's alert titles. */
export function formatAlertLine(alert: Alert): string {
  const tags = tagPairs(alert.tags);
  const { mark, says } = HEADLINES[alert.kind];
  return [
    `${mark} [${alert.batch}] ${alert.metric} ${alert.detail ?? says} at ${alert.timestamp.toISOString().replace('.000Z', 'Z')}`,
    `value ${formatNumber(alert.value)}${alert.expected ? ` (${describeRange(alert.value, alert.expected, formatNumber)})` : ''}`,
    // A threshold alert is about the value alone, an LLM alert about the model's reading; the others say how strong their evidence was.
    ...(alert.kind === 'threshold' || alert.kind === 'llm' ? [] : [scoreEvidence(alert, '>=')]),
    ...(alert.explanation ? [oneLineExplanation(alert.explanation)] : []),
    ...(tags.length ? [tags.join(' ')] : []),
  ].join(' · ');
}

export class ConsoleChannel implements AlertChannel {
  readonly name = 'console';
  private readonly write: (line: string) => void;

  constructor(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)) {
    this.write = write;
  }

  async send(alerts: readonly Alert[]): Promise<void> {
    for (const alert of alerts) this.write(formatAlertLine(alert));
  }
}

import type { Alert, AlertChannel, AlertKind } from './channel.ts';

/** Each kind's mark and what it says when the alert carries no `detail`. */
export const HEADLINES: Record<AlertKind, { mark: string; says: string }> = {
  anomaly: { mark: '🔥', says: 'looks anomalous' },
  change: { mark: '📈', says: 'changed level' },
  threshold: { mark: '🚨', says: 'crossed its threshold' },
  llm: { mark: '🤖', says: 'looks anomalous to the LLM' },
};

/** Longest LLM explanation shown in a line or an issue; the stored row keeps it whole. */
const EXPLANATION_CHARS = 600;

/** The LLM's explanation on one line and of bounded length, for logs, titles' neighbours and tables. */
export function oneLineExplanation(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > EXPLANATION_CHARS ? `${line.slice(0, EXPLANATION_CHARS - 1)}…` : line;
}

/** One readable line per alert, in the style of Anomstack's alert titles. */
export function formatAlertLine(alert: Alert): string {
  const tags = Object.entries(alert.tags).map(([k, v]) => `${k}=${String(v)}`);
  const { mark, says } = HEADLINES[alert.kind];
  return [
    `${mark} [${alert.batch}] ${alert.metric} ${alert.detail ?? says} at ${alert.timestamp.toISOString().replace('.000Z', 'Z')}`,
    `value ${formatNumber(alert.value)}`,
    // A threshold alert is about the value alone, an LLM alert about the model's reading; the others say how strong their evidence was.
    ...(alert.kind === 'threshold' || alert.kind === 'llm' ? [] : [`score ${alert.smoothedScore.toFixed(2)} >= ${alert.threshold}`]),
    ...(alert.explanation ? [oneLineExplanation(alert.explanation)] : []),
    ...(tags.length ? [tags.join(' ')] : []),
  ].join(' · ');
}

export function formatNumber(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  return Math.abs(value) >= 1e6 || (Math.abs(value) < 1e-3 && value !== 0) ? value.toExponential(3) : String(Math.round(value * 1000) / 1000);
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

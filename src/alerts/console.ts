import type { Alert, AlertChannel } from './channel.ts';

/** One readable line per alert, in the style of Anomstack's alert titles. */
export function formatAlertLine(alert: Alert): string {
  const tags = Object.entries(alert.tags).map(([k, v]) => `${k}=${String(v)}`);
  return [
    `🔥 [${alert.batch}] ${alert.metric} looks anomalous at ${alert.timestamp.toISOString().replace('.000Z', 'Z')}`,
    `value ${formatNumber(alert.value)}`,
    `score ${alert.smoothedScore.toFixed(2)} >= ${alert.threshold}`,
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

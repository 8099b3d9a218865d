/**
 * What the webhook, Teams and Discord channels add to message.ts's digests: a group's severity, the pipeline's
 * insight on one line, and the "and N more metrics" of a message that could not show every metric.
 */
import { clip } from './alert-text.ts';
import type { Alert, Severity } from './channel.ts';

/** The highest severity among the alerts (by rank, the newest among equals); undefined when none carries one. */
export function highestSeverity(alerts: readonly Pick<Alert, 'severity'>[]): Severity | undefined {
  let top: Severity | undefined;
  for (const { severity } of alerts) if (severity && (!top || severity.rank >= top.rank)) top = severity;
  return top;
}

/** The insight (the pipeline's LLM stage, untrusted words) on one line and at most `max` characters; null without one. */
export function insightLine(alert: Pick<Alert, 'insight'>, max: number): string | null {
  const line = (alert.insight ?? '').replace(/\s+/g, ' ').trim();
  return line ? clip(line, max) : null;
}

/** The mark an insight's line starts with. */
export const INSIGHT_MARK = '💡';

/** "and 3 more metrics": what a digest that shows only its first metrics says of the rest. */
export function moreMetrics(count: number): string {
  return `and ${count} more ${count === 1 ? 'metric' : 'metrics'}`;
}

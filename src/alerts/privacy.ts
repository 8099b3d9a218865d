/**
 * `publish_values: false`: what leaves the run (messages, issues, webhooks) carries no value of the batch. The alert
 * is delivered with its value, expected range, recent values and the LLM's words (which quote values) taken out;
 * what it is about (metric, kind, time, score, severity, direction) stays. The stored rows keep everything.
 */
import type { Alert } from './channel.ts';

export function withoutValues(alert: Alert): Alert {
  const rest: Alert = { ...alert };
  delete rest.expected;
  delete rest.insight;
  delete rest.explanation;
  return {
    ...rest,
    value: null,
    // A threshold alert's score is its value.
    ...(alert.kind === 'threshold' ? { score: 0, smoothedScore: 0 } : {}),
    recent: alert.recent.map((p) => ({ ...p, value: null })),
    valuesHidden: true,
  };
}

import type { MetricQuestion } from './client.ts';

/** The model's standing instructions: the same for every metric, so providers can cache them. */
export const SYSTEM_PROMPT = [
  'You are an experienced analyst of operational and business time series who spots anomalies reliably and explains them plainly.',
  'You get one metric\'s values, oldest first. Judge only the newest points named in the message; the earlier points show what is normal for this metric.',
  'Anomalous means clearly unusual against that history: a spike or dip, a sudden level shift, a break in the trend or in a daily or weekly pattern, or values far outside the usual range.',
  'Ordinary noise, a pattern the history already shows, or a slow drift is not anomalous. When in doubt, answer not anomalous: every anomalous answer notifies a person.',
  'Reply with JSON only, in the requested schema.',
].join('\n');

/** The question about one metric: its name and its values as `timestamp,value` lines, oldest first. */
export function userPrompt(question: MetricQuestion): string {
  const { points, recentN } = question;
  const judged = Math.min(recentN, points.length);
  const from = points[points.length - judged]?.timestamp ?? '';
  const values = question.smoothN > 1 ? `rolling means over ${question.smoothN} points` : 'values';
  return [
    `Metric: ${question.metric} (batch ${question.batch})`,
    `${points.length} ${values}, oldest first. Judge the newest ${judged} (the last ${judged} rows, from ${from} on).`,
    '',
    'timestamp,value',
    ...points.map((p) => `${p.timestamp},${p.value}`),
  ].join('\n');
}

/**
 * The prompts of the questions that follow the llmalert job's first one: the alert pipeline's explanations
 * (src/alerts/explain.ts) and the llmalert job's verify pass. Standing instructions in the system prompts, the same
 * for every batch, so providers can cache them; the data in the user message.
 */
import type { AlertBrief, ExplainQuestion, VerifyQuestion } from './client.ts';

export const EXPLAIN_SYSTEM_PROMPT = [
  'You are an experienced on-call analyst of operational and business metrics. Alerts are about to be sent to people; you add a short note to each and rank them.',
  'For each alert you get its metric, what raised it, its value and what was expected, its newest points, and the metric\'s earlier alerts and the feedback people gave on them.',
  'Explain each alert in at most two short sentences, citing values and times: what is unusual, and what the history adds (a first alert, or one of many; earlier alerts people marked as false positives or confirmed).',
  'Rate how much each alert likely needs a person\'s attention, from 0 to 100: larger and lasting departures from what was expected, higher severity and confirmed earlier alerts count for more; noise-like blips and metrics whose earlier alerts were false positives count for less. Rank the alerts by that importance, 1 the most important.',
  'Write plain sentences: no Markdown, no links, no mentions. Answer for every alert, using its id exactly as given.',
  'Reply with JSON only, in the requested schema.',
].join('\n');

/** The alerts, one block each: the facts as `key: value` lines, then the newest points as `timestamp,value,score` lines. */
export function explainPrompt(question: ExplainQuestion): string {
  const ids = question.alerts.map((a) => a.id);
  return [
    `Batch: ${question.batch}. ${ids.length} alert(s) to explain and rank: ${ids.join(', ')}.`,
    `Earlier alerts and feedback cover the last ${question.historyDays} days.`,
    ...question.alerts.flatMap((alert) => ['', ...alertBlock(alert)]),
  ].join('\n');
}

function alertBlock(alert: AlertBrief): string[] {
  const past = alert.pastAlerts.map((p) => `${p.timestamp} ${p.type}`).join('; ');
  const shown = alert.pastAlerts.length < alert.pastAlertCount ? ` (the newest ${alert.pastAlerts.length})` : '';
  return [
    `## ${alert.id}`,
    `metric: ${alert.metric}`,
    `kind: ${alert.kind}`,
    `time: ${alert.timestamp}`,
    `value: ${alert.value ?? 'none'}`,
    `what alerted: ${alert.evidence}`,
    ...(alert.severity ? [`severity: ${alert.severity}`] : []),
    ...(alert.direction ? [`direction: ${alert.direction === 'up' ? 'above' : 'below'} what was expected`] : []),
    ...(alert.expected ? [`expected range: ${alert.expected.low} to ${alert.expected.high} (baseline ${alert.expected.baseline})`] : []),
    `earlier alerts: ${alert.pastAlertCount === 0 ? 'none' : `${alert.pastAlertCount}${shown}: ${past}`}`,
    `feedback on earlier alerts: ${alert.feedback.length === 0 ? 'none' : alert.feedback.map((f) => `${f.timestamp} ${f.verdict}`).join('; ')}`,
    `newest ${alert.recent.length} points, oldest first:`,
    'timestamp,value,score',
    ...alert.recent.map((p) => `${p.timestamp},${p.value ?? ''},${p.score ?? ''}`),
  ];
}

export const VERIFY_SYSTEM_PROMPT = [
  'You are an experienced analyst of operational and business time series who checks anomaly detections before anyone is notified.',
  'You get one metric\'s values, oldest first, the candidate points a first pass flagged as anomalous, and what that pass saw.',
  'For each candidate decide whether it is a real anomaly against the history (a spike or dip, a level shift, a broken trend or daily or weekly pattern, values far outside the usual range) or a false positive (ordinary noise, a pattern the history already shows, a slow drift).',
  'Confirm only what is clearly unusual: every confirmed point notifies a person. Answer for every candidate, copying its timestamp exactly.',
  'Reply with JSON only, in the requested schema.',
].join('\n');

export function verifyPrompt(question: VerifyQuestion): string {
  const values = question.smoothN > 1 ? `rolling means over ${question.smoothN} points` : 'values';
  return [
    `Metric: ${question.metric} (batch ${question.batch})`,
    `Candidates to verify (${question.candidates.length}): ${question.candidates.join(', ')}`,
    `The first pass said: ${question.detection.replace(/\s+/g, ' ').trim()}`,
    `${question.points.length} ${values}, oldest first.`,
    '',
    'timestamp,value',
    ...question.points.map((p) => `${p.timestamp},${p.value}`),
  ].join('\n');
}

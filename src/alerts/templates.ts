/**
 * A batch's own wording of its alerts (`alert_templates`): nunjucks templates, as the SQL is, for the title and the
 * body of each channel's message about a metric, rendered with the alert's fields. They are checked when the batch
 * is loaded (`validate` included) against a sample alert, so an unknown variable is a config error, not a broken
 * message at 3 a.m. The output is plain text: each channel escapes it as it escapes any text it sends.
 */
import { describeRange } from '../models/expected-range.ts';
import { renderTemplate, templateErrorMessage } from '../config/template.ts';
import { evidence, formatNumber, formatTime, issueTitle } from './alert-text.ts';
import type { Alert } from './channel.ts';

export const TEMPLATE_PARTS = ['title', 'body'] as const;
export type TemplatePart = (typeof TEMPLATE_PARTS)[number];

/** One template: its source and the file it came from. */
export interface TemplateSource {
  source: string;
  file: string;
}

/** The templates one channel uses, and the folder their includes resolve from (the batch's). */
export type MessageTemplates = Partial<Record<TemplatePart, TemplateSource>> & { dir: string };

/** Longest title a template may give: channels clip further to their own limits. */
const TITLE_MAX = 250;

/** What a template sees of an alert: every field present (empty when the alert has none), so none is undefined. */
export function alertFields(alert: Alert): Record<string, unknown> {
  return {
    kind: alert.kind,
    batch: alert.batch,
    metric: alert.metric,
    time: formatTime(alert.timestamp),
    timestamp: alert.timestamp.toISOString(),
    value: alert.value ?? '',
    value_text: formatNumber(alert.value),
    score: alert.score,
    smoothed_score: alert.smoothedScore,
    threshold: alert.threshold,
    severity: alert.severity?.level ?? '',
    direction: alert.direction ?? '',
    expected: alert.expected ? { low: alert.expected.low, high: alert.expected.high, baseline: alert.expected.baseline } : { low: '', high: '', baseline: '' },
    expected_text: alert.expected ? describeRange(alert.value, alert.expected, formatNumber) : '',
    tags: alert.tags,
    detail: alert.detail ?? '',
    explanation: alert.explanation ?? '',
    insight: alert.insight ?? '',
    evidence: evidence(alert),
    title: issueTitle(alert),
  };
}

/** The context of one metric's message: its newest alert as `alert`, all of them as `alerts` (oldest first). */
export function templateContext(alerts: readonly Alert[]): Record<string, unknown> {
  const fields = alerts.map(alertFields);
  const newest = fields[fields.length - 1] ?? {};
  return {
    alert: newest,
    alerts: fields,
    count: fields.length,
    batch: newest['batch'],
    metric: newest['metric'],
    kind: newest['kind'],
    severity: newest['severity'],
    title: newest['title'],
  };
}

/** A sample alert with every field set: what `validate` renders each template with. */
export const SAMPLE_ALERT: Alert = {
  kind: 'anomaly', batch: 'batch', metric: 'metric', timestamp: new Date('2026-01-01T00:00:00Z'), value: 150, score: 0.97, smoothedScore: 0.91,
  threshold: 0.8, tags: { team: 'team' }, recent: [], detail: 'detail', explanation: 'explanation', insight: 'insight',
  expected: { low: 80, high: 120, baseline: 100 }, direction: 'up', severity: { level: 'critical', rank: 1, levels: 2 },
};

/** Renders a template of the batch (throws with nunjucks' message when it cannot). */
export function renderMessageTemplate(template: TemplateSource, context: Record<string, unknown>, dir: string): string {
  return renderTemplate(template.source, context, { searchPaths: [dir], file: template.file });
}

/**
 * The title and body the templates give a metric's message. A part without a template, or whose template fails on
 * these alerts (validate checked it against a sample; data can still surprise it), is left to the channel's own
 * wording, with a warning: a message in the channel's words beats no message.
 */
export function renderedParts(alerts: readonly Alert[], templates: MessageTemplates | undefined, warn?: (message: string) => void): { title?: string; body?: string } {
  if (!templates) return {};
  const context = templateContext(alerts);
  const parts: { title?: string; body?: string } = {};
  for (const part of TEMPLATE_PARTS) {
    const template = templates[part];
    if (!template) continue;
    try {
      const text = renderMessageTemplate(template, context, templates.dir).trim();
      if (text === '') continue;
      parts[part] = part === 'title' ? text.replace(/\s+/g, ' ').slice(0, TITLE_MAX) : text;
    } catch (error) {
      warn?.(`${template.file}: ${templateErrorMessage(error)}; the message uses the channel's own ${part}`);
    }
  }
  return parts;
}

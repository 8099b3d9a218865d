/**
 * The keys of the alert pipeline's own stages (src/alerts): severity bands, routes, and the LLM stage. Spread into
 * the batch schema (schema.ts); kept here so the pipeline's settings read together.
 */
import { z } from 'zod';
import { ALERT_KINDS } from '../alerts/channel.ts';

/** Alert channels users may name in `alert_methods`; `console` is the one this build delivers itself. */
export const ALERT_METHODS = ['console', 'github', 'slack', 'email', 'webhook', 'teams', 'discord'] as const;
export type AlertMethod = (typeof ALERT_METHODS)[number];

/** A severity level's name: it becomes a GitHub label (`severity:<name>`) and a route's match. */
const levelName = z.string().regex(/^[a-z][a-z0-9_-]{0,29}$/, 'expected a lower-case name such as "warning" or "critical"');

const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);

const tagValue = z.union([z.string(), z.number(), z.boolean()]);

/** What a route matches: every condition given must hold; a list matches any of its entries. */
const routeMatch = z
  .object({
    severity: oneOrMany(levelName).optional().describe('Severity levels (names of alert_severity), e.g. critical.'),
    kind: oneOrMany(z.enum(ALERT_KINDS)).optional().describe('Alert kinds: anomaly, change, threshold, llm.'),
    metric: oneOrMany(z.string().min(1)).optional().describe('Metric names or * patterns.'),
    direction: z.enum(['up', 'down']).optional().describe('Values above (up) or below (down) what was expected.'),
    tags: z
      .record(z.string(), oneOrMany(tagValue))
      .optional()
      .describe('metric_tags the metric must carry, e.g. {team: payments}; a list matches any of its values.'),
  })
  .strict();

/** One entry of `alert_routes`. */
export const alertRoute = z
  .object({
    match: routeMatch.default(() => ({})).describe('Which alerts the route takes; empty: every alert.'),
    methods: z.array(z.enum(ALERT_METHODS)).min(1).describe('Where the alerts it takes go.'),
    slack_channel: z.string().min(1).optional().describe('The Slack channel (name or ID) instead of ANOMSTACK_SLACK_CHANNEL.'),
    email_to: z
      .union([z.array(z.string()), z.string()])
      .transform((v) => (typeof v === 'string' ? v.split(',') : v).map((s) => s.trim()).filter((s) => s.length > 0))
      .pipe(z.array(z.email()).min(1))
      .optional()
      .describe('Recipients instead of ANOMSTACK_ALERT_EMAIL_TO.'),
    continue: z.boolean().default(false).describe('Also try the routes after this one when it matched.'),
  })
  .strict()
  .superRefine((route, ctx) => {
    if (route.slack_channel !== undefined && !route.methods.includes('slack')) {
      ctx.addIssue({ code: 'custom', path: ['slack_channel'], input: route.slack_channel, message: 'slack_channel needs slack among the route\'s methods' });
    }
    if (route.email_to !== undefined && !route.methods.includes('email')) {
      ctx.addIssue({ code: 'custom', path: ['email_to'], input: route.email_to, message: 'email_to needs email among the route\'s methods' });
    }
  });
export type AlertRoute = z.output<typeof alertRoute>;
export type RouteMatch = z.output<typeof routeMatch>;

export const DEFAULT_SEVERITY = { warning: 0.8, critical: 0.95 };

/** Who `alert_templates` may word: every channel (`default`), or one method's messages. */
export const TEMPLATE_TARGETS = ['default', 'github', 'slack', 'email', 'webhook', 'teams', 'discord'] as const;
export type TemplateTarget = (typeof TEMPLATE_TARGETS)[number];

const templateFiles = z
  .object({
    title: z.string().min(1).optional().describe('A nunjucks file (beside the batch\'s YAML) for the message\'s title.'),
    body: z.string().min(1).optional().describe('A nunjucks file for the message\'s text about the metric.'),
  })
  .strict();

export const alertPipelineKeys = {
  alert_severity: z
    .record(levelName, z.number().min(0).max(1))
    .refine((levels) => Object.keys(levels).length > 0, { message: 'expected at least one level, e.g. {warning: 0.8, critical: 0.95}' })
    .refine((levels) => new Set(Object.values(levels)).size === Object.keys(levels).length, { message: 'expected a different score for each level' })
    .default(() => ({ ...DEFAULT_SEVERITY }))
    .describe('Severity levels by the lowest score each starts at; an alert takes the highest level its score reaches, and the lowest level covers every alert from alert_threshold up. Change and LLM alerts take the lowest level; threshold alerts may name theirs (tholdalert_thresholds: {cpu: {upper: 90, severity: critical}}).'),
  alert_routes: z
    .array(alertRoute)
    .default(() => [])
    .describe('Ordered routes sending alerts to methods and recipients by severity, kind, direction, metric and metric_tags; the first route that matches takes an alert (unless it says continue: true). Alerts no route takes go to alert_methods (tholdalert_methods for threshold alerts).'),
  alert_templates: z
    .partialRecord(z.enum(TEMPLATE_TARGETS), templateFiles)
    .default(() => ({}))
    .describe('Nunjucks files, beside the batch\'s YAML, wording the title and body of each metric\'s message: default for every channel, or per channel (slack, email, github, webhook, teams, discord), rendered with the alert\'s fields (alert.metric, alert.value_text, alert.severity, alert.expected_text, alerts, ...).'),
  publish_values: z
    .boolean()
    .default(true)
    .describe('false keeps the batch\'s values out of what leaves the run: issue bodies, Slack, email, webhook, Teams and Discord messages (no value, expected range, recent values, plot or LLM explanation) and the published report (no charts or value tables); scores and alert times stay.'),
  alert_explain: z
    .boolean()
    .default(true)
    .describe('With an LLM configured (ANOMSTACK_OPENAI_KEY), explain each alert from its metric\'s history and order digests by likely importance before they are sent.'),
  alert_explain_max_s: z
    .number()
    .positive()
    .default(30)
    .describe('The LLM stage\'s time budget per job run, in seconds; alerts not explained by then go out plain.'),
  alert_explain_max_tokens: z
    .number()
    .int()
    .positive()
    .default(20_000)
    .describe('The LLM stage\'s token budget per job run (prompt and answer, as the API counts them).'),
  llmalert_verify: z
    .boolean()
    .default(true)
    .describe('Anomstack\'s second pass: the LLM verifies each candidate anomaly it found before it alerts, to cut false positives.'),
};

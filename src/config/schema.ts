import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';
import { detectorNames, modelParamsSchema } from '../models/index.ts';
import { isOwnTable, ownTableNames } from '../store/own-tables.ts';
import { STORE_URL_EXAMPLES, storeUrlProblem } from '../artifacts/index.ts';
import { MIN_STRENGTH, SEASONALITY_SETTINGS } from '../models/seasonality.ts';
import { ALERT_KINDS } from '../alerts/channel.ts';
import { parseSilenceTime } from '../alerts/silence.ts';
import { ALERT_METHODS, alertPipelineKeys } from './alert-keys.ts';

/** The stages a batch runs, in pipeline order. */
export const JOBS = ['ingest', 'train', 'score', 'alert', 'change', 'tholdalert', 'llmalert', 'summary', 'retention', 'plot'] as const;
export type Job = (typeof JOBS)[number];

/** Jobs that have an Anomstack `<job>_cron_schedule` / `disable_<job>` key, including later stages. */
const SCHEDULED_JOBS = [
  'ingest', 'train', 'score', 'alert', 'alerts', 'change', 'llmalert', 'plot', 'summary', 'retention', 'delete', 'tholdalert',
] as const;

export { ALERT_METHODS } from './alert-keys.ts';

/** Where a batch's SQL runs (`db`); each has its module under src/sources/. */
export const SUPPORTED_DBS = ['duckdb', 'motherduck', 'sqlite', 'turso', 'postgres', 'redshift', 'clickhouse', 'bigquery', 'snowflake'] as const;
export type Db = (typeof SUPPORTED_DBS)[number];

/**
 * Settings that are secrets: environment variables only, never keys of the YAML kept in git. A batch file that sets
 * one of these keys is refused with the variable to use instead.
 */
export const SECRET_KEYS: Record<string, string> = {
  postgres_url: 'ANOMSTACK_POSTGRES_URL',
  redshift_url: 'ANOMSTACK_REDSHIFT_URL',
  clickhouse_password: 'ANOMSTACK_CLICKHOUSE_PASSWORD',
  turso_auth_token: 'ANOMSTACK_TURSO_AUTH_TOKEN',
  motherduck_token: 'ANOMSTACK_MOTHERDUCK_TOKEN',
  snowflake_password: 'ANOMSTACK_SNOWFLAKE_PASSWORD',
  snowflake_private_key: 'ANOMSTACK_SNOWFLAKE_PRIVATE_KEY',
  google_application_credentials_json: 'ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS_JSON',
};

const identifier = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;

const count = (min: number) => z.number().int().min(min);

/** One entry of `silences:` (see src/alerts/silence.ts). */
const silenceRule = z
  .object({
    metric: z.string().min(1).describe('A metric name, or a pattern with * (checkout_*, *).'),
    kind: z.enum(ALERT_KINDS).optional().describe('Only alerts of this kind; every kind when absent.'),
    until: z
      .string()
      .refine((text) => parseSilenceTime(text) !== null, { message: 'expected a UTC date or time such as "2026-12-24" or "2026-12-24T18:00:00Z"' })
      .optional()
      .describe('When the silence ends (UTC unless a zone is given); without it, until the entry is removed.'),
    reason: z.string().min(1).describe('Why: shown with every alert it mutes.'),
  })
  .strict();

/** A duration such as "30m", "12h", "1d" or "2w" (see parseDuration). */
const duration = z.string().regex(/^\d+\s*(m|h|d|w)$/, 'expected a duration such as "7d", "12h" or "30m"');

const cron = z.string().refine(
  (expr) => {
    try {
      CronExpressionParser.parse(expr);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'expected a cron expression such as "*/5 * * * *"' },
);

/** A list written either as YAML list or, as Anomstack allows, a comma-separated string. */
const nameList = z
  .union([z.array(z.string()), z.string()])
  .transform((v) => (typeof v === 'string' ? v.split(',') : v).map((s) => s.trim()).filter((s) => s.length > 0));

const modelConfig = z
  .object({
    model_name: z.string(),
    model_tag: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'expected letters, digits, "_", "." or "-"').optional(),
    model_params: z.record(z.string(), z.unknown()).default(() => ({})),
  })
  .superRefine((model, ctx) => {
    const known = detectorNames.find((n) => n.toLowerCase() === model.model_name.toLowerCase());
    if (!known) {
      ctx.addIssue({
        code: 'custom',
        path: ['model_name'],
        input: model.model_name,
        message: `expected one of ${detectorNames.join(', ')}`,
      });
      return;
    }
    const params = modelParamsSchema(known).safeParse(model.model_params);
    for (const issue of params.success ? [] : params.error.issues) {
      ctx.addIssue({ code: 'custom', path: ['model_params', ...issue.path], message: issue.message });
    }
  });

/**
 * The detector measured best on the shared NAB subset (README, "How accurate is it?"): Relative Entropy, which flags
 * the last 3 raw values when they make a pattern the training windows did not have. (Train leaves the points still to
 * be scored out of the training windows, so a first run's anomalies are new patterns too.)
 */
const defaultModels = [{ model_name: 'RelativeEntropy', model_tag: 'relative_entropy_default', model_params: { n_bins: 10 } }];

const preprocessParams = z.object({
  diff_n: count(0).default(0).describe('Difference the series this many steps back (0: raw values).'),
  smooth_n: count(0).default(0).describe('Rolling mean over this many points (0 or 1: none).'),
  lags_n: count(0).default(2).describe('Add this many lagged values to each feature vector.'),
  freq: z
    .string()
    .regex(/^\d*\s*(s|sec|min|T|h|H|d|D|w|W)$/, 'expected a frequency such as "10min", "1h" or "1d"')
    .optional()
    .describe('Resample to this frequency before the other steps.'),
  freq_agg: z.enum(['mean', 'sum', 'min', 'max', 'median', 'count', 'first', 'last']).default('mean'),
});

/** `{upper, lower}` for one metric: at least one bound, and a range that is not empty. */
const thresholdBounds = z
  .object({
    upper: z.number().optional(),
    lower: z.number().optional(),
    severity: z.string().optional().describe('The severity of this metric\'s threshold alerts (a level of alert_severity); the lowest level when absent.'),
  })
  .strict()
  .refine((b) => b.upper !== undefined || b.lower !== undefined, { message: 'expected upper, lower or both' })
  .refine((b) => b.upper === undefined || b.lower === undefined || b.upper > b.lower, { message: 'expected upper > lower' });

type ScheduledJob = (typeof SCHEDULED_JOBS)[number];
const scheduleKeys = Object.fromEntries(
  SCHEDULED_JOBS.map((job) => [`${job}_cron_schedule`, cron.optional().describe(`When the ${job} job is due.`)]),
) as Record<`${ScheduledJob}_cron_schedule`, z.ZodOptional<typeof cron>>;
const disableKeys = Object.fromEntries(
  SCHEDULED_JOBS.map((job) => [`disable_${job}`, z.boolean().default(false).describe(`Skip the ${job} job.`)]),
) as Record<`disable_${ScheduledJob}`, z.ZodDefault<z.ZodBoolean>>;

export const batchConfigSchema = z.object({
  metric_batch: z
    .string()
    .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, 'expected letters, digits, "_", "." or "-"')
    .max(100)
    .describe('Name of the batch; defaults to its folder name.'),
  db: z.enum(SUPPORTED_DBS).default('duckdb').describe('Where ingest_sql runs.'),
  // Each database's settings that are not secrets (secrets: environment variables only, see SECRET_KEYS). As every
  // key, each may also come from ANOMSTACK_<KEY>, which are Anomstack's variable names.
  sqlite_path: z.string().min(1).optional().describe('db: sqlite: the SQLite database file (relative: from the working directory).'),
  turso_database_url: z.string().min(1).optional().describe('db: turso: the database URL, libsql://... or https://... (the token: ANOMSTACK_TURSO_AUTH_TOKEN).'),
  motherduck_database: z.string().optional().describe('db: motherduck: the MotherDuck database to open (md:<name>; empty: the default).'),
  clickhouse_host: z.string().min(1).optional().describe('db: clickhouse: the server\'s host (default localhost).'),
  clickhouse_port: z.number().int().min(1).max(65535).optional().describe('db: clickhouse: the HTTP(S) port (default 8123, or 8443 over https).'),
  clickhouse_protocol: z.enum(['http', 'https']).optional().describe('db: clickhouse: http or https (default http).'),
  clickhouse_user: z.string().min(1).optional().describe('db: clickhouse: the user (default "default"; the password: ANOMSTACK_CLICKHOUSE_PASSWORD).'),
  clickhouse_database: z.string().min(1).optional().describe('db: clickhouse: the database queries run in (default "default").'),
  gcp_project_id: z.string().min(1).optional().describe('db: bigquery: the Google Cloud project queries run (and are billed) in.'),
  bigquery_location: z.string().min(1).optional().describe('db: bigquery: the location of the datasets queried, e.g. US or EU.'),
  snowflake_account: z.string().min(1).optional().describe('db: snowflake: the account identifier, e.g. myorg-myaccount.'),
  snowflake_user: z.string().min(1).optional().describe('db: snowflake: the user (the password or key: ANOMSTACK_SNOWFLAKE_PASSWORD / _PRIVATE_KEY / _PRIVATE_KEY_PATH).'),
  snowflake_warehouse: z.string().min(1).optional().describe('db: snowflake: the warehouse queries run on.'),
  snowflake_database: z.string().min(1).optional().describe('db: snowflake: the database.'),
  snowflake_schema: z.string().min(1).optional().describe('db: snowflake: the schema.'),
  snowflake_role: z.string().min(1).optional().describe('db: snowflake: the role.'),
  table_key: z
    .string()
    .regex(identifier, 'expected a table name such as "metrics" or "schema.metrics"')
    .refine((table) => !isOwnTable(table), { message: `is one of anomstack's own tables (${ownTableNames()}); choose another name` })
    .default('metrics')
    .describe('Table of the long metrics store the batch writes to.'),
  duckdb_path: z.string().default('.anomstack/anomstack.duckdb').describe('The embedded DuckDB file holding the metrics.'),
  ingest_sql: z.string().optional().describe('SQL (a Jinja-style template) returning metric_timestamp, metric_name, metric_value.'),
  ingest_fn: z.string().optional().describe('Python source defining ingest() (Anomstack\'s): run in a python3 child process; returns a DataFrame or a list of dicts.'),
  model_path: z
    .string()
    .superRefine((url, ctx) => {
      const problem = storeUrlProblem(url);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .default('local://.anomstack/models')
    .describe(`Where the batch's models are kept: ${STORE_URL_EXAMPLES}. Credentials come from the environment.`),
  model_configs: z.array(modelConfig).min(1).default(() => structuredClone(defaultModels)),
  model_combination_method: z.enum(['mean', 'max', 'min']).default('max'),
  train_max_n: count(1).default(5000),
  train_min_n: count(1).default(14),
  train_holdout_n: count(0)
    .default(50)
    .describe('Training leaves out the newest n points (and any newer ones not scored yet), so a new pattern stays unusual for n points however often train runs.'),
  train_refit_n: count(1)
    .default(25)
    .describe('Train refits a metric once its model has this many new trainable points (or is missing, or was trained under another config); until then the model is kept.'),
  score_max_n: count(1).default(25),
  preprocess_params: preprocessParams.prefault({}),
  seasonality: z
    .enum(SEASONALITY_SETTINGS)
    .default('auto')
    .describe('A daily or weekly cycle train learns and checks each point against as well (auto: found in the training data when it explains the series; none: never).'),
  seasonality_min_strength: z
    .number()
    .gt(0)
    .lt(1)
    .default(MIN_STRENGTH)
    .describe('seasonality: auto: the share of the variance a cycle must explain out of sample (its profile fitted on alternate days or weeks, tested on the others) to be used.'),
  alert_threshold: z.number().min(0).max(1).default(0.8),
  alert_smooth_n: count(1).default(3).describe('The stored score is the mean of the point\'s own score and those of the n - 1 points scored before it; the alert rule compares it with alert_threshold.'),
  alert_snooze_n: count(0).default(30),
  alert_recent_n: count(1).default(1),
  alert_extreme_ratio: z
    .number()
    .min(0)
    .default(3)
    .describe('A point whose value lies beyond the expected range by more than this many times the range\'s half-width (3, the default: about 12 robust SDs from the baseline; 0: never) is judged by its own score, so it alerts at once, without waiting for alert_smooth_n points.'),
  alert_max_n: count(1).default(250),
  alert_direction: z
    .enum(['both', 'up', 'down'])
    .default('both')
    .describe('Which anomalies alert: both, up (values above what was expected) or down (below): e.g. down for sales, up for errors.'),
  alert_always: z.boolean().default(false),
  alert_methods: nameList.pipe(z.array(z.enum(ALERT_METHODS))).default(() => ['console' as const]),
  alert_group_by: z
    .enum(['batch', 'metric'])
    .default('batch')
    .describe('batch: one message per run and channel listing every new alert (a digest); metric: one message per metric and alert kind. GitHub keeps one issue per episode either way.'),
  silences: z
    .array(silenceRule)
    .default(() => [])
    .describe('Alerts to deliver nowhere (still recorded, marked silenced): [{metric: "checkout_*", until: "2026-12-24", reason: "migration"}].'),
  train_exclude_metrics: nameList.default(() => []),
  score_exclude_metrics: nameList.default(() => []),
  alert_exclude_metrics: nameList.default(() => []),
  change_threshold: z
    .number()
    .positive()
    .default(3.5)
    .describe('Evidence a change needs: the CUSUM level, in robust SDs of excess deviation (higher: fewer, later changes).'),
  change_snooze_n: count(0).default(3).describe('No new change within this many points after a change.'),
  change_detect_last_n: count(1).default(1).describe('Only the newest n points may raise a change.'),
  change_include_metrics: nameList.default(() => []).describe('Only these metrics (names or * globs) get change detection; empty: all.'),
  change_exclude_metrics: nameList.default(() => []).describe('Metrics (names or * globs) left out of change detection.'),
  tholdalert_thresholds: z
    .record(z.string(), thresholdBounds)
    .default(() => ({}))
    .describe('Per-metric bounds, e.g. {cpu: {upper: 90, lower: 10}}: a value above upper or below lower alerts.'),
  tholdalert_recent_n: count(1).default(1).describe('Only the newest n points may raise a threshold alert.'),
  tholdalert_snooze_n: count(0).default(3).describe('No new threshold alert within this many points after one.'),
  tholdalert_methods: nameList
    .pipe(z.array(z.enum(ALERT_METHODS)))
    .default(() => ['console' as const])
    .describe('Where threshold alerts go, like alert_methods.'),
  tholdalert_exclude_metrics: nameList.default(() => []).describe('Metrics (names or * globs) never threshold-alerted.'),
  ...alertPipelineKeys,
  // The llmalert job, with Anomstack's key names and defaults (rounding aside: see llmalert_metric_rounding).
  llmalert_recent_n: count(1).default(5).describe('The LLM judges the newest n points; the earlier points sent are their context.'),
  llmalert_smooth_n: count(0).default(0).describe('Send the rolling mean over this many points instead of raw values (0: raw).'),
  llmalert_metric_rounding: z
    .number()
    .int()
    .min(-1)
    .default(4)
    .describe('Decimal places of the values sent to the LLM (-1: unrounded); fewer digits, fewer tokens.'),
  llmalert_prompt_max_n: count(1).default(1000).describe('At most this many of the newest points are sent to the LLM per metric.'),
  llmalert_metric_timestamp_max_days_ago: count(1)
    .default(30)
    .describe('Only points from the last n days are sent; a metric with none is not asked about.'),
  llmalert_model: z
    .string()
    .min(1)
    .optional()
    .describe('The model the LLM is asked with (default: ANOMSTACK_OPENAI_MODEL, else gpt-4o-mini).'),
  llmalert_include_metrics: nameList.default(() => []).describe('Only these metrics (names or * globs) are sent to the LLM; empty: all.'),
  llmalert_exclude_metrics: nameList.default(() => []).describe('Metrics (names or * globs) never sent to the LLM.'),
  retention_days: count(0)
    .default(0)
    .describe('The retention job deletes the batch\'s rows (metrics, scores, alerts, ...) and runs older than this many days; 0 keeps everything.'),
  issue_label: z
    .string()
    // The issues list API takes labels comma-separated, so a comma would split this one in two.
    .regex(/^[^,]+$/, 'expected a label name (no commas)')
    .optional()
    .describe('github channel: label on the batch\'s issues (default: the action\'s label, "anomstack").'),
  issue_close_after_n: count(1).default(3).describe('github channel: close an anomaly\'s issue after this many normal points in a row.'),
  issue_reopen_cooldown: duration
    .default('7d')
    .describe('github channel: an alert within this long after its issue closed reopens it instead of opening a new one.'),
  ingest_duplicate_rows: z
    .enum(['first', 'fail'])
    .default('first')
    .describe('A second row for the same metric and timestamp with another value: first keeps the first (reported), fail writes nothing.'),
  backtest_retrain_every: count(1)
    .optional()
    .describe('Backtest: retrain every n points (default: as the scheduled train refits, at the first train run with train_refit_n new points).'),
  ingest_invalid_rows: z
    .enum(['fail', 'skip'])
    .default('fail')
    .describe('fail: a batch with any invalid row writes nothing; skip: valid rows are written, invalid ones reported.'),
  ingest_timeout_s: z
    .number()
    .positive()
    .default(300)
    .describe('Ingest (the SQL or the ingest function) is stopped after this many seconds; the batch then fails and the others run.'),
  backfill_slice: duration
    .default('1d')
    .describe('Backfill renders the batch\'s SQL once per slice this long, with {{ from }} / {{ to }} its bounds; a scheduled run renders the last slice before the clock.'),
  ingest_max_future: duration
    .default('1d')
    .describe('Rows timestamped more than this long after the run\'s clock are invalid rows (see ingest_invalid_rows), and jobs ignore stored points beyond it.'),
  alert_timeout_s: z
    .number()
    .positive()
    .default(10)
    .describe('Time limit of each request to Slack or the SMTP server (connecting, then each answer), in seconds.'),
  llmalert_timeout_s: z
    .number()
    .positive()
    .default(30)
    .describe('Time limit of each question to the LLM, in seconds.'),
  llmalert_max_s: z
    .number()
    .positive()
    .default(120)
    .describe('The llmalert job stops asking after this many seconds a run; metrics not asked are asked on the next run.'),
  health_failures_n: count(1)
    .default(3)
    .describe('Health: warn (run summary, report, the "anomstack health" issue) when this many of the batch\'s runs in a row failed.'),
  disable_batch: z.boolean().default(false).describe('Skip this batch entirely.'),
  metric_tags: z.record(z.string(), z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))).default(() => ({})),
  ...scheduleKeys,
  ...disableKeys,
  // The summary job (Anomstack's): a digest of the batch's last days, sent to the slack and email alert methods.
  summary_cron_schedule: cron.default('0 9 * * *').describe('When the summary job is due; at most one summary per period between two firings.'),
  summary_metric_timestamp_max_days_ago: z.number().positive().default(1).describe('The summary covers metric timestamps of the last this many days.'),
}).superRefine((config, ctx) => {
  // Severity names used elsewhere must be levels of alert_severity: a typo would route or label nothing.
  const levels = Object.keys(config.alert_severity);
  const unknownLevel = (level: string, path: (string | number)[]): void => {
    if (!levels.includes(level)) ctx.addIssue({ code: 'custom', path, input: level, message: `${level} is not a level of alert_severity (${levels.join(', ')})` });
  };
  for (const [metric, bounds] of Object.entries(config.tholdalert_thresholds)) {
    if (bounds.severity !== undefined) unknownLevel(bounds.severity, ['tholdalert_thresholds', metric, 'severity']);
  }
  for (const [index, route] of config.alert_routes.entries()) {
    for (const level of route.match.severity ?? []) unknownLevel(level, ['alert_routes', index, 'match', 'severity']);
  }
  // What a database cannot do without, reported on the `db` line (the key may come from the environment instead).
  for (const [key, variable] of Object.entries(REQUIRED_BY_DB[config.db])) {
    if (config[key as keyof typeof config] === undefined) {
      ctx.addIssue({ code: 'custom', path: ['db'], input: config.db, message: `db: ${config.db} needs ${key} (a key, or the variable ${variable})` });
    }
  }
});

/** The settings each database needs, with the variables that may give them instead of a key. */
const REQUIRED_BY_DB: Record<Db, Record<string, string>> = {
  duckdb: {}, motherduck: {}, postgres: {}, redshift: {}, clickhouse: {}, bigquery: {},
  sqlite: { sqlite_path: 'ANOMSTACK_SQLITE_PATH' },
  turso: { turso_database_url: 'ANOMSTACK_TURSO_DATABASE_URL' },
  snowflake: { snowflake_account: 'ANOMSTACK_SNOWFLAKE_ACCOUNT', snowflake_user: 'ANOMSTACK_SNOWFLAKE_USER' },
};

export type BatchConfig = z.infer<typeof batchConfigSchema>;
export type PreprocessParams = BatchConfig['preprocess_params'];
export type ModelConfig = BatchConfig['model_configs'][number];

export function isJobDisabled(config: BatchConfig, job: Job): boolean {
  // Anomstack calls the alert job "alerts"; both spellings switch it off.
  return config[`disable_${job}`] || (job === 'alert' && config.disable_alerts);
}

/** Keys (and nested keys) the schema knows, for "did you mean" hints and env overrides. */
export function knownKeys(schema: z.ZodType = batchConfigSchema): string[] {
  const inner = unwrap(schema);
  return inner instanceof z.ZodObject ? Object.keys(inner.shape) : [];
}

/** Strips default/optional/pipe wrappers to reach the schema that describes the value's shape. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (;;) {
    if (current instanceof z.ZodDefault || current instanceof z.ZodPrefault || current instanceof z.ZodOptional) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else {
      return current;
    }
  }
}

import { describe, expect, it } from 'vitest';
import { batchConfigSchema, isJobDisabled, knownKeys, type BatchConfig } from '../../src/config/schema.ts';

function parse(extra: Record<string, unknown> = {}): BatchConfig {
  return batchConfigSchema.parse({ metric_batch: 'b', ...extra });
}

function errorsOf(extra: Record<string, unknown>): { path: string; message: string }[] {
  const result = batchConfigSchema.safeParse({ metric_batch: 'b', ...extra });
  if (result.success) return [];
  return result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

describe('built-in defaults (Anomstack\'s, except the detector configuration, the snooze and the training window measured best on NAB)', () => {
  const config = parse();

  it('training and scoring windows', () => {
    // 5000, not Anomstack's 2500, and a hold-out Anomstack has not: README, How accurate is it?
    expect(config.train_max_n).toBe(5000);
    expect(config.train_holdout_n).toBe(50);
    expect(config.train_min_n).toBe(14);
    expect(config.score_max_n).toBe(25);
  });

  it('alert rule', () => {
    expect(config.alert_threshold).toBe(0.8);
    expect(config.alert_smooth_n).toBe(3);
    // 30, not Anomstack's 3: one alert per episode measures best on NAB (README, How accurate is it?).
    expect(config.alert_snooze_n).toBe(30);
    expect(config.alert_recent_n).toBe(1);
    expect(config.alert_always).toBe(false);
    expect(config.alert_methods).toEqual(['console']);
  });

  it('preprocessing: raw values (no diff, no smoothing), lags 2, no resampling', () => {
    expect(config.preprocess_params).toEqual({ diff_n: 0, smooth_n: 0, lags_n: 2, freq_agg: 'mean' });
    expect(config.preprocess_params.freq).toBeUndefined();
  });

  it('models: RelativeEntropy with 10 bins (combined by max when a batch adds more)', () => {
    expect(config.model_configs.map((m) => [m.model_name, m.model_params])).toEqual([['RelativeEntropy', { n_bins: 10 }]]);
    expect(config.model_combination_method).toBe('max');
  });

  it('storage: embedded DuckDB, table metrics, local models', () => {
    expect(config.db).toBe('duckdb');
    expect(config.table_key).toBe('metrics');
    expect(config.duckdb_path).toBe('.anomstack/anomstack.duckdb');
    expect(config.model_path).toBe('local://.anomstack/models');
    expect(config.ingest_invalid_rows).toBe('fail');
  });

  it('nothing disabled or excluded', () => {
    expect(config.disable_batch).toBe(false);
    for (const job of ['ingest', 'train', 'score', 'alert'] as const) expect(isJobDisabled(config, job)).toBe(false);
    expect(config.train_exclude_metrics).toEqual([]);
    expect(config.score_exclude_metrics).toEqual([]);
    expect(config.alert_exclude_metrics).toEqual([]);
    expect(config.metric_tags).toEqual({});
  });

  it('a partial preprocess_params keeps the other defaults', () => {
    expect(parse({ preprocess_params: { lags_n: 5 } }).preprocess_params).toEqual({ diff_n: 0, smooth_n: 0, lags_n: 5, freq_agg: 'mean' });
  });
});

describe('lists written as comma strings', () => {
  it('alert_methods accepts "console, github" and a YAML list alike', () => {
    expect(parse({ alert_methods: 'console, github' }).alert_methods).toEqual(['console', 'github']);
    expect(parse({ alert_methods: 'slack,email,' }).alert_methods).toEqual(['slack', 'email']);
    expect(parse({ alert_methods: ['email'] }).alert_methods).toEqual(['email']);
  });

  it('alert_methods refuses an unknown channel', () => {
    expect(errorsOf({ alert_methods: 'console,pager' })).toEqual([{ path: 'alert_methods.1', message: expect.stringMatching(/console/) }]);
  });

  it('exclude lists accept comma strings and globs are kept as written', () => {
    expect(parse({ score_exclude_metrics: 'a, tmp_*' }).score_exclude_metrics).toEqual(['a', 'tmp_*']);
  });
});

describe('cron schedules', () => {
  it('accepts standard expressions for every job key', () => {
    const config = parse({ ingest_cron_schedule: '*/5 * * * *', train_cron_schedule: '0 4 * * 1', alert_cron_schedule: '15 * * * *' });
    expect(config.ingest_cron_schedule).toBe('*/5 * * * *');
    expect(config.train_cron_schedule).toBe('0 4 * * 1');
    expect(config.alert_cron_schedule).toBe('15 * * * *');
    expect(config.score_cron_schedule).toBeUndefined();
  });

  it.each(['every five minutes', '61 * * * *', '* * 32 * *'])('refuses %j with an example of a valid one', (expr) => {
    expect(errorsOf({ score_cron_schedule: expr })).toEqual([
      { path: 'score_cron_schedule', message: 'expected a cron expression such as "*/5 * * * *"' },
    ]);
  });

  it("knows Anomstack's later-stage schedule and disable keys", () => {
    const keys = knownKeys();
    for (const key of ['change_cron_schedule', 'llmalert_cron_schedule', 'disable_llmalert', 'disable_plot']) expect(keys).toContain(key);
  });
});

describe('validation', () => {
  it('threshold must be within 0..1 and counts are integers', () => {
    expect(errorsOf({ alert_threshold: 1.1 }).map((e) => e.path)).toEqual(['alert_threshold']);
    expect(errorsOf({ alert_threshold: -0.1 }).map((e) => e.path)).toEqual(['alert_threshold']);
    expect(errorsOf({ alert_threshold: 0 })).toEqual([]);
    expect(errorsOf({ alert_threshold: 1 })).toEqual([]);
    expect(errorsOf({ train_min_n: 1.5 }).map((e) => e.path)).toEqual(['train_min_n']);
    expect(errorsOf({ alert_smooth_n: 0 }).map((e) => e.path)).toEqual(['alert_smooth_n']);
    expect(errorsOf({ alert_snooze_n: 0 })).toEqual([]);
  });

  it('model_configs needs at least one model; names match case-insensitively; params are checked', () => {
    expect(errorsOf({ model_configs: [] }).map((e) => e.path)).toEqual(['model_configs']);
    expect(errorsOf({ model_configs: [{ model_name: 'knn' }] })).toEqual([]);
    expect(errorsOf({ model_configs: [{ model_name: 'PCA', model_params: { contamination: 0.7 } }] })).toEqual([
      { path: 'model_configs.0.model_params.contamination', message: 'contamination must be at most 0.5' },
    ]);
  });

  it('the databases there are, the stores there are, and table_key must be an identifier', () => {
    expect(errorsOf({ db: 'oracle' }).map((e) => e.path)).toEqual(['db']);
    expect(errorsOf({ db: 'bigquery' })).toEqual([]);
    for (const url of ['s3://bucket/models', 'gs://bucket', 'az://container/a/b', 'local://.anomstack/models']) expect(errorsOf({ model_path: url })).toEqual([]);
    expect(errorsOf({ model_path: 'ftp://bucket/models' })).toEqual([
      { path: 'model_path', message: 'unknown store "ftp://"; expected local://<folder>, s3://<bucket>/<prefix>, gs://<bucket>/<prefix> or az://<container>/<prefix>' },
    ]);
    expect(errorsOf({ model_path: 's3://Bad_Bucket/models' })).toEqual([
      { path: 'model_path', message: '"Bad_Bucket" is not a bucket or container name (lower-case letters, digits, dots and dashes)' },
    ]);
    expect(errorsOf({ model_path: 'models' })).toEqual([
      { path: 'model_path', message: 'expected local://<folder>, s3://<bucket>/<prefix>, gs://<bucket>/<prefix> or az://<container>/<prefix>' },
    ]);
    expect(errorsOf({ table_key: 'metrics; DROP TABLE x' }).map((e) => e.path)).toEqual(['table_key']);
    expect(errorsOf({ table_key: 'analytics.metrics' })).toEqual([]);
  });

  it('disable_alerts (Anomstack spelling) and disable_alert both switch the alert job off', () => {
    expect(isJobDisabled(parse({ disable_alerts: true }), 'alert')).toBe(true);
    expect(isJobDisabled(parse({ disable_alert: true }), 'alert')).toBe(true);
    expect(isJobDisabled(parse({ disable_alerts: true }), 'score')).toBe(false);
    expect(isJobDisabled(parse({ disable_train: true }), 'train')).toBe(true);
  });

  it('freq must look like a pandas frequency', () => {
    expect(parse({ preprocess_params: { freq: '10min' } }).preprocess_params.freq).toBe('10min');
    expect(errorsOf({ preprocess_params: { freq: 'hourly' } }).map((e) => e.path)).toEqual(['preprocess_params.freq']);
  });
});

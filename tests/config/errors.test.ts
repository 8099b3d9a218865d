import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, formatIssue, type ConfigIssue } from '../../src/config/issues.ts';
import { loadBatches, type LoadResult } from '../../src/config/load.ts';
import { tempMetrics, type TempWorkspace } from '../helpers/metrics-dir.ts';

let ws: TempWorkspace | undefined;
afterEach(async () => {
  await ws?.cleanup();
  ws = undefined;
});

async function load(files: Record<string, string>, env: NodeJS.ProcessEnv = {}): Promise<LoadResult> {
  ws = await tempMetrics(files);
  return loadBatches(ws.metricsDir, { env });
}

/** The issues of the one failed batch. */
async function issuesOf(config: string, extra: Record<string, string> = {}): Promise<{ issues: ConfigIssue[]; message: string }> {
  const result = await load({ 'b/config.yaml': config, 'b/query.sql': 'SELECT 1', ...extra });
  expect(result.batches).toEqual([]);
  expect(result.failures).toHaveLength(1);
  const error = result.failures[0]?.error;
  expect(error).toBeInstanceOf(ConfigError);
  return { issues: error?.issues ?? [], message: error?.message ?? '' };
}

const CONFIG_FILE = /[/\\]b[/\\]config\.yaml$/;

describe('malformed YAML', () => {
  it('names the file and says it is invalid YAML', async () => {
    const { issues, message } = await issuesOf('alert_threshold: 0.5\nmetric_tags: [a,\nalert_smooth_n: 2\n');
    expect(issues[0]?.source).toMatch(CONFIG_FILE);
    expect(issues[0]?.severity).toBe('error');
    expect(message).toMatch(/config\.yaml:\d+: invalid YAML: /);
  });

  it('names the line of a malformed YAML file', async () => {
    const { issues, message } = await issuesOf('alert_threshold: 0.5\nmetric_tags: [a,\nalert_smooth_n: 2\n');
    expect(issues[0]?.line).toBe(3);
    expect(message).toMatch(/config\.yaml:3: invalid YAML/);
  });

  it('refuses duplicate keys instead of letting the last one win', async () => {
    const { message } = await issuesOf('alert_threshold: 0.5\nalert_threshold: 0.9\n');
    expect(message).toMatch(/invalid YAML: Map keys must be unique/);
  });

  it('refuses a YAML file that is not a map', async () => {
    const { issues } = await issuesOf('- alert_threshold: 0.5\n');
    expect(issues[0]).toMatchObject({ line: 1, message: 'expected a map of keys to values', value: [{ alert_threshold: 0.5 }] });
  });
});

describe('wrong values', () => {
  it('wrong type: file, line, key path, bad value and what was expected', async () => {
    const { issues, message } = await issuesOf('# a comment\nmetric_batch: b\nalert_threshold: high\n');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 3, path: 'alert_threshold', value: 'high', severity: 'error' });
    expect(issues[0]?.source).toMatch(CONFIG_FILE);
    expect(issues[0]?.message).toMatch(/expected number/);
    expect(message).toMatch(/config\.yaml:3: alert_threshold: .*expected number.*\(got "high"\)$/);
  });

  it('out of range: says the bound', async () => {
    const { issues } = await issuesOf('alert_smooth_n: 2\nalert_threshold: 1.5\n');
    expect(issues[0]).toMatchObject({ line: 2, path: 'alert_threshold', value: 1.5 });
    expect(issues[0]?.message).toMatch(/<=\s*1/);
  });

  it('nested key path preprocess_params.diff_n, on the nested line', async () => {
    const { issues, message } = await issuesOf('preprocess_params:\n  smooth_n: 2\n  diff_n: -1\n');
    expect(issues[0]).toMatchObject({ line: 3, path: 'preprocess_params.diff_n', value: -1 });
    expect(message).toContain('config.yaml:3: preprocess_params.diff_n: ');
    expect(message).toContain('(got -1)');
  });

  it('list index path model_configs[0].model_params.n_neighbors', async () => {
    const { issues } = await issuesOf('model_configs:\n  - model_name: KNN\n    model_params:\n      n_neighbors: 2.5\n');
    expect(issues[0]).toMatchObject({ line: 4, path: 'model_configs[0].model_params.n_neighbors', value: 2.5 });
    expect(issues[0]?.message).toMatch(/int/i);
  });

  it('unknown model_name lists the known models', async () => {
    const { issues, message } = await issuesOf('model_configs:\n  - model_name: PCA\n  - model_name: LOF\n');
    expect(issues[0]).toMatchObject({ line: 3, path: 'model_configs[1].model_name', value: 'LOF' });
    expect(issues[0]?.message).toBe('expected one of PCA, KNN, IForest, MAD, AR, Extreme, KNNCAD, RelativeEntropy, CADOSE');
    expect(message).toContain('config.yaml:3: model_configs[1].model_name: expected one of PCA, KNN, IForest, MAD, AR, Extreme, KNNCAD, RelativeEntropy, CADOSE (got "LOF")');
  });

  it('a misspelt model parameter names the allowed ones', async () => {
    const { issues } = await issuesOf('model_configs:\n  - model_name: KNN\n    model_params:\n      n_neighbours: 3\n');
    expect(issues[0]?.path).toMatch(/^model_configs\[0\]\.model_params/);
    expect(issues[0]?.message).toMatch(/unknown KNN parameter\(s\) "n_neighbours"; allowed: n_neighbors/);
  });

  it('alert_methods names the accepted channels', async () => {
    const { issues } = await issuesOf('alert_methods: console,pagerduty\n');
    expect(issues[0]?.path).toBe('alert_methods[1]');
    expect(issues[0]?.message).toMatch(/console.*github.*slack.*email/);
  });

  it('reports every error of a batch at once', async () => {
    const { issues } = await issuesOf('alert_smooth_n: 2\nalert_threshold: high\ntrain_min_n: 0\nscore_max_n: x\n');
    expect(issues.map((i) => i.path).sort()).toEqual(['alert_threshold', 'score_max_n', 'train_min_n']);
    expect(issues.map((i) => i.line).sort()).toEqual([2, 3, 4]);
  });

  it('names line 1 for a bad key on the first line of the file', async () => {
    const { issues, message } = await issuesOf('alert_threshold: high\n');
    expect(issues[0]?.line).toBe(1);
    expect(message).toMatch(/config\.yaml:1: alert_threshold: /);
  });

  it('a bad value set in defaults.yaml points at defaults.yaml', async () => {
    const { issues } = await issuesOf('alert_threshold: 0.5\n', { 'defaults.yaml': '# shared\nalert_smooth_n: zero\n' });
    expect(issues[0]).toMatchObject({ line: 2, path: 'alert_smooth_n', value: 'zero' });
    expect(issues[0]?.source).toMatch(/[/\\]metrics[/\\]defaults\.yaml$/);
  });

  it('a bad value from an environment variable names the variable, not the file', async () => {
    const result = await load({ 'b/config.yaml': 'ingest_sql: SELECT 1\nalert_threshold: 0.5\n' }, { ANOMSTACK_ALERT_SMOOTH_N: '-2' });
    const issue = result.failures[0]?.error.issues[0];
    expect(issue).toMatchObject({ source: 'environment variable ANOMSTACK_ALERT_SMOOTH_N', path: 'alert_smooth_n', value: -2 });
    expect(issue?.line).toBeUndefined();
  });

  it('a bad batch name', async () => {
    const { issues } = await issuesOf('# comment\nmetric_batch: "my batch"\n');
    expect(issues[0]).toMatchObject({ line: 2, path: 'metric_batch', value: 'my batch' });
    expect(issues[0]?.message).toMatch(/letters, digits/);
  });
});

describe('alert_threshold advice', () => {
  it('warns, at the key, when the threshold is low for detectors whose scores are ranks (Anomstack\'s PCA + KNN at 0.8)', async () => {
    const config = 'ingest_sql: SELECT 1\nmodel_configs:\n  - {model_name: pca}\n  - {model_name: KNN}\nalert_threshold: 0.8\n';
    const result = await load({ 'b/config.yaml': config });
    expect(result.failures).toEqual([]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ line: 5, path: 'alert_threshold', severity: 'warning' });
    expect(result.warnings[0]?.message).toMatch(/^0\.8 is low for pca, KNN: .* about 20% of normal points score above it; 0\.99 or more is usual/);
  });

  it('says nothing for the default Relative Entropy, or for ranked detectors at 0.99', async () => {
    expect((await load({ 'b/config.yaml': 'ingest_sql: SELECT 1\n' })).warnings).toEqual([]);
    const ranked = 'ingest_sql: SELECT 1\nmodel_configs:\n  - {model_name: PCA}\nalert_threshold: 0.99\n';
    expect((await load({ 'b/config.yaml': ranked })).warnings).toEqual([]);
  });
});

describe('unknown keys', () => {
  it('warn with the nearest valid key, and the batch still loads with the default', async () => {
    const result = await load({ 'b/config.yaml': 'ingest_sql: SELECT 1\n\nalert_treshold: 0.5\n' });
    expect(result.failures).toEqual([]);
    expect(result.batches[0]?.config.alert_threshold).toBe(0.8);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ line: 3, path: 'alert_treshold', severity: 'warning' });
    expect(result.warnings[0]?.message).toBe('unknown key, ignored; did you mean alert_threshold?');
    expect(formatIssue(result.warnings[0] as ConfigIssue)).toMatch(/config\.yaml:3: alert_treshold: unknown key, ignored; did you mean alert_threshold\?$/);
  });

  it('nested unknown keys get a hint from their own level', async () => {
    const result = await load({ 'b/config.yaml': 'ingest_sql: SELECT 1\npreprocess_params:\n  dif_n: 0\n' });
    expect(result.warnings.map((w) => [w.path, w.line, w.message])).toEqual([
      ['preprocess_params.dif_n', 3, 'unknown key, ignored; did you mean diff_n?'],
    ]);
  });

  it('an unknown key from an environment variable names the variable', async () => {
    const result = await load({ 'b/config.yaml': 'ingest_sql: SELECT 1\n' }, { ANOMSTACK__B__ALERT_TRESHOLD: '0.5' });
    expect(result.batches[0]?.config.alert_threshold).toBe(0.8);
    expect(result.warnings).toEqual([
      { source: 'environment variable ANOMSTACK__B__ALERT_TRESHOLD', path: 'alert_treshold', message: 'unknown key, ignored; did you mean alert_threshold?', severity: 'warning' },
    ]);
  });

  it('no hint when nothing is close', async () => {
    const result = await load({ 'b/config.yaml': 'ingest_sql: SELECT 1\nowner_team: data\n' });
    expect(result.warnings.map((w) => w.message)).toEqual(['unknown key, ignored']);
  });

  it('free-form maps (metric_tags) are not checked for unknown keys', async () => {
    const result = await load({ 'b/config.yaml': 'ingest_sql: SELECT 1\nmetric_tags:\n  m:\n    anything_goes: 1\n' });
    expect(result.warnings).toEqual([]);
    expect(result.batches[0]?.config.metric_tags).toEqual({ m: { anything_goes: 1 } });
  });
});

describe('ConfigError', () => {
  it('formats one line per issue: where, key, message, value', () => {
    const error = new ConfigError([
      { source: 'a.yaml', line: 4, path: 'x.y', message: 'expected number', value: 'q', severity: 'error' },
      { source: 'environment variable ANOMSTACK_X', path: 'x', message: 'bad', severity: 'error' },
    ]);
    expect(error.message).toBe('a.yaml:4: x.y: expected number (got "q")\nenvironment variable ANOMSTACK_X: x: bad');
    expect(error.name).toBe('ConfigError');
  });
});

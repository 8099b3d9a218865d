import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBatches, type LoadResult } from '../../src/config/load.ts';
import { tempMetrics, type TempWorkspace } from '../helpers/metrics-dir.ts';

let ws: TempWorkspace | undefined;
afterEach(async () => {
  await ws?.cleanup();
  ws = undefined;
});

async function load(files: Record<string, string>, env: NodeJS.ProcessEnv = {}, only?: string[]): Promise<LoadResult> {
  ws = await tempMetrics(files);
  return loadBatches(ws.metricsDir, { env, ...(only ? { only } : {}) });
}

function sqlOf(result: LoadResult, name: string): string {
  const batch = result.batches.find((b) => b.name === name);
  if (!batch) throw new Error(`batch ${name} not loaded: ${result.failures.map((f) => f.error.message).join('\n')}`);
  if (batch.ingest.kind !== 'sql') throw new Error(`batch ${name} has no SQL`);
  return batch.ingest.sql.trim();
}

describe('batch layouts', () => {
  it('loads our layout: <batch>/config.yaml with query.sql beside it, named after the folder', async () => {
    const result = await load({
      'sales/config.yaml': 'alert_threshold: 0.7\n',
      'sales/query.sql': "SELECT now() AS metric_timestamp, 'a' AS metric_name, 1 AS metric_value",
    });
    expect(result.failures).toEqual([]);
    expect(result.batches.map((b) => b.name)).toEqual(['sales']);
    const [batch] = result.batches;
    expect(batch?.config.metric_batch).toBe('sales');
    expect(batch?.config.alert_threshold).toBe(0.7);
    expect(batch?.dir).toBe(path.join(ws?.metricsDir ?? '', 'sales'));
    expect(batch?.ingest).toMatchObject({ kind: 'sql', sql: "SELECT now() AS metric_timestamp, 'a' AS metric_name, 1 AS metric_value" });
  });

  it('loads an ingest.js function batch', async () => {
    const result = await load({
      'fn/config.yaml': 'metric_batch: my_fn\n',
      'fn/ingest.js': 'export default async () => [];\n',
    });
    expect(result.failures).toEqual([]);
    const batch = result.batches[0];
    expect(batch?.name).toBe('my_fn');
    expect(batch?.ingest).toEqual({ kind: 'function', file: path.join(ws?.metricsDir ?? '', 'fn', 'ingest.js') });
  });

  it("loads Anomstack's layout: any *.yaml is a batch named after its stem, includes resolve from the metrics folder", async () => {
    const result = await load({
      'examples/hn/hn.yaml': 'ingest_sql: >\n  {% include "./examples/hn/hn.sql" %}\n',
      'examples/hn/hn.sql': "SELECT '{{ metric_batch }}' AS b, {{ alert_threshold }} AS t",
      'examples/weather/weather.yml': 'metric_batch: weather_named\ningest_sql: SELECT 1\n',
      'defaults.yaml': 'alert_threshold: 0.75\n',
    });
    expect(result.failures).toEqual([]);
    expect(result.batches.map((b) => b.name).sort()).toEqual(['hn', 'weather_named']);
    expect(sqlOf(result, 'hn')).toBe("SELECT 'hn' AS b, 0.75 AS t");
    expect(sqlOf(result, 'weather_named')).toBe('SELECT 1');
  });

  it('does not treat query.sql or ingest.js beside a non-config YAML as its ingest', async () => {
    const result = await load({ 'examples/x/x.yaml': 'metric_batch: x\nalert_threshold: 0.5\n', 'examples/x/query.sql': 'SELECT 1' });
    expect(result.batches).toEqual([]);
    expect(result.failures[0]?.error.message).toMatch(/x\.yaml: ingest_sql: no ingest defined/);
  });

  it('skips YAML files with no batch key at their top level, with a warning, and reads those with one', async () => {
    const result = await load({
      'ci/action.yml': 'name: not a batch\nruns:\n  using: node24\n',
      'notes.yaml': '# ingest_sql: commented out\nowner: data-team\n',
      'fn.yaml': 'ingest_fn: |\n  def ingest(): pass\n',
      'hn.yaml': 'ingest_sql: SELECT 1\n',
    });
    expect(result.batches.map((b) => b.name)).toEqual(['fn', 'hn']);
    expect(result.failures).toEqual([]);
    expect(result.warnings.map((w) => `${path.basename(w.source)}: ${w.message}`)).toEqual([
      'action.yml: not a batch (no config.yaml name, and no metric_batch, ingest_sql or ingest_fn key): ignored',
      'notes.yaml: not a batch (no config.yaml name, and no metric_batch, ingest_sql or ingest_fn key): ignored',
    ]);
  });
});

describe('defaults.yaml and deep merging', () => {
  it('overrides built-in defaults; nested maps merge key by key', async () => {
    const result = await load({
      'defaults.yaml': 'alert_threshold: 0.6\npreprocess_params:\n  diff_n: 1\n',
      'b/config.yaml': 'preprocess_params:\n  lags_n: 4\n',
      'b/query.sql': 'SELECT 1',
      'c/config.yaml': 'alert_threshold: 0.95\n',
      'c/query.sql': 'SELECT 1',
    });
    expect(result.failures).toEqual([]);
    const b = result.batches.find((x) => x.name === 'b');
    const c = result.batches.find((x) => x.name === 'c');
    expect(b?.config.preprocess_params).toEqual({ diff_n: 1, lags_n: 4, smooth_n: 0, freq_agg: 'mean' });
    expect(b?.config.alert_threshold).toBe(0.6);
    expect(c?.config.alert_threshold).toBe(0.95);
    expect(c?.config.preprocess_params.diff_n).toBe(1);
    expect(c?.config.preprocess_params.lags_n).toBe(2);
  });

  it("also reads Anomstack's metrics/defaults/defaults.yaml, which is not a batch", async () => {
    const result = await load({
      'defaults/defaults.yaml': 'train_min_n: 40\n',
      'b/config.yaml': 'ingest_sql: SELECT 1\n',
    });
    expect(result.failures).toEqual([]);
    expect(result.batches.map((b) => [b.name, b.config.train_min_n])).toEqual([['b', 40]]);
  });

  it('replaces lists rather than merging them', async () => {
    const result = await load({
      'defaults.yaml': 'model_configs:\n  - model_name: PCA\n  - model_name: KNN\n',
      'b/config.yaml': 'ingest_sql: SELECT 1\nmodel_configs:\n  - model_name: KNN\n    model_params: {n_neighbors: 3}\n',
    });
    expect(result.batches[0]?.config.model_configs).toEqual([{ model_name: 'KNN', model_params: { n_neighbors: 3 } }]);
  });

  it('a malformed defaults.yaml fails every batch with a message naming defaults.yaml', async () => {
    const result = await load({
      'defaults.yaml': 'alert_threshold: [0.5\n',
      'a/config.yaml': 'ingest_sql: SELECT 1\n',
      'b/config.yaml': 'ingest_sql: SELECT 1\n',
    });
    expect(result.batches).toEqual([]);
    expect(result.failures.map((f) => f.name)).toEqual(['a', 'b']);
    for (const failure of result.failures) expect(failure.error.message).toMatch(/[/\\]metrics[/\\]defaults\.yaml:\d+: invalid YAML/);
  });
});

describe('environment overrides', () => {
  const files = {
    'a/config.yaml': 'ingest_sql: SELECT 1\nalert_threshold: 0.5\n',
    'b/config.yaml': 'ingest_sql: SELECT 1\n',
  };

  it('ANOMSTACK_<KEY> applies to every batch and is parsed as a number', async () => {
    const result = await load(files, { ANOMSTACK_ALERT_THRESHOLD: '0.9', ANOMSTACK_ALERT_ALWAYS: 'true' });
    expect(result.failures).toEqual([]);
    for (const batch of result.batches) {
      expect(batch.config.alert_threshold).toBe(0.9);
      expect(batch.config.alert_always).toBe(true);
    }
  });

  it('ANOMSTACK__<BATCH>__<KEY> applies to that batch only and wins over the global variable', async () => {
    const result = await load(files, { ANOMSTACK_ALERT_THRESHOLD: '0.9', ANOMSTACK__A__ALERT_THRESHOLD: '0.55', ANOMSTACK__A__TRAIN_MIN_N: '30' });
    const a = result.batches.find((x) => x.name === 'a');
    const b = result.batches.find((x) => x.name === 'b');
    expect(a?.config.alert_threshold).toBe(0.55);
    expect(a?.config.train_min_n).toBe(30);
    expect(b?.config.alert_threshold).toBe(0.9);
    expect(b?.config.train_min_n).toBe(14);
  });

  it('a batch name with "-" or "." is addressed with "_" in its variable, as shells require', async () => {
    const result = await load({ 'my-app.v2/config.yaml': 'ingest_sql: SELECT 1\n' }, { ANOMSTACK__MY_APP_V2__SCORE_MAX_N: '7' });
    expect(result.batches[0]?.config.score_max_n).toBe(7);
  });

  it('defaults are fresh per batch: changing one batch\'s config cannot leak into another', async () => {
    const result = await load(files);
    const [a, b] = result.batches;
    const params = a?.config.model_configs[0]?.model_params;
    expect(params).toBeDefined();
    if (params) params['n_bins'] = 3;
    if (a) a.config.metric_tags['x'] = { k: 'v' };
    expect(b?.config.model_configs[0]?.model_params['n_bins']).toBe(10);
    expect(b?.config.metric_tags).toEqual({});
  });

  it('a YAML map in a variable deep-merges into a nested key', async () => {
    const result = await load(files, { ANOMSTACK__A__PREPROCESS_PARAMS: '{diff_n: 1}', ANOMSTACK__B__ALERT_METHODS: 'console,github' });
    expect(result.batches.find((x) => x.name === 'a')?.config.preprocess_params).toEqual({ diff_n: 1, smooth_n: 0, lags_n: 2, freq_agg: 'mean' });
    expect(result.batches.find((x) => x.name === 'b')?.config.alert_methods).toEqual(['console', 'github']);
  });

  it('ignores unknown global ANOMSTACK_ variables such as secrets, without warnings', async () => {
    const result = await load(files, { ANOMSTACK_SLACK_BOT_TOKEN: 'xoxb-secret', ANOMSTACK_DUCKDB_PATH_X: '1' });
    expect(result.failures).toEqual([]);
    expect(result.batches).toHaveLength(2);
    expect(result.warnings).toEqual([]);
    expect(JSON.stringify(result.batches.map((b) => b.config))).not.toContain('xoxb-secret');
  });

  it('a bad value from the environment names the variable', async () => {
    const result = await load(files, { ANOMSTACK__B__ALERT_THRESHOLD: 'high' });
    expect(result.batches.map((b) => b.name)).toEqual(['a']);
    const issue = result.failures[0]?.error.issues[0];
    expect(issue).toMatchObject({ source: 'environment variable ANOMSTACK__B__ALERT_THRESHOLD', path: 'alert_threshold', value: 'high' });
    expect(result.failures[0]?.error.message).toContain('environment variable ANOMSTACK__B__ALERT_THRESHOLD: alert_threshold:');
    expect(result.failures[0]?.error.message).toContain('(got "high")');
  });
});

describe('layout errors', () => {
  it('no ingest defined', async () => {
    const result = await load({ 'empty/config.yaml': 'alert_threshold: 0.5\n' });
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]?.error.message).toMatch(/empty[/\\]config\.yaml: ingest_sql: no ingest defined: set ingest_sql or ingest_fn, or put query\.sql, ingest\.js \(\.mjs, \.ts\) or ingest\.py beside config\.yaml/);
  });

  it('two ingests defined names both', async () => {
    const result = await load({
      'two/config.yaml': 'ingest_sql: SELECT 1\n',
      'two/ingest.js': 'export default async () => [];\n',
    });
    expect(result.batches).toEqual([]);
    const message = result.failures[0]?.error.message ?? '';
    expect(message).toMatch(/more than one ingest defined/);
    expect(message).toContain('ingest.js');
    expect(message).toMatch(/config\.yaml/);
  });

  it('takes a Python ingest_fn as Anomstack writes it; one that is not text is an error on its line', async () => {
    const result = await load({ 'py/py.yaml': 'metric_batch: py\ningest_fn: >\n  def ingest(): pass\n', 'bad/bad.yaml': 'metric_batch: bad\ningest_fn: [1, 2]\n' });
    expect(result.batches.map((b) => b.ingest)).toEqual([{ kind: 'python', source: 'def ingest(): pass\n', origin: expect.stringMatching(/py\.yaml$/) }]);
    const issue = result.failures[0]?.error.issues[0];
    expect(issue).toMatchObject({ path: 'ingest_fn', line: 2, message: 'expected Python source defining ingest()', value: [1, 2] });
  });

  it('duplicate batch names: neither loads, each failure names the other file, whatever the folder order', async () => {
    const result = await load({
      'a/config.yaml': 'ingest_sql: SELECT 1\n',
      'b/config.yaml': 'metric_batch: a\ningest_sql: SELECT 2\n',
      'c/config.yaml': 'ingest_sql: SELECT 3\n',
    });
    expect(result.batches.map((b) => b.name)).toEqual(['c']);
    expect(result.failures.map((f) => f.error.issues[0])).toMatchObject([
      { path: 'metric_batch', value: 'a' },
      { path: 'metric_batch', value: 'a', line: 1 },
    ]);
    expect(result.failures[0]?.error.message).toMatch(/a[/\\]config\.yaml: metric_batch: batch name also used by .*b[/\\]config\.yaml; batch names must be unique/);
    expect(result.failures[1]?.error.message).toMatch(/b[/\\]config\.yaml:1: metric_batch: batch name also used by .*a[/\\]config\.yaml/);
  });

  it('a bad batch does not stop the others from loading', async () => {
    const result = await load({
      'a/config.yaml': 'ingest_sql: SELECT 1\n',
      'b/config.yaml': 'alert_threshold: [\n',
      'c/config.yaml': 'alert_threshold: 2\ningest_sql: SELECT 1\n',
      'd/config.yaml': 'ingest_sql: SELECT 4\n',
    });
    expect(result.batches.map((b) => b.name)).toEqual(['a', 'd']);
    expect(result.failures.map((f) => f.name)).toEqual(['b', 'c']);
  });

  it('`only` keeps just the named batches, including failures', async () => {
    const files = {
      'a/config.yaml': 'ingest_sql: SELECT 1\n',
      'b/config.yaml': 'metric_batch: bee\ningest_sql: SELECT 1\n',
      'c/config.yaml': 'alert_threshold: [\n',
    };
    const result = await load(files, {}, ['bee', 'c']);
    expect(result.batches.map((b) => b.name)).toEqual(['bee']);
    expect(result.failures.map((f) => f.name)).toEqual(['c']);
    await ws?.cleanup();
    const none = await load(files, {}, ['a']);
    expect(none.batches.map((b) => b.name)).toEqual(['a']);
    expect(none.failures).toEqual([]);
  });
});

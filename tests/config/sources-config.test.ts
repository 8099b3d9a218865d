import { afterEach, describe, expect, it } from 'vitest';
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

function messages(result: LoadResult): string[] {
  return result.failures.flatMap((f) => f.error.issues.filter((i) => i.severity === 'error').map((i) => `${i.path}: ${i.message}${i.line ? ` (line ${i.line})` : ''}`));
}

describe('what each db needs', () => {
  it('reports a missing setting on the db line, and takes it from the environment as from a key', async () => {
    const yaml = 'alert_threshold: 0.9\ndb: sqlite\n';
    const missing = await load({ 'b/config.yaml': yaml, 'b/query.sql': 'SELECT 1' });
    expect(messages(missing)).toEqual(['db: db: sqlite needs sqlite_path (a key, or the variable ANOMSTACK_SQLITE_PATH) (line 2)']);
    const fromEnv = await load({ 'b/config.yaml': yaml, 'b/query.sql': 'SELECT 1' }, { ANOMSTACK_SQLITE_PATH: '/data/metrics.sqlite' });
    expect(fromEnv.failures).toEqual([]);
    expect(fromEnv.batches[0]?.config.sqlite_path).toBe('/data/metrics.sqlite');
  });

  it('snowflake needs its account and user; turso its URL; the others nothing', async () => {
    const result = await load({
      'sf/config.yaml': 'db: snowflake\nsnowflake_account: acme-prod\n',
      'sf/query.sql': 'SELECT 1',
      'tu/config.yaml': 'db: turso\n',
      'tu/query.sql': 'SELECT 1',
      'pg/config.yaml': 'db: postgres\n',
      'pg/query.sql': 'SELECT 1',
    });
    expect(messages(result)).toEqual([
      'db: db: snowflake needs snowflake_user (a key, or the variable ANOMSTACK_SNOWFLAKE_USER) (line 1)',
      'db: db: turso needs turso_database_url (a key, or the variable ANOMSTACK_TURSO_DATABASE_URL) (line 1)',
    ]);
    expect(result.batches.map((b) => b.name)).toEqual(['pg']);
  });

  it('an unknown db lists the ones there are', async () => {
    const result = await load({ 'b/config.yaml': 'db: oracle\n', 'b/query.sql': 'SELECT 1' });
    expect(messages(result)[0]).toMatch(/^db: Invalid option: expected one of "duckdb"\|"motherduck"\|"sqlite"\|"turso"\|"postgres"\|"redshift"\|"clickhouse"\|"bigquery"\|"snowflake"/);
  });
});

describe('secrets in a batch file', () => {
  it('are refused with the variable to use, and their value is not repeated', async () => {
    const result = await load({
      'defaults.yaml': 'clickhouse_password: hunter2hunter2\n',
      'b/config.yaml': 'db: clickhouse\nmotherduck_token: md-abcdef123456\n',
      'b/query.sql': 'SELECT 1',
    });
    expect(messages(result)).toEqual([
      'clickhouse_password: is a secret: set the environment variable ANOMSTACK_CLICKHOUSE_PASSWORD instead (in the action, from a repository secret), and remove it from this file (line 1)',
      'motherduck_token: is a secret: set the environment variable ANOMSTACK_MOTHERDUCK_TOKEN instead (in the action, from a repository secret), and remove it from this file (line 2)',
    ]);
    expect(result.failures[0]?.error.message).not.toMatch(/hunter2|md-abcdef/);
  });
});

describe('Python ingest functions', () => {
  it("Anomstack's ingest_fn, inline or included, and an ingest.py beside config.yaml", async () => {
    const result = await load({
      'inline/config.yaml': 'ingest_fn: |\n  def ingest():\n      return [{"metric_name": "{{ metric_batch }}"}]\n',
      'included/config.yaml': 'ingest_fn: >\n  {% include "./shared/ingest.py" %}\n',
      'shared/ingest.py': 'def ingest():\n    return []\n',
      'file/config.yaml': '{}\n',
      'file/ingest.py': 'def ingest(config, now):\n    return []\n',
    });
    expect(result.failures).toEqual([]);
    const spec = (name: string): unknown => result.batches.find((b) => b.name === name)?.ingest;
    expect(spec('inline')).toEqual({ kind: 'python', source: 'def ingest():\n    return [{"metric_name": "inline"}]\n', origin: expect.stringMatching(/inline[/\\]config\.yaml$/) });
    expect(spec('included')).toMatchObject({ kind: 'python', source: expect.stringContaining('def ingest():\n    return []') });
    expect(spec('file')).toEqual({ kind: 'python', source: 'def ingest(config, now):\n    return []\n', origin: expect.stringMatching(/file[/\\]ingest\.py$/) });
  });

  it('an ingest.py beside a query.sql is two ingests', async () => {
    const result = await load({ 'b/config.yaml': '{}\n', 'b/query.sql': 'SELECT 1', 'b/ingest.py': 'def ingest():\n    return []\n' });
    expect(messages(result)[0]).toMatch(/^: more than one ingest defined \(.*query\.sql, .*ingest\.py\); keep one/);
  });
});

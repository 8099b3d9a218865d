import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBatches, type LoadResult } from '../../src/config/load.ts';
import { renderTemplate } from '../../src/config/template.ts';
import { tempMetrics, type TempWorkspace } from '../helpers/metrics-dir.ts';

let ws: TempWorkspace | undefined;
afterEach(async () => {
  await ws?.cleanup();
  ws = undefined;
});

async function load(files: Record<string, string>): Promise<LoadResult> {
  ws = await tempMetrics(files);
  return loadBatches(ws.metricsDir, { env: {} });
}

function sqlOf(result: LoadResult, name: string): string {
  const batch = result.batches.find((b) => b.name === name);
  if (!batch) throw new Error(`batch ${name} not loaded: ${result.failures.map((f) => f.error.message).join('\n')}`);
  if (batch.ingest.kind !== 'sql') throw new Error(`batch ${name} has no SQL`);
  return batch.ingest.sql.trim();
}

describe('SQL templates', () => {
  it('renders config variables, custom keys and loops', async () => {
    const result = await load({
      't/config.yaml': 'metric_names: [a, b]\nalert_threshold: 0.7\n',
      't/query.sql': "{% for m in metric_names %}SELECT '{{ m }}' AS metric_name, {{ alert_threshold }} AS v{% if not loop.last %} UNION ALL {% endif %}{% endfor %}",
    });
    expect(result.failures).toEqual([]);
    expect(sqlOf(result, 't')).toBe("SELECT 'a' AS metric_name, 0.7 AS v UNION ALL SELECT 'b' AS metric_name, 0.7 AS v");
    // A custom key used by the template is a template variable, not an unknown key.
    expect(result.warnings).toEqual([]);
  });

  it('an undefined template variable is an error pointing at the file, line and column', async () => {
    const result = await load({ 't/config.yaml': 'alert_threshold: 0.7\n', 't/query.sql': 'SELECT 1,\n  {{ no_such_var }} AS x' });
    expect(result.batches).toEqual([]);
    expect(result.failures[0]?.error.message).toMatch(/query\.sql: template error: line 2, column \d+: "no_such_var" is not defined$/);
  });

  it('an undefined variable in inline ingest_sql points at the ingest_sql key', async () => {
    const result = await load({ 't/config.yaml': 'alert_threshold: 0.7\ningest_sql: SELECT {{ metric_bach }}\n' });
    expect(result.failures[0]?.error.issues[0]).toMatchObject({ path: 'ingest_sql', line: 2 });
    expect(result.failures[0]?.error.message).toMatch(/template error/);
  });

  // throwOnUndefined alone only covers {{ output }}; a loop over a misspelt variable would silently render nothing.
  it('a loop over an undefined variable is an error, not an empty loop', async () => {
    const result = await load({
      't/config.yaml': 'metric_names: [a, b]\n',
      't/query.sql': "SELECT 1 {% for m in metric_namez %} UNION ALL SELECT '{{ m }}'{% endfor %}",
    });
    expect(result.batches).toEqual([]);
    expect(result.failures[0]?.error.message).toMatch(/line 1, column \d+: "metric_namez" is not defined/);
  });

  it('cannot reach constructor to escape the sandbox', async () => {
    const marker = path.join(tmpdir(), `anomstack-pwned-${process.pid}`);
    const escape = `{{ metric_batch.constructor.constructor("process.getBuiltinModule('fs').writeFileSync('${marker}', 'x')")() }}`;
    const result = await load({ 't/config.yaml': 'alert_threshold: 0.7\n', 't/query.sql': `SELECT 1 ${escape}` });
    expect(result.batches).toEqual([]);
    expect(result.failures[0]?.error.message).toMatch(/template error: .*templates may not access "constructor"/);
    await expect(stat(marker)).rejects.toThrow();
  });

  it('cannot reach constructor through a computed subscript or __proto__ either', async () => {
    const result = await load({
      't/config.yaml': 'ingest_sql: SELECT \'{{ metric_batch["con" ~ "structor"] }}\'\n',
      'u/config.yaml': 'ingest_sql: SELECT \'{{ model_configs.__proto__ }}\'\n',
    });
    expect(result.batches).toEqual([]);
    expect(result.failures.find((f) => f.name === 't')?.error.message).toMatch(/templates may not access "constructor"/);
    expect(result.failures.find((f) => f.name === 'u')?.error.message).toMatch(/templates may not access "__proto__"/);
  });
});

describe('includes', () => {
  it('in our layout, "./" includes resolve from the including file; plain paths from the metrics folder', async () => {
    const result = await load({
      'b/config.yaml': 'alert_threshold: 0.7\n',
      'b/query.sql': '{% include "./part.sql" %} UNION ALL {% include "shared/common.sql" %}',
      'b/part.sql': "SELECT '{{ metric_batch }}' AS x",
      'shared/common.sql': 'SELECT {{ alert_threshold }} AS x',
    });
    expect(result.failures).toEqual([]);
    expect(sqlOf(result, 'b')).toBe("SELECT 'b' AS x UNION ALL SELECT 0.7 AS x");
  });

  it('refuses to include a file outside the metrics folder, even though it exists', async () => {
    const result = await load({ '../outside.sql': 'SELECT 1', 'b/config.yaml': '{}\n', 'b/query.sql': '{% include "../../outside.sql" %}' });
    expect(await stat(path.join(ws?.root ?? '', 'outside.sql')).then((s) => s.isFile())).toBe(true);
    expect(result.batches).toEqual([]);
    expect(result.failures[0]?.error.message).toMatch(/query\.sql: template error: .*template not found/);
  });

  it('a missing include is an error naming the include', async () => {
    const result = await load({ 'x.yaml': 'ingest_sql: |\n  {% include "./examples/none.sql" %}\n' });
    expect(result.failures[0]?.error.issues[0]).toMatchObject({ path: 'ingest_sql', line: 1 });
    expect(result.failures[0]?.error.message).toMatch(/template error: .*template not found: .*examples[/\\]none\.sql/);
  });
});

describe('renderTemplate', () => {
  it('supports filters, conditionals and set, without HTML escaping', () => {
    const sql = renderTemplate(
      "{% set t = table | default('metrics') %}SELECT * FROM {{ t }} WHERE name IN ({{ names | join(', ') }}){% if limit %} LIMIT {{ limit }}{% endif %} -- <&>",
      { names: ["'a'", "'b'"], limit: 5 },
      { searchPaths: [tmpdir()] },
    );
    expect(sql).toBe("SELECT * FROM metrics WHERE name IN ('a', 'b') LIMIT 5 -- <&>");
  });
});

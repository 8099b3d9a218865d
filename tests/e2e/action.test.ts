import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXAMPLES = path.join(ROOT, 'metrics');

/** Runs the committed bundle as the runner does: `node dist/index.js` with INPUT_* and GITHUB_* variables. */
async function runAction(cwd: string, inputs: Record<string, string>): Promise<{ code: number; stdout: string; summary: string; output: string }> {
  const summary = path.join(cwd, `summary-${Date.now()}.md`);
  const output = path.join(cwd, `output-${Date.now()}.txt`);
  await writeFile(summary, '');
  await writeFile(output, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    GITHUB_ACTIONS: 'true',
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: output,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
  const result = spawnSync(process.execPath, [path.join(ROOT, 'dist/index.js')], { cwd, env, encoding: 'utf8' });
  return { code: result.status ?? -1, stdout: result.stdout, summary: await readFile(summary, 'utf8'), output: await readFile(output, 'utf8') };
}

describe('the action, run the way the runner runs it', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'anomstack-action-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('runs the selected batch, writes the job summary and sets the anomalies output', async () => {
    const run = await runAction(work, { command: 'run', 'metrics-dir': EXAMPLES, batches: 'csv_orders' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('🔥 [csv_orders] orders looks anomalous');
    expect(run.summary).toContain('<h2>Anomstack</h2>');
    expect(run.summary).toMatch(/<td>csv_orders<\/td><td>ok<\/td><td>3<\/td><td>1200<\/td><td>90<\/td><td>4<\/td>/);
    expect(run.output).toMatch(/^anomalies<<(\S+)\n4\n\1$/m);
  });

  it('turns a config error into an annotation on the file and line, and fails the step', async () => {
    const metrics = path.join(work, 'metrics');
    await mkdir(path.join(metrics, 'typo'), { recursive: true });
    await writeFile(path.join(metrics, 'typo', 'config.yaml'), 'ingest_sql: select 1\nalert_threshold: high\n');
    const run = await runAction(work, { command: 'validate-me', 'metrics-dir': metrics });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::input "command" must be run or one of ingest, train, score, alert, change, tholdalert (got "validate-me")');
    const bad = await runAction(work, { command: 'run', 'metrics-dir': metrics });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/::error file=metrics\/typo\/config\.yaml,line=2::metrics\/typo\/config\.yaml:2: alert_threshold: .*\(got "high"\)/);
    expect(bad.stdout).toContain('::error::1 batch(es) failed: typo');
  });
});

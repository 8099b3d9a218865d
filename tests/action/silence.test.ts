/** The action's `command: silence`: the same silences as `anomstack silence`, kept in the action's state folder. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isFile } from '../../src/config/discover.ts';
import { disposeAfterEach, tempMetrics } from '../helpers/metrics-dir.ts';

const MAIN = pathToFileURL(path.resolve(import.meta.dirname, '../../src/action/main.ts')).href;
const track = disposeAfterEach();

/** The action's source run as the runner runs a step, with the given inputs. */
async function runAction(inputs: Record<string, string>, env: Record<string, string>): Promise<{ code: number; stdout: string }> {
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]));
  const child = spawn(process.execPath, ['--input-type=module', '-e', `const { runAction } = await import(${JSON.stringify(MAIN)}); await runAction();`], {
    env: { PATH: process.env['PATH'] ?? '', GITHUB_ACTIONS: 'true', ...env, ...inputEnv },
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code: code ?? -1, stdout };
}

describe('command: silence', () => {
  it('adds a silence to the state, lists it in the log and the job summary, and expires it', async () => {
    const ws = track(await tempMetrics({ 'shop/config.yaml': 'ingest_sql: SELECT 1\nsilences:\n  - {metric: refunds, reason: reworking bounds}\n' }));
    const state = path.join(ws.root, 'state');
    const summary = path.join(ws.root, 'summary.md');
    await writeFile(summary, '');
    const env = { GITHUB_STEP_SUMMARY: summary, GITHUB_EVENT_NAME: 'workflow_dispatch' };
    const base = { command: 'silence', 'metrics-dir': ws.metricsDir, state, batches: 'shop' };

    const added = await runAction({ ...base, silence: 'add', 'silence-metric': 'payments_*', 'silence-until': '2099-01-01', 'silence-reason': 'provider migration' }, env);
    expect(added.code, added.stdout).toBe(0);
    expect(added.stdout).toContain('silence #1 on shop: payments_* until 2099-01-01 00:00 UTC: provider migration');
    // Kept in the batch's database in the state folder, which the scheduled runs read.
    expect(await isFile(path.join(state, 'anomstack.duckdb'))).toBe(true);

    const listed = await runAction({ ...base, silence: 'list' }, env);
    expect(listed.code, listed.stdout).toBe(0);
    expect(listed.stdout).toMatch(/config\s+shop\s+refunds\s+all\s+until removed\s+active\s+reworking bounds/);
    expect(listed.stdout).toMatch(/#1\s+shop\s+payments_\*\s+all\s+until 2099-01-01 00:00 UTC\s+active\s+provider migration/);
    expect(await readFile(summary, 'utf8')).toContain('<h3>Silences</h3>');

    const expired = await runAction({ ...base, silence: 'expire', 'silence-id': '1' }, env);
    expect(expired.code, expired.stdout).toBe(0);
    expect(expired.stdout).toContain('silence #1 on shop expired');
    expect((await runAction({ ...base, silence: 'list' }, env)).stdout).toMatch(/#1\s+shop\s+payments_\*.*\sexpired\s/);
  }, 60_000);

  it('a bad silence input or a missing reason fails the step, saying what is wrong', async () => {
    const ws = track(await tempMetrics({ 'shop/config.yaml': 'ingest_sql: SELECT 1\n' }));
    const base = { command: 'silence', 'metrics-dir': ws.metricsDir, state: path.join(ws.root, 'state'), batches: 'shop' };
    const bad = await runAction({ ...base, silence: 'mute' }, {});
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toContain('input "silence" must be add, list or expire (got "mute")');
    const noReason = await runAction({ ...base, silence: 'add', 'silence-metric': 'orders' }, {});
    expect(noReason.code).not.toBe(0);
    expect(noReason.stdout).toContain('silence add needs silence-reason TEXT');
  }, 60_000);
});

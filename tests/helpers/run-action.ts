/** The action as the runner runs it: `node dist/index.js` with INPUT_* and GITHUB_* variables. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const EXAMPLES = path.join(ROOT, 'metrics');
/** The bundle under test: the committed dist/, or a build of work in progress (ANOMSTACK_TEST_DIST, a folder in the repository). */
export const DIST = process.env['ANOMSTACK_TEST_DIST'] ? path.resolve(process.env['ANOMSTACK_TEST_DIST']) : path.join(ROOT, 'dist');

export interface ActionRun {
  code: number;
  stdout: string;
  summary: string;
  output: string;
}

/** Runs the bundle in `cwd`; returns its exit code, log (stdout and stderr), job summary and outputs file. */
export async function runAction(cwd: string, inputs: Record<string, string>, extraEnv: Record<string, string> = {}): Promise<ActionRun> {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const summary = path.join(cwd, `summary-${stamp}.md`);
  const output = path.join(cwd, `output-${stamp}.txt`);
  await writeFile(summary, '');
  await writeFile(output, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    GITHUB_ACTIONS: 'true',
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: output,
    ...extraEnv,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
  // Asynchronous: the local servers a test starts answer from this process's event loop.
  const child = spawn(process.execPath, [path.join(DIST, 'index.js')], { cwd, env });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code: code ?? -1, stdout, summary: await readFile(summary, 'utf8'), output: await readFile(output, 'utf8') };
}

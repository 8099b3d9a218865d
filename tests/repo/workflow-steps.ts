/**
 * Workflow files read and their `run:` steps run as GitHub's runner runs them, for the tests of .github (a machine
 * without the runner can still run a step's shell with its env), and git in temporary repositories.
 */
import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../helpers/run-action.ts';

export interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
export interface Job {
  if?: string;
  permissions?: unknown;
  steps: Step[];
}
export interface Workflow {
  on: Record<string, unknown>;
  permissions?: unknown;
  jobs: Record<string, Job>;
}

export const GITHUB_DIR = path.join(ROOT, '.github');

export async function yamlFiles(): Promise<string[]> {
  const names = await readdir(GITHUB_DIR, { recursive: true });
  return names.filter((name) => /\.ya?ml$/.test(name)).map((name) => path.join(GITHUB_DIR, name)).sort();
}

/** A file under .github, parsed. */
export async function workflow(relative: string): Promise<Workflow> {
  return parse(await readFile(path.join(GITHUB_DIR, relative), 'utf8')) as Workflow;
}

/** The workflows and the examples users copy: every file with jobs, by its path in the repository. */
export async function allWorkflows(): Promise<Array<[string, Workflow]>> {
  const parsed = await Promise.all((await yamlFiles()).map(async (file) => [path.relative(ROOT, file), parse(await readFile(file, 'utf8')) as unknown] as const));
  return parsed.filter((entry): entry is [string, Workflow] => typeof entry[1] === 'object' && entry[1] !== null && 'jobs' in entry[1]);
}

export function step(job: Job, name: string): Step {
  const found = job.steps.find((s) => s.name === name || s.id === name);
  if (!found) throw new Error(`no step "${name}" in ${job.steps.map((s) => s.name ?? s.id ?? s.uses).join(', ')}`);
  return found;
}

/** `${{ expr }}` replaced from `context`; an expression it does not hold is an error, not an empty string. */
function resolve(value: string, context: Record<string, string>): string {
  return value.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expression: string) => {
    const resolved = context[expression];
    if (resolved === undefined) throw new Error(`the test cannot evaluate \${{ ${expression} }}`);
    return resolved;
  });
}

export interface StepRun {
  code: number;
  log: string;
}

/** A `run:` step as the runner runs it on Linux (bash --noprofile --norc -eo pipefail), its env resolved from `context`. */
export function runStep(s: Step, cwd: string, context: Record<string, string>, env: Record<string, string> = {}): StepRun {
  if (!s.run) throw new Error(`step ${s.name ?? s.id} has no run:`);
  const stepEnv = Object.fromEntries(Object.entries(s.env ?? {}).map(([k, v]) => [k, resolve(String(v), context)]));
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', s.run], {
    cwd,
    env: { PATH: process.env['PATH'], HOME: cwd, ...env, ...stepEnv },
    encoding: 'utf8',
  });
  if (result.error) throw result.error;
  return { code: result.status ?? -1, log: result.stdout + result.stderr };
}

/** The outputs an action wrote to its GITHUB_OUTPUT file (name<<delimiter ... delimiter). */
export function githubOutputs(text: string): Record<string, string> {
  return Object.fromEntries([...text.matchAll(/^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)].map((m) => [m[1] ?? '', m[3] ?? '']));
}

/** Commits and tags made in temporary repositories carry this identity, whatever the machine's git config says. */
export const GIT_ENV = {
  GIT_AUTHOR_NAME: 'release test',
  GIT_AUTHOR_EMAIL: 'release@example.test',
  GIT_COMMITTER_NAME: 'release test',
  GIT_COMMITTER_EMAIL: 'release@example.test',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
};

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** A command in `cwd` with GIT_ENV; its exit code and output. */
export function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Ran {
  const result = spawnSync(command, args, { cwd, env: { PATH: process.env['PATH'], HOME: cwd, ...GIT_ENV, ...env }, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** `git ...` in `cwd`; throws with git's message on failure. */
export function git(cwd: string, ...args: string[]): string {
  const result = run('git', args, cwd);
  if (result.code !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

/**
 * `command: pr-check`, the git side: which pull request this is (from the event payload), which batches it
 * changes and the base branch's metrics folder, all read from the checkout's history so the check needs no API
 * permission. The workflow checks out with `fetch-depth: 0`, so the base commit is there to read.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, realpath } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PullRequest {
  number: number;
  baseSha: string;
  headSha: string;
  /** `owner/name` of the repository the workflow runs in (the pull request's base). */
  repository: string;
  /** `owner/name` the head branch lives in; null when the fork was deleted. */
  headRepository: string | null;
  /** A pull request from another repository: its run gets a read-only token and no secrets. */
  fromFork: boolean;
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** The pull request of a `pull_request` event; throws a clear error for any other event or a payload without one. */
export function readPullRequest(env: NodeJS.ProcessEnv): PullRequest {
  const event = env['GITHUB_EVENT_NAME'] ?? '';
  const eventPath = env['GITHUB_EVENT_PATH'];
  if (!eventPath) throw new Error(`command: pr-check needs the pull_request event's payload (GITHUB_EVENT_PATH is unset; the event is "${event}")`);
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(eventPath, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the event payload at ${eventPath}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const pr = field(payload, 'pull_request');
  if (!isRecord(pr)) throw new Error(`command: pr-check runs on pull_request events; the ${event || 'triggering'} event's payload at ${eventPath} has no pull_request`);
  const baseSha = field(field(pr, 'base'), 'sha');
  const headSha = field(field(pr, 'head'), 'sha');
  const number = field(pr, 'number');
  for (const [name, sha] of [['pull_request.base.sha', baseSha], ['pull_request.head.sha', headSha]] as const) {
    if (typeof sha !== 'string' || !SHA.test(sha)) throw new Error(`${eventPath}: ${name} must be a commit SHA (got ${JSON.stringify(sha)})`);
  }
  if (typeof number !== 'number') throw new Error(`${eventPath}: pull_request.number must be a number (got ${JSON.stringify(number)})`);
  const repository = String(field(field(payload, 'repository'), 'full_name') ?? env['GITHUB_REPOSITORY'] ?? '');
  const headRepo = field(field(pr, 'head'), 'repo');
  const headRepository = isRecord(headRepo) && typeof headRepo['full_name'] === 'string' ? headRepo['full_name'] : null;
  // `head.repo.fork` alone is not enough: in a repository that is itself a fork, its own branches say fork: true.
  const fromFork = headRepository === null || headRepository.toLowerCase() !== repository.toLowerCase();
  return { number, baseSha: baseSha as string, headSha: headSha as string, repository, headRepository, fromFork };
}

/** Where the metrics folder sits in the repository. */
export interface MetricsLocation {
  /** The repository's top folder. */
  top: string;
  /** The metrics folder relative to it ('' for the top itself), with forward slashes as git writes paths. */
  relative: string;
}

export async function locateMetrics(metricsDir: string): Promise<MetricsLocation> {
  const absolute = await realpath(path.resolve(metricsDir)).catch(() => path.resolve(metricsDir));
  const { stdout } = await git(path.dirname(absolute), ['rev-parse', '--show-toplevel']).catch((error: unknown) => {
    throw new Error(`command: pr-check reads the pull request from git, but ${metricsDir} is not in a git checkout: ${message(error)}`, { cause: error });
  });
  const top = await realpath(stdout.trim());
  return { top, relative: path.relative(top, absolute).split(path.sep).join('/') };
}

/** Paths (relative to the metrics folder) the pull request changes under it: added, modified, deleted, both sides of a rename. */
export async function changedPaths(where: MetricsLocation, pr: PullRequest): Promise<string[]> {
  await requireCommit(where.top, pr.baseSha, 'base');
  await requireCommit(where.top, pr.headSha, 'head');
  // Three dots: what the branch changed since it left the base, not what the base gained meanwhile.
  const args = ['diff', '--name-only', '--no-renames', '-z', `${pr.baseSha}...${pr.headSha}`, '--', where.relative || '.'];
  const { stdout } = await git(where.top, args);
  const prefix = where.relative ? `${where.relative}/` : '';
  return stdout.split('\0').filter((p) => p !== '' && p.startsWith(prefix)).map((p) => p.slice(prefix.length));
}

/**
 * The metrics folder as the base commit has it, written to a temporary folder; null when the base has no metrics
 * folder (the pull request adds it).
 */
export async function baseMetricsDir(where: MetricsLocation, pr: PullRequest): Promise<string | null> {
  const tree = where.relative ? `${pr.baseSha}:${where.relative}` : `${pr.baseSha}:`;
  const exists = await git(where.top, ['cat-file', '-e', tree]).then(() => true, () => false);
  if (!exists) return null;
  const parent = process.env['RUNNER_TEMP'] || tmpdir();
  await mkdir(parent, { recursive: true });
  const scratch = await mkdtemp(path.join(parent, 'anomstack-pr-base-'));
  const dir = path.join(scratch, 'metrics');
  await mkdir(dir);
  const archive = path.join(scratch, 'base.tar');
  await git(where.top, ['archive', '--format=tar', '-o', archive, tree]);
  await run('tar', ['-xf', archive, '-C', dir]);
  return dir;
}

/**
 * Names of the batches a change touches. A folder batch (`<batch>/config.yaml`) owns its folder (the ingest and
 * preprocess files beside it); an Anomstack-style YAML owns its file. `defaults.yaml` changes every batch.
 */
export function touchedBatches(
  batches: readonly { name: string; file: string }[],
  metricsDir: string,
  changed: readonly string[],
): string[] {
  const root = path.resolve(metricsDir);
  if (changed.some((p) => /(^|\/)defaults\.ya?ml$/.test(p))) return batches.map((b) => b.name);
  return batches
    .filter((batch) => {
      const file = path.relative(root, path.resolve(batch.file)).split(path.sep).join('/');
      const folder = /(^|\/)config\.ya?ml$/.test(file) ? path.posix.dirname(file) : null;
      return changed.some((p) => p === file || (folder !== null && (folder === '.' || p.startsWith(`${folder}/`))));
    })
    .map((b) => b.name);
}

async function requireCommit(top: string, sha: string, side: string): Promise<void> {
  const ok = await git(top, ['cat-file', '-e', `${sha}^{commit}`]).then(() => true, () => false);
  if (!ok) {
    throw new Error(`the pull request's ${side} commit ${sha} is not in the checkout: check out with \`fetch-depth: 0\` (actions/checkout) so pr-check can read the base branch's configs`);
  }
}

function git(cwd: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 });
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function field(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

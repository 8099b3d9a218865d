/**
 * `command: pr-check` end to end: a real git repository made here (a base commit and a pull request's head), the
 * action's source run as the runner runs it (a child process with INPUT_* and the event payload), and the local
 * GitHub REST server standing in for the pull request's conversation.
 */
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { STICKY_MARKER } from '../../src/action/pr-comment.ts';
import { GitHubServer } from '../helpers/github-server.ts';
import { decodePng, ink } from '../plots/png.ts';
import { EXAMPLES, ROOT, type ActionRun } from '../helpers/run-action.ts';

const exec = promisify(execFile);
const PR = 1;

/**
 * The action's source (src/action-entry.ts, which dist/index.js bundles) started the way the runner starts the
 * bundle, so the test exercises this work without a rebuild of dist/.
 */
async function runSource(cwd: string, inputs: Record<string, string>, extraEnv: Record<string, string>): Promise<ActionRun> {
  const summary = path.join(cwd, `summary-${Date.now()}-${Math.random().toString(36).slice(2, 8)}.md`);
  const output = `${summary}.out`;
  await writeFile(summary, '');
  await writeFile(output, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'], GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output, ...extraEnv,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
  const child = spawn(process.execPath, [path.join(ROOT, 'src', 'action-entry.ts')], { cwd, env });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  const [code] = (await once(child, 'close')) as [number | null];
  const written = await readFile(summary, 'utf8');
  await rm(summary);
  return { code: code ?? -1, stdout, summary: written, output: await readFile(output, 'utf8') };
}

async function git(cwd: string, ...args: string[]): Promise<string> {
  return (await exec('git', args, { cwd })).stdout.trim();
}

/** A repository with two batches (`orders` and `returns`, both the CSV example) committed on main: the base. */
async function makeRepository(work: string): Promise<{ repo: string; base: string }> {
  const repo = await mkdtemp(path.join(work, 'repo-'));
  await git(repo, 'init', '--quiet', '--initial-branch=main');
  await git(repo, 'config', 'user.email', 'test@example.com');
  await git(repo, 'config', 'user.name', 'Test');
  for (const name of ['orders', 'returns']) {
    const dir = path.join(repo, 'metrics', name);
    await cp(path.join(EXAMPLES, 'csv_orders'), dir, { recursive: true });
    const config = await readFile(path.join(dir, 'config.yaml'), 'utf8');
    await writeFile(path.join(dir, 'config.yaml'), config.replace('metric_batch: csv_orders', `metric_batch: ${name}`));
  }
  await git(repo, 'add', '.');
  await git(repo, 'commit', '--quiet', '-m', 'base');
  await git(repo, 'checkout', '--quiet', '-b', 'change');
  return { repo, base: await git(repo, 'rev-parse', 'HEAD') };
}

async function commit(repo: string, file: string, text: string, mode: 'append' | 'write' = 'append'): Promise<string> {
  if (mode === 'append') await appendFile(path.join(repo, file), text);
  else await writeFile(path.join(repo, file), text);
  await git(repo, 'add', '.');
  await git(repo, 'commit', '--quiet', '-m', `change ${file}`);
  return git(repo, 'rev-parse', 'HEAD');
}

interface Event {
  base: string;
  head: string;
  headRepo?: string;
}

async function writeEvent(repo: string, event: Event): Promise<string> {
  const file = path.join(repo, '..', `event-${event.head}.json`);
  const payload = {
    action: 'synchronize',
    number: PR,
    pull_request: { number: PR, base: { sha: event.base, repo: { full_name: 'acme/metrics' } }, head: { sha: event.head, repo: { full_name: event.headRepo ?? 'acme/metrics', fork: event.headRepo !== undefined } } },
    repository: { full_name: 'acme/metrics' },
  };
  await writeFile(file, JSON.stringify(payload));
  return file;
}

describe('command: pr-check', () => {
  let work: string;
  let server: GitHubServer;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'anomstack-pr-check-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });
  beforeEach(async () => {
    server = await GitHubServer.start();
    // The pull request's conversation: in the REST API a pull request is an issue with the same number.
    server.seedIssue('octocat', 'Tune the orders batch', '', []);
  });
  afterEach(async () => {
    await server.close();
  });

  const check = async (repo: string, event: Event, inputs: Record<string, string> = {}): Promise<ActionRun> =>
    runSource(repo, { command: 'pr-check', 'github-token': 'action-token', ...inputs }, {
      GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: await writeEvent(repo, event), GITHUB_API_URL: server.url,
      GITHUB_REPOSITORY: 'acme/metrics', GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '77', RUNNER_TEMP: path.join(repo, '..', '_temp'),
    });

  const commentRequests = () => server.requests.filter((r) => r.path.includes('/comments'));

  it('posts one sticky comment with alerts before -> after per metric and edits it in place on the next push', async () => {
    const { repo, base } = await makeRepository(work);
    const head = await commit(repo, 'metrics/orders/config.yaml', '\nalert_threshold: 0.5\n');
    const first = await check(repo, { base, head });
    expect(first.code, first.stdout).toBe(0);
    const comments = server.issue(PR).comments;
    expect(comments).toHaveLength(1);
    const body = comments[0]?.body ?? '';
    expect(body.startsWith(STICKY_MARKER)).toBe(true);
    // Only the changed batch is compared.
    expect(body).toContain('### `orders`');
    expect(body).not.toContain('`returns`');
    // Per metric: alerts before -> after (a lower threshold alerts at least as often), and the alert times.
    const row = /\| `refunds` \| (\d+) → (\d+) \| ([^|]+) \|/.exec(body);
    expect(row, body).not.toBeNull();
    expect(Number(row?.[2])).toBeGreaterThan(Number(row?.[1]));
    expect(row?.[3]).toMatch(/2026-\d\d-\d\d 00:00 \(new\)/);
    for (const metric of ['orders', 'revenue']) expect(body).toMatch(new RegExp(`\\| \`${metric}\` \\| \\d+ → \\d+ \\|`));
    // The text chart of the new config's alerts.
    expect(body).toMatch(/<code>[▁▂▃▄▅▆▇█]+<\/code><br><code>[·▲]*▲[·▲]*<\/code>/);
    // The same result in the job summary, and the CSVs for the artifact.
    expect(first.summary).toContain('alerts before → after');
    expect(await readFile(path.join(repo, 'anomstack-report', 'pr-check', 'orders.after.csv'), 'utf8')).toMatch(/^metric_name,metric_timestamp,metric_value,score,alert\norders,/);
    // The plot job's chart of the new config's alerts, for the artifact, named and linked in the comment.
    expect(body).toContain("Chart of this pull request's alerts: `orders.png` in the [run's artifact](https://github.com/acme/metrics/actions/runs/77#artifacts)");
    const png = decodePng(await readFile(path.join(repo, 'anomstack-report', 'pr-check', 'orders.png')));
    expect(png.width).toBeGreaterThan(400);
    expect(ink(png).colours).toBeGreaterThan(20);
    // Where the history came from: no cache service here, so one ingest.
    expect(body).toContain('Cold start');

    // A new push: the same comment, edited, not a second one.
    const next = await commit(repo, 'metrics/orders/config.yaml', 'alert_smooth_n: 1\n');
    const second = await check(repo, { base, head: next });
    expect(second.code, second.stdout).toBe(0);
    expect(server.issue(PR).comments).toHaveLength(1);
    expect(server.issue(PR).comments[0]?.id).toBe(comments[0]?.id);
    expect(server.issue(PR).comments[0]?.body).toContain(next.slice(0, 7));
    expect(server.issue(PR).comments[0]?.body).not.toBe(body);
    expect(commentRequests().map((r) => r.method)).toEqual(['GET', 'POST', 'GET', 'PATCH']);
  });

  it('annotates a bad config in the head on its file and line and fails the check', async () => {
    const { repo, base } = await makeRepository(work);
    const head = await commit(repo, 'metrics/orders/config.yaml', '\nalert_threshold: high\n');
    const run = await check(repo, { base, head });
    expect(run.code).toBe(1);
    const line = (await readFile(path.join(repo, 'metrics', 'orders', 'config.yaml'), 'utf8')).split('\n').indexOf('alert_threshold: high') + 1;
    expect(run.stdout).toMatch(new RegExp(`::error file=metrics/orders/config\\.yaml,line=${line}::metrics/orders/config\\.yaml:${line}: alert_threshold: .*\\(got "high"\\)`));
    expect(run.stdout).toContain('::error::1 changed batch(es) have config errors: orders');
    // The comment still tells the reviewer.
    expect(server.issue(PR).comments[0]?.body).toContain('### `orders` ❌ invalid config');
  });

  it('from a fork: validates and backtests, writes the job summary, makes no comment request and says what it skipped', async () => {
    const { repo, base } = await makeRepository(work);
    const head = await commit(repo, 'metrics/orders/config.yaml', '\nalert_threshold: 0.5\n');
    const run = await check(repo, { base, head, headRepo: 'someone/metrics' });
    expect(run.code, run.stdout).toBe(0);
    expect(server.requests).toEqual([]);
    expect(run.summary).toContain('**Skipped:**');
    expect(run.summary).toContain('the sticky comment: this pull request comes from a fork (someone/metrics), whose runs get a read-only token');
    expect(run.summary).toMatch(/\| `refunds` \| \d+ → \d+ \|/);
  });

  it('from a fork: a source that needs a secret is skipped with the reason, and does not fail the check', async () => {
    const { repo, base } = await makeRepository(work);
    await cp(path.join(EXAMPLES, 'js_function'), path.join(repo, 'metrics', 'vendor_api'), { recursive: true });
    await commit(repo, 'metrics/vendor_api/config.yaml', (await readFile(path.join(EXAMPLES, 'js_function', 'config.yaml'), 'utf8')).replace('metric_batch: js_function', 'metric_batch: vendor_api'), 'write');
    // Reads a credential a fork's run does not get.
    const head = await commit(repo, 'metrics/vendor_api/ingest.js', 'export default () => { if (!process.env.VENDOR_API_KEY) throw new Error("VENDOR_API_KEY is not set"); return []; };\n', 'write');
    const fork = await check(repo, { base, head, headRepo: 'someone/metrics' });
    expect(fork.code, fork.stdout).toBe(0);
    expect(fork.summary).toContain('the backtest of `vendor_api`: its source could not be read without the repository\'s secrets');
    expect(fork.summary).toContain('### `vendor_api` (backtest skipped)');
    expect(fork.summary).toContain('VENDOR_API_KEY is not set');
    // On a branch of the repository the same failure is the check's.
    const own = await check(repo, { base, head });
    expect(own.code).toBe(1);
    expect(own.stdout).toContain('::error::backtest failed for 1 changed batch(es)');
  });

  it('writes the job summary instead when the token may not comment (403), and adds a new batch as new', async () => {
    const { repo, base } = await makeRepository(work);
    await cp(path.join(repo, 'metrics', 'returns'), path.join(repo, 'metrics', 'refunds_only'), { recursive: true });
    const head = await commit(repo, 'metrics/refunds_only/config.yaml', (await readFile(path.join(repo, 'metrics', 'returns', 'config.yaml'), 'utf8')).replace('metric_batch: returns', 'metric_batch: refunds_only'), 'write');
    server.failNext(1, 403, true);
    const run = await check(repo, { base, head });
    expect(run.code, run.stdout).toBe(0);
    expect(server.issue(PR).comments).toEqual([]);
    expect(run.summary).toContain('the sticky comment: GitHub answered 403 (the token may not write to pull requests: give the job `pull-requests: write`)');
    expect(run.summary).toContain('### `refunds_only` (new batch)');
    expect(run.summary).toMatch(/\| `refunds` \| – → \d+ \|/);
  });

  it('names what is missing: a base commit the checkout lacks, or an event that is not a pull request', async () => {
    const { repo } = await makeRepository(work);
    const head = await commit(repo, 'metrics/orders/config.yaml', '\nalert_threshold: 0.5\n');
    const shallow = await check(repo, { base: 'f'.repeat(40), head });
    expect(shallow.code).toBe(1);
    expect(shallow.stdout).toContain(`::error::the pull request's base commit ${'f'.repeat(40)} is not in the checkout: check out with \`fetch-depth: 0\``);
    const event = path.join(repo, '..', 'push.json');
    await writeFile(event, JSON.stringify({ ref: 'refs/heads/main' }));
    const push = await runSource(repo, { command: 'pr-check' }, { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: event });
    expect(push.code).toBe(1);
    expect(push.stdout).toContain(`::error::command: pr-check runs on pull_request events; the push event's payload at ${event} has no pull_request`);
    expect(server.requests).toEqual([]);
  });

  it('counts every batch as changed when defaults.yaml changes', async () => {
    const { repo, base } = await makeRepository(work);
    const head = await commit(repo, 'metrics/defaults.yaml', 'alert_threshold: 0.5\n', 'write');
    const run = await check(repo, { base, head });
    expect(run.code, run.stdout).toBe(0);
    const body = server.issue(PR).comments[0]?.body ?? '';
    expect(body).toContain('### `orders`');
    expect(body).toContain('### `returns`');
    expect(run.stdout).toContain('changed batches: orders, returns');
  });
});

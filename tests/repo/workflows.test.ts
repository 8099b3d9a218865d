/**
 * The workflows under .github, tested as far as a machine without GitHub's runner can: they parse, pin the current
 * majors of the actions, call scripts that exist, and keep least-privilege permissions; and CI's `uses: ./` job runs
 * here as the runner runs it (the committed bundle on the example batches, then its check step on the outputs).
 * The release workflow's steps are tested in release.test.ts.
 */
import { cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { EXAMPLES, ROOT, runAction } from '../helpers/run-action.ts';
import { allWorkflows, GITHUB_DIR, githubOutputs, runStep, workflow, yamlFiles, type Job, type Step, type Workflow } from './workflow-steps.ts';

/** The majors every workflow and example uses; a bump changes them here and in every file at once. */
const CURRENT_MAJORS: Record<string, string> = { 'actions/checkout': 'v7', 'actions/setup-node': 'v7' };

describe('the YAML under .github', () => {
  it('parses: every workflow, example and dependabot file', async () => {
    const files = await yamlFiles();
    expect(files.map((f) => path.relative(GITHUB_DIR, f))).toEqual(
      expect.arrayContaining(['dependabot.yml', 'workflows/ci.yml', 'workflows/release.yml', 'workflows/codeql.yml', 'examples/anomstack.yml']),
    );
    for (const file of files) {
      const doc = parseDocument(await readFile(file, 'utf8'), { uniqueKeys: true });
      expect([...doc.errors, ...doc.warnings].map((e) => `${path.relative(ROOT, file)}: ${e.message}`)).toEqual([]);
    }
  });

  it('uses the current majors of actions/checkout and actions/setup-node everywhere', async () => {
    const seen = new Set<string>();
    for (const [file, wf] of await allWorkflows()) {
      for (const job of Object.values(wf.jobs)) {
        for (const s of job.steps) {
          const [action, ref] = (s.uses ?? '').split('@');
          const major = action ? CURRENT_MAJORS[action] : undefined;
          if (!major) continue;
          seen.add(action ?? '');
          expect(`${file}: ${s.uses}`).toBe(`${file}: ${action}@${major}`);
          expect(ref).toBe(major);
        }
      }
    }
    expect([...seen].sort()).toEqual(Object.keys(CURRENT_MAJORS).sort());
  });

  it('runs only scripts that exist', async () => {
    const called = new Set<string>();
    for (const [, wf] of await allWorkflows()) {
      for (const job of Object.values(wf.jobs)) for (const s of job.steps) for (const m of (s.run ?? '').matchAll(/\bbash ((?:scripts|\.ci)\/[\w.-]+)/g)) called.add(m[1] ?? '');
    }
    expect([...called].sort()).toEqual(['.ci/run', 'scripts/release-notes.sh', 'scripts/release-tag-state.sh', 'scripts/release-tags.sh', 'scripts/release-version.sh']);
    for (const script of called) expect((await stat(path.join(ROOT, script))).isFile()).toBe(true);
  });

  it('grants write access only where a workflow needs it: tags and releases, code scanning results', async () => {
    for (const name of ['ci.yml', 'check-dist.yml', 'codeql.yml', 'release.yml']) {
      const wf = await workflow(`workflows/${name}`);
      // `permissions: write-all` (a string) counts as a write to every scope.
      const grants = [wf.permissions, ...Object.values(wf.jobs).map((j) => j.permissions)].flatMap((p): Array<[string, unknown]> =>
        typeof p === 'object' && p !== null ? Object.entries(p) : p === undefined ? [] : [['*', p]],
      );
      const writes = grants.filter(([, level]) => level !== 'read' && level !== 'none').map(([scope]) => `${name}: ${scope}`);
      expect(writes, name).toEqual(name === 'release.yml' ? ['release.yml: contents'] : name === 'codeql.yml' ? ['codeql.yml: security-events'] : []);
    }
  });

  it('dependabot updates npm (minor and patch grouped) and the workflow actions weekly; CodeQL scans TypeScript weekly', async () => {
    const dependabot = parse(await readFile(path.join(GITHUB_DIR, 'dependabot.yml'), 'utf8')) as {
      version: number;
      updates: Array<{ 'package-ecosystem': string; directory: string; schedule: { interval: string }; groups?: Record<string, { 'update-types'?: string[] }> }>;
    };
    expect(dependabot.version).toBe(2);
    expect(dependabot.updates.map((u) => [u['package-ecosystem'], u.directory, u.schedule.interval])).toEqual([
      ['npm', '/', 'weekly'],
      ['github-actions', '/', 'weekly'],
    ]);
    expect(Object.values(dependabot.updates[0]?.groups ?? {}).map((g) => g['update-types'])).toEqual([['minor', 'patch']]);

    const codeql = await workflow('workflows/codeql.yml');
    expect(Object.keys(codeql.on).sort()).toEqual(['pull_request', 'push', 'schedule']);
    const init = codeql.jobs['analyze']?.steps.find((s) => s.uses?.startsWith('github/codeql-action/init@'));
    expect(init?.with?.['languages']).toBe('javascript-typescript');
  });
});

describe("CI runs the action itself (`uses: ./`) beside .ci/run", () => {
  let ci: Workflow;
  let actionJob: Job;
  let actionStep: Step;
  let work: string;
  beforeAll(async () => {
    ci = await workflow('workflows/ci.yml');
    const found = Object.values(ci.jobs).find((job) => job.steps.some((s) => s.uses === './'));
    if (!found) throw new Error('ci.yml has no job with a `uses: ./` step');
    actionJob = found;
    actionStep = found.steps.find((s) => s.uses === './') as Step;
    work = await mkdtemp(path.join(tmpdir(), 'anomstack-ci-action-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('keeps the .ci/run job and passes the action only inputs action.yml declares, reading only outputs it declares', async () => {
    expect(Object.values(ci.jobs).some((job) => job.steps.some((s) => s.run === 'bash .ci/run'))).toBe(true);
    const action = parse(await readFile(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
    const given = Object.keys(actionStep.with ?? {});
    expect(given).toEqual(expect.arrayContaining(['command', 'metrics-dir', 'state']));
    for (const input of given) expect(Object.keys(action.inputs), `input ${input}`).toContain(input);
    const read = JSON.stringify(actionJob.steps).matchAll(new RegExp(`steps\\.${actionStep.id ?? '-'}\\.outputs\\.([\\w-]+)`, 'g'));
    const names = [...read].map((m) => m[1] ?? '');
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(Object.keys(action.outputs), `output ${name}`).toContain(name);
  });

  it('runs the committed bundle on the example batches with the step\'s inputs, and the check step passes on its outputs', async () => {
    await cp(EXAMPLES, path.join(work, 'metrics'), { recursive: true });
    const inputs = Object.fromEntries(Object.entries(actionStep.with ?? {}).map(([k, v]) => [k, String(v)]));
    const run = await runAction(work, inputs, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_WORKSPACE: work });
    expect(run.code, run.stdout).toBe(0);
    const produced = githubOutputs(run.output);
    expect(produced['anomalies']).toMatch(/^\d+$/);
    expect(produced['report-dir']).toBe(inputs['report-dir']);
    // The state input is a folder: the run's database is there, not in the default .anomstack.
    expect((await stat(path.join(work, inputs['state'] ?? '-', 'anomstack.duckdb'))).isFile()).toBe(true);

    const context = Object.fromEntries(Object.entries(produced).map(([k, v]) => [`steps.${actionStep.id}.outputs.${k}`, v]));
    const checks = actionJob.steps.filter((s) => s.run !== undefined);
    expect(checks).toHaveLength(1);
    const check = runStep(checks[0] as Step, work, context);
    expect(check.code, check.log).toBe(0);
    expect(check.log).toContain(`${produced['anomalies']} new alert(s); report in ${inputs['report-dir']}`);
    // The report the job uploads is the one the action wrote.
    const upload = actionJob.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(String(upload?.with?.['path']).replace(/\/$/, '')).toBe(inputs['report-dir']);
  });

  it('the check step fails when the action left no report or no count', async () => {
    const check = actionJob.steps.find((s) => s.run !== undefined) as Step;
    const context = (anomalies: string, reportDir: string): Record<string, string> => ({
      [`steps.${actionStep.id}.outputs.anomalies`]: anomalies,
      [`steps.${actionStep.id}.outputs.report-dir`]: reportDir,
    });
    const noReport = runStep(check, work, context('3', 'no-such-report'));
    expect(noReport.code).toBe(1);
    expect(noReport.log).toContain('no report at no-such-report/index.html');
    const noCount = runStep(check, work, context('', 'no-such-report'));
    expect(noCount.code).toBe(1);
    expect(noCount.log).toContain('the anomalies output is "", not a count');
  });
});

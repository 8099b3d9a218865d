/**
 * The release workflow (.github/workflows/release.yml) and the scripts it runs (scripts/release-*.sh), run as it runs
 * them: against real git repositories (a bare "origin" and a clone) in a temporary folder. Also the files a release
 * ships: LICENSE and CHANGELOG.md.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-action.ts';
import { git, GIT_ENV, run, runStep, step, workflow, type Job, type Ran, type StepRun, type Workflow } from './workflow-steps.ts';

/** Runs scripts/<name> of this repository with bash, in `cwd`. */
function script(name: string, args: string[], cwd = ROOT): Ran {
  return run('bash', [path.join(ROOT, 'scripts', name), ...args], cwd);
}

/** GITHUB_OUTPUT lines (name=value) as a record. */
function githubLines(text: string): Record<string, string> {
  return Object.fromEntries(text.trim().split('\n').map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

describe('scripts/release-tags.sh', () => {
  it('names the version tag and the moving major tag of a release', () => {
    expect(githubLines(script('release-tags.sh', ['0.1.0']).stdout)).toEqual({ tag: 'v0.1.0', major_tag: 'v0', prerelease: 'false' });
    expect(githubLines(script('release-tags.sh', ['1.12.3']).stdout)).toEqual({ tag: 'v1.12.3', major_tag: 'v1', prerelease: 'false' });
    expect(githubLines(script('release-tags.sh', ['2.0.0+build.7']).stdout)).toEqual({ tag: 'v2.0.0+build.7', major_tag: 'v2', prerelease: 'false' });
  });

  it('leaves the major tag alone for a prerelease', () => {
    expect(githubLines(script('release-tags.sh', ['1.3.0-rc.1']).stdout)).toEqual({ tag: 'v1.3.0-rc.1', major_tag: '', prerelease: 'true' });
  });

  it('refuses a version that is not semantic, naming it', () => {
    for (const bad of ['1.2', 'v1.2.3', '01.2.3', '1.2.3-', '1.2.3 ', '']) {
      const result = script('release-tags.sh', [bad]);
      expect(result.code, bad).toBe(1);
      expect(result.stderr).toContain(`package.json version "${bad}" is not a semantic version`);
      expect(result.stdout).toBe('');
    }
    expect(script('release-tags.sh', []).code).toBe(2);
  });
});

describe('scripts/release-notes.sh', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'anomstack-release-notes-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const changelog = async (text: string): Promise<string> => {
    const file = path.join(dir, `CHANGELOG-${Math.random().toString(36).slice(2, 8)}.md`);
    await writeFile(file, text);
    return file;
  };

  it("prints the version's section, without its heading or the blank lines around it", async () => {
    const file = await changelog(
      ['# Changelog', '', '## [Unreleased]', '', '- next', '', '## [1.2.0] - 2026-12-01', '', '### Added', '', '- one', '- two', '', '## [1.1.0] - 2026-11-01', '', '- old', ''].join('\n'),
    );
    const result = script('release-notes.sh', ['1.2.0', file]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('### Added\n\n- one\n- two\n');
    // The last section runs to the end of the file; a version's dots are not pattern characters.
    expect(script('release-notes.sh', ['1.1.0', file]).stdout).toBe('- old\n');
    expect(script('release-notes.sh', ['1x1x0', file]).code).toBe(1);
  });

  it('fails when the section is missing, undated or empty: a version bump needs its changelog entry', async () => {
    const file = await changelog('# Changelog\n\n## [Unreleased]\n\n- next\n\n## [0.3.0]\n\n- undated\n\n## [0.2.0] - 2026-10-01\n\n## [0.1.0] - 2026-09-01\n\n- first\n');
    const missing = script('release-notes.sh', ['0.4.0', file]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`${file} has no section "## [0.4.0] - YYYY-MM-DD"`);
    const undated = script('release-notes.sh', ['0.3.0', file]);
    expect(undated.code).toBe(1);
    expect(undated.stderr).toContain('the section of 0.3.0 has no release date');
    const empty = script('release-notes.sh', ['0.2.0', file]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('the section "## [0.2.0]" is empty');
    expect(script('release-notes.sh', ['0.1.0', path.join(dir, 'nope.md')]).stderr).toContain('nope.md: not found');
  });
});

describe('scripts/release-version.sh and scripts/release-tag-state.sh', () => {
  let dir: string;
  let origin: string;
  let work: string;
  const commits: Record<string, string> = {};
  const packageJson = (version: string, extra = ''): string => `{\n  "name": "anomstack-action",\n  "version": "${version}"${extra}\n}\n`;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'anomstack-release-git-'));
    origin = path.join(dir, 'origin.git');
    work = path.join(dir, 'work');
    git(dir, 'init', '--quiet', '--bare', origin);
    git(dir, 'clone', '--quiet', origin, work);
    git(work, 'checkout', '--quiet', '-b', 'main');
    const commit = async (name: string, text: string): Promise<void> => {
      await writeFile(path.join(work, 'package.json'), text);
      git(work, 'add', 'package.json');
      git(work, 'commit', '--quiet', '-m', name);
      commits[name] = git(work, 'rev-parse', 'HEAD');
    };
    await commit('first', packageJson('0.1.0'));
    await commit('dependency bump', packageJson('0.1.0', ',\n  "dependencies": { "yaml": "^2.9.1" }'));
    await commit('version bump', packageJson('0.2.0', ',\n  "dependencies": { "yaml": "^2.9.1" }'));
    git(work, 'push', '--quiet', 'origin', 'main');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("says whether package.json's version changed since the commit before the push", () => {
    git(work, 'checkout', '--quiet', commits['dependency bump'] ?? '');
    expect(githubLines(script('release-version.sh', [commits['first'] ?? ''], work).stdout)).toEqual({ version: '0.1.0', changed: 'false' });
    git(work, 'checkout', '--quiet', 'main');
    expect(githubLines(script('release-version.sh', [commits['dependency bump'] ?? ''], work).stdout)).toEqual({ version: '0.2.0', changed: 'true' });
    expect(githubLines(script('release-version.sh', [commits['first'] ?? ''], work).stdout)).toEqual({ version: '0.2.0', changed: 'true' });
  });

  it('counts the version as changed without a commit to compare with (a manual run, a new branch)', () => {
    expect(githubLines(script('release-version.sh', [], work).stdout)).toEqual({ version: '0.2.0', changed: 'true' });
    expect(githubLines(script('release-version.sh', ['0'.repeat(40)], work).stdout)).toEqual({ version: '0.2.0', changed: 'true' });
    const unknown = script('release-version.sh', ['1'.repeat(40)], work);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(`base commit ${'1'.repeat(40)} is not in this clone`);
  });

  it('finds where a release tag already points on the remote, lightweight or annotated', () => {
    const head = commits['version bump'] ?? '';
    const older = commits['first'] ?? '';
    expect(script('release-tag-state.sh', ['v0.2.0', head], work).stdout).toBe('tag_state=absent\n');
    git(work, 'tag', 'v0.2.0', head);
    git(work, 'tag', '--annotate', '--message', 'v0.1.0', 'v0.1.0', older);
    git(work, 'push', '--quiet', 'origin', 'v0.2.0', 'v0.1.0');
    expect(script('release-tag-state.sh', ['v0.2.0', head], work).stdout).toBe('tag_state=here\n');
    // An annotated tag is compared by the commit it points at, not the tag object.
    expect(script('release-tag-state.sh', ['v0.1.0', older], work).stdout).toBe('tag_state=here\n');
    const elsewhere = script('release-tag-state.sh', ['v0.1.0', head], work);
    expect(elsewhere.stdout).toBe('tag_state=elsewhere\n');
    expect(elsewhere.stderr).toContain(`v0.1.0 already names ${older}, not ${head}`);
    // A tag whose name only starts like it is another tag.
    expect(script('release-tag-state.sh', ['v0.2', head], work).stdout).toBe('tag_state=absent\n');
    const unreachable = script('release-tag-state.sh', ['v0.2.0', head, path.join(dir, 'missing.git')], work);
    expect(unreachable.code).not.toBe(0);
    expect(unreachable.stderr).toContain('cannot list the tags of');
  });
});

describe('the files a release ships, and dist/ marked generated', () => {
  it('LICENSE is the MIT licence package.json names', async () => {
    const license = await readFile(path.join(ROOT, 'LICENSE'), 'utf8');
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { license?: string };
    expect(pkg.license).toBe('MIT');
    expect(license.split('\n')[0]).toBe('MIT License');
    expect(license).toContain('Copyright (c) 2026 anomstack-action contributors');
    expect(license).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
  });

  it('.gitattributes marks dist/ as generated and keeps its diffs', () => {
    const attributes = run('git', ['check-attr', 'linguist-generated', 'diff', '--', 'dist/index.js', 'src/cli.ts'], ROOT);
    expect(attributes.code, attributes.stderr).toBe(0);
    expect(attributes.stdout.trim().split('\n')).toEqual([
      'dist/index.js: linguist-generated: true',
      'dist/index.js: diff: unspecified',
      'src/cli.ts: linguist-generated: unspecified',
      'src/cli.ts: diff: unspecified',
    ]);
  });

  it('CHANGELOG.md keeps an Unreleased section, and every released section is dated', async () => {
    const changelog = await readFile(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
    const headings = changelog.split('\n').filter((line) => line.startsWith('## '));
    expect(headings[0]).toBe('## [Unreleased]');
    for (const heading of headings.slice(1)) expect(heading).toMatch(/^## \[\d+\.\d+\.\d+\S*\] - \d{4}-\d{2}-\d{2}$/);
  });
});

describe('the release workflow', () => {
  let release: Workflow;
  let decideJob: Job;
  let publishJob: Job;
  beforeAll(async () => {
    release = await workflow('workflows/release.yml');
    decideJob = release.jobs['decide'] as Job;
    publishJob = release.jobs['publish'] as Job;
  });

  it('runs on a push to main that touches package.json, or by hand on main, and checks the build before it tags', () => {
    expect(release.on).toEqual({ push: { branches: ['main'], paths: ['package.json'] }, workflow_dispatch: null });
    expect(release.permissions).toEqual({});
    expect(decideJob.if).toBe("github.ref == 'refs/heads/main'");
    const check = release.jobs['check'] as Job & { needs?: unknown };
    expect(check.needs).toBe('decide');
    expect(check.steps.map((s) => s.run).filter(Boolean)).toEqual(['bash .ci/run']);
    expect((publishJob as Job & { needs?: unknown }).needs).toEqual(['decide', 'check']);
    for (const job of [check, publishJob]) expect(job.if).toBe("needs.decide.outputs.release == 'true'");
    expect((decideJob as Job & { outputs?: Record<string, string> }).outputs?.['release']).toBe('${{ steps.notes.outputs.release }}');
  });

  it('writes only from the publish job, which runs no dependency code (no npm, no setup-node)', () => {
    expect(Object.fromEntries(Object.entries(release.jobs).map(([name, job]) => [name, job.permissions]))).toEqual({
      decide: { contents: 'read' },
      check: { contents: 'read' },
      publish: { contents: 'write' },
    });
    expect(publishJob.steps.map((s) => s.uses).filter(Boolean)).toEqual([expect.stringMatching(/^actions\/checkout@/)]);
    for (const s of publishJob.steps) expect(s.run ?? '').not.toMatch(/\bnpm\b|\bnode\b/);
  });

  describe('its decision steps (version, tags, notes), run in a clone of a real remote', () => {
    let dir: string;
    let clone: string;
    let runs = 0;
    /** The expression the version step reads the commit before the push from. */
    const BEFORE = "github.event_name == 'push' && github.event.before || ''";

    interface Decision {
      outputs: Record<string, string>;
      notes?: StepRun;
      log: string;
    }
    /** The steps before the build check, each only when its `if:` would let it run (asserted below). */
    const decide = async (sha: string, before: string): Promise<Decision> => {
      git(clone, 'checkout', '--quiet', sha);
      const output = path.join(dir, `output-${++runs}.txt`);
      await writeFile(output, '');
      const env = { GITHUB_OUTPUT: output, GITHUB_SHA: sha, RUNNER_TEMP: dir };
      const version = runStep(step(decideJob, 'version'), clone, { [BEFORE]: before }, env);
      if (version.code !== 0) throw new Error(version.log);
      let log = version.log;
      let outputs = githubLines(await readFile(output, 'utf8'));
      if (outputs['changed'] === 'true') {
        const tags = runStep(step(decideJob, 'tags'), clone, { 'steps.version.outputs.version': outputs['version'] ?? '' }, env);
        if (tags.code !== 0) throw new Error(tags.log);
        log += tags.log;
        outputs = githubLines(await readFile(output, 'utf8'));
      }
      if (outputs['tag_state'] !== 'absent' && outputs['tag_state'] !== 'here') return { outputs, log };
      const notes = runStep(step(decideJob, 'notes'), clone, { 'steps.version.outputs.version': outputs['version'] ?? '' }, env);
      return { outputs: githubLines(await readFile(output, 'utf8')), notes, log };
    };
    const commit = async (message: string, version: string, changelog: string): Promise<string> => {
      await writeFile(path.join(clone, 'package.json'), `{ "name": "anomstack-action", "version": "${version}", "description": "${message}" }\n`);
      await writeFile(path.join(clone, 'CHANGELOG.md'), `# Changelog\n\n## [Unreleased]\n\n${changelog}`);
      git(clone, 'add', '--all');
      git(clone, 'commit', '--quiet', '-m', message);
      git(clone, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main');
      return git(clone, 'rev-parse', 'HEAD');
    };

    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'anomstack-release-decide-'));
      clone = path.join(dir, 'clone');
      git(dir, 'init', '--quiet', '--bare', path.join(dir, 'origin.git'));
      git(dir, 'clone', '--quiet', path.join(dir, 'origin.git'), clone);
      await mkdir(path.join(clone, 'scripts'));
      for (const name of ['release-version.sh', 'release-tags.sh', 'release-tag-state.sh', 'release-notes.sh']) await copyFile(path.join(ROOT, 'scripts', name), path.join(clone, 'scripts', name));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('skips the later steps unless the version step says changed and the tag is absent or on this commit', () => {
      expect(step(decideJob, 'tags').if).toBe("steps.version.outputs.changed == 'true'");
      expect(step(decideJob, 'notes').if).toBe("steps.tags.outputs.tag_state == 'absent' || steps.tags.outputs.tag_state == 'here'");
    });

    it('releases a version bump with its changelog entry, not a dependency bump, not a tag made before, not a bump without notes', async () => {
      const first = await commit('first', '0.1.0', '## [0.1.0] - 2026-12-01\n\n- first\n');
      // The first push of a branch: GitHub sends forty zeros as the commit before.
      const released = await decide(first, '0'.repeat(40));
      expect(released.outputs).toEqual({ version: '0.1.0', changed: 'true', tag: 'v0.1.0', major_tag: 'v0', prerelease: 'false', tag_state: 'absent', release: 'true' });
      expect(released.notes?.code, released.notes?.log).toBe(0);
      expect(await readFile(path.join(dir, 'release-notes.md'), 'utf8')).toBe('- first\n');
      git(clone, 'tag', 'v0.1.0', first);
      git(clone, 'push', '--quiet', 'origin', 'v0.1.0');

      // A re-run of that release finds its tag on the same commit and goes on (to move v0 and create the release).
      expect((await decide(first, '0'.repeat(40))).outputs['tag_state']).toBe('here');

      const dependency = await commit('dependency bump', '0.1.0', '## [0.1.0] - 2026-12-01\n\n- first\n');
      expect((await decide(dependency, first)).outputs).toEqual({ version: '0.1.0', changed: 'false' });
      // Run by hand on it: 0.1.0 is tagged on another commit, so nothing is released.
      const byHand = await decide(dependency, '');
      expect(byHand.outputs['tag_state']).toBe('elsewhere');
      expect(byHand.notes).toBeUndefined();
      expect(byHand.log).toContain(`v0.1.0 already names ${first}`);

      const unnoted = await commit('bump without notes', '0.2.0', '- second\n\n## [0.1.0] - 2026-12-01\n\n- first\n');
      const refused = await decide(unnoted, dependency);
      expect(refused.outputs).toMatchObject({ version: '0.2.0', changed: 'true', tag: 'v0.2.0', tag_state: 'absent' });
      expect(refused.notes?.code).toBe(1);
      expect(refused.notes?.log).toContain('CHANGELOG.md has no section "## [0.2.0] - YYYY-MM-DD"');
      expect(refused.outputs['release']).toBeUndefined();
    });
  });

  describe('its tag step, run against a real remote', () => {
    let dir: string;
    let origin: string;
    let clone: string;
    const remoteTags = (): Record<string, string> =>
      Object.fromEntries(git(clone, 'ls-remote', '--tags', 'origin').split('\n').filter(Boolean).map((line) => line.split('\t').reverse() as [string, string]));
    const tagStep = (tags: Record<string, string>, sha: string): StepRun =>
      runStep(step(publishJob, 'Tag the release and move the major tag'), clone, Object.fromEntries(Object.entries(tags).map(([k, v]) => [`needs.decide.outputs.${k}`, v])), { ...GIT_ENV, GITHUB_SHA: sha });
    const commit = (message: string): string => {
      git(clone, 'commit', '--quiet', '--allow-empty', '-m', message);
      git(clone, 'push', '--quiet', 'origin', 'HEAD:main');
      return git(clone, 'rev-parse', 'HEAD');
    };

    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'anomstack-release-flow-'));
      origin = path.join(dir, 'origin.git');
      clone = path.join(dir, 'clone');
      git(dir, 'init', '--quiet', '--bare', origin);
      git(dir, 'clone', '--quiet', origin, clone);
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('tags a release, moves the major tag on the next one, never moves a version tag, and is safe to re-run', () => {
      const first = commit('0.1.0');
      const ran = tagStep({ tag: 'v0.1.0', major_tag: 'v0', tag_state: 'absent' }, first);
      expect(ran.code, ran.log).toBe(0);
      expect(remoteTags()).toEqual({ 'refs/tags/v0.1.0': first, 'refs/tags/v0': first });

      // A re-run of the same release (the tag is here already): nothing changes, nothing fails.
      expect(tagStep({ tag: 'v0.1.0', major_tag: 'v0', tag_state: 'here' }, first).code).toBe(0);
      expect(remoteTags()).toEqual({ 'refs/tags/v0.1.0': first, 'refs/tags/v0': first });

      const second = commit('0.2.0');
      expect(tagStep({ tag: 'v0.2.0', major_tag: 'v0', tag_state: 'absent' }, second).code).toBe(0);
      expect(remoteTags()).toEqual({ 'refs/tags/v0.1.0': first, 'refs/tags/v0.2.0': second, 'refs/tags/v0': second });

      // A prerelease gets its own tag; v0 stays on the last release.
      const third = commit('0.3.0-rc.1');
      expect(tagStep({ tag: 'v0.3.0-rc.1', major_tag: '', tag_state: 'absent' }, third).code).toBe(0);
      expect(remoteTags()).toEqual({ 'refs/tags/v0.1.0': first, 'refs/tags/v0.2.0': second, 'refs/tags/v0.3.0-rc.1': third, 'refs/tags/v0': second });

      // A version tag that exists already is never forced onto another commit: the step fails instead.
      const refused = tagStep({ tag: 'v0.2.0', major_tag: '', tag_state: 'absent' }, third);
      expect(refused.code).not.toBe(0);
      expect(remoteTags()['refs/tags/v0.2.0']).toBe(second);
    });
  });
});

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOBS, knownKeys } from '../../src/config/schema.ts';

/**
 * The README is what users read first and CI reads its test command from it, so its links, its keys table and its
 * first lines are checked here rather than by eye. The docs/ pages are held to the same link rules.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const README = path.join(ROOT, 'README.md');

/** README.md and every Markdown file under docs/. */
function markdownFiles(): string[] {
  const found: string[] = [README];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md')) found.push(full);
    }
  };
  walk(path.join(ROOT, 'docs'));
  return found;
}

/** The file's lines outside fenced code blocks (a `# comment` in a YAML block is not a heading). */
function proseLines(text: string): string[] {
  const lines: string[] = [];
  let fence: string | undefined;
  for (const line of text.split('\n')) {
    const marker = /^\s*(```+|~~~+)/.exec(line)?.[1];
    if (marker && (fence === undefined || marker.startsWith(fence))) {
      fence = fence === undefined ? marker : undefined;
      continue;
    }
    if (fence === undefined) lines.push(line);
  }
  return lines;
}

/** GitHub's heading anchors: inline markup dropped, lower case, punctuation dropped, spaces to '-', repeats numbered. */
function headingAnchors(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of proseLines(text)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const plain = heading.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*]/g, '');
    const slug = plain.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** Targets of inline links and images in the prose (code spans and fenced blocks skipped). */
function linkTargets(text: string): string[] {
  const targets: string[] = [];
  for (const line of proseLines(text)) {
    const prose = line.replace(/`[^`]*`/g, '');
    for (const match of prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) targets.push(match[1] ?? '');
  }
  return targets;
}

/** Every relative link that does not resolve, as "file: target (why)". */
function brokenLinks(file: string): string[] {
  const problems: string[] = [];
  const text = readFileSync(file, 'utf8');
  for (const target of linkTargets(text)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: and the like are not checked offline
    const [pathPart = '', anchor] = target.split('#', 2);
    const resolved = pathPart === '' ? file : path.resolve(path.dirname(file), decodeURIComponent(pathPart));
    const where = `${path.relative(ROOT, file)}: ${target}`;
    if (!existsSync(resolved)) {
      problems.push(`${where} (no such file)`);
      continue;
    }
    if (anchor === undefined || anchor === '') continue;
    if (!resolved.endsWith('.md') || statSync(resolved).isDirectory()) {
      problems.push(`${where} (an anchor into a file that is not Markdown)`);
    } else if (!headingAnchors(readFileSync(resolved, 'utf8')).has(anchor)) {
      problems.push(`${where} (no heading with anchor #${anchor})`);
    }
  }
  return problems;
}

/**
 * The backticked names of the first column of the README's keys table, abbreviations expanded:
 * `clickhouse_host` / `_port` is clickhouse_port, `disable_<job>` and `<job>_cron_schedule` every job.
 */
function documentedKeys(readme: string): string[] {
  const lines = readme.split('\n');
  const start = lines.findIndex((line) => /^###\s+Keys\s*$/.test(line));
  if (start < 0) throw new Error('README.md has no "### Keys" section');
  const keys: string[] = [];
  let inTable = false;
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('|')) {
      if (inTable) break;
      continue;
    }
    inTable = true;
    const firstCell = line.split('|')[1] ?? '';
    if (/^\s*-+\s*$/.test(firstCell) || /^\s*key\s*$/.test(firstCell)) continue;
    let prefix = '';
    for (const [, name = ''] of firstCell.matchAll(/`([^`]+)`/g)) {
      if (name.startsWith('_')) {
        keys.push(`${prefix}${name}`);
        continue;
      }
      prefix = name.slice(0, name.indexOf('_'));
      if (name.includes('<job>')) keys.push(...JOBS.map((job) => name.replace('<job>', job)));
      else keys.push(name);
    }
  }
  return keys;
}

describe('README.md and docs/', () => {
  it('start with the two commands, which CI and new users run', () => {
    const firstLines = readFileSync(README, 'utf8').split('\n').slice(0, 12).join('\n');
    expect(firstLines).toMatch(/^npm install && npm start\b/m);
    expect(firstLines).toMatch(/^npm test\b/m);
  });

  it('link only to files and headings that exist', () => {
    const files = markdownFiles();
    expect(files.length).toBeGreaterThan(5);
    expect(files.flatMap(brokenLinks)).toEqual([]);
  });

  it('computes anchors as GitHub does', () => {
    const anchors = headingAnchors('# How accurate is it?\n### SQLite (`db: sqlite`)\n## Notes\n## Notes\n```yaml\n# not: a heading\n```\n');
    expect([...anchors]).toEqual(['how-accurate-is-it', 'sqlite-db-sqlite', 'notes', 'notes-1']);
  });

  it('reports a link to a missing file or heading', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'readme-links-'));
    try {
      const file = path.join(dir, 'page.md');
      writeFileSync(file, '# Page\n\n[ok](#page) [gone](missing.md) [bad anchor](#nowhere) `[code](missing.md)` [web](https://example.com)\n');
      expect(brokenLinks(file).map((problem) => problem.replace(/^.*: /, ''))).toEqual(['missing.md (no such file)', '#nowhere (no heading with anchor #nowhere)']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('documents in the keys table only keys the batch schema has', () => {
    const documented = documentedKeys(readFileSync(README, 'utf8'));
    expect(documented.length).toBeGreaterThan(50);
    const known = new Set(knownKeys());
    expect(documented.filter((key) => !known.has(key))).toEqual([]);
  });

  it('documents every key of the batch schema in the keys table', () => {
    const documented = new Set(documentedKeys(readFileSync(README, 'utf8')));
    expect(knownKeys().filter((key) => !documented.has(key))).toEqual([]);
  });
});

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeSummary } from '../../src/action/summary.ts';
import { alertFixture, type AlertFixture } from '../alerts/channel-fixtures.ts';

let fixture: AlertFixture | undefined;
let dir: string | undefined;
const previous = process.env['GITHUB_STEP_SUMMARY'];
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
  if (previous === undefined) delete process.env['GITHUB_STEP_SUMMARY'];
  else process.env['GITHUB_STEP_SUMMARY'] = previous;
});

describe('the job summary', () => {
  it("adds the summary job's digest of a batch: totals, alerts, top metrics", async () => {
    fixture = await alertFixture();
    await fixture.recordAlert();
    const digest = await fixture.summary();
    dir = await mkdtemp(path.join(tmpdir(), 'anomstack-summary-'));
    const file = path.join(dir, 'summary.md');
    await writeFile(file, '');
    process.env['GITHUB_STEP_SUMMARY'] = file;
    await writeSummary({
      report: { batches: [{ batch: 'shop', status: 'ok', counts: {}, jobs: [], summary: digest }], warnings: [], configFailures: [] },
      restored: { kind: 'local', dir: 'state' },
      saved: null,
      issues: null,
      site: null,
      trigger: 'schedule',
      now: digest.to,
      runUrl: null,
      dryRun: false,
    });
    const html = await readFile(file, 'utf8');
    expect(html).toContain('<h3>📊 Anomstack summary: shop, last 24 h</h3>');
    expect(html).toContain('2 metrics · 48 points ingested · 24 scored · 1 alerts · 0 changes · 0 threshold alerts. Jobs: No job ran in the period.');
    expect(html).toContain('<li>🔥 cpu at 2026-01-10 12:00 UTC (score 0.91)</li>');
    expect(html).toMatch(/<tr><th>metric<\/th>.*<\/tr><tr><td>cpu<\/td><td>24<\/td><td>2026-01-10 12:00 UTC<\/td><td>181.23<\/td><td>0.97<\/td><td>0.97<\/td><td>1<\/td><\/tr><tr><td>disk<\/td>/);
  });
});

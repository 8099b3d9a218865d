import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeRestore, describeSave, writeSummary } from '../../src/action/summary.ts';
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

describe('the state lines of the job summary', () => {
  it('says which store save the state came from, how old it is, what was merged, and where it went', () => {
    const save = {
      format: 'anomstack-state-save' as const, version: 1 as const, id: '1772323200000-run_7.1-ab12cd34', saved_at: '2026-03-01T00:00:00.000Z',
      run: 'run 7.1', payload: 'all/payloads/1772323200000-run_7.1-ab12cd34.tar.gz', parents: [], files: 12, bytes: 2_400_000,
    };
    const now = new Date('2026-03-01T03:00:00Z');
    expect(describeRestore({ kind: 'store', location: 's3://b/p/all', save, merged: [], known: [save.id], warnings: [] }, now, null)).toBe(
      'State: restored from `s3://b/p/all`, saved 3 h ago by run 7.1 (save `1772323200000-run_7.1-ab12cd34`, 2.4 MB).',
    );
    expect(describeRestore({ kind: 'store', location: 's3://b/p/all', save, merged: [{ id: 'x', run: 'run 8.1', rows: 40 }], known: [], warnings: [] }, now, null)).toContain(
      '; merged 1 overlapping save(s) (40 row(s) from run 8.1).',
    );
    expect(describeRestore({ kind: 'cold-start', location: 's3://b/p/all', reason: 's3://b/p/all holds no saved state', known: [], warnings: [] }, now, null)).toBe(
      '⚠️ Cold start: s3://b/p/all holds no saved state.',
    );
    expect(describeSave({ location: 's3://b/p/all', id: 'next', bytes: 2_500_000, merged: [], pruned: [save.id], warnings: [] })).toBe(
      'State saved to `s3://b/p/all` as save `next` (2.5 MB); 1 superseded save deleted.',
    );
    expect(describeSave({ key: 'anomstack-state-v1-all-1-2-1', pruned: ['a', 'b'], warnings: [] })).toBe('State saved as `anomstack-state-v1-all-1-2-1`; 2 superseded entries deleted.');
  });
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

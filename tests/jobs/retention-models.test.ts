import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalArtifactStore } from '../../src/artifacts/local.ts';
import { streamKey } from '../../src/jobs/change-stream.ts';
import { retention } from '../../src/jobs/retention.ts';
import { runJobs } from '../../src/jobs/run.ts';
import { train } from '../../src/jobs/train.ts';
import { modelKey } from '../../src/models/model-file.ts';
import { DuckDb } from '../../src/store/duckdb.ts';
import { disposeAfterEach, insertSeries, jobContext, loadBatch, recordingReporter, runWorkspaces, seriesSql, tempMetrics, type TestContext } from '../helpers/metrics-dir.ts';

const track = disposeAfterEach();
const workspace = runWorkspaces();
const NOW = new Date('2026-03-31T00:00:00Z');
const DAY = 86_400_000;

async function context(config: string): Promise<TestContext> {
  const ws = track(await tempMetrics({ 'b/config.yaml': `ingest_sql: select 1\n${config}`, 'other/config.yaml': 'ingest_sql: select 1\n' }));
  return track(await jobContext(await loadBatch(ws.metricsDir, 'b'), ws.root, NOW));
}

/** Models and change streams of `metrics` in batch b, and another batch's model. */
async function trainWithStreams(c: TestContext, metrics: readonly string[]): Promise<void> {
  expect((await train(c)).counts).toEqual({ trained: metrics.length, kept: 0 });
  for (const metric of metrics) await c.models.write(streamKey('b', metric), '{}');
  await c.models.write(modelKey('other', 'gone'), '{}');
}

describe('retention deletes the models of metrics with no points left', () => {
  it('with retention_days: the model and change stream of a metric whose rows expired go, the others stay; once', async () => {
    const c = await context('retention_days: 30\n');
    // `old` stopped 40 days ago; `live` has points up to now.
    await insertSeries(c.store, 'b', 'old', 100, new Date(NOW.getTime() - 40 * DAY));
    await insertSeries(c.store, 'b', 'live', 100, NOW);
    await trainWithStreams(c, ['live', 'old']);

    const result = await retention(c);
    expect(result.message).toMatch(/; deleted 2 model file\(s\) of metrics with no points left$/);
    expect(await c.models.list('')).toEqual(['b/change/live.json', 'b/live.json', 'other/gone.json']);

    const again = await retention(c);
    expect(again.counts).toEqual({ deleted: 0 });
    expect(again.message).not.toMatch(/model file/);
    expect(await c.models.list('')).toEqual(['b/change/live.json', 'b/live.json', 'other/gone.json']);
  });

  it('with retention_days: 0 rows are kept, but a metric deleted from the store loses its model too', async () => {
    const c = await context('');
    await insertSeries(c.store, 'b', 'a', 60, NOW);
    await insertSeries(c.store, 'b', 'removed', 60, NOW);
    await insertSeries(c.store, 'b', 'name with spaces/and slash', 60, NOW);
    await trainWithStreams(c, ['a', 'removed', 'name with spaces/and slash']);
    await c.models.write('b/notes.txt', 'not a model');
    await c.db.run("DELETE FROM metrics WHERE metric_name = 'removed'");

    const result = await retention(c);
    expect(result).toEqual({ counts: {}, message: 'keeping everything (retention_days: 0); deleted 2 model file(s) of metrics with no points left' });
    const kept = await c.models.list('b/');
    expect(kept).toContain(modelKey('b', 'a'));
    expect(kept).toContain(modelKey('b', 'name with spaces/and slash'));
    expect(kept).toContain(streamKey('b', 'name with spaces/and slash'));
    expect(kept).toContain('b/notes.txt');
    expect(kept).not.toContain(modelKey('b', 'removed'));
    expect(kept).not.toContain(streamKey('b', 'removed'));
    expect(await retention(c)).toEqual({ counts: {}, message: 'keeping everything (retention_days: 0)' });
  });

  it('a batch with no points at all keeps every model (a lost store, not every metric gone)', async () => {
    const c = await context('retention_days: 30\n');
    await insertSeries(c.store, 'b', 'm', 60, NOW);
    await trainWithStreams(c, ['m']);
    await c.db.run("DELETE FROM metrics WHERE metric_batch = 'b'");
    expect((await retention(c)).message).not.toMatch(/model file/);
    expect(await c.models.list('b/')).toEqual(['b/change/m.json', 'b/m.json']);
  });

  it('end to end: a run whose query no longer returns a metric, once its rows are past retention, deletes its model', async () => {
    const sql = (metrics: string[], end: string) => seriesSql({ metrics, n: 60, end });
    const ws = await workspace({ 'b/config.yaml': 'retention_days: 2\n', 'b/query.sql': sql(['kept', 'dropped'], '2026-01-10 00:00:00') });
    const run = (now: string) => runJobs({ metricsDir: ws.metricsDir, now: new Date(now), env: {}, reporter: recordingReporter(), channels: () => [] });
    const models = new LocalArtifactStore(path.join(ws.root, 'state', 'models'));

    await run('2026-01-10T00:30:00Z');
    expect(await models.list('b/')).toEqual(expect.arrayContaining(['b/dropped.json', 'b/kept.json']));

    // Ten days on, the query returns only `kept`: `dropped`'s rows are all older than retention_days.
    await ws.write({ 'b/query.sql': sql(['kept'], '2026-01-20 00:00:00') });
    const report = await run('2026-01-20T00:30:00Z');
    const outcome = report.batches[0]?.jobs.find((j) => j.job === 'retention');
    expect(outcome?.message).toMatch(/deleted \d+ model file\(s\) of metrics with no points left/);
    const left = await models.list('b/');
    expect(left).toContain('b/kept.json');
    expect(left.filter((k) => k.includes('dropped'))).toEqual([]);

    const db = await DuckDb.open(path.join(ws.root, 'state', 'anomstack.duckdb'));
    try {
      const names = await db.all("SELECT DISTINCT metric_name FROM metrics WHERE metric_type = 'metric' ORDER BY 1");
      expect(names.map((r) => r['metric_name'])).toEqual(['kept']);
    } finally {
      await db.close();
    }
  });
});

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeStates } from '../../src/action/merge-states.ts';
import { DuckDb } from '../../src/store/duckdb.ts';
import { MetricsTable } from '../../src/store/metrics-table.ts';
import { disposeAfterEach, insertSeries, tempMetrics } from '../helpers/metrics-dir.ts';

const track = disposeAfterEach();

async function legState(dir: string, batch: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const db = await DuckDb.open(path.join(dir, 'anomstack.duckdb'));
  try {
    const store = new MetricsTable(db, 'metrics');
    await store.ensure();
    await insertSeries(store, batch, 'm', 5, new Date('2026-03-01T00:00:00Z'));
  } finally {
    db.close();
  }
}

describe('mergeStates', () => {
  it("merges every fan-out leg's database into this run's state", async () => {
    const ws = track(await tempMetrics({}));
    await legState(path.join(ws.root, 'states', 'leg-0'), 'orders');
    await legState(path.join(ws.root, 'states', 'leg-1'), 'signups');
    const stateDir = path.join(ws.root, 'merged');
    const merged = await mergeStates([path.join(ws.root, 'states', '*')], stateDir);
    expect(merged.map((m) => [path.relative(ws.root, m.source), m.rows])).toEqual([
      ['states/leg-0/anomstack.duckdb', 5], ['states/leg-1/anomstack.duckdb', 5],
    ]);
    const db = await DuckDb.open(path.join(stateDir, 'anomstack.duckdb'));
    try {
      const rows = await db.all('SELECT metric_batch, count(*)::INTEGER AS n FROM metrics GROUP BY 1 ORDER BY 1');
      expect(rows).toEqual([{ metric_batch: 'orders', n: 5 }, { metric_batch: 'signups', n: 5 }]);
    } finally {
      db.close();
    }
    // Merging again adds nothing.
    expect((await mergeStates([path.join(ws.root, 'states', '*')], stateDir)).map((m) => m.rows)).toEqual([0, 0]);
  });

  it("brings each leg's plots into this run's plots folder", async () => {
    const ws = track(await tempMetrics({}));
    for (const [leg, batch] of [['leg-0', 'orders'], ['leg-1', 'signups']] as const) {
      await legState(path.join(ws.root, 'states', leg), batch);
      await mkdir(path.join(ws.root, 'states', leg, 'plots', batch, 'metrics'), { recursive: true });
      await writeFile(path.join(ws.root, 'states', leg, 'plots', batch, 'metrics', 'm.png'), `${batch} png`);
    }
    const stateDir = path.join(ws.root, 'merged');
    await mergeStates([path.join(ws.root, 'states', '*')], stateDir);
    for (const batch of ['orders', 'signups']) {
      expect(await readFile(path.join(stateDir, 'plots', batch, 'metrics', 'm.png'), 'utf8')).toBe(`${batch} png`);
    }
  });

  it('says which pattern matched nothing', async () => {
    await expect(mergeStates(['/nonexistent/states/*'], '/tmp/x')).rejects.toThrow('merge-states: nothing matches "/nonexistent/states/*"');
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { precisionCell } from '../../src/action/summary.ts';
import { batchFeedback } from '../../src/store/feedback.ts';
import { disposeAfterEach, jobContext, loadBatch, tempMetrics } from '../helpers/metrics-dir.ts';

const track = disposeAfterEach();

describe('batch feedback', () => {
  it('is the precision of triaged alerts: confirmed over confirmed plus false positives, per batch', async () => {
    const ws = track(await tempMetrics({ 'shop/config.yaml': 'ingest_sql: select 1\n' }));
    const ctx = track(await jobContext(await loadBatch(ws.metricsDir, 'shop'), path.join(ws.root)));
    expect(await batchFeedback(ctx.store, 'shop')).toEqual({ confirmed: 0, falsePositives: 0, precision: null });
    const row = (metric: string, type: 'thumbsup' | 'thumbsdown', batch = 'shop', day = 1) => ({
      metric_timestamp: new Date(Date.UTC(2026, 0, day)), metric_batch: batch, metric_name: metric, metric_type: type, metric_value: 1,
    });
    await ctx.store.insert([row('a', 'thumbsup'), row('b', 'thumbsup'), row('c', 'thumbsup'), row('a', 'thumbsdown', 'shop', 2), row('x', 'thumbsdown', 'other')]);
    const feedback = await batchFeedback(ctx.store, 'shop');
    expect(feedback).toEqual({ confirmed: 3, falsePositives: 1, precision: 0.75 });
    expect(precisionCell(feedback)).toBe('75% (3 ✓ / 1 ✗)');
    expect(precisionCell({ confirmed: 0, falsePositives: 0, precision: null })).toBe('–');
  });
});

/** The group stage in a run: by default one message per batch run and channel (a digest); `alert_group_by: metric` one per metric. */
import { describe, expect, it } from 'vitest';
import { runJobs } from '../../src/jobs/run.ts';
import { RecordingChannel, recordingReporter, runWorkspaces, seriesSql } from '../helpers/metrics-dir.ts';

const NOW = new Date('2026-01-10T00:30:00Z');
// Five metrics whose newest point is 300 above the rest: each alerts in the run that ingests it.
const SQL = seriesSql({ metrics: ['a', 'b', 'c', 'd', 'e'], n: 200, end: '2026-01-10 00:00:00', spike: 300, spikeN: 1 });

describe('grouping alerts into messages', () => {
  const workspace = runWorkspaces();

  async function messages(config: string): Promise<string[][]> {
    const w = await workspace({ 'shop/config.yaml': config, 'shop/query.sql': SQL });
    const channel = new RecordingChannel();
    const run = () => runJobs({ metricsDir: w.metricsDir, now: NOW, env: {}, reporter: recordingReporter(), channels: () => [channel], jobs: ['ingest', 'train', 'score', 'alert'] });
    expect((await run()).batches[0]?.status).toBe('ok');
    // A re-run sends nothing.
    await run();
    return channel.sent.map((message) => message.map((a) => a.metric));
  }

  it('five anomalous metrics in a run make one message per channel (the default, alert_group_by: batch)', async () => {
    expect(await messages('alert_methods: console\n')).toEqual([['a', 'b', 'c', 'd', 'e']]);
  }, 120_000);

  it('alert_group_by: metric sends one message per metric', async () => {
    expect(await messages('alert_methods: console\nalert_group_by: metric\n')).toEqual([['a'], ['b'], ['c'], ['d'], ['e']]);
  }, 120_000);
});

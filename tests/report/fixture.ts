import path from 'node:path';
import { runJobs } from '../../src/jobs/run.ts';
import { DuckDb } from '../../src/store/duckdb.ts';
import { RecordingChannel, recordingReporter, seriesSql, tempMetrics, type TempWorkspace } from '../helpers/metrics-dir.ts';

export const NOW = new Date('2026-01-20T00:30:00Z');
const END = '2026-01-20 00:00:00';
/** Points per metric: more than the smallest window (100), fewer than the display budget (500). */
export const POINTS = 300;

export interface ReportFixture {
  ws: TempWorkspace;
  db: string;
}

/**
 * Two batches run through the real pipeline (ingest, train, score, alert, change, tholdalert), plus
 * the rows later stages write (an LLM alert with its explanation and issue, feedback), so every kind
 * of mark appears.
 */
export async function reportFixture(): Promise<ReportFixture> {
  const ws = await tempMetrics({});
  const db = path.join(ws.root, 'store', 'metrics.duckdb');
  const web = `SELECT * FROM (${seriesSql({ metrics: ['requests', 'latency'], n: POINTS, end: END })})
UNION ALL SELECT * FROM (${seriesSql({ metrics: ['errors'], n: POINTS, end: END, spike: 60, spikeN: 4 })})`;
  await ws.write({
    'defaults.yaml': `duckdb_path: ${JSON.stringify(db)}\nmodel_path: ${JSON.stringify(`local://${path.join(ws.root, 'models')}`)}\n`,
    'web/config.yaml': 'tholdalert_thresholds:\n  requests: { upper: 109 }\ntholdalert_recent_n: 300\n',
    'web/query.sql': web,
    'ops/config.yaml': 'alert_threshold: 0.9\n',
    'ops/query.sql': seriesSql({ metrics: ['queue'], n: 120, end: END }),
  });
  const report = await runJobs({ metricsDir: ws.metricsDir, now: NOW, env: {}, reporter: recordingReporter(), channels: () => [new RecordingChannel()] });
  const failed = report.batches.filter((b) => b.status !== 'ok');
  if (failed.length > 0) throw new Error(`fixture run failed: ${JSON.stringify(failed)}`);
  const handle = await DuckDb.open(db);
  try {
    const insert = `INSERT INTO metrics VALUES ($t::TIMESTAMP, 'web', 'errors', $type, $value, $metadata)`;
    await handle.run(insert, {
      t: '2026-01-19 22:00:00', type: 'llmalert', value: 1,
      metadata: JSON.stringify({ explanation: 'errors tripled within two hours', issue_url: 'https://github.com/acme/metrics/issues/7', triage: 'open' }),
    });
    await handle.run(insert, { t: '2026-01-19 22:00:00', type: 'thumbsup', value: 1, metadata: null });
  } finally {
    handle.close();
  }
  return { ws, db };
}

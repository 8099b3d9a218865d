import path from 'node:path';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { SlackChannel, slackSettings } from '../../src/alerts/slack.ts';
import { terminalReporter } from '../../src/cli/reporter.ts';
import { runsPage } from '../../src/report/meta-pages.ts';
import { DuckDb } from '../../src/store/duckdb.ts';
import { RunLog } from '../../src/store/run-log.ts';
import { refusingPort } from '../helpers/silent-server.ts';
import { alertFixture, type AlertFixture } from './channel-fixtures.ts';

/**
 * Finding 7 of issue 14: credentials written into ANOMSTACK_SLACK_API_URL were echoed in the error, kept in the
 * run log and published on the report's runs page. Here the real channel fails on a URL with credentials (fetch
 * refuses such a URL, quoting it), and the error travels the way a failed job's does.
 */
const SECRET = 'secret';
const NOW = new Date('2026-01-10T12:30:00Z');

let fixture: AlertFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

async function failedPost(apiUrl: string): Promise<{ error: Error; log: string[]; fixture: AlertFixture }> {
  fixture = await alertFixture();
  const log: string[] = [];
  const slack = new SlackChannel(
    slackSettings({ ANOMSTACK_SLACK_BOT_TOKEN: 'xoxb-test-token', ANOMSTACK_SLACK_CHANNEL: '#alerts', ANOMSTACK_SLACK_API_URL: apiUrl }),
    { plot: fixture.plot, info: (m) => void log.push(m), warn: (m) => void log.push(m), retry: { retries: 1, minTimeout: 10, maxTimeout: 10 }, timeoutMs: 2_000 },
  );
  const error = await slack.send([fixture.alert]).then(() => new Error('the post succeeded'), (e: unknown) => e as Error);
  return { error, log, fixture };
}

describe('credentials in a Slack API URL', () => {
  it('appear in no error, log line, run-log row or runs page', async () => {
    const port = await refusingPort();
    const { error, log, fixture } = await failedPost(`http://user:${SECRET}@127.0.0.1:${port}/api/`);
    expect(error.message).toMatch(/^slack: posting ".*" to #alerts failed: could not reach Slack: .*http:\/\/\*\*\*@127\.0\.0\.1:\d+\/api\/chat\.postMessage, 2 tries$/);
    expect(log.length).toBeGreaterThan(0);
    // Printed in full (causes and all), as an uncaught error would be.
    for (const line of [error.message, error.stack ?? '', inspect(error), ...log]) expect(line).not.toContain(SECRET);

    // The run log, on a real DuckDB file, as the pipeline records a failed job.
    const file = path.join(fixture.ws.root, 'runs.duckdb');
    const db = await DuckDb.open(file);
    try {
      const runLog = new RunLog(db);
      await runLog.record({ batch: 'shop', job: 'alert', startedAt: NOW, ms: 12, status: 'failed', message: error.message, counts: {} });
      const stored = await db.all('SELECT message FROM anomstack_runs');
      expect(stored.map((r) => String(r['message']))).toEqual([expect.stringContaining('http://***@127.0.0.1')]);
      const [recent] = await runLog.recent('shop', 10);
      expect(recent?.message).toBe(error.message);
      const page = runsPage([{ batch: 'shop', runs: await runLog.recent('shop', 10), alertsPerDay: [] }], NOW);
      expect(page).toContain('http://***@127.0.0.1');
      expect(page).not.toContain(SECRET);
    } finally {
      db.close();
    }
  });

  it('a token as the userinfo is hidden the same way', async () => {
    const { error, log } = await failedPost(`https://xoxp-${SECRET}@127.0.0.1:${await refusingPort()}/api/`);
    expect(error.message).toContain('https://***@127.0.0.1');
    for (const line of [error.message, ...log]) expect(line).not.toContain(SECRET);
  });
});

describe('rows logged before redaction', () => {
  it('are redacted when read back, in recent runs, in the tally and on the runs page', async () => {
    fixture = await alertFixture();
    const db = await DuckDb.open(path.join(fixture.ws.root, 'old-runs.duckdb'));
    try {
      const runLog = new RunLog(db);
      await runLog.record({ batch: 'shop', job: 'ingest', startedAt: NOW, ms: 1, status: 'ok', message: 'ok', counts: {} });
      // As an older version wrote it: the message verbatim.
      const leaked = `slack: posting failed: fetch https://hooks.example/api/?token=${SECRET}&x=1 or http://u:${SECRET}@proxy/api/`;
      await db.run(`INSERT INTO anomstack_runs VALUES ('shop', 'alert', '2026-01-10 12:31:00'::TIMESTAMP, 5, 'failed', $message, '{}')`, { message: leaked });
      const runs = await runLog.recent('shop', 10);
      expect(runs[0]?.message).toBe('slack: posting failed: fetch https://hooks.example/api/?token=***&x=1 or http://***@proxy/api/');
      const tally = await runLog.tally('shop', new Date(NOW.getTime() - 60_000), new Date(NOW.getTime() + 120_000));
      expect(tally.find((t) => t.job === 'alert')?.lastMessage).not.toContain(SECRET);
      const page = runsPage([{ batch: 'shop', runs: [...runs, { ...runs[0], message: leaked } as (typeof runs)[number]], alertsPerDay: [] }], NOW);
      expect(page).not.toContain(SECRET);
    } finally {
      db.close();
    }
  });
});

describe("the CLI's terminal reporter", () => {
  it('redacts every line it prints', () => {
    const written: string[] = [];
    const out = process.stdout.write.bind(process.stdout);
    const err = process.stderr.write.bind(process.stderr);
    const capture = (chunk: string | Uint8Array): boolean => {
      written.push(String(chunk));
      return true;
    };
    process.stdout.write = capture as typeof process.stdout.write;
    process.stderr.write = capture as typeof process.stderr.write;
    try {
      const reporter = terminalReporter();
      reporter.info(`alert    shop: posted via http://bot:${SECRET}@proxy.internal/api/`);
      reporter.warn(`alert    shop: FAILED: GET https://x.example/?api_key=${SECRET}`);
    } finally {
      process.stdout.write = out;
      process.stderr.write = err;
    }
    expect(written).toEqual([
      'alert    shop: posted via http://***@proxy.internal/api/\n',
      'warning: alert    shop: FAILED: GET https://x.example/?api_key=***\n',
    ]);
  });
});

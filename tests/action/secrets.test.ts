import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { disposeAfterEach, tempMetrics } from '../helpers/metrics-dir.ts';

const MAIN = pathToFileURL(path.resolve(import.meta.dirname, '../../src/action/main.ts')).href;

/**
 * The action's source (not the committed bundle) run as the runner runs a step: a child process whose workflow
 * commands (`::add-mask::`, `::error file=...::`) arrive on stdout.
 */
async function runActionSource(env: Record<string, string>): Promise<{ code: number; stdout: string }> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', `const { runAction } = await import(${JSON.stringify(MAIN)}); await runAction();`], {
    env: { PATH: process.env['PATH'] ?? '', GITHUB_ACTIONS: 'true', ...env },
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code: code ?? -1, stdout };
}

const track = disposeAfterEach();

describe('the action and credentials inside URLs', () => {
  it("masks the userinfo, password and token parameters of any variable holding a URL, and redacts its annotations", async () => {
    const ws = track(await tempMetrics({
      'good/config.yaml': 'ingest_sql: SELECT 1\n',
      // A value quoted back by a config error: a URL with credentials where a database name belongs.
      'bad/config.yaml': 'ingest_sql: SELECT 1\ndb: "postgres://app:hunter2-db@db.internal/prod"\n',
    }));
    const run = await runActionSource({
      INPUT_COMMAND: 'validate',
      'INPUT_METRICS-DIR': ws.metricsDir,
      ANOMSTACK_SLACK_API_URL: 'http://bot:s3cr3t-pass@proxy.internal/api/',
      STATUS_FEED: 'https://status.example/feed.json?token=tok-0123456&channel=ops',
      SHORT_ONE: 'http://u:pw@x.example/',
    });
    const masks = run.stdout.split('\n').filter((line) => line.startsWith('::add-mask::')).map((line) => line.slice('::add-mask::'.length));
    expect(masks).toEqual(expect.arrayContaining(['bot:s3cr3t-pass', 's3cr3t-pass', 'tok-0123456']));
    // Masking a two-letter password or a parameter that is no secret would garble the whole log.
    expect(masks).not.toContain('pw');
    expect(masks).not.toContain('ops');

    expect(run.code).toBe(1);
    const annotations = run.stdout.split('\n').filter((line) => /^::(error|warning) /.test(line));
    expect(annotations.join('\n')).toContain('postgres://***@db.internal/prod');
    expect(annotations.join('\n')).not.toContain('hunter2-db');
  });

  it('masks every line of a multi-line secret (a PEM key), and the whole of it', async () => {
    const ws = track(await tempMetrics({ 'good/config.yaml': 'ingest_sql: SELECT 1\n' }));
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----';
    const run = await runActionSource({ INPUT_COMMAND: 'validate', 'INPUT_METRICS-DIR': ws.metricsDir, ANOMSTACK_SNOWFLAKE_PRIVATE_KEY: pem });
    const masks = run.stdout.split('\n').filter((line) => line.startsWith('::add-mask::')).map((line) => line.slice('::add-mask::'.length));
    expect(masks).toEqual(expect.arrayContaining(['MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', 'BKcwggSjAgEAAoIBAQC7', '-----BEGIN PRIVATE KEY-----']));
    expect(run.code).toBe(0);
  });

  it('masks the webhook channels\' URLs (their secret is in the path) and the webhook signing secret', async () => {
    const ws = track(await tempMetrics({ 'good/config.yaml': 'ingest_sql: SELECT 1\n' }));
    const hooks = {
      ANOMSTACK_WEBHOOK_URL: 'https://hooks.example.com/anomstack/in-7f3a9c',
      ANOMSTACK_WEBHOOK_SECRET: 'whsec-0123456789',
      ANOMSTACK_TEAMS_WEBHOOK_URL: 'https://acme.webhook.office.com/webhookb2/5b1c-team/IncomingWebhook/9d2e-path-secret/77aa',
      ANOMSTACK_DISCORD_WEBHOOK_URL: 'https://discord.com/api/webhooks/123456789012345678/discord-path-token-xyz',
    };
    const run = await runActionSource({ INPUT_COMMAND: 'validate', 'INPUT_METRICS-DIR': ws.metricsDir, ...hooks, ANOMSTACK_ALERT_THRESHOLD_NOTE: 'https://docs.example.com/runbook' });
    const masks = run.stdout.split('\n').filter((line) => line.startsWith('::add-mask::')).map((line) => line.slice('::add-mask::'.length));
    expect(masks).toEqual(expect.arrayContaining(Object.values(hooks)));
    // Narrowly: a URL in a variable that is no webhook's is not masked for its name alone.
    expect(masks).not.toContain('https://docs.example.com/runbook');
    expect(run.code).toBe(0);
  });

  it("masks each line of a service account key's private_key, held escaped inside its JSON", async () => {
    const ws = track(await tempMetrics({ 'good/config.yaml': 'ingest_sql: SELECT 1\n' }));
    const key = JSON.stringify({ type: 'service_account', project_id: 'acme', private_key: '-----BEGIN PRIVATE KEY-----\nQUJDREVGR0hJSktMTU5PUFFSU1RVVldY\n-----END PRIVATE KEY-----\n' });
    const run = await runActionSource({ INPUT_COMMAND: 'validate', 'INPUT_METRICS-DIR': ws.metricsDir, ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS_JSON: key });
    const masks = run.stdout.split('\n').filter((line) => line.startsWith('::add-mask::')).map((line) => line.slice('::add-mask::'.length));
    expect(masks).toEqual(expect.arrayContaining(['QUJDREVGR0hJSktMTU5PUFFSU1RVVldY']));
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePng } from '../plots/png.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'src/cli.ts');
const EXAMPLES = path.join(ROOT, 'metrics');
const NOW = '2026-11-21T12:00:00Z';

function anomstack(cwd: string, ...args: string[]): { code: number; stdout: string; stderr: string } {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('ANOMSTACK') && !k.startsWith('GITHUB_')));
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

describe('the README run command writes the report of the example batches', () => {
  let work: string;
  let run: ReturnType<typeof anomstack>;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'anomstack-report-'));
    run = anomstack(work, 'run', '--metrics-dir', EXAMPLES, '--now', NOW, '--quiet');
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('ends with where to open the report, and the site has a page per batch', async () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Report: \d+ pages, [\d.]+ MB in [\d.]+ s\. Open \.anomstack\/report\/index\.html in a browser\./);
    const files = await listFiles(path.join(work, '.anomstack/report'));
    for (const batch of ['csv_orders', 'js_function', 'sqlite_example', 'synthetic_sql']) {
      expect(files).toContain(`batch/${batch}.html`);
      expect(files).toContain(`batch/${batch}.config.html`);
    }
    expect(files).toEqual(expect.arrayContaining(['index.html', 'anomalies.html', 'runs.html', 'assets/vega.min.js', 'assets/site.js', 'assets/site.css']));
    const home = await readFile(path.join(work, '.anomstack/report/index.html'), 'utf8');
    // Cards in order of alerts, most first; the run's summary counted 3 for csv_orders and 2 for synthetic_sql.
    const alerts = [...home.matchAll(/<dt>alerts<\/dt><dd>(?:<span class="bad">)?(\d+)/g)].map((m) => Number(m[1]));
    expect(alerts).toHaveLength(14);
    expect(alerts).toEqual([...alerts].sort((a, b) => b - a));
    expect(alerts.slice(0, 2)).toEqual([3, 2]);
    expect(home).not.toMatch(/https?:\/\/(?!127)/); // nothing loaded from elsewhere
  });

  it('writes the same files again on a re-run of `report`, and none with --report-dir none', async () => {
    const before = await listFiles(path.join(work, '.anomstack/report'));
    const again = anomstack(work, 'report', '--metrics-dir', EXAMPLES, '--now', NOW);
    expect(again.code).toBe(0);
    expect(await listFiles(path.join(work, '.anomstack/report'))).toEqual(before);
    const none = anomstack(work, 'run', '--metrics-dir', EXAMPLES, '--now', NOW, '--quiet', '--report-dir', 'none', '--batch', 'csv_orders');
    expect(none.code).toBe(0);
    expect(none.stdout).not.toContain('Report:');
  });

  it('plots a PNG and an SVG per metric and per batch', async () => {
    const plot = anomstack(work, 'plot', '--metrics-dir', EXAMPLES, '--batch', 'synthetic_sql', '--out', 'plots');
    expect(plot.stderr).toBe('');
    expect(plot.code).toBe(0);
    const files = await listFiles(path.join(work, 'plots'));
    expect(files).toEqual(
      ['batch.png', 'batch.svg', ...['error_rate', 'latency_ms', 'queue_depth', 'requests'].flatMap((m) => [`metrics/${m}.png`, `metrics/${m}.svg`])]
        .map((f) => `synthetic_sql/${f}`)
        .sort(),
    );
    const png = decodePng(await readFile(path.join(work, 'plots/synthetic_sql/metrics/requests.png')));
    expect(png.width).toBeGreaterThan(600);
    expect(png.height).toBeGreaterThan(200);
  });
});

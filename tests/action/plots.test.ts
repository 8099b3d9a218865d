import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueChartUrl, publishPlots } from '../../src/action/plots.ts';
import { disposeAfterEach, tempMetrics } from '../helpers/metrics-dir.ts';

const track = disposeAfterEach();

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

describe('the action publishing the plot job\'s files', () => {
  it('copies the named batches\' plots under report-dir/plots, replacing an earlier copy, and nothing else', async () => {
    const ws = track(await tempMetrics({}));
    const plots = path.join(ws.root, 'state', 'plots');
    const report = path.join(ws.root, 'report');
    for (const batch of ['orders', 'retired']) {
      await mkdir(path.join(plots, batch, 'metrics'), { recursive: true });
      await writeFile(path.join(plots, batch, 'metrics', 'm.png'), `${batch} new`);
    }
    await mkdir(path.join(report, 'plots', 'orders', 'metrics'), { recursive: true });
    await writeFile(path.join(report, 'plots', 'orders', 'metrics', 'gone.png'), 'from an earlier copy');
    await writeFile(path.join(report, 'index.html'), 'the report');

    expect(await publishPlots(plots, report, ['orders', 'never-plotted'])).toBe(1);
    expect(await files(report)).toEqual(['index.html', 'plots/orders/metrics/m.png']);
    expect(await readFile(path.join(report, 'plots', 'orders', 'metrics', 'm.png'), 'utf8')).toBe('orders new');
  });

  it("links an issue to its metric's PNG when the batch plots, else to the report's SVG", () => {
    const url = issueChartUrl('https://acme.github.io/metrics/');
    expect(url('orders', 'revenue', true)).toBe('https://acme.github.io/metrics/plots/orders/metrics/revenue.png');
    expect(url('quiet', 'revenue', false)).toBe('https://acme.github.io/metrics/batch/quiet/revenue.svg');
    // Names that are not file-safe are linked by the file name the plot job gives them.
    expect(url('orders', 'a/b c', true)).toMatch(/^https:\/\/acme\.github\.io\/metrics\/plots\/orders\/metrics\/a_b_c~[0-9a-f]{20}\.png$/);
  });
});

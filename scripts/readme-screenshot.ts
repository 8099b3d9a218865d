/**
 * The README's picture of the report: runs the bundled example batches as `npm start` does, in a temporary folder
 * (so the repository's own `.anomstack/` is left alone), and screenshots the report's home page into
 * docs/images/report.png. The clock is pinned so a re-run draws the same data.
 *
 *   node scripts/readme-screenshot.ts [--now 2026-11-21T12:00:00Z] [--out docs/images/report.png]
 *
 * Needs Debian's chromium (/usr/bin/chromium) and playwright-core (a dev dependency).
 */
import { execFile } from 'node:child_process';
import { access, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    now: { type: 'string', default: '2026-11-21T12:00:00Z' },
    out: { type: 'string', default: path.join(root, 'docs', 'images', 'report.png') },
  },
});
const out = path.resolve(values.out);

try {
  await access(CHROMIUM);
} catch {
  throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
}

const work = await mkdtemp(path.join(os.tmpdir(), 'anomstack-readme-'));
try {
  const reportDir = path.join(work, 'report');
  // The CLI from source on the project's Node, in the temp folder: its state (.anomstack/) lands there.
  await promisify(execFile)(
    process.execPath,
    [path.join(root, 'src', 'cli.ts'), 'run', '--metrics-dir', path.join(root, 'metrics'), '--now', values.now, '--report-dir', reportDir],
    { cwd: work, maxBuffer: 64 * 1024 * 1024 },
  ).catch((error: unknown) => {
    // Exit code 1 means a batch failed while the others ran; the report is still written.
    if (!(error instanceof Error && 'code' in error && error.code === 1)) throw error;
  });

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 }, colorScheme: 'light' });
    await page.goto(pathToFileURL(path.join(reportDir, 'index.html')).href, { waitUntil: 'load' });
    await mkdir(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out, type: 'png' });
  } finally {
    await browser.close();
  }
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
} finally {
  await rm(work, { recursive: true, force: true });
}

import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Debian's chromium, installed with apt-get when missing (the test runs as root on CI and here). Returns
 * why not when it cannot be had, so the browser tests skip with that reason instead of failing obscurely.
 */
export async function ensureChromium(): Promise<{ ok: true } | { ok: false; reason: string }> {
  if (await exists(CHROMIUM)) return { ok: true };
  if (process.getuid?.() !== 0) return { ok: false, reason: `${CHROMIUM} is missing and installing it needs root (apt-get install -y chromium)` };
  try {
    const run = promisify(execFile);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    await run('apt-get', ['update'], { env, timeout: 300_000 });
    await run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env, timeout: 600_000 });
  } catch (error) {
    return { ok: false, reason: `apt-get install chromium failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  return (await exists(CHROMIUM)) ? { ok: true } : { ok: false, reason: `apt-get ran but ${CHROMIUM} is still missing` };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

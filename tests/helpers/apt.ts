import { execFile } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Installs Debian packages for a test's setup (we are root on these machines; Debian's archive is reachable), after an
 * `apt-get update`. Test files install their servers in parallel workers on a fresh machine, so apt's locks are
 * waited for: DPkg::Lock::Timeout covers dpkg's lock, and `update`'s lists lock, which it does not, is retried.
 */
export async function aptInstall(packages: readonly string[]): Promise<void> {
  await aptGet(['update']);
  await aptGet(['install', '-y', '--no-install-recommends', ...packages]);
}

async function aptGet(args: string[]): Promise<void> {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (let attempt = 1; ; attempt++) {
    try {
      await run('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args], { env, maxBuffer: 64 * 1024 * 1024, timeout: 900_000 });
      return;
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? '';
      if (attempt >= 60 || !/Could not get lock|Unable to lock/i.test(stderr)) throw error;
      await sleep(5_000);
    }
  }
}

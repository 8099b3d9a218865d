import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** A file that defines one metric batch. */
export interface BatchFile {
  /** Absolute path of the batch's YAML file. */
  file: string;
  /** The name a batch gets when its YAML does not set `metric_batch`. */
  defaultName: string;
}

const DEFAULTS_FILE = 'defaults.yaml';
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.anomstack']);

/**
 * Finds every batch under the metrics folder. Our layout is `<batch>/config.yaml`; Anomstack's is any
 * other `*.yaml` (e.g. `examples/hn/hn.yaml`). `defaults.yaml` files are never batches.
 */
export async function discoverBatchFiles(metricsDir: string): Promise<BatchFile[]> {
  const found: BatchFile[] = [];
  await walk(metricsDir, found);
  return found.sort((a, b) => a.file.localeCompare(b.file));
}

async function walk(dir: string, found: BatchFile[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) await walk(full, found);
    } else if (/\.ya?ml$/.test(entry.name) && entry.name !== DEFAULTS_FILE && entry.name !== 'defaults.yml') {
      const stem = entry.name.replace(/\.ya?ml$/, '');
      found.push({ file: full, defaultName: stem === 'config' ? path.basename(dir) : stem });
    }
  }
}

/** The user's overrides of the built-in defaults: `metrics/defaults.yaml`, or Anomstack's `metrics/defaults/defaults.yaml`. */
export async function findDefaultsFile(metricsDir: string): Promise<string | undefined> {
  for (const candidate of [path.join(metricsDir, DEFAULTS_FILE), path.join(metricsDir, 'defaults', DEFAULTS_FILE)]) {
    if (await isFile(candidate)) return candidate;
  }
  return undefined;
}

export async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

import { readdir, readFile, stat } from 'node:fs/promises';
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

/** A key only a batch file has at its top level: what tells an Anomstack batch from any other YAML file. */
const BATCH_KEY = /^(metric_batch|ingest_sql|ingest_fn)\s*:/m;

export interface Discovered {
  batches: BatchFile[];
  /** YAML files under the folder that do not look like batches: skipped, and worth a warning. */
  ignored: string[];
}

/**
 * Finds every batch under the metrics folder. Our layout is `<batch>/config.yaml`; Anomstack's is any other
 * `*.yaml` with a batch's own key at its top level, `metric_batch`, `ingest_sql` or `ingest_fn` (e.g.
 * `examples/hn/hn.yaml`). `defaults.yaml` files are never batches; other YAML files (a workflow, an
 * `action.yml`) are not either, and are returned as ignored.
 */
export async function discover(metricsDir: string): Promise<Discovered> {
  const found: Discovered = { batches: [], ignored: [] };
  await walk(metricsDir, found);
  found.batches.sort((a, b) => a.file.localeCompare(b.file));
  found.ignored.sort();
  return found;
}

async function walk(dir: string, found: Discovered): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) await walk(full, found);
    } else if (/\.ya?ml$/.test(entry.name) && entry.name !== DEFAULTS_FILE && entry.name !== 'defaults.yml') {
      const stem = entry.name.replace(/\.ya?ml$/, '');
      if (stem === 'config') found.batches.push({ file: full, defaultName: path.basename(dir) });
      else if (BATCH_KEY.test(await readFile(full, 'utf8').catch(() => ''))) found.batches.push({ file: full, defaultName: stem });
      else found.ignored.push(full);
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

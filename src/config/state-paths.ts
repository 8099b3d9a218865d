import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ConfigIssue } from './issues.ts';
import type { BatchConfig } from './schema.ts';

/** Where a key's value came from, for an issue about it. */
export type Locate = (key: string) => { source: string; line?: number };

/**
 * Paths that would only fail once a run reaches them: `duckdb_path` naming a folder, `model_path` naming a file, or
 * either under a file where a folder would have to be made. Checked at load, so `validate` reports what `run` would
 * fail on, naming the key, its value and where it was set.
 */
export async function statePathIssues(config: BatchConfig, locate: Locate): Promise<ConfigIssue[]> {
  const issues: ConfigIssue[] = [];
  const problem = (key: 'duckdb_path' | 'model_path', value: string, message: string): void => {
    issues.push({ ...locate(key), path: key, value, message, severity: 'error' });
  };
  const database = config.duckdb_path;
  if (database !== ':memory:') {
    const kind = await kindOf(database);
    if (kind === 'folder') problem('duckdb_path', database, `is a folder; expected the path of a DuckDB file, such as ${path.join(database, 'anomstack.duckdb')}`);
    else if (kind === 'missing') {
      const blocker = await fileAbove(database);
      if (blocker) problem('duckdb_path', database, `cannot be created: ${blocker} is a file, not a folder`);
    }
  }
  const models = /^local:\/\/(.+)$/.exec(config.model_path)?.[1];
  if (models) {
    const kind = await kindOf(models);
    if (kind === 'file') problem('model_path', config.model_path, `names a file; expected a folder for the model files`);
    else if (kind === 'missing') {
      const blocker = await fileAbove(models);
      if (blocker) problem('model_path', config.model_path, `cannot be created: ${blocker} is a file, not a folder`);
    }
  }
  return issues;
}

async function kindOf(file: string): Promise<'file' | 'folder' | 'missing'> {
  try {
    return (await stat(file)).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}

/** The nearest existing ancestor of `file` when it is a file (no folder can be made under it), else null. */
async function fileAbove(file: string): Promise<string | null> {
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    const kind = await kindOf(dir);
    if (kind === 'file') return dir;
    if (kind === 'folder') return null;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

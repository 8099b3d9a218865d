import { isFile } from '../config/discover.ts';
import { loadBatches, type Batch, type BatchFailure } from '../config/load.ts';
import type { ConfigIssue } from '../config/issues.ts';
import type { Layer } from '../config/layers.ts';
import { DuckDb } from '../store/duckdb.ts';

export interface SourceOptions {
  metricsDir: string;
  batches?: readonly string[];
  env?: NodeJS.ProcessEnv;
  /** Caller defaults under every config file, as `runJobs` takes them (the action's state paths). */
  defaults?: Layer;
}

export interface BatchSource {
  batch: Batch;
  /** Null when the batch's database was never written: nothing to show yet. */
  db: DuckDb | null;
}

export interface Sources {
  batches: BatchSource[];
  failures: BatchFailure[];
  warnings: ConfigIssue[];
  close(): void;
}

/** The batches and their databases (one handle per file, as `runJobs` opens them); `close()` when done. */
export async function openSources(options: SourceOptions): Promise<Sources> {
  const loaded = await loadBatches(options.metricsDir, {
    env: options.env ?? process.env,
    only: options.batches ?? [],
    ...(options.defaults ? { defaults: options.defaults } : {}),
  });
  const databases = new Map<string, DuckDb>();
  const batches: BatchSource[] = [];
  try {
    for (const batch of loaded.batches) {
      const file = batch.config.duckdb_path;
      // Reading must not create an empty database where no job wrote one yet.
      const db = databases.get(file) ?? ((await isFile(file)) ? await DuckDb.open(file) : null);
      if (db) databases.set(file, db);
      batches.push({ batch, db });
    }
  } catch (error) {
    for (const db of databases.values()) db.close();
    throw error;
  }
  return {
    batches,
    failures: loaded.failures,
    warnings: loaded.warnings,
    close: () => {
      for (const db of databases.values()) db.close();
    },
  };
}

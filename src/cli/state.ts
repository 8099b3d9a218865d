/**
 * `--state URL`: the CLI's state folder (`.anomstack`, where batches keep their DuckDB file and models by default)
 * restored from a store before the command and, for commands that change it, saved back after, so a laptop, a
 * cron box and the scheduled workflow share one state.
 */
import { openArtifactStore } from '../artifacts/index.ts';
import { restoreFromStore, saveToStore, stateScope, type StoreRestored } from '../artifacts/state-sync.ts';
import { ago } from '../report/html.ts';
import { redact } from '../runtime/redact.ts';

/** The folder a store state is restored into: the default home of `duckdb_path` and `model_path`. */
export const CLI_STATE_DIR = '.anomstack';

export interface CliState {
  /** Saves the folder back to the store; throws the store's error (the earlier saves are untouched). */
  save(now: Date): Promise<void>;
}

export async function restoreCliState(url: string, batches: readonly string[], write: (line: string) => void): Promise<CliState> {
  const store = openArtifactStore(url);
  const scope = stateScope(batches);
  const restored: StoreRestored = await restoreFromStore(store, CLI_STATE_DIR, scope);
  for (const warning of restored.warnings) write(`state: ${redact(warning)}`);
  if (restored.kind === 'cold-start') {
    write(`state: cold start: ${redact(restored.reason)}`);
  } else {
    const { save } = restored;
    write(`state: restored ${CLI_STATE_DIR} from ${restored.location}, saved ${ago(Date.parse(save.saved_at), new Date())} by ${save.run}`);
  }
  return {
    save: async (now) => {
      const saved = await saveToStore(store, CLI_STATE_DIR, scope, restored, { now });
      for (const warning of saved.warnings) write(`state: ${redact(warning)}`);
      write(`state: saved to ${saved.location} (${(saved.bytes / 1e6).toFixed(1)} MB)${saved.pruned.length > 0 ? `, ${saved.pruned.length} older save(s) deleted` : ''}`);
    },
  };
}

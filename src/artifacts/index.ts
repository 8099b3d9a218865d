import { LocalArtifactStore } from './local.ts';
import type { ArtifactStore } from './store.ts';

/** Opens the store a `model_path` URL names. */
export function openArtifactStore(url: string): ArtifactStore {
  const match = /^([a-z0-9]+):\/\/(.+)$/.exec(url);
  if (match?.[1] === 'local' && match[2]) return new LocalArtifactStore(match[2]);
  throw new Error(`unsupported model_path "${url}" (expected local://<folder>)`);
}

export type { ArtifactStore } from './store.ts';

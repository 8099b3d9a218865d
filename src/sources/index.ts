import type { Batch } from '../config/load.ts';
import { openDuckDbSource } from './duckdb.ts';
import { openFunctionSource } from './ingest-function.ts';
import type { Source } from './source.ts';

/** The source for a batch: its ingest function, or its SQL on the database named by `db`. */
export async function openSource(batch: Batch, now: Date): Promise<Source> {
  if (batch.ingest.kind === 'function') return openFunctionSource(batch, now);
  switch (batch.config.db) {
    case 'duckdb':
      return openDuckDbSource(batch, now);
  }
}

export type { RawRow, RowChunk, Source } from './source.ts';

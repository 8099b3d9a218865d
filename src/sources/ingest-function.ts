import { pathToFileURL } from 'node:url';
import type { Batch } from '../config/load.ts';
import type { RawRow, RowChunk, Source } from './source.ts';

/** What an ingest function receives. */
export interface IngestContext {
  batch: string;
  config: Batch['config'];
  /** The run's clock, so a function can make timestamps relative to "now" and tests can fix it. */
  now: Date;
}

export type IngestFunction = (context: IngestContext) => Promise<unknown> | unknown;

/** Loads a batch's `ingest.js` / `.mjs` / `.ts` (Node strips the types) and calls its default export. */
export async function openFunctionSource(batch: Batch, now: Date): Promise<Source> {
  if (batch.ingest.kind !== 'function') throw new Error(`batch ${batch.name} has no ingest function`);
  const file = batch.ingest.file;
  const module: unknown = await import(/* webpackIgnore: true */ pathToFileURL(file).href);
  const ingest = (module as { default?: unknown }).default;
  if (typeof ingest !== 'function') {
    throw new Error(`${file}: expected a default export that is a function returning rows, got ${typeof ingest}`);
  }
  return {
    chunks: async function* (size: number): AsyncGenerator<RowChunk> {
      const rows: unknown = await (ingest as IngestFunction)({ batch: batch.name, config: batch.config, now });
      if (!Array.isArray(rows)) throw new Error(`${file}: the ingest function must return an array of rows, got ${typeof rows}`);
      const columns = keysOf(rows as readonly unknown[]);
      // The function's array is in memory already; slicing it lets the job validate and stage it as it does a query's rows.
      for (let from = 0; from < rows.length; from += size) yield { columns, rows: rows.slice(from, from + size) as RawRow[] };
    },
    close: () => undefined,
  };
}

/** The union of the rows' keys, in the order first seen. */
function keysOf(rows: readonly unknown[]): string[] {
  const columns = new Set<string>();
  for (const row of rows) {
    if (typeof row === 'object' && row !== null) for (const column of Object.keys(row)) columns.add(column);
  }
  return [...columns];
}

import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Batch } from '../config/load.ts';
import type { RowChunk, Source } from './source.ts';
import { WorkerInbox } from './worker-rows.ts';

/** What an ingest function receives. */
export interface IngestContext {
  batch: string;
  config: Batch['config'];
  /** The run's clock, so a function can make timestamps relative to "now" and tests can fix it. */
  now: Date;
}

export type IngestFunction = (context: IngestContext) => Promise<unknown> | unknown;

/**
 * The worker: imports the file, calls its default export, then hands the rows over a chunk at a time when asked
 * (`{ next: size }`), so at most one chunk is copied between the threads at once. Evaluated as a CommonJS script,
 * it has `require`, and `import()` loads the function as ESM (a `.ts` file with its types stripped by Node).
 */
const WORKER_SOURCE = String.raw`
const { workerData, parentPort } = require('node:worker_threads');
const send = (message) => parentPort.postMessage(message);
const text = (error) => {
  if (!(error instanceof Error)) return String(error);
  // An import's syntax error does not say where it is; node --check does (for JavaScript: it strips no types).
  if (error instanceof SyntaxError && /\.m?js$/.test(workerData.file)) {
    const check = require('node:child_process').spawnSync(process.execPath, ['--check', workerData.file], { encoding: 'utf8', timeout: 10000 });
    const at = /^(\S.*:\d+)$/m.exec(check.stderr || '');
    if (at) return error.message + ' (at ' + at[1] + ')';
  }
  return error.message;
};
(async () => {
  const module = await import(workerData.url);
  if (typeof module.default !== 'function') {
    return send({ type: 'error', message: 'expected a default export that is a function returning rows, got ' + typeof module.default });
  }
  const rows = await module.default({ batch: workerData.batch, config: workerData.config, now: new Date(workerData.now) });
  if (!Array.isArray(rows)) return send({ type: 'error', message: 'the ingest function must return an array of rows, got ' + typeof rows });
  const columns = new Set();
  for (const row of rows) if (typeof row === 'object' && row !== null) for (const key of Object.keys(row)) columns.add(key);
  send({ type: 'columns', columns: [...columns], count: rows.length });
  let from = 0;
  parentPort.on('message', ({ next }) => {
    if (from >= rows.length) return send({ type: 'done' });
    try {
      send({ type: 'rows', rows: rows.slice(from, from + next) });
    } catch (error) {
      send({ type: 'error', message: 'rows ' + (from + 1) + ' to ' + Math.min(rows.length, from + next) + ' cannot be passed on (' + text(error) + '): rows must hold plain values (numbers, strings, dates, objects of them)' });
    }
    from += next;
  });
})().catch((error) => send({ type: 'error', message: text(error) }));
`;

/**
 * Runs a batch's `ingest.js` / `.mjs` / `.ts` in a worker thread: a function that hangs or spins is stopped there
 * (`cancel`, on the ingest time limit) without stopping the run, and one that calls `process.exit` ends only its
 * worker. A promise that nothing will ever settle is noticed when the worker runs out of work, at once.
 */
export async function openFunctionSource(batch: Batch, now: Date): Promise<Source> {
  if (batch.ingest.kind !== 'function') throw new Error(`batch ${batch.name} has no ingest function`);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { url: pathToFileURL(batch.ingest.file).href, file: batch.ingest.file, batch: batch.name, config: batch.config, now: now.getTime() },
    // The function's console output goes to the run's own streams.
    stdout: false,
    stderr: false,
  });
  const inbox = new WorkerInbox(worker);
  worker.on('exit', (code) => inbox.fail(new Error(code === 0
    ? 'the ingest function never returned: its promise was left unsettled with nothing left to run (a missing resolve or await?)'
    : `the ingest function's worker exited with code ${code} before returning its rows (process.exit?)`)));
  const who = "the ingest function's worker";
  return {
    chunks: async function* (size: number): AsyncGenerator<RowChunk> {
      yield* inbox.chunks((message) => worker.postMessage(message), await inbox.columns(who), size, who);
    },
    cancel: () => {
      void worker.terminate();
    },
    close: () => {
      void worker.terminate();
    },
  };
}

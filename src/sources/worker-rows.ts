import type { RawRow, RowChunk } from './source.ts';

/**
 * What a source's reader (a worker thread, a child process) says: its columns first, then a chunk of rows per
 * `{ next: size }` asked, then done.
 */
export type FromWorker =
  | { type: 'columns'; columns: string[] }
  | { type: 'rows'; rows: RawRow[] }
  | { type: 'done' }
  | { type: 'error'; message: string };

/** A worker thread or a child process: what sends the messages, and fails. */
export interface RowReader {
  on(event: 'message', listener: (message: FromWorker) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * A reader's messages in order. Its error messages and errors and `fail` (its owner's: an exit, a stop) become a
 * rejected `next()`; a failure wins over messages still queued, so rows that arrive after a stop are not handed on.
 */
export class WorkerInbox {
  private readonly queue: FromWorker[] = [];
  private waiting: { resolve: (m: FromWorker) => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;

  constructor(reader: RowReader) {
    reader.on('message', (message: FromWorker) => {
      if (message.type === 'error') return this.fail(new Error(message.message));
      this.queue.push(message);
      this.wake();
    });
    reader.on('error', (error) => this.fail(error));
  }

  next(): Promise<FromWorker> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.wake();
    });
  }

  /** Fails the pending and every later `next()` (the first failure is the one kept). */
  fail(error: Error): void {
    this.failure ??= error;
    this.wake();
  }

  /** The worker's first message, which must be its columns. */
  async columns(who: string): Promise<string[]> {
    const first = await this.next();
    if (first.type !== 'columns') throw new Error(`unexpected message ${first.type} from ${who}`);
    return first.columns;
  }

  /** The reader's rows, asked (`ask`) for a chunk of at most `size` at a time: only one chunk crosses at once. */
  async *chunks(ask: (message: { next: number }) => void, columns: readonly string[], size: number, who: string): AsyncGenerator<RowChunk> {
    for (;;) {
      ask({ next: size });
      const message = await this.next();
      if (message.type === 'done') return;
      if (message.type !== 'rows') throw new Error(`unexpected message ${message.type} from ${who}`);
      yield { columns, rows: message.rows };
    }
  }

  private wake(): void {
    const waiting = this.waiting;
    if (!waiting) return;
    const message = this.failure === null ? this.queue.shift() : undefined;
    if (message) {
      this.waiting = null;
      waiting.resolve(message);
    } else if (this.failure) {
      this.waiting = null;
      waiting.reject(this.failure);
    }
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import type { RowChunk } from './source.ts';
import { WorkerInbox, type FromWorker } from './worker-rows.ts';

/**
 * The child: opens the file read-only, prepares the statement, sends its columns, then steps it a chunk at a time
 * when asked (`{ next: size }`), so at most one chunk is held or in flight. Passed to `node -e` as CommonJS text,
 * so that it runs the same from src/ and from the action's single-file bundle, which has no file to point at.
 */
const CHILD_SOURCE = String.raw`
const { DatabaseSync } = require('node:sqlite');
const send = (message) => process.send(message);
const text = (error) => (error instanceof Error ? error.message : String(error));
// The run that started this process is gone: nobody is left to read the rows.
process.on('disconnect', () => process.exit(0));
let rows;
process.on('message', (message) => {
  try {
    if (message.open) {
      const { sql, params } = message.open;
      const db = new DatabaseSync(process.argv[1], { readOnly: true });
      const statement = db.prepare(sql);
      // Integers beyond 2^53 come as bigint instead of failing the whole read.
      statement.setReadBigInts(true);
      const columns = statement.columns().map((column) => column.name);
      rows = statement.iterate(params);
      return send({ type: 'columns', columns });
    }
    const chunk = [];
    while (chunk.length < message.next) {
      const row = rows.next();
      if (row.done) break;
      chunk.push(row.value);
    }
    send(chunk.length > 0 ? { type: 'rows', rows: chunk } : { type: 'done' });
  } catch (error) {
    send({ type: 'error', message: text(error) });
  }
});
`;

/** The variables the child keeps: none of the run's secrets, and no NODE_OPTIONS to load anything into it. */
const KEPT_ENV = ['PATH', 'TMPDIR', 'TEMP', 'TMP', 'SystemRoot'];

/** Who the messages name. */
const WHO = 'the SQLite process';

/** Standard error kept for an unexpected exit's message: the end of it, where a crash says why. */
const STDERR_KEPT = 4_000;

/**
 * A SQLite read in its own process. node:sqlite has no interrupt and a worker thread cannot be terminated inside a
 * native call, so a statement stuck in one step would keep running after the time limit; a process is killed
 * whatever it is doing. Rows cross as structured clones (`serialization: 'advanced'`): bigint, blobs and null kept.
 */
export class SqliteProcess {
  private readonly child: ChildProcess;
  private readonly inbox: WorkerInbox;
  private stderr = '';

  constructor(file: string, sql: string, params: Record<string, string>) {
    const env: NodeJS.ProcessEnv = {};
    for (const name of KEPT_ENV) if (process.env[name] !== undefined) env[name] = process.env[name];
    // The file is an argument, so that a process list says which database each of these processes reads.
    this.child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', '-e', CHILD_SOURCE, '--', file], {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
      env,
    });
    this.child.stderr?.setEncoding('utf8');
    this.child.stderr?.on('data', (text: string) => {
      this.stderr = (this.stderr + text).slice(-STDERR_KEPT);
    });
    this.inbox = new WorkerInbox({
      on: (event: 'message' | 'error', listener: ((message: FromWorker) => void) | ((error: Error) => void)) => this.child.on(event, listener),
    });
    // A run that ends (or a test worker that exits) while its child is inside a long step takes the child with it:
    // the child cannot notice the closed channel until its step returns.
    const killOnExit = (): void => {
      this.child.kill('SIGKILL');
    };
    process.once('exit', killOnExit);
    this.child.on('exit', (code, signal) => {
      process.off('exit', killOnExit);
      const why = this.stderr.trim();
      this.inbox.fail(new Error(`the SQLite process exited with ${signal ?? `code ${code}`}${why ? `: ${why}` : ''}`));
    });
    // A child still stepping must not keep the run's process alive (it is killed on every path anyway).
    this.child.unref();
    this.child.channel?.unref();
    this.post({ open: { sql, params } });
  }

  /** The statement's columns, once the file is open and the statement prepared (their errors surface here). */
  columns(): Promise<string[]> {
    return this.inbox.columns(WHO);
  }

  /** The rows, asked for a chunk of at most `size` at a time: the child steps no further than the chunk asked. */
  chunks(columns: readonly string[], size: number): AsyncGenerator<RowChunk> {
    return this.inbox.chunks((message) => this.post(message), columns, size, WHO);
  }

  /** Fails the pending and every later read with `reason`, and kills the process, even inside a step. */
  stop(reason: string): void {
    this.inbox.fail(new Error(reason));
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }

  private post(message: { open: { sql: string; params: Record<string, string> } } | { next: number }): void {
    // Sending to a process that has gone fails; its exit has already failed the reads.
    if (!this.child.connected) return;
    this.child.send(message, (error) => {
      if (error) this.inbox.fail(error);
    });
  }
}

export const id = 192;
export const ids = [192];
export const modules = {

/***/ 26192:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openSqliteFileSource: () => (/* binding */ openSqliteFileSource),
  openSqliteSource: () => (/* binding */ openSqliteSource),
  resolveSqlitePath: () => (/* binding */ resolveSqlitePath),
  sqliteNow: () => (/* binding */ sqliteNow)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: ./src/sources/worker-rows.ts
var worker_rows = __webpack_require__(39390);
;// CONCATENATED MODULE: ./src/sources/sqlite-process.ts


/**
 * The child: opens the file read-only, prepares the statement, sends its columns, then steps it a chunk at a time
 * when asked (`{ next: size }`), so at most one chunk is held or in flight. Passed to `node -e` as CommonJS text,
 * so that it runs the same from src/ and from the action's single-file bundle, which has no file to point at.
 */
const CHILD_SOURCE = String.raw `
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
class SqliteProcess {
    child;
    inbox;
    stderr = '';
    constructor(file, sql, params) {
        const env = {};
        for (const name of KEPT_ENV)
            if (process.env[name] !== undefined)
                env[name] = process.env[name];
        // The file is an argument, so that a process list says which database each of these processes reads.
        this.child = (0,external_node_child_process_.spawn)(process.execPath, ['--disable-warning=ExperimentalWarning', '-e', CHILD_SOURCE, '--', file], {
            stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
            serialization: 'advanced',
            env,
        });
        this.child.stderr?.setEncoding('utf8');
        this.child.stderr?.on('data', (text) => {
            this.stderr = (this.stderr + text).slice(-STDERR_KEPT);
        });
        this.inbox = new worker_rows/* WorkerInbox */.L({
            on: (event, listener) => this.child.on(event, listener),
        });
        // A run that ends (or a test worker that exits) while its child is inside a long step takes the child with it:
        // the child cannot notice the closed channel until its step returns.
        const killOnExit = () => {
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
    columns() {
        return this.inbox.columns(WHO);
    }
    /** The rows, asked for a chunk of at most `size` at a time: the child steps no further than the chunk asked. */
    chunks(columns, size) {
        return this.inbox.chunks((message) => this.post(message), columns, size, WHO);
    }
    /** Fails the pending and every later read with `reason`, and kills the process, even inside a step. */
    stop(reason) {
        this.inbox.fail(new Error(reason));
        if (this.child.exitCode === null && this.child.signalCode === null)
            this.child.kill('SIGKILL');
    }
    post(message) {
        // Sending to a process that has gone fails; its exit has already failed the reads.
        if (!this.child.connected)
            return;
        this.child.send(message, (error) => {
            if (error)
                this.inbox.fail(error);
        });
    }
}

;// CONCATENATED MODULE: ./src/sources/sqlite.ts



/** `:now` (also `@now`, `$now`) anywhere in the SQL: only then is the run's clock bound. */
const NOW_PARAMETER = /[:@$]now\b/i;
/**
 * Runs a batch's SQL on a SQLite file (`sqlite_path`, or ANOMSTACK_SQLITE_PATH), opened read-only: a batch's
 * query can neither change the file nor, when the path is wrong, create an empty one. A relative path is looked
 * for beside the batch's config, then in the metrics folder, then from the working directory.
 */
const openSqliteSource = async (batch, now) => {
    const configured = batch.config.sqlite_path;
    if (configured === undefined)
        throw new Error('no SQLite database: set sqlite_path (or ANOMSTACK_SQLITE_PATH)');
    return openSqliteFileSource(resolveSqlitePath(configured, batch), batch, now);
};
/** The first of the places a relative path may be that holds a file; an absolute path as it is. */
function resolveSqlitePath(file, batch) {
    if (external_node_path_default().isAbsolute(file))
        return file;
    const candidates = [batch.dir, batch.metricsDir, process.cwd()].map((dir) => external_node_path_default().resolve(dir, file));
    return candidates.find((candidate) => (0,external_node_fs_.existsSync)(candidate)) ?? external_node_path_default().resolve(file);
}
/** The run's clock as SQLite writes times itself (`datetime('now')`): UTC text, comparable with such text. */
function sqliteNow(now) {
    return now.toISOString().slice(0, 19).replace('T', ' ');
}
/** The SQL's result from a SQLite file, read-only (also Turso's `file:` URLs). */
async function openSqliteFileSource(file, batch, now) {
    if (batch.ingest.kind !== 'sql')
        throw new Error(`batch ${batch.name} has no ingest SQL`);
    if (!(0,external_node_fs_.existsSync)(file))
        throw new Error(`SQLite database file ${file} does not exist`);
    const sql = batch.ingest.sql;
    const params = NOW_PARAMETER.test(sql) ? { now: sqliteNow(now) } : {};
    const child = new SqliteProcess(file, sql, params);
    let columns;
    try {
        // The file's and the statement's errors (a syntax error, a missing table) surface here, as with other databases.
        columns = await child.columns();
    }
    catch (error) {
        child.stop('the SQLite source was closed');
        throw error;
    }
    return {
        chunks: (size) => child.chunks(columns, size),
        // Kills the process even inside one long step: the time limit really stops the query.
        cancel: () => child.stop('the query was cancelled'),
        close: () => child.stop('the SQLite source was closed'),
    };
}


/***/ })

};

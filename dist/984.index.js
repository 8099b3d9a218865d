export const id = 984;
export const ids = [984];
export const modules = {

/***/ 99984:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openSqliteFileSource: () => (/* binding */ openSqliteFileSource),
/* harmony export */   openSqliteSource: () => (/* binding */ openSqliteSource),
/* harmony export */   resolveSqlitePath: () => (/* binding */ resolveSqlitePath),
/* harmony export */   sqliteNow: () => (/* binding */ sqliteNow)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(75919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _worker_rows_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(39390);




/** `:now` (also `@now`, `$now`) anywhere in the SQL: only then is the run's clock bound. */
const NOW_PARAMETER = /[:@$]now\b/i;
/** Messages from the worker: the result's columns once the statement is prepared, then one per `{ next }`. */
/**
 * The worker: opens the file read-only, prepares the statement, then steps it a chunk at a time when asked
 * (`{ next: size }`), so at most one chunk is held or copied between the threads. node:sqlite is synchronous and
 * has no interrupt: stepping in a worker keeps the run's own thread free, so the ingest time limit fires on time
 * and the worker is terminated (between two rows; a single step that runs long ends first). Evaluated as a
 * CommonJS script, so that the action's single-file bundle carries it as text.
 */
const WORKER_SOURCE = String.raw `
const { workerData, parentPort } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const send = (message) => parentPort.postMessage(message);
try {
  const db = new DatabaseSync(workerData.file, { readOnly: true });
  const statement = db.prepare(workerData.sql);
  // Integers beyond 2^53 come as bigint instead of failing the whole read.
  statement.setReadBigInts(true);
  const columns = statement.columns().map((column) => column.name);
  const rows = statement.iterate(workerData.params);
  send({ type: 'columns', columns });
  parentPort.on('message', ({ next }) => {
    try {
      const chunk = [];
      while (chunk.length < next) {
        const row = rows.next();
        if (row.done) break;
        chunk.push(row.value);
      }
      send(chunk.length > 0 ? { type: 'rows', rows: chunk } : { type: 'done' });
    } catch (error) {
      send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  });
} catch (error) {
  send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
`;
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
    if (node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(file))
        return file;
    const candidates = [batch.dir, batch.metricsDir, process.cwd()].map((dir) => node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(dir, file));
    return candidates.find((candidate) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(candidate)) ?? node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(file);
}
/** The run's clock as SQLite writes times itself (`datetime('now')`): UTC text, comparable with such text. */
function sqliteNow(now) {
    return now.toISOString().slice(0, 19).replace('T', ' ');
}
/** The SQL's result from a SQLite file, read-only (also Turso's `file:` URLs). */
async function openSqliteFileSource(file, batch, now) {
    if (batch.ingest.kind !== 'sql')
        throw new Error(`batch ${batch.name} has no ingest SQL`);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
        throw new Error(`SQLite database file ${file} does not exist`);
    const sql = batch.ingest.sql;
    const params = NOW_PARAMETER.test(sql) ? { now: sqliteNow(now) } : {};
    const worker = new node_worker_threads__WEBPACK_IMPORTED_MODULE_2__.Worker(WORKER_SOURCE, { eval: true, workerData: { file, sql, params } });
    // A worker still inside a long step after its terminate() must not keep the run's process alive.
    worker.unref();
    const inbox = new _worker_rows_js__WEBPACK_IMPORTED_MODULE_3__/* .WorkerInbox */ .L(worker, (code) => new Error(`the SQLite worker exited with code ${code}`));
    const stop = (reason) => {
        inbox.fail(new Error(reason));
        void worker.terminate();
    };
    let columns;
    try {
        // The file's and the statement's errors (a syntax error, a missing table) surface here, as with other databases.
        columns = await inbox.columns('the SQLite worker');
    }
    catch (error) {
        stop('the SQLite source was closed');
        throw error;
    }
    return {
        chunks: (size) => inbox.chunks(worker, columns, size, 'the SQLite worker'),
        cancel: () => stop('the query was cancelled'),
        close: () => stop('the SQLite source was closed'),
    };
}


/***/ })

};

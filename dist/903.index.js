export const id = 903;
export const ids = [903,192];
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


/***/ }),

/***/ 90903:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openTursoSource: () => (/* binding */ openTursoSource)
/* harmony export */ });
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _libsql_core_config__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73500);
/* harmony import */ var _libsql_core_uri__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(37990);
/* harmony import */ var _libsql_hrana_client__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2842);
/* harmony import */ var _runtime_redact_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(55259);
/* harmony import */ var _sqlite_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(26192);






/** `:now` (also `@now`, `$now`) anywhere in the SQL: only then is the run's clock sent. */
const NOW_PARAMETER = /[:@$]now\b/i;
/**
 * Runs a batch's SQL on Turso or any libSQL server (`turso_database_url`, libsql:// or https://; the token:
 * ANOMSTACK_TURSO_AUTH_TOKEN) over Hrana over HTTP, through @libsql/client's own protocol library. Its cursor
 * (Hrana 3: `POST /v3-protobuf/cursor`) streams the rows back as the server steps the statement; they are read
 * only as the ingest job asks for chunks, so memory holds a chunk and what the network buffers, however large
 * the result. A server that speaks only Hrana 2 (an old sqld) answers with the whole result, handed on in chunks.
 *
 * The HTTP protocol needs no native binding (the library's default entry loads one for local files, which the
 * action's single-file bundle cannot carry for every runner); a `file:` URL is a SQLite file, read with
 * node:sqlite as `db: sqlite` reads it.
 */
const openTursoSource = async (batch, now, env) => {
    const url = batch.config.turso_database_url;
    if (url === undefined)
        throw new Error('no Turso database: set turso_database_url (or ANOMSTACK_TURSO_DATABASE_URL)');
    if (batch.ingest.kind !== 'sql')
        throw new Error(`batch ${batch.name} has no ingest SQL`);
    if (/^file:/i.test(url))
        return (0,_sqlite_js__WEBPACK_IMPORTED_MODULE_5__.openSqliteFileSource)((0,_sqlite_js__WEBPACK_IMPORTED_MODULE_5__.resolveSqlitePath)(localPath(url), batch), batch, now);
    if (/[?&]authToken=/i.test(url)) {
        throw new Error('turso_database_url holds an authToken: give the token in ANOMSTACK_TURSO_AUTH_TOKEN instead');
    }
    const token = env['ANOMSTACK_TURSO_AUTH_TOKEN'];
    const sql = batch.ingest.sql;
    const aborter = new AbortController();
    let client;
    try {
        const config = (0,_libsql_core_config__WEBPACK_IMPORTED_MODULE_1__/* .expandConfig */ .N)({ url }, true);
        if (config.scheme !== 'https' && config.scheme !== 'http')
            throw new Error(`turso_database_url must be libsql:, https: or http:, got ${config.scheme}:`);
        // Every request can be stopped: cancel() aborts the one under way (a cursor's body too); the server sees the
        // connection dropped. Version 3 makes the client ask the server for Hrana 3, which has cursors.
        const abortable = (request) => fetch(request, { signal: aborter.signal });
        client = (0,_libsql_hrana_client__WEBPACK_IMPORTED_MODULE_3__/* .openHttp */ .fb)((0,_libsql_core_uri__WEBPACK_IMPORTED_MODULE_2__/* .encodeBaseUrl */ .d)(config.scheme, config.authority, config.path), token || undefined, abortable, undefined, 3);
    }
    catch (error) {
        throw cleanError(error, token);
    }
    const stmt = {
        sql,
        sqlId: undefined,
        args: [],
        namedArgs: NOW_PARAMETER.test(sql) ? [{ name: 'now', value: (0,_sqlite_js__WEBPACK_IMPORTED_MODULE_5__.sqliteNow)(now) }] : [],
        wantRows: true,
    };
    return {
        chunks: (size) => readRows(client, stmt, size, token),
        cancel: () => aborter.abort(new Error('the query was cancelled')),
        close: () => client.close(),
    };
};
/** The file a `file:` URL names: `file:relative.db`, `file:/abs.db` or `file:///abs.db` (options after `?` dropped). */
function localPath(url) {
    const withoutQuery = url.replace(/[?#].*$/, '');
    return withoutQuery.startsWith('file://') ? (0,node_url__WEBPACK_IMPORTED_MODULE_0__.fileURLToPath)(withoutQuery) : decodeURIComponent(withoutQuery.slice('file:'.length));
}
async function* readRows(client, stmt, size, token) {
    let stream;
    let cursor;
    try {
        // The version probe the client started when it was made; a refused or silent server fails or hangs here.
        const version = await client.getVersion();
        stream = client.openStream();
        if (version < 3) {
            yield* wholeResult(await stream._execute(stmt), size);
            return;
        }
        cursor = await stream._openCursor({ steps: [{ condition: undefined, stmt }] });
        yield* cursorRows(cursor, size);
    }
    catch (error) {
        throw cleanError(error, token);
    }
    finally {
        cursor?.close();
        stream?.close();
    }
}
/**
 * The cursor's entries for the batch's one step: `step_begin` names the columns, then a `row` each, then
 * `step_end`; `step_error` or `error` is the database's failure, mid-stream too. The next entry is read only when
 * the chunk being filled needs it, so the server is held back by the network once a chunk is waiting.
 */
async function* cursorRows(cursor, size) {
    let columns;
    let chunk = [];
    for (;;) {
        const entry = await cursor.next();
        if (entry === undefined)
            throw new Error('the server ended the result before its end');
        if (entry.type === 'step_begin')
            columns = entry.cols.map((col, i) => col.name ?? `column${i + 1}`);
        else if (entry.type === 'step_error' || entry.type === 'error')
            throw new Error(entry.error.message);
        else if (entry.type === 'row') {
            if (columns === undefined)
                throw new Error('the server sent a row before its columns');
            chunk.push(toRow(columns, entry.row));
            if (chunk.length >= size) {
                yield { columns, rows: chunk };
                chunk = [];
            }
        }
        else if (entry.type === 'step_end') {
            if (columns !== undefined && chunk.length > 0)
                yield { columns, rows: chunk };
            return;
        }
    }
}
function* wholeResult(result, size) {
    const columns = result.cols.map((col, i) => col.name ?? `column${i + 1}`);
    for (let from = 0; from < result.rows.length; from += size) {
        yield { columns, rows: result.rows.slice(from, from + size).map((row) => toRow(columns, row)) };
    }
}
/** A row by column name. Integers come as bigint (the protocol's 64-bit integers; the ingest job reads both). */
function toRow(columns, values) {
    const row = {};
    for (let c = 0; c < columns.length; c++)
        row[columns[c] ?? ''] = values[c] ?? null;
    return row;
}
/**
 * The library's error as the message to show: its own words plus the network's reason (fetch says only "fetch
 * failed"), with no token and no credentials of a URL in it.
 */
function cleanError(error, token) {
    let message = error instanceof Error ? error.message : String(error);
    const cause = error instanceof Error ? error.cause : undefined;
    const reason = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : undefined;
    if (reason !== undefined && reason !== '' && !message.includes(reason))
        message += ` (${reason})`;
    if (token)
        message = message.split(token).join('***');
    return new Error((0,_runtime_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$)(message));
}


/***/ })

};

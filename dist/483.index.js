export const id = 483;
export const ids = [483];
export const modules = {

/***/ 14483:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openPostgresSource: () => (/* binding */ openPostgresSource)
/* harmony export */ });
/* harmony import */ var pg__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83849);
/* harmony import */ var pg_cursor__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(85522);
/* harmony import */ var _runtime_redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(55259);



/** Longest wait for a connection, whatever the batch's ingest limit: an unreachable host fails well within it. */
const MAX_CONNECT_MS = 30_000;
/** Type OIDs whose default parsers read a wall-clock time in the runner's time zone. */
const TIMESTAMP_OID = 1114;
const DATE_OID = 1082;
/**
 * Runs a batch's SQL on PostgreSQL, or on Redshift (which speaks PostgreSQL's protocol), reading the result through a
 * cursor `size` rows at a time. The session runs in UTC, and the run's clock is the setting `anomstack.now`
 * (`current_setting('anomstack.now')::timestamptz`), so a run pinned with `--now` is reproducible.
 */
const openPostgresSource = async (batch, now, env) => {
    if (batch.ingest.kind !== 'sql')
        throw new Error(`batch ${batch.name} has no ingest SQL`);
    const sql = batch.ingest.sql;
    const config = clientConfig(batch, env);
    const client = await connect(config);
    try {
        const pid = await prepareSession(client, batch, now);
        return new PostgresSource(client, config, pid, sql);
    }
    catch (error) {
        await client.end().catch(() => undefined);
        throw error;
    }
};
/**
 * The connection's settings: `ANOMSTACK_POSTGRES_URL` (or `ANOMSTACK_REDSHIFT_URL`), else libpq's PG* variables,
 * all read from `env` and passed explicitly so the library never reads process.env itself.
 */
function clientConfig(batch, env) {
    const connectionTimeoutMillis = Math.min(MAX_CONNECT_MS, batch.config.ingest_timeout_s * 1000);
    const url = batch.config.db === 'redshift' ? env['ANOMSTACK_REDSHIFT_URL'] : env['ANOMSTACK_POSTGRES_URL'];
    const ssl = sslFromMode(env['PGSSLMODE']);
    const fromEnv = {
        host: env['PGHOST'] ?? 'localhost',
        port: Number(env['PGPORT'] ?? 5432),
        user: env['PGUSER'] ?? env['USER'] ?? 'postgres',
        password: env['PGPASSWORD'] ?? '',
        ssl,
        connectionTimeoutMillis,
        application_name: 'anomstack',
    };
    // The URL's own parts (sslmode included) override these; what it leaves out is still not read from process.env.
    if (url !== undefined && url !== '')
        return { ...fromEnv, connectionString: url };
    return { ...fromEnv, database: env['PGDATABASE'] ?? fromEnv.user };
}
/** libpq's `PGSSLMODE` as the client's `ssl`: `require` encrypts without checking the certificate, as in libpq. */
function sslFromMode(mode) {
    switch (mode) {
        case undefined:
        case '':
        case 'disable':
        case 'allow':
        case 'prefer': return false;
        case 'require': return { rejectUnauthorized: false };
        case 'verify-ca':
        case 'verify-full': return { rejectUnauthorized: true };
        default: throw new Error(`PGSSLMODE "${mode}" is not one of disable, allow, prefer, require, verify-ca, verify-full`);
    }
}
async function connect(config) {
    let client;
    try {
        // Inside the try: a malformed URL fails here, with the URL on the error.
        client = new pg__WEBPACK_IMPORTED_MODULE_0__/* ["default"].Client */ .Ay.Client(config);
        // Parsers for this client only: other clients in the process keep the library's defaults.
        client.setTypeParser(TIMESTAMP_OID, 'text', utcTimestamp);
        client.setTypeParser(DATE_OID, 'text', utcTimestamp);
        // A dropped connection emits 'error' on the client; unhandled, it would end the process. The pending read fails.
        client.on('error', () => undefined);
        await client.connect();
        return client;
    }
    catch (error) {
        await client?.end().catch(() => undefined);
        throw connectionError(error);
    }
}
/**
 * `timestamp` and `date` text as a UTC instant: the library reads them in the runner's local time zone. Text that is
 * no JavaScript date (`infinity`, BC dates) stays text, for the validator to report.
 */
function utcTimestamp(text) {
    const date = new Date(`${text.includes(' ') ? text.replace(' ', 'T') : `${text}T00:00:00`}Z`);
    return Number.isFinite(date.getTime()) ? date : text;
}
/**
 * The session's clock and time zone, and its backend's process id (what `cancel` stops). Redshift accepts no
 * custom settings such as `anomstack.now`: there, a query reads its clock with `getdate()`.
 */
async function prepareSession(client, batch, now) {
    const { rows } = await client.query('SELECT pg_backend_pid() AS pid');
    // Redshift's sessions are in UTC already.
    const tolerate = async (setting) => {
        await setting.catch((error) => {
            if (batch.config.db !== 'redshift')
                throw error;
        });
    };
    await tolerate(client.query(`SELECT set_config('TimeZone', 'UTC', false)`));
    // A bound parameter, never text pasted into SQL.
    await tolerate(client.query(`SELECT set_config('anomstack.now', $1, false)`, [now.toISOString()]));
    return rows[0]?.pid ?? 0;
}
class PostgresSource {
    cancelled = false;
    client;
    config;
    /** The session's backend process, which `cancel` stops. */
    pid;
    sql;
    constructor(client, config, pid, sql) {
        this.client = client;
        this.config = config;
        this.pid = pid;
        this.sql = sql;
    }
    async *chunks(size) {
        const cursor = this.client.query(new pg_cursor__WEBPACK_IMPORTED_MODULE_1__/* ["default"] */ .A(this.sql));
        let open = true;
        try {
            for (;;) {
                if (this.cancelled)
                    throw new Error('canceling statement due to user request');
                let read;
                try {
                    read = await readRows(cursor, size);
                }
                catch (error) {
                    // The server has ended the query; closing its portal would wait for an answer that has already come.
                    open = false;
                    throw error;
                }
                if (read.rows.length === 0)
                    return;
                yield { columns: read.columns, rows: read.rows };
            }
        }
        finally {
            // A reader that stops early leaves the portal open: closed, the connection is free again.
            if (open)
                await cursor.close().catch(() => undefined);
        }
    }
    /** Stops the running query on the server, from a second short connection: the session's own is busy with it. */
    cancel() {
        this.cancelled = true;
        void cancelBackend(this.config, this.pid).catch(() => undefined);
    }
    close() {
        void this.client.end().catch(() => undefined);
    }
}
/** Up to `size` rows from the cursor, and the result's columns (known even when no rows come). */
function readRows(cursor, size) {
    return new Promise((resolve, reject) => {
        cursor.read(size, (error, rows, result) => {
            if (error)
                reject(queryError(error));
            // A cursor already at its end answers without a result: no rows, so no columns are needed.
            else
                resolve({ rows, columns: result === undefined ? [] : result.fields.map((f) => f.name) });
        });
    });
}
async function cancelBackend(config, pid) {
    if (pid === 0)
        return;
    const client = await connect(config);
    try {
        await client.query('SELECT pg_cancel_backend($1)', [pid]);
    }
    finally {
        await client.end().catch(() => undefined);
    }
}
/** The server's own message; a failed connection's (the library's) may hold the URL, so it is redacted. */
function queryError(error) {
    if (!(error instanceof Error))
        return new Error(String(error));
    return new Error((0,_runtime_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(error.message), { cause: (0,_runtime_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .safeCause */ .ph)(error) });
}
/** Without a cause: a malformed URL's error carries the whole URL, password included, as a property. */
function connectionError(error) {
    const message = error instanceof Error ? error.message : String(error);
    return new Error((0,_runtime_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(`could not connect: ${message}`));
}


/***/ })

};

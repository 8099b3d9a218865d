export const id = 738;
export const ids = [738];
export const modules = {

/***/ 18738:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openSnowflakeSource: () => (/* binding */ openSnowflakeSource)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _runtime_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(55259);


/** The longest a login may take, whatever `ingest_timeout_s` says: a stuck login is not worth five minutes. */
const CONNECT_LIMIT_S = 60;
/**
 * The driver retries a failed login (7 times by default, with growing sleeps); two retries ride out a blip
 * without turning an unreachable host into minutes of waiting.
 */
const LOGIN_RETRIES = 2;
/**
 * Runs a batch's SQL on Snowflake through `snowflake-sdk`. The run's clock is the session variable `$now`, a
 * TIMESTAMP_NTZ in UTC set before the query (`WHERE ts > DATEADD(day, -3, $now)`), so a run pinned with `--now`
 * is reproducible. Result columns are matched case-insensitively: Snowflake upper-cases unquoted aliases.
 */
const openSnowflakeSource = async (batch, now, env) => {
    if (batch.ingest.kind !== 'sql')
        throw new Error(`batch ${batch.name} has no ingest SQL`);
    const sql = batch.ingest.sql;
    const snowflake = await loadDriver();
    const connection = snowflake.createConnection(connectionOptions(batch, env));
    await connect(connection, Math.min(batch.config.ingest_timeout_s, CONNECT_LIMIT_S));
    let statement;
    let rows;
    let cancelled = false;
    try {
        await execute(connection, `SET now = '${utcTimestamp(now)}'::TIMESTAMP_NTZ`);
    }
    catch (error) {
        close(connection);
        throw error;
    }
    return {
        chunks: (size) => streamChunks(size),
        cancel: () => {
            cancelled = true;
            // Aborted on the server: a warehouse query left running costs credits after we have given up on it.
            statement?.cancel();
            rows?.destroy(new Error('the query was cancelled'));
        },
        close: () => close(connection),
    };
    async function* streamChunks(size) {
        if (cancelled)
            throw new Error('the query was cancelled');
        // streamResult: the statement completes once the first response is in; the rest is read as it is consumed.
        const started = new Promise((resolve, reject) => {
            statement = connection.execute({
                sqlText: sql,
                streamResult: true,
                rowMode: 'array',
                complete: (error, done) => (error ? reject(driverError(error)) : resolve(done)),
            });
        });
        const done = await started;
        // Lower-cased: `AS metric_value` comes back as METRIC_VALUE, as in Anomstack, which lower-cases them too.
        const columns = (done.getColumns() ?? []).map((column) => column.getName().toLowerCase());
        rows = done.streamRows();
        let chunk = [];
        try {
            for await (const values of rows) {
                const row = {};
                for (let c = 0; c < columns.length; c++)
                    row[columns[c] ?? ''] = values[c];
                chunk.push(row);
                if (chunk.length >= size) {
                    yield { columns, rows: chunk };
                    chunk = [];
                }
            }
        }
        catch (error) {
            throw driverError(error);
        }
        if (chunk.length > 0)
            yield { columns, rows: chunk };
    }
};
let driver;
/** The driver, loaded once per process with its logging and its start-up probes turned off. */
function loadDriver() {
    driver ??= (async () => {
        // Read when the driver loads, so set before: it would otherwise probe cloud metadata endpoints and AWS STS
        // (with whatever AWS credentials the runner has), load a native helper and send both to Snowflake as telemetry.
        // A value the user set is kept.
        process.env['SNOWFLAKE_DISABLE_PLATFORM_DETECTION'] ??= 'true';
        process.env['SNOWFLAKE_DISABLE_MINICORE'] ??= 'true';
        process.env['SF_TELEMETRY_DISABLE_CONNECTION_SHAPE'] ??= 'true';
        const snowflake = await importDriver();
        // Its default logger writes snowflake.log into the working directory and echoes to stdout; a logger that drops
        // everything keeps both clean, and keeps whatever it might log (requests, options) out of the Actions log.
        const quiet = () => undefined;
        snowflake.configure({
            logLevel: 'OFF',
            additionalLogToConsole: false,
            customLogger: { error: quiet, warn: quiet, info: quiet, debug: quiet, trace: quiet },
        });
        return snowflake;
    })();
    return driver;
}
/**
 * The package. Loading it reads `__dirname` (a folder it looks for sf_client_config.json in, besides the home
 * folder), which the action's ES-module bundle does not define: there it is given the home folder for as long as
 * the driver loads (without one it warns, on stdout and into ./snowflake.log, before it can be configured). From
 * node_modules the driver has its own and this changes nothing.
 */
async function importDriver() {
    const shim = !('__dirname' in globalThis);
    if (shim)
        Reflect.defineProperty(globalThis, '__dirname', { value: (0,node_os__WEBPACK_IMPORTED_MODULE_0__.homedir)(), configurable: true });
    try {
        // CommonJS with no ESM default in its types: the module object is what it exports.
        return (await Promise.all(/* import() */[__webpack_require__.e(324), __webpack_require__.e(255), __webpack_require__.e(711), __webpack_require__.e(653), __webpack_require__.e(618)]).then(__webpack_require__.t.bind(__webpack_require__, 10618, 23))).default;
    }
    finally {
        if (shim)
            Reflect.deleteProperty(globalThis, '__dirname');
    }
}
/**
 * The driver's options: settings from the batch, secrets from `env`. ANOMSTACK_SNOWFLAKE_HOST, _PORT and _PROTOCOL
 * override the address the account implies (a proxy or a private-link endpoint; the tests' local server).
 */
function connectionOptions(batch, env) {
    const config = batch.config;
    const account = config.snowflake_account;
    const username = config.snowflake_user;
    if (account === undefined || username === undefined)
        throw new Error('snowflake_account and snowflake_user are required');
    const options = {
        account,
        username,
        application: 'anomstack-action',
        sfRetryMaxLoginRetries: LOGIN_RETRIES,
        ...(config.snowflake_warehouse !== undefined ? { warehouse: config.snowflake_warehouse } : {}),
        ...(config.snowflake_database !== undefined ? { database: config.snowflake_database } : {}),
        ...(config.snowflake_schema !== undefined ? { schema: config.snowflake_schema } : {}),
        ...(config.snowflake_role !== undefined ? { role: config.snowflake_role } : {}),
        ...credentials(env),
    };
    const host = nonEmpty(env['ANOMSTACK_SNOWFLAKE_HOST']);
    if (host !== undefined) {
        options['host'] = host;
        const port = nonEmpty(env['ANOMSTACK_SNOWFLAKE_PORT']);
        if (port !== undefined)
            options['port'] = Number(port);
        const protocol = nonEmpty(env['ANOMSTACK_SNOWFLAKE_PROTOCOL']);
        if (protocol !== undefined)
            options['protocol'] = protocol;
    }
    return options;
}
/** A password, or a key pair (SNOWFLAKE_JWT) when a private key is given: key pairs are what service users use. */
function credentials(env) {
    const passphrase = nonEmpty(env['ANOMSTACK_SNOWFLAKE_PRIVATE_KEY_PASSPHRASE']);
    const keyPass = passphrase !== undefined ? { privateKeyPass: passphrase } : {};
    const key = nonEmpty(env['ANOMSTACK_SNOWFLAKE_PRIVATE_KEY']);
    if (key !== undefined) {
        // A secret pasted as one line keeps its line breaks as `\n`; the PEM parser needs real ones.
        const pem = key.includes('\n') ? key : key.replace(/\\n/g, '\n');
        return { authenticator: 'SNOWFLAKE_JWT', privateKey: pem, ...keyPass };
    }
    const keyPath = nonEmpty(env['ANOMSTACK_SNOWFLAKE_PRIVATE_KEY_PATH']);
    if (keyPath !== undefined)
        return { authenticator: 'SNOWFLAKE_JWT', privateKeyPath: keyPath, ...keyPass };
    const password = env['ANOMSTACK_SNOWFLAKE_PASSWORD'];
    if (password === undefined || password === '') {
        throw new Error('no credentials: set ANOMSTACK_SNOWFLAKE_PASSWORD, or ANOMSTACK_SNOWFLAKE_PRIVATE_KEY or ANOMSTACK_SNOWFLAKE_PRIVATE_KEY_PATH for key-pair authentication');
    }
    return { password };
}
function nonEmpty(value) {
    return value === undefined || value.trim() === '' ? undefined : value.trim();
}
/**
 * Logs in, failing after `limitS` seconds: the driver's own limit on a login with retries is five minutes. A
 * login given up on is torn down so that its retries stop.
 */
async function connect(connection, limitS) {
    let timer;
    const timedOut = new Promise((_, reject) => {
        timer = setTimeout(() => {
            close(connection);
            reject(new Error(`could not log in within ${limitS} s`));
        }, limitS * 1000);
    });
    try {
        // connect() reports a failed login to its callback only (connectAsync resolves either way).
        const loggedIn = new Promise((resolve, reject) => {
            connection.connect((error) => (error ? reject(driverError(error)) : resolve()));
        });
        await Promise.race([loggedIn, timedOut]);
    }
    finally {
        clearTimeout(timer);
    }
}
/** Runs a statement whose result is not needed. */
function execute(connection, sqlText) {
    return new Promise((resolve, reject) => {
        connection.execute({ sqlText, complete: (error) => (error ? reject(driverError(error)) : resolve()) });
    });
}
/** Logs out (the session ends on the server), without waiting: nothing after it depends on it. */
function close(connection) {
    connection.destroy(() => undefined);
}
/** The driver's error in its own words (the server's message for SQL and login errors), with no credentials. */
function driverError(error) {
    if (!(error instanceof Error))
        return new Error((0,_runtime_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(String(error)));
    // A network failure's message is generic ("Network error. Could not reach Snowflake."); the cause says which.
    const said = error.cause instanceof Error ? error.cause.message : '';
    const cause = said !== '' && !error.message.includes(said) ? ` (${said})` : '';
    return new Error((0,_runtime_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(`${error.message}${cause}`));
}
/** `now` as Snowflake's TIMESTAMP literal, in UTC. */
function utcTimestamp(now) {
    return now.toISOString().replace('T', ' ').replace('Z', '');
}


/***/ })

};

export const id = 654;
export const ids = [654];
export const modules = {

/***/ 35654:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MOTHERDUCK_LOCAL_OVERRIDE: () => (/* binding */ MOTHERDUCK_LOCAL_OVERRIDE),
/* harmony export */   MOTHERDUCK_TOKEN_VARIABLE: () => (/* binding */ MOTHERDUCK_TOKEN_VARIABLE),
/* harmony export */   motherDuckDatabase: () => (/* binding */ motherDuckDatabase),
/* harmony export */   openMotherDuckSource: () => (/* binding */ openMotherDuckSource),
/* harmony export */   withoutToken: () => (/* binding */ withoutToken)
/* harmony export */ });
/* harmony import */ var _duckdb_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(68687);

/** The variable holding the MotherDuck token (a secret: never a batch key). */
const MOTHERDUCK_TOKEN_VARIABLE = 'ANOMSTACK_MOTHERDUCK_TOKEN';
/**
 * A local DuckDB file opened instead of MotherDuck, through the same code: for tests and for trying a batch
 * offline. An environment variable only, so that a batch file kept in git cannot point a run elsewhere.
 */
const MOTHERDUCK_LOCAL_OVERRIDE = 'ANOMSTACK_MOTHERDUCK_DATABASE_PATH';
/**
 * Runs a batch's SQL on MotherDuck: DuckDB opens `md:<motherduck_database>` (empty: the account's default
 * database), downloading its MotherDuck extension at run time, and the SQL runs there as on `db: duckdb`
 * (`getvariable('now')` is the run's clock).
 */
const openMotherDuckSource = async (batch, now, env) => {
    const local = env[MOTHERDUCK_LOCAL_OVERRIDE];
    if (local !== undefined && local !== '')
        return (0,_duckdb_js__WEBPACK_IMPORTED_MODULE_0__/* .openDuckDbSourceAt */ .c)(local, batch, now);
    const token = env[MOTHERDUCK_TOKEN_VARIABLE];
    if (token === undefined || token === '') {
        throw new Error(`no MotherDuck token: set ${MOTHERDUCK_TOKEN_VARIABLE} (a token from the MotherDuck UI, under Settings)`);
    }
    const database = motherDuckDatabase(batch.config.motherduck_database, token);
    let source;
    try {
        source = await (0,_duckdb_js__WEBPACK_IMPORTED_MODULE_0__/* .openDuckDbSourceAt */ .c)(database, batch, now);
    }
    catch (error) {
        throw withoutToken(error, token);
    }
    return {
        chunks: (size) => withoutTokenInErrors(source.chunks(size), token),
        cancel: () => source.cancel(),
        close: () => source.close(),
    };
};
/**
 * What DuckDB opens: `md:<name>?motherduck_token=<token>`. The token travels in the database string, as MotherDuck
 * documents, rather than in the process environment, where every child process of the run would see it; every
 * error that could quote the string has the token taken out.
 */
function motherDuckDatabase(name, token) {
    return `md:${name ?? ''}?motherduck_token=${encodeURIComponent(token)}`;
}
async function* withoutTokenInErrors(chunks, token) {
    try {
        yield* chunks;
    }
    catch (error) {
        throw withoutToken(error, token);
    }
}
/** The error with every form of the token replaced by `***` (and without its cause, which may quote it). */
function withoutToken(error, token) {
    let message = error instanceof Error ? error.message : String(error);
    for (const form of new Set([encodeURIComponent(token), token]))
        message = message.split(form).join('***');
    return new Error(message);
}


/***/ })

};

export const id = 426;
export const ids = [426];
export const modules = {

/***/ 35767:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ keyField),
/* harmony export */   z: () => (/* binding */ readGoogleKey)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/**
 * A Google credentials file (a service account key, or the external account file `google-github-actions/auth`
 * writes) from the environment, as the BigQuery source and the GCS store both read it: Anomstack's
 * `ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS_JSON` (the JSON itself) first, then the first of `fileVariables` that
 * names a file. Never echoed: a parse error would quote the text.
 */

async function readGoogleKey(env, fileVariables) {
    const inline = env['ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS_JSON']?.trim() ?? '';
    const variable = fileVariables.find((name) => (env[name]?.trim() ?? '') !== '');
    const file = variable === undefined ? '' : (env[variable]?.trim() ?? '');
    if (inline === '' && file === '')
        return undefined;
    const from = inline !== '' ? 'ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS_JSON' : `the file ${variable ?? ''} names (${file})`;
    const text = inline !== '' ? inline : await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8').catch((error) => {
        throw new Error(`cannot read ${from}: ${error.code ?? 'error'}`, { cause: error });
    });
    let parsed = null;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        // Reported below, without the parser's message: it quotes the text.
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new Error(`${from} is not a JSON credentials file`);
    return parsed;
}
/** A non-empty string field of a credentials file (`project_id`, `token_uri`, ...), or undefined. */
function keyField(key, name) {
    const value = key?.[name];
    return typeof value === 'string' && value !== '' ? value : undefined;
}


/***/ }),

/***/ 20426:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openBigQuerySource: () => (/* binding */ openBigQuerySource)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _google_cloud_bigquery__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(50676);
/* harmony import */ var _runtime_redact_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(55259);
/* harmony import */ var _runtime_google_key_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(35767);





/** Where Google's libraries always send a service account's signed token request, whatever the key says. */
const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
/**
 * How long BigQuery holds a jobs.query or getQueryResults request open while the query runs (its `timeoutMs`).
 * Long polls need no pause between them; a shorter wait would only add round trips.
 */
const QUERY_WAIT_MS = 10_000;
/** A request's whole time limit: a long poll plus room for the network; also bounds a connection that hangs. */
const REQUEST_TIMEOUT_MS = QUERY_WAIT_MS + 20_000;
/** Pause after a poll that came back still running before its wait was up (servers that do not long-poll). */
const MAX_POLL_PAUSE_MS = 1_000;
/** The run's clock as the SQL sees it: `@now`, passed only when the SQL uses it. */
const NOW_PARAMETER = /@now\b/i;
/**
 * Runs a batch's SQL (GoogleSQL) on BigQuery as a query job and reads its result a page at a time (jobs.query,
 * then jobs.getQueryResults with page tokens), a page being one chunk, so memory holds one page.
 * Credentials: ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS_JSON (the key itself) or ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS
 * (its path), else Application Default Credentials. ANOMSTACK_BIGQUERY_API_ENDPOINT points the client elsewhere
 * (an emulator, a proxy, the tests' server).
 */
const openBigQuerySource = async (batch, now, env) => {
    if (batch.ingest.kind !== 'sql')
        throw new Error(`batch ${batch.name} has no ingest SQL`);
    const sql = batch.ingest.sql;
    const key = await (0,_runtime_google_key_js__WEBPACK_IMPORTED_MODULE_4__/* .readGoogleKey */ .z)(env, ['ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS']);
    const projectId = batch.config.gcp_project_id ?? (0,_runtime_google_key_js__WEBPACK_IMPORTED_MODULE_4__/* .keyField */ .K)(key, 'project_id');
    const endpoint = env['ANOMSTACK_BIGQUERY_API_ENDPOINT'];
    // `timeout` is the client's per-request limit (its Service option), missing from BigQueryOptions' type.
    const options = {
        timeout: REQUEST_TIMEOUT_MS,
        ...(projectId === undefined ? {} : { projectId }),
        ...(batch.config.bigquery_location === undefined ? {} : { location: batch.config.bigquery_location }),
        ...(endpoint === undefined || endpoint === '' ? {} : { apiEndpoint: endpoint }),
    };
    const client = new _google_cloud_bigquery__WEBPACK_IMPORTED_MODULE_2__.BigQuery(options);
    // Given as the `credentials` option, the key makes the auth library print a deprecation notice on every run; set
    // here, it is read the same way (the JSON's `type` picks the client: service account, external account...).
    if (key !== undefined)
        client.authClient.jsonContent = key;
    const tokenUri = (0,_runtime_google_key_js__WEBPACK_IMPORTED_MODULE_4__/* .keyField */ .K)(key, 'token_uri');
    if (tokenUri !== undefined && tokenUri !== GOOGLE_TOKEN_URL)
        await sendTokenRequestsTo(client, tokenUri);
    return new BigQueryQuery(client, queryRequest(sql, now, batch));
};
/**
 * Honours the key's `token_uri` as Google's Python and Go libraries do; the Node library posts to Google's URL
 * whatever the key says, so its request is redirected (a private endpoint, a proxy, the tests' token server).
 */
async function sendTokenRequestsTo(client, tokenUri) {
    const auth = await client.authClient.getClient();
    auth.transporter.interceptors.request.add({
        resolved: async (config) => {
            if (config.url.href === GOOGLE_TOKEN_URL)
                config.url = new URL(tokenUri);
            return config;
        },
    });
}
/** The jobs.query body: GoogleSQL, a page of `maxResults` rows, timestamps as epoch microseconds. */
function queryRequest(sql, now, batch) {
    return {
        query: sql,
        useLegacySql: false,
        timeoutMs: QUERY_WAIT_MS,
        formatOptions: { useInt64Timestamp: true },
        // Makes a retried jobs.query (the client retries on network errors) run the query once.
        requestId: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)(),
        ...(batch.config.bigquery_location === undefined ? {} : { location: batch.config.bigquery_location }),
        ...(NOW_PARAMETER.test(sql) ? {
            parameterMode: 'NAMED',
            queryParameters: [{ name: 'now', parameterType: { type: 'TIMESTAMP' }, parameterValue: { value: now.toISOString() } }],
        } : {}),
    };
}
/** One query job: started by the first read, cancelled on the server by `cancel()` or an early `close()`. */
class BigQueryQuery {
    job;
    finished = false;
    stopped = false;
    stop = () => undefined;
    /** Rejects when cancelled, so a read waiting on BigQuery fails at once rather than when its request returns. */
    cancelled = new Promise((_, reject) => {
        this.stop = reject;
    });
    client;
    request;
    constructor(client, request) {
        this.client = client;
        this.request = request;
        this.cancelled.catch(() => undefined);
    }
    async *chunks(size) {
        let response = await this.call({ method: 'POST', uri: '/queries', json: { ...this.request, maxResults: size } });
        let pause = 100;
        for (;;) {
            if (response.jobComplete === true) {
                const fields = response.schema?.fields ?? [];
                const columns = fields.map((f) => f.name);
                const rows = (response.rows ?? []).map((row) => toRow(fields, row.f));
                // Dropped before waiting on the consumer: only the converted page stays in memory.
                response.rows = [];
                if (rows.length > 0 || response.pageToken === undefined)
                    yield { columns, rows };
                if (response.pageToken === undefined) {
                    this.finished = true;
                    return;
                }
            }
            else {
                await Promise.race([(0,node_timers_promises__WEBPACK_IMPORTED_MODULE_1__.setTimeout)(pause), this.cancelled]);
                pause = Math.min(pause * 2, MAX_POLL_PAUSE_MS);
            }
            const job = this.job;
            if (job === undefined)
                throw new Error('BigQuery did not return the query job to read its result from');
            response = await this.call({
                uri: `/queries/${encodeURIComponent(job.jobId)}`,
                projectId: job.projectId,
                qs: {
                    maxResults: size,
                    timeoutMs: QUERY_WAIT_MS,
                    'formatOptions.useInt64Timestamp': true,
                    ...(job.location === undefined ? {} : { location: job.location }),
                    ...(response.jobComplete === true && response.pageToken !== undefined ? { pageToken: response.pageToken } : {}),
                },
            });
        }
    }
    cancel() {
        if (this.stopped)
            return;
        this.stopped = true;
        this.stop(new Error('the query was cancelled'));
        this.cancelJob();
    }
    close() {
        // A result left unread (the ingest gave up early) need not keep running.
        if (!this.stopped && !this.finished)
            this.cancel();
    }
    /** One API call through the client (its auth, retries and error parsing); remembers the job it names. */
    async call(options) {
        if (this.stopped)
            throw new Error('the query was cancelled');
        const response = new Promise((resolve, reject) => {
            this.client.request(options, (error, body) => {
                if (error)
                    reject(new Error(describeError(error)));
                else
                    resolve(body);
            });
        }).then((body) => {
            this.remember(body);
            return body;
        });
        return Promise.race([response, this.cancelled]);
    }
    remember(body) {
        const ref = body.jobReference;
        if (this.job !== undefined || ref?.jobId === undefined)
            return;
        this.job = { projectId: ref.projectId ?? '', jobId: ref.jobId, location: ref.location };
        // Cancelled while jobs.query was under way: the job is known only now.
        if (this.stopped && body.jobComplete !== true)
            this.cancelJob();
    }
    /** jobs.cancel, sent and not waited on: the read has failed already, the server stops the query when it can. */
    cancelJob() {
        const job = this.job;
        if (job === undefined || this.finished)
            return;
        this.client.request({
            method: 'POST',
            uri: `/jobs/${encodeURIComponent(job.jobId)}/cancel`,
            projectId: job.projectId,
            ...(job.location === undefined ? {} : { qs: { location: job.location } }),
        }, () => undefined);
    }
}
/**
 * BigQuery's own message (`Syntax error: ... at [1:10]`), or the client's for a failed connection or token request;
 * redacted, as a token endpoint's or proxy's URL may carry credentials.
 */
function describeError(error) {
    return (0,_runtime_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)(error.message.trim() === '' ? String(error) : error.message.trim());
}
/** A row of BigQuery's wire format (`{f: [{v}]}`, every scalar a string) as JavaScript values. */
function toRow(fields, cells) {
    const row = {};
    fields.forEach((field, i) => {
        row[field.name] = toField(field, cells[i]?.v ?? null);
    });
    return row;
}
function toField(field, value) {
    if (value === null || value === undefined)
        return null;
    if (field.mode === 'REPEATED' && Array.isArray(value))
        return value.map((cell) => toValue(field, cell.v));
    return toValue(field, value);
}
function toValue(field, value) {
    if (value === null || value === undefined)
        return null;
    if ((field.type === 'RECORD' || field.type === 'STRUCT') && typeof value === 'object') {
        return toRow(field.fields ?? [], value.f);
    }
    if (typeof value !== 'string')
        return value;
    switch (field.type) {
        case 'FLOAT':
        case 'FLOAT64':
        case 'NUMERIC':
        case 'BIGNUMERIC':
            // 'NaN' and 'Infinity' arrive as such and stay so, for the validator to report.
            return Number(value);
        case 'INTEGER':
        case 'INT64':
            return Number.isSafeInteger(Number(value)) ? Number(value) : BigInt(value);
        case 'BOOLEAN':
        case 'BOOL':
            return value === 'true';
        case 'TIMESTAMP':
            return toInstant(value);
        case 'DATETIME':
            // A civil time with no zone: read as UTC, as the store keeps every timestamp.
            return new Date(`${value.replace(' ', 'T')}Z`);
        case 'DATE':
            return new Date(`${value}T00:00:00Z`);
        default:
            return value;
    }
}
/** A TIMESTAMP in any of BigQuery's wire forms: epoch microseconds (asked for), float seconds, or ISO 8601. */
function toInstant(value) {
    if (/^-?\d+$/.test(value))
        return new Date(Number(BigInt(value) / 1000n));
    if (/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(value))
        return new Date(Math.round(Number(value) * 1000));
    return new Date(value);
}


/***/ })

};

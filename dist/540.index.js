export const id = 540;
export const ids = [540];
export const modules = {

/***/ 540:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openClickHouseSource: () => (/* binding */ openClickHouseSource)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _clickhouse_client__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(95671);
/* harmony import */ var _runtime_redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(55259);



/** Longest wait for the server's first answer, whatever the batch's ingest limit: an unreachable host fails within it. */
const MAX_CONNECT_MS = 15_000;
/**
 * The first release with query parameters (`{now:DateTime64(3, 'UTC')}`), `DateTime64` and
 * `date_time_output_format`: older servers reject the URL parameters and settings that carry them
 * ("Unknown setting param_now"), so those are only sent to this release or newer.
 */
const CURRENT_SERVER_MAJOR = 21;
/** A query parameter in the batch's SQL, such as `{now:DateTime64(3, 'UTC')}`. */
const CLOCK_PARAMETER = /\{\s*now\s*:/;
/** Names ClickHouse gives UTC: on older servers DateTime text is in the server's zone, so it must be one of these. */
const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'UCT', 'Etc/UCT', 'Universal', 'Etc/Universal', 'Zulu', 'Etc/Zulu', 'GMT', 'Etc/GMT', 'Greenwich']);
/**
 * Runs a batch's SQL on ClickHouse over its HTTP interface, streaming the result as JSONEachRow.
 * The run's clock is the query parameter `{now:DateTime64(3, 'UTC')}`, so a run pinned with `--now` is reproducible.
 * DateTime values come back as ISO 8601 in UTC (`date_time_output_format=iso`), whatever the server's or the
 * column's time zone. A query runs at most `ingest_timeout_s` + 1 s on the server (`max_execution_time`), and `cancel()`
 * aborts the request and kills the query by its id.
 */
const openClickHouseSource = async (batch, now, env) => {
    if (batch.ingest.kind !== 'sql')
        throw new Error(`batch ${batch.name} has no ingest SQL`);
    const sql = batch.ingest.sql;
    const { url, client } = connect(batch, env);
    try {
        const server = await probe(client, url, Math.min(MAX_CONNECT_MS, batch.config.ingest_timeout_s * 1000));
        if (!server.current && CLOCK_PARAMETER.test(sql)) {
            throw new Error(`query parameters such as {now:...} need ClickHouse ${CURRENT_SERVER_MAJOR}.1 or newer; the server is ${server.version}`);
        }
        const params = server.current ? { now: clockText(now) } : {};
        return new ClickHouseSource(client, server, { sql, settings: querySettings(batch, server), params });
    }
    catch (error) {
        await client.close().catch(() => undefined);
        throw error;
    }
};
function connect(batch, env) {
    const c = batch.config;
    const protocol = c.clickhouse_protocol ?? 'http';
    const host = c.clickhouse_host ?? 'localhost';
    if (host.includes('://') || host.includes('/')) {
        throw new Error('clickhouse_host is a host name only: set the scheme with clickhouse_protocol and the port with clickhouse_port');
    }
    const port = c.clickhouse_port ?? (protocol === 'https' ? 8443 : 8123);
    // The URL carries no credentials (they go in the Authorization header), so it can be shown in messages.
    const url = `${protocol}://${host.includes(':') ? `[${host}]` : host}:${port}`;
    const client = (0,_clickhouse_client__WEBPACK_IMPORTED_MODULE_1__/* .createClient */ .UU)({
        url,
        username: c.clickhouse_user ?? 'default',
        password: env['ANOMSTACK_CLICKHOUSE_PASSWORD'] ?? '',
        database: c.clickhouse_database ?? 'default',
        application: 'anomstack',
        // An idle-socket limit rather than a whole-request one: a query may compute in silence up to the ingest limit.
        request_timeout: batch.config.ingest_timeout_s * 1000 + 5_000,
        // Its default logger prints every failed request (settings, query id) to stderr; errors are reported by the job.
        log: { level: _clickhouse_client__WEBPACK_IMPORTED_MODULE_1__/* .ClickHouseLogLevel */ .P1.OFF },
    });
    return { url, client };
}
/**
 * Asks the server its version, within `limitMs`: reaches it and checks the credentials before the query runs, so an
 * unreachable host or a wrong password fails clearly rather than at the ingest limit.
 */
async function probe(client, url, limitMs) {
    const timer = AbortSignal.timeout(limitMs);
    let server;
    let zone;
    try {
        const query = 'SELECT version() AS version, timezone() AS timezone';
        const result = await client.query({ query, format: 'JSONEachRow', abort_signal: timer });
        const [row] = await result.json();
        server = { url, version: row?.version ?? '', current: Number(row?.version.split('.')[0]) >= CURRENT_SERVER_MAJOR };
        zone = row?.timezone ?? '';
    }
    catch (error) {
        if (timer.aborted)
            throw new Error(`no answer from ClickHouse at ${url} within ${limitMs / 1000} s`, { cause: error });
        throw clickHouseError(error, url);
    }
    // Without date_time_output_format the text has no zone and is read as UTC: wrong by hours anywhere else.
    if (!server.current && !UTC_ZONES.has(zone)) {
        throw new Error(`ClickHouse ${server.version} writes DateTime in its own time zone (${zone}) without naming it; `
            + `set the server's <timezone> to UTC, or use ClickHouse ${CURRENT_SERVER_MAJOR}.1 or newer`);
    }
    return server;
}
function querySettings(batch, server) {
    const settings = {
        // The server stops the query itself just after the ingest limit, even where `cancel()` could not reach it; the
        // second more lets the job's own limit, which names the setting, be the error reported.
        max_execution_time: Math.ceil(batch.config.ingest_timeout_s) + 1,
        // NaN as the text "nan" (by default JSON has it as null): the validator then reports it as what it is.
        output_format_json_quote_denormals: 1,
    };
    // Older servers write DateTime in the server's (or column's) zone without saying which; see the README.
    if (server.current)
        settings.date_time_output_format = 'iso';
    return settings;
}
/** The run's clock as DateTime64(3) text, read in the parameter's declared zone (UTC in the documented form). */
function clockText(now) {
    return now.toISOString().replace('T', ' ').replace('Z', '');
}
/** The client's error in the server's own words, with anything credential-like taken out. */
function clickHouseError(error, url) {
    const message = error instanceof Error ? error.message : String(error);
    const where = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ECONNRESET|ETIMEDOUT|socket hang up|Timeout error/i.test(message)
        ? ` (ClickHouse at ${url})` : '';
    return new Error((0,_runtime_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(`${message.trim()}${where}`), { cause: (0,_runtime_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .safeCause */ .ph)(error) });
}
class ClickHouseSource {
    queryId = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)();
    abort = new AbortController();
    /** The response being read: the request's abort does not end a response already streaming, destroying it does. */
    reading;
    killing = Promise.resolve();
    client;
    server;
    query;
    constructor(client, server, query) {
        this.client = client;
        this.server = server;
        this.query = query;
    }
    async *chunks(size) {
        let result;
        try {
            result = await this.client.query({
                query: this.query.sql,
                format: 'JSONEachRow',
                query_id: this.queryId,
                query_params: this.query.params,
                clickhouse_settings: this.query.settings,
                abort_signal: this.abort.signal,
            });
        }
        catch (error) {
            throw clickHouseError(error, this.server.url);
        }
        const stream = result.stream();
        this.reading = stream;
        if (this.abort.signal.aborted)
            stream.destroy(new Error('cancelled'));
        let columns;
        let rows = [];
        try {
            // The client hands over the rows of each piece of the response as it arrives; the stream pauses between reads.
            for await (const piece of stream) {
                for (const line of piece) {
                    const row = line.json();
                    columns ??= Object.keys(row);
                    rows.push(row);
                    if (rows.length >= size) {
                        yield { columns, rows };
                        rows = [];
                    }
                }
            }
        }
        catch (error) {
            // An error met mid-stream (the server's limit, a failed cast) comes in the body: the server's own words.
            throw clickHouseError(error, this.server.url);
        }
        finally {
            // Given up early (a validation failure, a cancel): drop the response so the server stops writing it.
            stream.destroy();
        }
        if (rows.length > 0 && columns)
            yield { columns, rows };
    }
    cancel() {
        this.abort.abort();
        this.reading?.destroy(new Error('cancelled'));
        // Closing the request does not stop a query that has not written yet; killing it by its id does. Older servers
        // take no query parameters: there `max_execution_time` stops it at the ingest limit instead.
        if (!this.server.current)
            return;
        this.killing = this.client
            .command({ query: 'KILL QUERY WHERE query_id = {id:String} ASYNC', query_params: { id: this.queryId } })
            .catch(() => undefined);
    }
    close() {
        // After a pending KILL has gone out: closing first would drop it.
        void this.killing.then(() => this.client.close()).catch(() => undefined);
    }
}


/***/ })

};

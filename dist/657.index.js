export const id = 657;
export const ids = [657];
export const modules = {

/***/ 97922:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Is: () => (/* binding */ UnprocessableEntityError),
/* harmony export */   JA: () => (/* binding */ SubjectTokenProviderError),
/* harmony export */   LG: () => (/* binding */ APIError),
/* harmony export */   Ll: () => (/* binding */ PermissionDeniedError),
/* harmony export */   OE: () => (/* binding */ RateLimitError),
/* harmony export */   PO: () => (/* binding */ InternalServerError),
/* harmony export */   RA: () => (/* binding */ InvalidWebhookSignatureError),
/* harmony export */   W5: () => (/* binding */ OAuthError),
/* harmony export */   cH: () => (/* binding */ APIUserAbortError),
/* harmony export */   fK: () => (/* binding */ ConflictError),
/* harmony export */   k5: () => (/* binding */ LengthFinishReasonError),
/* harmony export */   m_: () => (/* binding */ NotFoundError),
/* harmony export */   pf: () => (/* binding */ ContentFilterFinishReasonError),
/* harmony export */   qA: () => (/* binding */ APIConnectionTimeoutError),
/* harmony export */   v3: () => (/* binding */ AuthenticationError),
/* harmony export */   v7: () => (/* binding */ BadRequestError),
/* harmony export */   vc: () => (/* binding */ OpenAIError),
/* harmony export */   xX: () => (/* binding */ APIConnectionError)
/* harmony export */ });
/* harmony import */ var _internal_errors_mjs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37367);

class OpenAIError extends Error {
}
class APIError extends OpenAIError {
    constructor(status, error, message, headers) {
        super(`${APIError.makeMessage(status, error, message)}`);
        this.status = status;
        this.headers = headers;
        this.requestID = headers?.get('x-request-id');
        this.error = error;
        const data = error;
        this.code = data?.['code'];
        this.param = data?.['param'];
        this.type = data?.['type'];
    }
    static makeMessage(status, error, message) {
        const msg = error?.message
            ? typeof error.message === 'string'
                ? error.message
                : JSON.stringify(error.message)
            : error
                ? JSON.stringify(error)
                : message;
        if (status && msg) {
            return `${status} ${msg}`;
        }
        if (status) {
            return `${status} status code (no body)`;
        }
        if (msg) {
            return msg;
        }
        return '(no status code or body)';
    }
    static generate(status, errorResponse, message, headers) {
        if (!status || !headers) {
            return new APIConnectionError({ message, cause: (0,_internal_errors_mjs__WEBPACK_IMPORTED_MODULE_0__/* .castToError */ .r)(errorResponse) });
        }
        const error = errorResponse?.['error'];
        if (status === 400) {
            return new BadRequestError(status, error, message, headers);
        }
        if (status === 401) {
            return new AuthenticationError(status, error, message, headers);
        }
        if (status === 403) {
            return new PermissionDeniedError(status, error, message, headers);
        }
        if (status === 404) {
            return new NotFoundError(status, error, message, headers);
        }
        if (status === 409) {
            return new ConflictError(status, error, message, headers);
        }
        if (status === 422) {
            return new UnprocessableEntityError(status, error, message, headers);
        }
        if (status === 429) {
            return new RateLimitError(status, error, message, headers);
        }
        if (status >= 500) {
            return new InternalServerError(status, error, message, headers);
        }
        return new APIError(status, error, message, headers);
    }
}
class APIUserAbortError extends APIError {
    constructor({ message } = {}) {
        super(undefined, undefined, message || 'Request was aborted.', undefined);
    }
}
class APIConnectionError extends APIError {
    constructor({ message, cause }) {
        super(undefined, undefined, message || 'Connection error.', undefined);
        // in some environments the 'cause' property is already declared
        // @ts-ignore
        if (cause)
            this.cause = cause;
    }
}
class APIConnectionTimeoutError extends APIConnectionError {
    constructor({ message } = {}) {
        super({ message: message ?? 'Request timed out.' });
    }
}
class BadRequestError extends APIError {
}
class AuthenticationError extends APIError {
}
class PermissionDeniedError extends APIError {
}
class NotFoundError extends APIError {
}
class ConflictError extends APIError {
}
class UnprocessableEntityError extends APIError {
}
class RateLimitError extends APIError {
}
class InternalServerError extends APIError {
}
class LengthFinishReasonError extends OpenAIError {
    constructor() {
        super(`Could not parse response content as the length limit was reached`);
    }
}
class ContentFilterFinishReasonError extends OpenAIError {
    constructor() {
        super(`Could not parse response content as the request was rejected by the content filter`);
    }
}
class InvalidWebhookSignatureError extends Error {
    constructor(message) {
        super(message);
    }
}
/**
 * Error thrown by the API server during OAuth token exchange.
 * Can have status codes 400, 401, or 403.
 * Other status codes from OAuth endpoints are raised as normal APIError types.
 */
class OAuthError extends APIError {
    constructor(status, error, headers) {
        let finalMessage = 'OAuth2 authentication error';
        let error_code = undefined;
        if (error && typeof error === 'object') {
            const errorData = error;
            error_code = errorData['error'];
            const description = errorData['error_description'];
            if (description && typeof description === 'string') {
                finalMessage = description;
            }
            else if (error_code) {
                finalMessage = error_code;
            }
        }
        super(status, error, finalMessage, headers);
        this.error_code = error_code;
    }
}
class SubjectTokenProviderError extends OpenAIError {
    constructor(message, provider, cause) {
        super(message);
        this.provider = provider;
        this.cause = cause;
    }
}
//# sourceMappingURL=error.mjs.map

/***/ }),

/***/ 79334:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Is: () => (/* reexport safe */ _core_error_mjs__WEBPACK_IMPORTED_MODULE_0__.Is),
/* harmony export */   JA: () => (/* reexport safe */ _core_error_mjs__WEBPACK_IMPORTED_MODULE_0__.JA),
/* harmony export */   LG: () => (/* reexport safe */ _core_error_mjs__WEBPACK_IMPORTED_MODULE_0__.LG),
/* harmony export */   Ll: () => (/* reexport safe */ _core_error_mjs__WEBPACK_IMPORTED_MODULE_0__.Ll),
/* harmony export */   OE: () => (/* reexport safe */ _core_error_mjs__WEBPACK_IMPORTED_MODULE_0__.OE),
/* harmony export */   PO: () => (/* reexport safe */ _core_error_mjs__WEBPACK_IMPORTED_MODULE_0__.PO),
/* harmony export */   RA: () => (/* reexport safe */ _core_error_mjs__WEBPACK_IMPORTED_MODULE_0__.RA),
/* harmony export */   W5: () => (/* reexport safe */ _core_error_mjs__WEBPACK_IMPORTED_MODULE_0__.W5),
/* harmony export */   cH: () => (/* reexport safe */ _core_error_mjs__WEBPACK_IMPORTED_MODULE_0__.cH),
/* harmony export */   fK: () => (/* reexport safe */ _core_error_mjs__WEBPACK_IMPORTED_MODULE_0__.fK),
/* harmony export */   k5: () => (/* reexport safe */ _core_error_mjs__WEBPACK_IMPORTED_MODULE_0__.k5),
/* harmony export */   m_: () => (/* reexport safe */ _core_error_mjs__WEBPACK_IMPORTED_MODULE_0__.m_),
/* harmony export */   pf: () => (/* reexport safe */ _core_error_mjs__WEBPACK_IMPORTED_MODULE_0__.pf),
/* harmony export */   qA: () => (/* reexport safe */ _core_error_mjs__WEBPACK_IMPORTED_MODULE_0__.qA),
/* harmony export */   v3: () => (/* reexport safe */ _core_error_mjs__WEBPACK_IMPORTED_MODULE_0__.v3),
/* harmony export */   v7: () => (/* reexport safe */ _core_error_mjs__WEBPACK_IMPORTED_MODULE_0__.v7),
/* harmony export */   vc: () => (/* reexport safe */ _core_error_mjs__WEBPACK_IMPORTED_MODULE_0__.vc),
/* harmony export */   xX: () => (/* reexport safe */ _core_error_mjs__WEBPACK_IMPORTED_MODULE_0__.xX)
/* harmony export */ });
/* harmony import */ var _core_error_mjs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(97922);
/** @deprecated Import from ./core/error instead */

//# sourceMappingURL=error.mjs.map

/***/ }),

/***/ 37367:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ castToError),
/* harmony export */   z: () => (/* binding */ isAbortError)
/* harmony export */ });
function isAbortError(err) {
    return (typeof err === 'object' &&
        err !== null &&
        // Spec-compliant fetch implementations
        (('name' in err && err.name === 'AbortError') ||
            // Expo fetch
            ('message' in err && String(err.message).includes('FetchRequestCanceledException'))));
}
const castToError = (err) => {
    if (err instanceof Error)
        return err;
    if (typeof err === 'object' && err !== null) {
        try {
            if (Object.prototype.toString.call(err) === '[object Error]') {
                const hasCause = 'cause' in err;
                // @ts-ignore - not all envs have native support for cause yet
                const error = new Error(err.message, hasCause ? { cause: err.cause } : {});
                if (err.stack)
                    error.stack = err.stack;
                // @ts-ignore - not all envs have native support for cause yet
                if (hasCause && !Object.prototype.hasOwnProperty.call(error, 'cause'))
                    error.cause = err.cause;
                if (err.name)
                    error.name = err.name;
                return error;
            }
        }
        catch { }
        try {
            return new Error(JSON.stringify(err));
        }
        catch { }
    }
    return new Error(err);
};
//# sourceMappingURL=errors.mjs.map

/***/ }),

/***/ 15541:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $3: () => (/* reexport safe */ _utils_values_mjs__WEBPACK_IMPORTED_MODULE_0__.$3),
/* harmony export */   QZ: () => (/* reexport safe */ _utils_base64_mjs__WEBPACK_IMPORTED_MODULE_1__.QZ),
/* harmony export */   WG: () => (/* reexport safe */ _utils_log_mjs__WEBPACK_IMPORTED_MODULE_3__.WG),
/* harmony export */   sA: () => (/* reexport safe */ _utils_values_mjs__WEBPACK_IMPORTED_MODULE_0__.sA),
/* harmony export */   sx: () => (/* reexport safe */ _utils_env_mjs__WEBPACK_IMPORTED_MODULE_2__.s)
/* harmony export */ });
/* harmony import */ var _utils_values_mjs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(67630);
/* harmony import */ var _utils_base64_mjs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77905);
/* harmony import */ var _utils_env_mjs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(95945);
/* harmony import */ var _utils_log_mjs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8718);
/* harmony import */ var _utils_query_mjs__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(43565);







//# sourceMappingURL=utils.mjs.map

/***/ }),

/***/ 77905:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ey: () => (/* binding */ fromBase64),
/* harmony export */   QZ: () => (/* binding */ toFloat32Array)
/* harmony export */ });
/* unused harmony export toBase64 */
/* harmony import */ var _core_error_mjs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(97922);


const toBase64 = (data) => {
    if (!data)
        return '';
    if (typeof globalThis.Buffer !== 'undefined') {
        return globalThis.Buffer.from(data).toString('base64');
    }
    if (typeof data === 'string') {
        data = encodeUTF8(data);
    }
    if (typeof btoa !== 'undefined') {
        return btoa(String.fromCharCode.apply(null, data));
    }
    throw new OpenAIError('Cannot generate base64 string; Expected `Buffer` or `btoa` to be defined');
};
const fromBase64 = (str) => {
    if (typeof globalThis.Buffer !== 'undefined') {
        const buf = globalThis.Buffer.from(str, 'base64');
        return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    if (typeof atob !== 'undefined') {
        const bstr = atob(str);
        const buf = new Uint8Array(bstr.length);
        for (let i = 0; i < bstr.length; i++) {
            buf[i] = bstr.charCodeAt(i);
        }
        return buf;
    }
    throw new _core_error_mjs__WEBPACK_IMPORTED_MODULE_0__/* .OpenAIError */ .vc('Cannot decode base64 string; Expected `Buffer` or `atob` to be defined');
};
/**
 * Converts a Base64 encoded string to a Float32Array.
 * @param base64Str - The Base64 encoded string.
 * @returns An Array of numbers interpreted as Float32 values.
 */
const toFloat32Array = (base64Str) => {
    if (typeof Buffer !== 'undefined') {
        // for Node.js environment
        const buf = Buffer.from(base64Str, 'base64');
        if (buf.length % Float32Array.BYTES_PER_ELEMENT !== 0) {
            throw new RangeError('Invalid base64-encoded float32 array: byte length must be a multiple of 4');
        }
        return Array.from(new Float32Array(buf.buffer, buf.byteOffset, buf.length / Float32Array.BYTES_PER_ELEMENT));
    }
    else {
        // for legacy web platform APIs
        const binaryStr = atob(base64Str);
        const len = binaryStr.length;
        const bytes = new Uint8Array(len);
        for (let i = 0; i < len; i++) {
            bytes[i] = binaryStr.charCodeAt(i);
        }
        return Array.from(new Float32Array(bytes.buffer));
    }
};
//# sourceMappingURL=base64.mjs.map

/***/ }),

/***/ 95945:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ readEnv)
/* harmony export */ });
/**
 * Read an environment variable.
 *
 * Trims beginning and trailing whitespace.
 *
 * Will return undefined if the environment variable doesn't exist or cannot be accessed.
 */
const readEnv = (env) => {
    try {
        if (typeof globalThis.process !== 'undefined') {
            return globalThis.process.env?.[env]?.trim() || undefined;
        }
        if (typeof globalThis.Deno !== 'undefined') {
            return globalThis.Deno.env?.get?.(env)?.trim() || undefined;
        }
    }
    catch {
        return undefined;
    }
    return undefined;
};
//# sourceMappingURL=env.mjs.map

/***/ }),

/***/ 8718:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ML: () => (/* binding */ parseLogLevel),
/* harmony export */   WG: () => (/* binding */ loggerFor),
/* harmony export */   fz: () => (/* binding */ redactURL),
/* harmony export */   wF: () => (/* binding */ isSensitiveQueryParameter),
/* harmony export */   xL: () => (/* binding */ formatRequestDetails),
/* harmony export */   yx: () => (/* binding */ isSensitiveHeader)
/* harmony export */ });
/* harmony import */ var _values_mjs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(67630);

const levelNumbers = {
    off: 0,
    error: 200,
    warn: 300,
    info: 400,
    debug: 500,
};
const parseLogLevel = (maybeLevel, sourceName, client) => {
    if (!maybeLevel) {
        return undefined;
    }
    if ((0,_values_mjs__WEBPACK_IMPORTED_MODULE_0__/* .hasOwn */ .$3)(levelNumbers, maybeLevel)) {
        return maybeLevel;
    }
    loggerFor(client).warn(`${sourceName} was set to ${JSON.stringify(maybeLevel)}, expected one of ${JSON.stringify(Object.keys(levelNumbers))}`);
    return undefined;
};
function noop() { }
function makeLogFn(fnLevel, logger, logLevel) {
    if (!logger || levelNumbers[fnLevel] > levelNumbers[logLevel]) {
        return noop;
    }
    else {
        // Don't wrap logger functions, we want the stacktrace intact!
        return logger[fnLevel].bind(logger);
    }
}
const noopLogger = {
    error: noop,
    warn: noop,
    info: noop,
    debug: noop,
};
let cachedLoggers = /* @__PURE__ */ new WeakMap();
function loggerFor(client) {
    const logger = client.logger;
    const logLevel = client.logLevel ?? 'off';
    if (!logger) {
        return noopLogger;
    }
    const cachedLogger = cachedLoggers.get(logger);
    if (cachedLogger && cachedLogger[0] === logLevel) {
        return cachedLogger[1];
    }
    const levelLogger = {
        error: makeLogFn('error', logger, logLevel),
        warn: makeLogFn('warn', logger, logLevel),
        info: makeLogFn('info', logger, logLevel),
        debug: makeLogFn('debug', logger, logLevel),
    };
    cachedLoggers.set(logger, [logLevel, levelLogger]);
    return levelLogger;
}
const sensitiveQueryNames = new Set([
    'apikey',
    'accesstoken',
    'refreshtoken',
    'sessiontoken',
    'sessionid',
    'idtoken',
    'authtoken',
    'authorization',
    'token',
    'password',
    'clientsecret',
    'signingsecret',
    'sig',
    'signature',
    'xgoogsignature',
    'xgoogcredential',
    'xamzsecuritytoken',
    'xamzsignature',
    'xamzcredential',
]);
/** Recognizes credential-bearing query names across ordinary and provider authentication. */
function isSensitiveQueryParameter(name) {
    const normalized = name.toLowerCase().replace(/[-_]/gu, '');
    return sensitiveQueryNames.has(normalized) || sensitiveQueryNames.has(normalized.replace(/^x/u, ''));
}
const sensitiveHeaderNames = new Set([
    'authorization',
    'proxy-authorization',
    'api-key',
    'x-api-key',
    'x-amz-security-token',
    'cookie',
    'set-cookie',
    'x-session-token',
    'x-session-id',
    'x-auth-token',
    'x-id-token',
]);
/** Recognizes credential-bearing request headers across provider and workload authentication. */
function isSensitiveHeader(name) {
    return sensitiveHeaderNames.has(name.toLowerCase().replace(/_/gu, '-')) || isSensitiveQueryParameter(name);
}
/** Removes credential-valued query parameters before a request URL reaches any logger. */
function redactURL(value) {
    const url = new URL(value);
    url.username = '';
    url.password = '';
    url.hash = '';
    for (const name of url.searchParams.keys()) {
        if (isSensitiveQueryParameter(name)) {
            url.searchParams.set(name, '***');
        }
    }
    return url.href;
}
const formatRequestDetails = (details) => {
    if (details.options) {
        details.options = { ...details.options };
        delete details.options['headers']; // redundant + leaks internals
        if (details.options.path) {
            const path = details.options.path;
            const redacted = new URL(redactURL(new URL(path, 'https://redacted.invalid').href));
            details.options.path =
                redacted.origin === 'https://redacted.invalid'
                    ? `${path.startsWith('/') ? '/' : ''}${redacted.pathname.slice(1)}${redacted.search}`
                    : redacted.href;
        }
        if (details.options.query) {
            details.options.query = Object.fromEntries(Object.entries(details.options.query).map(([name, value]) => [
                name,
                isSensitiveQueryParameter(name) ? '***' : value,
            ]));
        }
    }
    if (details.url) {
        details.url = redactURL(details.url);
    }
    if (details.headers) {
        details.headers = Object.fromEntries((details.headers instanceof Headers ? [...details.headers] : Object.entries(details.headers)).map(([name, value]) => [name, isSensitiveHeader(name) ? '***' : value]));
    }
    if ('retryOfRequestLogID' in details) {
        if (details.retryOfRequestLogID) {
            details.retryOf = details.retryOfRequestLogID;
        }
        delete details.retryOfRequestLogID;
    }
    return details;
};
//# sourceMappingURL=log.mjs.map

/***/ }),

/***/ 43565:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _: () => (/* binding */ stringifyQuery)
});

;// CONCATENATED MODULE: ./node_modules/openai/internal/qs/formats.mjs
const default_format = 'RFC3986';
const default_formatter = String;
const formatters = {
    RFC1738: (v) => String(v).replace(/%20/g, '+'),
    RFC3986: default_formatter,
};
const RFC1738 = 'RFC1738';
const RFC3986 = 'RFC3986';
//# sourceMappingURL=formats.mjs.map
// EXTERNAL MODULE: ./node_modules/openai/internal/utils/values.mjs
var utils_values = __webpack_require__(67630);
;// CONCATENATED MODULE: ./node_modules/openai/internal/qs/utils.mjs


// oxlint-disable-next-line anti-slop/no-object-parameters -- The cached own-property predicate accepts arrays, callable objects, and records.
let cachedHas;
// oxlint-disable-next-line anti-slop/no-object-parameters -- Own-property lookup is a generic object primitive and must preserve array and callable inputs.
const has = (obj, key) => {
    // SAFETY: Object.hasOwn is an optional native capability; older runtimes use the bound hasOwnProperty fallback with the same own-key semantics.
    // oxlint-disable-next-line anti-slop/no-object-parameters -- The native or compatibility own-property predicate has the same generic object contract.
    const resolvedHas = cachedHas ?? Object.hasOwn ?? Function.prototype.call.bind(Object.prototype.hasOwnProperty);
    cachedHas = resolvedHas;
    return resolvedHas(obj, key);
};
function isUnsafePropertyKey(key) {
    return key === '__proto__' || key === 'constructor' || key === 'prototype';
}
const maxAdoptedRecords = 10000;
function isIntrinsicFunctionPrototype(
// oxlint-disable-next-line anti-slop/no-object-parameters -- Prototype descriptors are inspected before deciding whether an arbitrary adopted value is callable.
value, key, descriptor) {
    return (typeof value === 'function' && key === 'prototype' && !descriptor.enumerable && !descriptor.configurable);
}
function isObjectLike(value) {
    return value !== null && (typeof value === 'object' || typeof value === 'function');
}
// oxlint-disable-next-line anti-slop/no-object-parameters -- Adoption records retain arbitrary merge-target identities for later descriptor validation.
function rememberAdoption(state, target, key, value) {
    if (!isObjectLike(value)) {
        return;
    }
    if (state.adopted.length >= maxAdoptedRecords) {
        throw new Error('Adopted record traversal exceeds the supported safety limit.');
    }
    state.adopted.push({ target, key });
}
function sanitizeAdoptions(state) {
    if (state.adopted.length === 0) {
        return;
    }
    const records = new WeakMap();
    const visited = [];
    const locations = [];
    let inspectedProperties = 0;
    // oxlint-disable-next-line anti-slop/no-object-parameters -- Adoption validation inspects arbitrary objects, including arrays and functions, before trusting their structure.
    function inspect(value) {
        const known = records.get(value);
        if (known) {
            return known;
        }
        if (visited.length >= maxAdoptedRecords) {
            throw new Error('Adopted record traversal exceeds the supported safety limit.');
        }
        const keys = Reflect.ownKeys(value);
        if (keys.length > maxAdoptedRecords - inspectedProperties) {
            throw new Error('Adopted record traversal exceeds the supported safety limit.');
        }
        inspectedProperties += keys.length;
        const descriptors = Object.create(null);
        for (const key of keys) {
            const descriptor = Object.getOwnPropertyDescriptor(value, key);
            if (descriptor) {
                Reflect.set(descriptors, key, descriptor);
            }
        }
        const prototype = Object.getPrototypeOf(value);
        const array = isArray(value);
        const extensible = Object.isExtensible(value);
        const ordinary = typeof value !== 'function' &&
            (array ? prototype === Array.prototype : prototype === Object.prototype || prototype === null);
        const record = {
            value,
            descriptors,
            keys,
            prototype,
            parents: new Set(),
            ordinary,
            array,
            detached: ordinary && (extensible || !Object.isFrozen(value)),
            unsafe: false,
            extensible,
        };
        records.set(value, record);
        visited.push(record);
        return record;
    }
    for (const { target, key } of state.adopted) {
        const descriptor = Object.getOwnPropertyDescriptor(target, key);
        if (descriptor && 'value' in descriptor && isObjectLike(descriptor.value)) {
            locations.push({ target, key, descriptor, record: inspect(descriptor.value) });
        }
    }
    const detached = [];
    for (const record of visited) {
        for (const key of record.keys) {
            const descriptor = record.descriptors[key];
            if (!descriptor) {
                continue;
            }
            if (isUnsafePropertyKey(key)) {
                if (record.ordinary) {
                    record.detached = true;
                    record.unsafe = true;
                }
                else if (!isIntrinsicFunctionPrototype(record.value, key, descriptor)) {
                    throw new TypeError('Cannot safely sanitize an adopted callable or unsupported prototype.');
                }
                continue;
            }
            if (!record.ordinary && !descriptor.enumerable) {
                continue;
            }
            if ('value' in descriptor && isObjectLike(descriptor.value)) {
                inspect(descriptor.value).parents.add(record);
            }
        }
        if (record.detached) {
            detached.push(record);
        }
    }
    for (let index = visited.length - 1; index >= 0; index -= 1) {
        const record = visited[index];
        if (record.ordinary) {
            continue;
        }
        for (const key of ['__proto__', 'constructor', 'prototype']) {
            const descriptor = Object.getOwnPropertyDescriptor(record.value, key);
            if (descriptor && !isIntrinsicFunctionPrototype(record.value, key, descriptor)) {
                throw new TypeError('Cannot safely sanitize an adopted callable or unsupported prototype.');
            }
        }
    }
    const unsafe = visited.filter((record) => record.unsafe);
    for (const record of unsafe) {
        for (const parent of record.parents) {
            if (!parent.ordinary) {
                throw new TypeError('Cannot safely sanitize an adopted callable or unsupported prototype.');
            }
            if (!parent.unsafe) {
                parent.unsafe = true;
                unsafe.push(parent);
            }
        }
    }
    for (const record of detached) {
        for (const parent of record.parents) {
            if (!parent.ordinary) {
                continue;
            }
            if (!parent.detached) {
                parent.detached = true;
                detached.push(parent);
            }
        }
    }
    const copies = new WeakMap();
    for (const record of detached) {
        copies.set(record.value, record.array ? [] : Object.create(record.prototype));
    }
    for (const record of detached) {
        const copy = copies.get(record.value);
        for (const key of record.keys) {
            if (isUnsafePropertyKey(key)) {
                continue;
            }
            const descriptor = record.descriptors[key];
            if (!descriptor) {
                continue;
            }
            if ('value' in descriptor && isObjectLike(descriptor.value) && copies.has(descriptor.value)) {
                descriptor.value = copies.get(descriptor.value);
            }
            Object.defineProperty(copy, key, descriptor);
        }
    }
    for (const { target, key, descriptor, record } of locations) {
        const value = copies.get(record.value) ?? record.value;
        if (value !== descriptor.value) {
            Object.defineProperty(copies.get(target) ?? target, key, { ...descriptor, value });
        }
    }
    for (const record of detached) {
        if (!record.extensible) {
            Object.preventExtensions(copies.get(record.value));
        }
    }
}
function readPreparedTarget(state, target, key) {
    const prepared = state.preparedTargets.get(target);
    if (prepared?.has(key)) {
        const value = prepared.get(key);
        prepared.delete(key);
        return value;
    }
    return target[key];
}
// oxlint-disable-next-line anti-slop/no-object-parameters -- Merge targets may contain accessors or custom prototypes, so the preview preserves the generic object boundary.
function previewTarget(state, target, key) {
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (descriptor && 'value' in descriptor) {
        return descriptor.value;
    }
    // oxlint-disable-next-line anti-slop/no-reflect-get -- Generic query merging snapshots arbitrary inherited/accessor keys before mutation.
    const value = Reflect.get(target, key, target);
    let prepared = state.preparedTargets.get(target);
    if (!prepared) {
        prepared = new Map();
        state.preparedTargets.set(target, prepared);
    }
    prepared.set(key, value);
    return value;
}
function prepareMergeSource(target, source, state, assign = false) {
    if (!source || typeof source !== 'object' || !target || typeof target !== 'object') {
        return source;
    }
    let preparedTargets = state.preparedSources.get(source);
    if (!preparedTargets) {
        preparedTargets = new WeakMap();
        state.preparedSources.set(source, preparedTargets);
    }
    const existing = preparedTargets.get(target);
    if (existing) {
        return existing;
    }
    state.inspectedSources += 1;
    if (state.inspectedSources > maxAdoptedRecords) {
        throw new Error('Adopted record traversal exceeds the supported safety limit.');
    }
    const sourceKeys = Reflect.ownKeys(source);
    if (sourceKeys.length > maxAdoptedRecords - state.inspectedSourceProperties) {
        throw new Error('Adopted record traversal exceeds the supported safety limit.');
    }
    state.inspectedSourceProperties += sourceKeys.length;
    const sourceIsArray = isArray(source);
    // oxlint-disable-next-line anti-slop/no-unsafe-dictionary-type -- The query merge graph preserves heterogeneous scalar, array, and object values under its existing merge contract.
    const prepared = sourceIsArray ? [] : Object.create(null);
    preparedTargets.set(target, prepared);
    if (isArray(target) && sourceIsArray && !assign) {
        const sourceLength = source.length;
        // SAFETY: prepared was constructed as an array when sourceIsArray is true, which this branch requires.
        prepared.length = sourceLength;
        for (let index = 0; index < sourceLength; index += 1) {
            if (!(index in source)) {
                continue;
            }
            const value = source[index];
            if (has(target, index)) {
                const targetValue = previewTarget(state, target, index);
                prepared[index] =
                    targetValue && typeof targetValue === 'object' && value && typeof value === 'object'
                        ? prepareMergeSource(targetValue, value, state)
                        : value;
            }
            else {
                prepared[index] = value;
            }
        }
        return prepared;
    }
    const enumerableKeys = [];
    for (const key of sourceKeys) {
        if (typeof key === 'string' && Object.getOwnPropertyDescriptor(source, key)?.enumerable) {
            enumerableKeys.push(key);
        }
    }
    for (const key of enumerableKeys) {
        if (isUnsafePropertyKey(key)) {
            continue;
        }
        const value = source[key];
        prepared[key] =
            !assign && has(target, key) && value && typeof value === 'object'
                ? prepareMergeSource(previewTarget(state, target, key), value, state)
                : value;
    }
    return prepared;
}
function prepareSource(target, source, state, assign = false) {
    const holder = { value: prepareMergeSource(target, source, state, assign) };
    rememberAdoption(state, holder, 'value', holder.value);
    sanitizeAdoptions(state);
    return holder.value;
}
const hex_table = /* @__PURE__ */ (() => {
    const array = [];
    for (let i = 0; i < 256; ++i) {
        array.push('%' + ((i < 16 ? '0' : '') + i.toString(16)).toUpperCase());
    }
    return array;
})();
function compact_queue(queue) {
    while (queue.length > 1) {
        const item = queue.pop();
        if (!item) {
            continue;
        }
        const obj = item.obj[item.prop];
        if (isArray(obj)) {
            const compacted = [];
            for (const value of obj) {
                if (value !== undefined) {
                    compacted.push(value);
                }
            }
            // @ts-ignore
            item.obj[item.prop] = compacted;
        }
    }
}
function array_to_object(source, options) {
    const obj = options && options.plainObjects ? Object.create(null) : {};
    for (let i = 0; i < source.length; ++i) {
        if (source[i] !== undefined) {
            obj[i] = source[i];
        }
    }
    return obj;
}
function mergeWithState(target, source, options, state) {
    if (!source) {
        return target;
    }
    if (typeof source !== 'object') {
        if (isArray(target)) {
            target.push(source);
        }
        else if (target && typeof target === 'object') {
            const propertyKey = typeof source === 'string' || typeof source === 'symbol'
                ? source
                : Reflect.ownKeys({ [source]: true })[0];
            if (!isUnsafePropertyKey(propertyKey) &&
                ((options && (options.plainObjects || options.allowPrototypes)) ||
                    !has(Object.prototype, propertyKey))) {
                target[propertyKey] = true;
            }
        }
        else {
            return [target, source];
        }
        return target;
    }
    if (!target || typeof target !== 'object') {
        // oxlint-disable-next-line unicorn/prefer-spread -- concat intentionally preserves one-level flattening and sparse-array behavior.
        return [target].concat(source);
    }
    let mergeTarget = target;
    if (isArray(target) && !isArray(source)) {
        // @ts-ignore
        mergeTarget = array_to_object(target, options);
    }
    if (isArray(target) && isArray(source)) {
        const sourceLength = source.length;
        for (let i = 0; i < sourceLength; i += 1) {
            if (i in source) {
                const item = source[i];
                if (has(target, i)) {
                    const targetItem = readPreparedTarget(state, target, i);
                    if (targetItem && typeof targetItem === 'object' && item && typeof item === 'object') {
                        const merged = mergeWithState(targetItem, item, options, state);
                        target[i] = merged;
                    }
                    else {
                        const adopted = item;
                        target.push(adopted);
                    }
                }
                else {
                    const adopted = item;
                    target[i] = adopted;
                }
            }
        }
        return target;
    }
    for (const key of Object.keys(source)) {
        if (isUnsafePropertyKey(key)) {
            continue;
        }
        const value = source[key];
        const adopted = has(mergeTarget, key)
            ? mergeWithState(readPreparedTarget(state, mergeTarget, key), value, options, state)
            : value;
        mergeTarget[key] = adopted;
    }
    return mergeTarget;
}
function merge(target, source, options = {}) {
    const state = {
        adopted: [],
        preparedTargets: new WeakMap(),
        preparedSources: new WeakMap(),
        inspectedSources: 0,
        inspectedSourceProperties: 0,
    };
    return mergeWithState(target, prepareSource(target, source, state), options, state);
}
function assign_single_source(target, source) {
    const state = {
        adopted: [],
        preparedTargets: new WeakMap(),
        preparedSources: new WeakMap(),
        inspectedSources: 0,
        inspectedSourceProperties: 0,
    };
    const prepared = prepareSource(target, source, state, true);
    for (const key of Object.keys(prepared)) {
        if (isUnsafePropertyKey(key)) {
            continue;
        }
        target[key] = prepared[key];
    }
    return target;
}
function decode(str, _, charset) {
    const strWithoutPlus = str.replace(/\+/g, ' ');
    if (charset === 'iso-8859-1') {
        // unescape never throws, no try...catch needed:
        return strWithoutPlus.replace(/%[0-9a-f]{2}/gi, unescape);
    }
    // utf-8
    try {
        return decodeURIComponent(strWithoutPlus);
    }
    catch {
        return strWithoutPlus;
    }
}
const limit = 1024;
const encode = (str, _defaultEncoder, charset, _kind, format) => {
    // This code was originally written by Brian White for the io.js core querystring library.
    // It has been adapted here for stricter adherence to RFC 3986
    if (str.length === 0) {
        return str;
    }
    let string = str;
    if (typeof str === 'symbol') {
        string = Symbol.prototype.toString.call(str);
    }
    else if (typeof str !== 'string') {
        string = String(str);
    }
    if (charset === 'iso-8859-1') {
        return escape(string).replace(/%u[0-9a-f]{4}/gi, ($0) => '%26%23' + Number.parseInt($0.slice(2), 16) + '%3B');
    }
    let out = '';
    for (let j = 0; j < string.length;) {
        let segmentEnd = Math.min((Math.floor(j / limit) + 1) * limit, string.length);
        if (segmentEnd < string.length && string.codePointAt(segmentEnd - 1) > 65535) {
            segmentEnd += 1;
        }
        const segment = string.length >= limit ? string.slice(j, segmentEnd) : string;
        const arr = [];
        for (let i = 0; i < segment.length; ++i) {
            // oxlint-disable-next-line unicorn/prefer-code-point -- combine UTF-16 surrogate code units below
            let c = segment.charCodeAt(i);
            if (c === 0x2d || // -
                c === 0x2e || // .
                c === 0x5f || // _
                c === 0x7e || // ~
                (c >= 0x30 && c <= 0x39) || // 0-9
                (c >= 0x41 && c <= 0x5a) || // a-z
                (c >= 0x61 && c <= 0x7a) || // A-Z
                (format === RFC1738 && (c === 0x28 || c === 0x29)) // ( )
            ) {
                arr[arr.length] = segment.charAt(i);
                continue;
            }
            if (c < 0x80) {
                arr[arr.length] = hex_table[c];
                continue;
            }
            if (c < 2048) {
                arr[arr.length] = hex_table[0xc0 | (c >> 6)] + hex_table[0x80 | (c & 0x3f)];
                continue;
            }
            if (c < 55296 || c >= 57344) {
                arr[arr.length] =
                    hex_table[0xe0 | (c >> 12)] + hex_table[0x80 | ((c >> 6) & 0x3f)] + hex_table[0x80 | (c & 0x3f)];
                continue;
            }
            i += 1;
            // oxlint-disable-next-line unicorn/prefer-code-point -- combine UTF-16 surrogate code units manually
            c = 65536 + (((c & 1023) << 10) | (segment.charCodeAt(i) & 1023));
            arr[arr.length] =
                hex_table[0xf0 | (c >> 18)] +
                    hex_table[0x80 | ((c >> 12) & 0x3f)] +
                    hex_table[0x80 | ((c >> 6) & 0x3f)] +
                    hex_table[0x80 | (c & 0x3f)];
        }
        out += arr.join('');
        j = segmentEnd;
    }
    return out;
};
function compact(value) {
    const queue = [{ obj: { o: value }, prop: 'o' }];
    const refs = [];
    for (const item of queue) {
        // @ts-ignore
        const obj = item.obj[item.prop];
        const keys = Object.keys(obj);
        for (const key of keys) {
            const val = obj[key];
            if (typeof val === 'object' && val !== null && !refs.includes(val)) {
                queue.push({ obj, prop: key });
                refs.push(val);
            }
        }
    }
    compact_queue(queue);
    return value;
}
function is_regexp(obj) {
    return Object.prototype.toString.call(obj) === '[object RegExp]';
}
function is_buffer(obj) {
    if (!obj || typeof obj !== 'object') {
        return false;
    }
    return !!(obj.constructor && obj.constructor.isBuffer && obj.constructor.isBuffer(obj));
}
function combine(a, b) {
    // oxlint-disable-next-line unicorn/prefer-spread -- concat intentionally preserves one-level flattening and sparse-array behavior.
    return [].concat(a, b);
}
function maybe_map(val, fn) {
    if ((0,utils_values/* isArray */.cy)(val)) {
        const mapped = [];
        for (const item of val) {
            mapped.push(fn(item));
        }
        return mapped;
    }
    return fn(val);
}
//# sourceMappingURL=utils.mjs.map
;// CONCATENATED MODULE: ./node_modules/openai/internal/qs/stringify.mjs



const array_prefix_generators = {
    brackets(prefix) {
        return String(prefix) + '[]';
    },
    comma: 'comma',
    indices(prefix, key) {
        return String(prefix) + '[' + key + ']';
    },
    repeat: String,
};
const push_to_array = function push_to_array(arr, value_or_array) {
    Array.prototype.push.apply(arr, (0,utils_values/* isArray */.cy)(value_or_array) ? value_or_array : [value_or_array]);
};
let toISOString;
// SAFETY: The defaults object supplies the serializer's established non-null option values and RFC formatter; callers still merge their overrides separately.
const defaults = {
    addQueryPrefix: false,
    allowDots: false,
    allowEmptyArrays: false,
    arrayFormat: 'indices',
    charset: 'utf-8',
    charsetSentinel: false,
    delimiter: '&',
    encode: true,
    encodeDotInKeys: false,
    encoder: encode,
    encodeValuesOnly: false,
    format: default_format,
    formatter: default_formatter,
    /** @deprecated */
    indices: false,
    serializeDate(date) {
        return (toISOString ?? (toISOString = Function.prototype.call.bind(Date.prototype.toISOString)))(date);
    },
    skipNulls: false,
    strictNullHandling: false,
};
function is_non_nullish_primitive(v) {
    return (typeof v === 'string' ||
        typeof v === 'number' ||
        typeof v === 'boolean' ||
        typeof v === 'symbol' ||
        typeof v === 'bigint');
}
const sentinel = {};
function inner_stringify(object, prefix, generateArrayPrefix, commaRoundTrip, allowEmptyArrays, strictNullHandling, skipNulls, encodeDotInKeys, encoder, filter, sort, allowDots, serializeDate, format, formatter, encodeValuesOnly, charset, sideChannel) {
    let obj = object;
    let tmp_sc = sideChannel;
    let step = 0;
    let find_flag = false;
    while ((tmp_sc = tmp_sc.get(sentinel)) !== undefined && !find_flag) {
        // Where object last appeared in the ref tree
        const pos = tmp_sc.get(object);
        step += 1;
        if (pos !== undefined) {
            if (pos === step) {
                throw new RangeError('Cyclic object value');
            }
            else {
                find_flag = true; // Break while
            }
        }
        if (tmp_sc.get(sentinel) === undefined) {
            step = 0;
        }
    }
    if (typeof filter === 'function') {
        obj = filter(prefix, obj);
    }
    else if (obj instanceof Date) {
        obj = serializeDate?.(obj);
    }
    else if (generateArrayPrefix === 'comma' && (0,utils_values/* isArray */.cy)(obj)) {
        obj = maybe_map(obj, (value) => {
            if (value instanceof Date) {
                return serializeDate?.(value);
            }
            return value;
        });
    }
    if (obj === null) {
        if (strictNullHandling) {
            return encoder && !encodeValuesOnly
                ? // @ts-expect-error
                    encoder(prefix, defaults.encoder, charset, 'key', format)
                : prefix;
        }
        obj = '';
    }
    if (is_non_nullish_primitive(obj) || is_buffer(obj)) {
        if (encoder) {
            const key_value = encodeValuesOnly
                ? prefix
                : // @ts-expect-error
                    encoder(prefix, defaults.encoder, charset, 'key', format);
            return [
                formatter?.(key_value) +
                    '=' +
                    // @ts-expect-error
                    formatter?.(encoder(obj, defaults.encoder, charset, 'value', format)),
            ];
        }
        return [formatter?.(prefix) + '=' + formatter?.(String(obj))];
    }
    const values = [];
    if (obj === undefined) {
        return values;
    }
    let obj_keys;
    if (generateArrayPrefix === 'comma' && (0,utils_values/* isArray */.cy)(obj)) {
        // we need to join elements in
        if (encodeValuesOnly && encoder) {
            // @ts-expect-error values only
            obj = maybe_map(obj, encoder);
        }
        obj_keys = [{ value: obj.length > 0 ? obj.join(',') || null : undefined }];
    }
    else if ((0,utils_values/* isArray */.cy)(filter)) {
        obj_keys = filter;
    }
    else {
        const keys = Object.keys(obj);
        if (sort) {
            keys.sort(sort);
        }
        obj_keys = keys;
    }
    const encoded_prefix = encodeDotInKeys ? String(prefix).replace(/\./g, '%2E') : String(prefix);
    const adjusted_prefix = commaRoundTrip && (0,utils_values/* isArray */.cy)(obj) && obj.length === 1 ? encoded_prefix + '[]' : encoded_prefix;
    if (allowEmptyArrays && (0,utils_values/* isArray */.cy)(obj) && obj.length === 0) {
        return adjusted_prefix + '[]';
    }
    for (const key of obj_keys) {
        // SAFETY: The serializer supports its existing encoded-key wrapper or property key; the branch selects the wrapper value before indexing the object.
        const value = 
        // @ts-ignore
        typeof key === 'object' && key.value !== undefined ? key.value : obj[key];
        if (skipNulls && value === null) {
            continue;
        }
        // SAFETY: Dot encoding applies the serializer's existing string-key protocol; this cast preserves its legacy mixed key representation.
        // @ts-ignore
        const encoded_key = allowDots && encodeDotInKeys ? key.replace(/\./g, '%2E') : key;
        let key_prefix;
        if ((0,utils_values/* isArray */.cy)(obj)) {
            key_prefix =
                typeof generateArrayPrefix === 'function'
                    ? generateArrayPrefix(adjusted_prefix, encoded_key)
                    : adjusted_prefix;
        }
        else {
            key_prefix = adjusted_prefix + (allowDots ? '.' + encoded_key : '[' + encoded_key + ']');
        }
        sideChannel.set(object, step);
        const valueSideChannel = new WeakMap([[sentinel, sideChannel]]);
        push_to_array(values, inner_stringify(value, key_prefix, generateArrayPrefix, commaRoundTrip, allowEmptyArrays, strictNullHandling, skipNulls, encodeDotInKeys, 
        // @ts-ignore
        generateArrayPrefix === 'comma' && encodeValuesOnly && (0,utils_values/* isArray */.cy)(obj) ? null : encoder, filter, sort, allowDots, serializeDate, format, formatter, encodeValuesOnly, charset, valueSideChannel));
    }
    return values;
}
function normalize_stringify_options(opts = defaults) {
    if (opts.allowEmptyArrays !== undefined && typeof opts.allowEmptyArrays !== 'boolean') {
        throw new TypeError('`allowEmptyArrays` option can only be `true` or `false`, when provided');
    }
    if (opts.encodeDotInKeys !== undefined && typeof opts.encodeDotInKeys !== 'boolean') {
        throw new TypeError('`encodeDotInKeys` option can only be `true` or `false`, when provided');
    }
    if (opts.encoder !== null && opts.encoder !== undefined && typeof opts.encoder !== 'function') {
        throw new TypeError('Encoder has to be a function.');
    }
    const charset = opts.charset || defaults.charset;
    if (opts.charset !== undefined && opts.charset !== 'utf-8' && opts.charset !== 'iso-8859-1') {
        throw new TypeError('The charset option must be either utf-8, iso-8859-1, or undefined');
    }
    let format = default_format;
    if (opts.format !== undefined) {
        if (!has(formatters, opts.format)) {
            throw new TypeError('Unknown format option provided.');
        }
        format = opts.format;
    }
    const formatter = formatters[format];
    let filter = defaults.filter;
    if (typeof opts.filter === 'function' || (0,utils_values/* isArray */.cy)(opts.filter)) {
        filter = opts.filter;
    }
    let arrayFormat;
    if (opts.arrayFormat && opts.arrayFormat in array_prefix_generators) {
        arrayFormat = opts.arrayFormat;
    }
    else if ('indices' in opts) {
        arrayFormat = opts.indices ? 'indices' : 'repeat';
    }
    else {
        arrayFormat = defaults.arrayFormat;
    }
    if ('commaRoundTrip' in opts && typeof opts.commaRoundTrip !== 'boolean') {
        throw new TypeError('`commaRoundTrip` must be a boolean, or absent');
    }
    let allowDots;
    if (opts.allowDots === undefined) {
        allowDots = !!opts.encodeDotInKeys === true ? true : defaults.allowDots;
    }
    else {
        allowDots = !!opts.allowDots;
    }
    return {
        addQueryPrefix: typeof opts.addQueryPrefix === 'boolean' ? opts.addQueryPrefix : defaults.addQueryPrefix,
        // @ts-ignore
        allowDots,
        allowEmptyArrays: typeof opts.allowEmptyArrays === 'boolean' ? !!opts.allowEmptyArrays : defaults.allowEmptyArrays,
        arrayFormat,
        charset,
        charsetSentinel: typeof opts.charsetSentinel === 'boolean' ? opts.charsetSentinel : defaults.charsetSentinel,
        commaRoundTrip: !!opts.commaRoundTrip,
        delimiter: opts.delimiter === undefined ? defaults.delimiter : opts.delimiter,
        encode: typeof opts.encode === 'boolean' ? opts.encode : defaults.encode,
        encodeDotInKeys: typeof opts.encodeDotInKeys === 'boolean' ? opts.encodeDotInKeys : defaults.encodeDotInKeys,
        encoder: typeof opts.encoder === 'function' ? opts.encoder : defaults.encoder,
        encodeValuesOnly: typeof opts.encodeValuesOnly === 'boolean' ? opts.encodeValuesOnly : defaults.encodeValuesOnly,
        filter,
        format,
        formatter,
        serializeDate: typeof opts.serializeDate === 'function' ? opts.serializeDate : defaults.serializeDate,
        skipNulls: typeof opts.skipNulls === 'boolean' ? opts.skipNulls : defaults.skipNulls,
        // @ts-ignore
        sort: typeof opts.sort === 'function' ? opts.sort : null,
        strictNullHandling: typeof opts.strictNullHandling === 'boolean' ? opts.strictNullHandling : defaults.strictNullHandling,
    };
}
function stringify(object, opts = {}) {
    let obj = object;
    const options = normalize_stringify_options(opts);
    let obj_keys;
    let filter;
    if (typeof options.filter === 'function') {
        filter = options.filter;
        obj = filter('', obj);
    }
    else if ((0,utils_values/* isArray */.cy)(options.filter)) {
        filter = options.filter;
        obj_keys = filter;
    }
    const keys = [];
    if (typeof obj !== 'object' || obj === null) {
        return '';
    }
    const generateArrayPrefix = array_prefix_generators[options.arrayFormat];
    const commaRoundTrip = generateArrayPrefix === 'comma' && options.commaRoundTrip;
    if (!obj_keys) {
        obj_keys = Object.keys(obj);
    }
    if (options.sort) {
        obj_keys.sort(options.sort);
    }
    const sideChannel = new WeakMap();
    for (const key of obj_keys) {
        if (options.skipNulls && obj[key] === null) {
            continue;
        }
        push_to_array(keys, inner_stringify(obj[key], key, 
        // @ts-expect-error
        generateArrayPrefix, commaRoundTrip, options.allowEmptyArrays, options.strictNullHandling, options.skipNulls, options.encodeDotInKeys, options.encode ? options.encoder : null, options.filter, options.sort, options.allowDots, options.serializeDate, options.format, options.formatter, options.encodeValuesOnly, options.charset, sideChannel));
    }
    const joined = keys.join(options.delimiter);
    let prefix = options.addQueryPrefix === true ? '?' : '';
    if (options.charsetSentinel) {
        prefix +=
            options.charset === 'iso-8859-1'
                ? // encodeURIComponent('&#10003;'), the "numeric entity" representation of a checkmark
                    'utf8=%26%2310003%3B&'
                : // encodeURIComponent('✓')
                    'utf8=%E2%9C%93&';
    }
    return joined.length > 0 ? prefix + joined : '';
}
//# sourceMappingURL=stringify.mjs.map
;// CONCATENATED MODULE: ./node_modules/openai/internal/utils/query.mjs

function stringifyQuery(query) {
    return stringify(query, { arrayFormat: 'brackets' });
}
//# sourceMappingURL=query.mjs.map

/***/ }),

/***/ 67630:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $3: () => (/* binding */ hasOwn),
/* harmony export */   MH: () => (/* binding */ isReadonlyArray),
/* harmony export */   cy: () => (/* binding */ isArray),
/* harmony export */   i8: () => (/* binding */ maybeObj),
/* harmony export */   ml: () => (/* binding */ safeJSON),
/* harmony export */   nt: () => (/* binding */ isAbsoluteURL),
/* harmony export */   sA: () => (/* binding */ isObj),
/* harmony export */   wQ: () => (/* binding */ validatePositiveInteger),
/* harmony export */   ze: () => (/* binding */ isEmptyObj)
/* harmony export */ });
/* unused harmony exports ensurePresent, coerceInteger, coerceFloat, coerceBoolean, maybeCoerceInteger, maybeCoerceFloat, maybeCoerceBoolean */
/* harmony import */ var _core_error_mjs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(97922);

// https://url.spec.whatwg.org/#url-scheme-string
const startsWithSchemeRegexp = /^[a-z][a-z0-9+.-]*:/i;
const isAbsoluteURL = (url) => {
    return startsWithSchemeRegexp.test(url);
};
let isArray = (val) => ((isArray = Array.isArray), isArray(val));
let isReadonlyArray = isArray;
/** Returns an object if the given value isn't an object, otherwise returns as-is */
function maybeObj(x) {
    if (typeof x !== 'object') {
        return {};
    }
    return x ?? {};
}
// https://stackoverflow.com/a/34491287
function isEmptyObj(obj) {
    if (!obj)
        return true;
    for (const _k in obj)
        return false;
    return true;
}
// https://eslint.org/docs/latest/rules/no-prototype-builtins
function hasOwn(obj, key) {
    return Object.prototype.hasOwnProperty.call(obj, key);
}
function isObj(obj) {
    return obj != null && typeof obj === 'object' && !Array.isArray(obj);
}
const ensurePresent = (value) => {
    if (value == null) {
        throw new OpenAIError(`Expected a value to be given but received ${value} instead.`);
    }
    return value;
};
const validatePositiveInteger = (name, n) => {
    if (typeof n !== 'number' || !Number.isInteger(n)) {
        throw new _core_error_mjs__WEBPACK_IMPORTED_MODULE_0__/* .OpenAIError */ .vc(`${name} must be an integer`);
    }
    if (n < 0) {
        throw new _core_error_mjs__WEBPACK_IMPORTED_MODULE_0__/* .OpenAIError */ .vc(`${name} must be a positive integer`);
    }
    return n;
};
const coerceInteger = (value) => {
    if (typeof value === 'number')
        return Math.round(value);
    if (typeof value === 'string')
        return parseInt(value, 10);
    throw new OpenAIError(`Could not coerce ${value} (type: ${typeof value}) into a number`);
};
const coerceFloat = (value) => {
    if (typeof value === 'number')
        return value;
    if (typeof value === 'string')
        return parseFloat(value);
    throw new OpenAIError(`Could not coerce ${value} (type: ${typeof value}) into a number`);
};
const coerceBoolean = (value) => {
    if (typeof value === 'boolean')
        return value;
    if (typeof value === 'string')
        return value === 'true';
    return Boolean(value);
};
const maybeCoerceInteger = (value) => {
    if (value == null) {
        return undefined;
    }
    return coerceInteger(value);
};
const maybeCoerceFloat = (value) => {
    if (value == null) {
        return undefined;
    }
    return coerceFloat(value);
};
const maybeCoerceBoolean = (value) => {
    if (value == null) {
        return undefined;
    }
    return coerceBoolean(value);
};
const safeJSON = (text) => {
    try {
        return JSON.parse(text);
    }
    catch (err) {
        return undefined;
    }
};
//# sourceMappingURL=values.mjs.map

/***/ }),

/***/ 7437:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J4: () => (/* binding */ maybeParseResponse),
/* harmony export */   aD: () => (/* binding */ addOutputText),
/* harmony export */   bi: () => (/* binding */ makeParseableResponseTool),
/* harmony export */   x3: () => (/* binding */ resolveResponseParseOptions),
/* harmony export */   xp: () => (/* binding */ parseResponse)
/* harmony export */ });
/* unused harmony exports hasAutoParseableInput, isAutoParsableTool, shouldParseToolCall, validateInputTools */
/* harmony import */ var _error_mjs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(79334);
/* harmony import */ var _internal_utils_values_mjs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(67630);
/* harmony import */ var _lib_parser_mjs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(24901);



function isTextFormat(value) {
    return (0,_internal_utils_values_mjs__WEBPACK_IMPORTED_MODULE_1__/* .isObj */ .sA)(value) && typeof value['type'] === 'string';
}
/** Select the last visible update to the text format, independently of reasoning updates. */
function effectiveTextFormat({ body }, parseAs) {
    if (parseAs === null || !(0,_internal_utils_values_mjs__WEBPACK_IMPORTED_MODULE_1__/* .isObj */ .sA)(body)) {
        return parseAs ?? null;
    }
    const { input } = body;
    if (Array.isArray(input)) {
        for (let index = input.length - 1; index >= 0; index -= 1) {
            const item = input[index];
            if (!(0,_internal_utils_values_mjs__WEBPACK_IMPORTED_MODULE_1__/* .isObj */ .sA)(item) || item['type'] !== 'configuration_update') {
                continue;
            }
            const { text } = item;
            if (!(0,_internal_utils_values_mjs__WEBPACK_IMPORTED_MODULE_1__/* .isObj */ .sA)(text)) {
                continue;
            }
            const { format } = text;
            if (!isTextFormat(format)) {
                continue;
            }
            if (format.type === 'text' && parseAs !== undefined) {
                throw new _error_mjs__WEBPACK_IMPORTED_MODULE_0__/* .OpenAIError */ .vc('Cannot use parseAs with a plain-text format update.');
            }
            return parseAs ?? format;
        }
    }
    const { text } = body;
    const format = (0,_internal_utils_values_mjs__WEBPACK_IMPORTED_MODULE_1__/* .isObj */ .sA)(text) ? text['format'] : null;
    return parseAs ?? (isTextFormat(format) ? format : null);
}
/** Strip local options before sending and resolve the format against the prepared request body. */
function resolveResponseParseOptions(params, options) {
    const parseAs = options && (0,_internal_utils_values_mjs__WEBPACK_IMPORTED_MODULE_1__/* .hasOwn */ .$3)(options, 'parseAs') ? options.parseAs : undefined;
    // Reject a visible plain-text reset before making the request.
    if (parseAs != null) {
        effectiveTextFormat({ body: params }, parseAs);
    }
    const requestOptions = { ...options };
    delete requestOptions.parseAs;
    // Undefined means no body was serialized (e.g. a custom stream transport).
    // Null means this particular request intentionally has no text parser.
    let captured;
    requestOptions.__metadata = {
        ...options?.__metadata,
        captureResponseParser(prepared) {
            const format = effectiveTextFormat(prepared, parseAs);
            const selector = format === null
                ? null
                : {
                    type: format.type,
                    $brand: '$brand' in format ? format.$brand : undefined,
                    $parseRaw: '$parseRaw' in format ? format.$parseRaw : undefined,
                };
            captured = selector;
        },
    };
    return {
        getTextFormat: (prepared) => captured === undefined ? effectiveTextFormat(prepared, parseAs) : captured,
        requestOptions,
    };
}
/**
 * Adds parsed-output fields to a response, invoking parsers only when its request
 * includes an auto-parseable text format or strict function tool.
 */
function maybeParseResponse(response, params, format = params && effectiveTextFormat({ body: params })) {
    if (!params || !hasAutoParseableInput(params, format)) {
        const parsed = {
            ...response,
            output_parsed: null,
            output: response.output.map((item) => {
                if (item.type === 'function_call') {
                    return {
                        ...item,
                        parsed_arguments: null,
                    };
                }
                if (item.type === 'message') {
                    return {
                        ...item,
                        content: item.content.map((content) => ({
                            ...content,
                            parsed: null,
                        })),
                    };
                }
                return item;
            }),
        };
        if (needsOutputText(response, parsed)) {
            // SAFETY: The copy retains every response field and only adds parsed metadata; addOutputText accepts that original response structure.
            addOutputText(parsed);
        }
        return parsed;
    }
    return parseResponse(response, params, format);
}
/**
 * Parses completed response text and strict function-tool arguments, matching
 * namespaced functions by both namespace and name.
 *
 * Incomplete responses and messages with an explicit non-final phase stay unparsed.
 * `output_parsed` returns the first successfully parsed output-text item.
 */
function parseResponse(response, params, format = effectiveTextFormat({ body: params })) {
    const shouldParse = !response.status || response.status === 'completed';
    const output = response.output.map((item) => {
        if (item.type === 'function_call') {
            return shouldParse ? parseToolCall(params, item) : { ...item, parsed_arguments: null };
        }
        if (item.type === 'message') {
            const content = item.content.map((content) => {
                if (content.type === 'output_text') {
                    return {
                        ...content,
                        parsed: shouldParse && (item.phase == null || item.phase === 'final_answer')
                            ? (0,_lib_parser_mjs__WEBPACK_IMPORTED_MODULE_2__/* .parseResponseFormatContent */ .$1)(format, content.text)
                            : null,
                    };
                }
                return content;
            });
            return {
                ...item,
                content,
            };
        }
        return item;
    });
    const parsed = { ...response, output };
    if (needsOutputText(response, parsed)) {
        addOutputText(parsed);
    }
    Object.defineProperty(parsed, 'output_parsed', {
        enumerable: true,
        get() {
            for (const output of parsed.output) {
                if (output.type !== 'message') {
                    continue;
                }
                for (const content of output.content) {
                    if (content.type === 'output_text' && content.parsed !== null) {
                        return content.parsed;
                    }
                }
            }
            return null;
        },
    });
    // SAFETY: The output_parsed getter was installed immediately above and returns the first parsed content or null.
    return parsed;
}
/** Returns whether the request includes an auto-parseable text format or strict function tool. */
function hasAutoParseableInput(params, format = effectiveTextFormat({ body: params })) {
    if ((0,_lib_parser_mjs__WEBPACK_IMPORTED_MODULE_2__/* .isParseableResponseFormat */ .Yt)(format)) {
        return true;
    }
    return (Array.isArray(params.tools) &&
        params.tools.some((tool) => isAutoParsableTool(tool) ||
            (tool.type === 'function' && tool.strict === true) ||
            (tool.type === 'namespace' &&
                tool.tools.some((nested) => nested.type === 'function' && (isAutoParsableTool(nested) || nested.strict === true)))));
}
/** Copies a Responses API function tool and attaches non-enumerable parser and callback metadata. */
function makeParseableResponseTool(tool, { parser, callback, }) {
    const obj = { ...tool };
    Object.defineProperties(obj, {
        $brand: {
            value: 'auto-parseable-tool',
            enumerable: false,
        },
        $parseRaw: {
            value: parser,
            enumerable: false,
        },
        $callback: {
            value: callback,
            enumerable: false,
        },
    });
    // SAFETY: The non-enumerable parser brand and callbacks were installed on this copied tool immediately above.
    return obj;
}
/** Returns whether a Responses API tool carries the SDK's argument-parser marker. */
function isAutoParsableTool(tool) {
    return tool?.['$brand'] === 'auto-parseable-tool';
}
function getInputToolByName(input_tools, name, namespace) {
    for (const tool of input_tools) {
        if (namespace == null) {
            if (tool.type === 'function' && tool.name === name) {
                return tool;
            }
        }
        else if (tool.type === 'namespace' && tool.name === namespace) {
            return tool.tools.find((nested) => nested.type === 'function' && nested.name === name);
        }
    }
    // Hosted discovery exposes a deferred top-level function under its own name.
    // A declared namespace above owns that identity, even if it has no matching function.
    if (namespace === name) {
        return input_tools.find((tool) => tool.type === 'function' && tool.name === name && tool.defer_loading === true);
    }
    return undefined;
}
function parseToolCall(params, toolCall) {
    const inputTool = getInputToolByName(params.tools ?? [], toolCall.name, toolCall.namespace);
    // oxlint-disable-next-line anti-slop/no-known-value-widening -- Parsing replaces the initial null with an arbitrary caller-parser result, so unknown is required.
    let parsedArguments = null;
    if (isAutoParsableTool(inputTool)) {
        parsedArguments = inputTool.$parseRaw(toolCall.arguments);
    }
    else if (inputTool?.strict) {
        parsedArguments = (0,_lib_parser_mjs__WEBPACK_IMPORTED_MODULE_2__/* .parseResponseFormatContent */ .$1)({ type: 'json_schema', $parseRaw: undefined }, toolCall.arguments);
    }
    return {
        ...toolCall,
        parsed_arguments: parsedArguments,
    };
}
/** Matches a response function call to a strict or auto-parseable tool by namespace and name. */
function shouldParseToolCall(params, toolCall) {
    if (!params) {
        return false;
    }
    const inputTool = getInputToolByName(params.tools ?? [], toolCall.name, toolCall.namespace);
    return isAutoParsableTool(inputTool) || inputTool?.strict || false;
}
/**
 * Validates that compatible chat completion tools can be automatically parsed.
 *
 * @throws {OpenAIError} If a tool is not a function or is missing `strict: true`.
 */
function validateInputTools(tools) {
    for (const tool of tools ?? []) {
        if (tool.type !== 'function') {
            throw new OpenAIError(`Currently only \`function\` tool types support auto-parsing; Received \`${tool.type}\``);
        }
        if (tool.function.strict !== true) {
            throw new OpenAIError(`The \`${tool.function.name}\` tool is not marked with \`strict: true\`. Only strict function tools can be auto-parsed`);
        }
    }
}
function needsOutputText(response, target) {
    return !Object.getOwnPropertyDescriptor(response, 'output_text') || target.output_text == null;
}
/** Replaces `output_text` with the concatenated text from every response output message. */
function addOutputText(rsp) {
    const texts = [];
    for (const output of rsp.output) {
        if (output.type !== 'message') {
            continue;
        }
        for (const content of output.content) {
            if (content.type === 'output_text') {
                texts.push(content.text);
            }
        }
    }
    rsp.output_text = texts.join('');
}
//# sourceMappingURL=ResponsesParser.mjs.map

/***/ }),

/***/ 24901:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $1: () => (/* binding */ parseResponseFormatContent),
/* harmony export */   KT: () => (/* binding */ makeParseableResponseFormat),
/* harmony export */   OJ: () => (/* binding */ maybeParseChatCompletion),
/* harmony export */   Tw: () => (/* binding */ isChatCompletionFunctionTool),
/* harmony export */   Yt: () => (/* binding */ isParseableResponseFormat),
/* harmony export */   cz: () => (/* binding */ validateInputTools),
/* harmony export */   d4: () => (/* binding */ hasAutoParseableInput),
/* harmony export */   i1: () => (/* binding */ makeParseableTextFormat),
/* harmony export */   i_: () => (/* binding */ isAutoParsableTool),
/* harmony export */   ie: () => (/* binding */ parseChatCompletion),
/* harmony export */   tp: () => (/* binding */ shouldParseToolCall),
/* harmony export */   wF: () => (/* binding */ makeParseableTool)
/* harmony export */ });
/* unused harmony exports isAutoParsableResponseFormat, assertToolCallsAreChatCompletionFunctionToolCalls */
/* harmony import */ var _error_mjs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(79334);

/** Returns whether an optional chat completion tool contains a function-tool definition. */
function isChatCompletionFunctionTool(tool) {
    return tool !== undefined && 'function' in tool && tool.function !== undefined;
}
/** Copies a JSON Schema response format and attaches a non-enumerable structured-output parser. */
function makeParseableResponseFormat(response_format, parser) {
    const obj = { ...response_format, type: 'json_schema' };
    obj.json_schema = { ...obj.json_schema };
    // SAFETY: The fresh copy may retain a caller-provided toJSON property; deleting it prevents serialization from replacing the validated schema.
    delete obj.toJSON;
    // SAFETY: The fresh copy may retain a caller-provided toJSON property; deleting it prevents serialization from replacing the validated schema.
    delete obj.json_schema.toJSON;
    Object.defineProperties(obj, {
        $brand: {
            value: 'auto-parseable-response-format',
            enumerable: false,
        },
        $parseRaw: {
            value: parser,
            enumerable: false,
        },
    });
    // SAFETY: Object.defineProperties installed the parser brand and callbacks required by the returned helper type.
    return obj;
}
/** Copies a Responses API text format and attaches a non-enumerable structured-output parser. */
function makeParseableTextFormat(response_format, parser) {
    const obj = { ...response_format, type: 'json_schema' };
    // SAFETY: The fresh copy may retain a caller-provided toJSON property; deleting it prevents serialization from replacing the validated schema.
    delete obj.toJSON;
    Object.defineProperties(obj, {
        $brand: {
            value: 'auto-parseable-response-format',
            enumerable: false,
        },
        $parseRaw: {
            value: parser,
            enumerable: false,
        },
    });
    // SAFETY: Object.defineProperties installed the parser brand and callbacks required by the returned helper type.
    return obj;
}
/**
 * Whether the given format was built by an SDK helper (e.g. `zodResponseFormat()`)
 * and therefore carries its own `$parseRaw` callback.
 *
 * Prefer {@link isParseableResponseFormat} when deciding whether output should be
 * parsed at all; raw `{ type: 'json_schema' }` formats are parsed too, but are not
 * branded.
 */
function isAutoParsableResponseFormat(response_format) {
    return response_format?.['$brand'] === 'auto-parseable-response-format';
}
/**
 * The canonical definition of an auto-parseable response format, covering both the
 * Chat Completions `response_format` and the Responses `text.format` shapes.
 *
 * Every gate that decides whether output should be parsed must go through this
 * predicate so the runtime, the streaming events and
 * {@link ExtractParsedContentFromParams} cannot drift apart.
 */
function isParseableResponseFormat(format) {
    // SAFETY: Only the optional discriminator is read; arbitrary input is not treated as a validated response-format schema.
    return isAutoParsableResponseFormat(format) || format?.type === 'json_schema';
}
/**
 * The canonical parser for auto-parseable response formats. This is the only place
 * that chooses between an existing `$parseRaw` callback and generic `JSON.parse()`.
 *
 * Returns `null` for formats that are not auto-parseable.
 */
function parseResponseFormatContent(format, content) {
    if (!isParseableResponseFormat(format)) {
        return null;
    }
    if (typeof format === 'object' &&
        format !== null &&
        '$parseRaw' in format &&
        typeof format.$parseRaw === 'function') {
        // SAFETY: The format's captured parser owns the ParsedT output contract; this function forwards its result without coercion.
        return format.$parseRaw(content);
    }
    try {
        // SAFETY: ParsedT represents the caller's response schema; JSON syntax is checked here and schema validation remains with the configured format.
        return JSON.parse(content);
    }
    catch (error) {
        if (error instanceof SyntaxError) {
            throw new SyntaxError('Error reading response: invalid structured output JSON.');
        }
        throw error;
    }
}
/** Copies a function tool and attaches non-enumerable parsing and callback metadata. */
function makeParseableTool(tool, { parser, callback }) {
    const obj = { ...tool };
    Object.defineProperties(obj, {
        $brand: {
            value: 'auto-parseable-tool',
            enumerable: false,
        },
        $parseRaw: {
            value: parser,
            enumerable: false,
        },
        $callback: {
            value: callback,
            enumerable: false,
        },
    });
    // SAFETY: Object.defineProperties installed the parser brand and callbacks required by the returned helper type.
    return obj;
}
/** Returns whether a Chat Completions tool carries the SDK's argument-parser marker. */
function isAutoParsableTool(tool) {
    return tool?.['$brand'] === 'auto-parseable-tool';
}
/**
 * Adds parsed-content fields to a chat completion, invoking parsers only when the
 * request includes an auto-parseable response format or a strict function tool.
 */
function maybeParseChatCompletion(completion, params) {
    if (!params || !hasAutoParseableInput(params)) {
        return {
            ...completion,
            choices: completion.choices.map((choice) => ({
                ...choice,
                message: {
                    ...choice.message,
                    parsed: null,
                    ...(choice.message.tool_calls
                        ? {
                            tool_calls: choice.message.tool_calls,
                        }
                        : undefined),
                },
            })),
        };
    }
    return parseChatCompletion(completion, params);
}
/**
 * Parses structured assistant content and strict function-tool arguments.
 *
 * @throws {LengthFinishReasonError} If generation stopped at its token limit.
 * @throws {ContentFilterFinishReasonError} If generation stopped because of content filtering.
 * @throws {OpenAIError} If the completion contains an unsupported tool-call type.
 */
function parseChatCompletion(completion, params) {
    const choices = completion.choices.map((choice) => {
        if (choice.finish_reason === 'length') {
            throw new _error_mjs__WEBPACK_IMPORTED_MODULE_0__/* .LengthFinishReasonError */ .k5();
        }
        if (choice.finish_reason === 'content_filter') {
            throw new _error_mjs__WEBPACK_IMPORTED_MODULE_0__/* .ContentFilterFinishReasonError */ .pf();
        }
        return {
            ...choice,
            message: {
                ...choice.message,
                ...(choice.message.tool_calls
                    ? {
                        tool_calls: choice.message.tool_calls?.map((toolCall) => parseToolCall(params, toolCall)) ?? undefined,
                    }
                    : undefined),
                parsed: choice.message.content !== null &&
                    choice.message.content !== undefined &&
                    !choice.message.refusal &&
                    (choice.message.content !== '' ||
                        (!choice.message.tool_calls?.length && !choice.message.function_call))
                    ? parseResponseFormat(params, choice.message.content)
                    : null,
            },
        };
    });
    return { ...completion, choices };
}
function parseResponseFormat(params, content) {
    return parseResponseFormatContent(params.response_format, content);
}
function parseToolCall(params, toolCall) {
    if (toolCall.type === 'custom') {
        return toolCall;
    }
    if (toolCall.type !== 'function') {
        // SAFETY: This branch handles unsupported JavaScript discriminators that the current TypeScript union excludes; the value is only used in the error.
        const unsupportedType = toolCall.type;
        throw new _error_mjs__WEBPACK_IMPORTED_MODULE_0__/* .OpenAIError */ .vc(`Currently only \`function\` and \`custom\` tool calls are supported; Received \`${unsupportedType}\``);
    }
    // SAFETY: The find predicate checks the function-tool discriminator before matching its name; the cast retains that narrowing through find.
    const inputTool = params.tools?.find((inputTool) => isChatCompletionFunctionTool(inputTool) && inputTool.function?.name === toolCall.function.name); // TS doesn't narrow based on isChatCompletionTool
    // oxlint-disable-next-line anti-slop/no-known-value-widening -- The parser callback may return any value; null only represents an unparsed tool call.
    let parsedArguments = null;
    if (isAutoParsableTool(inputTool)) {
        parsedArguments = inputTool.$parseRaw(toolCall.function.arguments);
    }
    else if (inputTool?.function.strict) {
        parsedArguments = parseResponseFormatContent({ type: 'json_schema', $parseRaw: undefined }, toolCall.function.arguments);
    }
    return {
        ...toolCall,
        function: {
            ...toolCall.function,
            parsed_arguments: parsedArguments,
        },
    };
}
/** Returns whether a tool call matches a strict or auto-parseable function in the request. */
function shouldParseToolCall(params, 
// accepts partially accumulated tool calls so streaming snapshots can be checked as they build up
toolCall) {
    if (!params || !('tools' in params) || !params.tools || toolCall.type !== 'function') {
        return false;
    }
    const inputTool = params.tools?.find((inputTool) => isChatCompletionFunctionTool(inputTool) && inputTool.function?.name === toolCall.function?.name);
    return (isChatCompletionFunctionTool(inputTool) &&
        (isAutoParsableTool(inputTool) || inputTool?.function.strict || false));
}
/** Returns whether the request contains an auto-parseable response format or strict function tool. */
function hasAutoParseableInput(params) {
    if (isParseableResponseFormat(params.response_format)) {
        return true;
    }
    return (params.tools?.some((t) => isAutoParsableTool(t) || (t.type === 'function' && t.function.strict === true)) ?? false);
}
/**
 * Narrows completion tool calls to function calls supported by parsing helpers.
 *
 * @throws {OpenAIError} If any tool call has a non-function type.
 */
function assertToolCallsAreChatCompletionFunctionToolCalls(toolCalls) {
    for (const toolCall of toolCalls || []) {
        if (toolCall.type !== 'function') {
            throw new OpenAIError(`Currently only \`function\` tool calls are supported; Received \`${toolCall.type}\``);
        }
    }
}
/**
 * Validates strict function tools while preserving supported custom tools.
 *
 * @throws {OpenAIError} If a tool is unsupported or a function is missing `strict: true`.
 */
function validateInputTools(tools) {
    for (const tool of tools ?? []) {
        if (tool.type === 'custom') {
            continue;
        }
        if (tool.type !== 'function') {
            // SAFETY: This branch handles unsupported JavaScript discriminators that the current TypeScript union excludes; the value is only used in the error.
            const unsupportedType = tool.type;
            throw new _error_mjs__WEBPACK_IMPORTED_MODULE_0__/* .OpenAIError */ .vc(`Currently only \`function\` and \`custom\` tool types are supported; Received \`${unsupportedType}\``);
        }
        if (tool.function.strict !== true) {
            throw new _error_mjs__WEBPACK_IMPORTED_MODULE_0__/* .OpenAIError */ .vc(`The \`${tool.function.name}\` tool is not marked with \`strict: true\`. Only strict function tools can be auto-parsed`);
        }
    }
}
//# sourceMappingURL=parser.mjs.map

/***/ })

};

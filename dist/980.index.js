export const id = 980;
export const ids = [980];
export const modules = {

/***/ 20980:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openGcsStore: () => (/* binding */ openGcsStore)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _google_cloud_storage__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(73665);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(26322);
/* harmony import */ var _runtime_google_key_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(35767);








/**
 * Where Google's libraries send a service account's signed token request whatever the key's `token_uri` says
 * (gtoken's URL and the newer one).
 */
const GOOGLE_TOKEN_URLS = new Set(['https://www.googleapis.com/oauth2/v4/token', 'https://oauth2.googleapis.com/token']);
/**
 * A resumable upload sends the file in chunks of this size (a multiple of GCS's 256 KiB), each kept in memory until
 * GCS confirms it, so a dropped connection resends one chunk rather than failing the upload.
 */
const UPLOAD_CHUNK_BYTES = 8 * 1024 * 1024;
/** The custom metadata field a created object carries: an id of the `create` call that wrote it. */
const CREATOR = 'anomstack-creator';
/**
 * The Google Cloud Storage store, `gs://bucket/prefix`, with `@google-cloud/storage`.
 * Credentials: ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS_JSON (the key itself) or ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS
 * (its path), else Application Default Credentials: GOOGLE_APPLICATION_CREDENTIALS (a service account key or the
 * external account file google-github-actions/auth writes for workload identity federation), gcloud's, the
 * metadata server's. STORAGE_EMULATOR_HOST points it at an emulator, without credentials; ANOMSTACK_GCS_API_ENDPOINT
 * at another endpoint that still wants them (a private endpoint, a proxy).
 */
const openGcsStore = (where, env) => new GcsArtifactStore(where, env);
class GcsArtifactStore {
    location;
    where;
    env;
    connecting = null;
    constructor(where, env) {
        this.where = where;
        this.env = env;
        this.location = where.url;
    }
    async read(key) {
        return this.guarded('read', key, async ({ bucket }) => {
            try {
                const [content] = await bucket.file(this.name(key)).download();
                return content.toString('utf8');
            }
            catch (error) {
                if (isMissingObject(error))
                    return null;
                throw error;
            }
        });
    }
    async write(key, content) {
        return this.guarded('write', key, async ({ bucket }) => {
            // A simple upload: GCS makes the object visible only once all of it has arrived.
            await bucket.file(this.name(key)).save(content, { resumable: false });
        });
    }
    async create(key, content) {
        return this.guarded('create', key, async ({ bucket }) => {
            const file = bucket.file(this.name(key));
            const creator = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)();
            try {
                // Generation 0 matches only "no live object", so GCS itself lets exactly one of racing creators through.
                await file.save(content, { resumable: false, preconditionOpts: { ifGenerationMatch: 0 }, metadata: { metadata: { [CREATOR]: creator } } });
                return true;
            }
            catch (error) {
                if (statusOf(error) !== 412)
                    throw error;
            }
            // The client retries a create whose answer was lost; its first attempt may have landed, and this one then
            // meets its own object. The creator's id it carries tells that from another run's object.
            try {
                const [metadata] = await file.getMetadata();
                return metadata.metadata?.[CREATOR] === creator;
            }
            catch (error) {
                if (isMissingObject(error))
                    return false;
                throw error;
            }
        });
    }
    async list(prefix) {
        return this.guarded('list', prefix, async ({ bucket }) => {
            // autoPaginate follows nextPageToken to the end; only names are asked for.
            const [files] = await bucket.getFiles({ prefix: this.name(prefix), autoPaginate: true, fields: 'items(name),nextPageToken' });
            return files.map((file) => file.name.slice(this.where.prefix.length)).sort();
        });
    }
    async delete(key) {
        return this.guarded('delete', key, async ({ bucket }) => {
            try {
                await bucket.file(this.name(key)).delete();
            }
            catch (error) {
                if (!isMissingObject(error))
                    throw error;
            }
        });
    }
    async upload(key, file) {
        return this.guarded('upload', key, async ({ bucket, resumable }) => {
            // A resumable session takes the length up front (the client sends it as X-Upload-Content-Length).
            const length = resumable ? { contentLength: (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(file)).size } : {};
            const target = bucket.file(this.name(key)).createWriteStream({
                resumable,
                ...(resumable ? { chunkSize: UPLOAD_CHUNK_BYTES } : {}),
                metadata: { contentType: 'application/octet-stream', ...length },
            });
            await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_4__.pipeline)((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file), target);
        });
    }
    async download(key, file) {
        return this.guarded('download', key, async ({ bucket }) => {
            const temporary = `${file}.${process.pid}.${(temporaryCount++).toString(36)}.tmp`;
            try {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(file)), { recursive: true });
                // The client checks the bytes against the object's CRC32C once they are in, so a cut or damaged stream
                // fails here, before the rename, and the target stays as it was.
                await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_4__.pipeline)(bucket.file(this.name(key)).createReadStream(), (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(temporary));
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(temporary, file);
                return true;
            }
            catch (error) {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(temporary, { force: true });
                if (isMissingObject(error))
                    return false;
                throw error;
            }
        });
    }
    name(key) {
        return `${this.where.prefix}${key}`;
    }
    /** The bucket, its client made on first use (reading a key file is asynchronous). */
    connection() {
        return (this.connecting ??= connect(this.where.bucket, this.env));
    }
    /** Runs one operation, naming the store's URL and the key in any error, with GCS's own message. */
    async guarded(operation, key, run) {
        try {
            return await run(await this.connection());
        }
        catch (error) {
            throw new _store_js__WEBPACK_IMPORTED_MODULE_6__/* .ArtifactStoreError */ .u(this.location, operation, key, readableError(error));
        }
    }
}
/** Two downloads of one key in one process must not share a temporary file. */
let temporaryCount = 0;
async function connect(bucketName, env) {
    const emulator = nonEmpty(env['STORAGE_EMULATOR_HOST']);
    const endpoint = nonEmpty(env['ANOMSTACK_GCS_API_ENDPOINT']);
    // An emulator takes no credentials (the client sends none to a custom endpoint), so no key is read for it.
    const key = emulator === undefined ? await (0,_runtime_google_key_js__WEBPACK_IMPORTED_MODULE_7__/* .readGoogleKey */ .z)(env, ['ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS', 'GOOGLE_APPLICATION_CREDENTIALS']) : undefined;
    const projectId = nonEmpty(env['ANOMSTACK_GCP_PROJECT_ID']) ?? (0,_runtime_google_key_js__WEBPACK_IMPORTED_MODULE_7__/* .keyField */ .K)(key, 'project_id');
    const options = {
        // Every write here may be repeated safely (a whole object replaced by the same bytes, a delete, a create guarded
        // by its generation precondition); the default retries only preconditioned ones, so a dropped resumable upload
        // would fail instead of resuming.
        retryOptions: { idempotencyStrategy: _google_cloud_storage__WEBPACK_IMPORTED_MODULE_5__/* .IdempotencyStrategy */ .XC.RetryAlways },
        ...(projectId === undefined ? {} : { projectId }),
        ...(emulator !== undefined ? { apiEndpoint: emulator } : endpoint !== undefined ? { apiEndpoint: endpoint, useAuthWithCustomEndpoint: true } : {}),
        ...(key === undefined ? {} : { credentials: key }),
    };
    const storage = new _google_cloud_storage__WEBPACK_IMPORTED_MODULE_5__/* .Storage */ .wc(options);
    // Found in process.env, the emulator host becomes the client's JSON API base as given (no /storage/v1); found
    // only in the environment given, it would not. Both ways the real API's paths are used, which emulators serve.
    if (emulator !== undefined)
        storage.baseUrl = `${storage.apiEndpoint}/storage/v1`;
    const tokenUri = (0,_runtime_google_key_js__WEBPACK_IMPORTED_MODULE_7__/* .keyField */ .K)(key, 'token_uri');
    if (emulator === undefined && tokenUri !== undefined && !GOOGLE_TOKEN_URLS.has(tokenUri))
        await sendTokenRequestsTo(storage, tokenUri);
    const resumable = emulator !== undefined || endpoint === undefined || isGoogleHost(endpoint);
    return { bucket: storage.bucket(bucketName), resumable };
}
function isGoogleHost(endpoint) {
    const host = URL.parse(/^[a-z]+:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`)?.hostname ?? '';
    return host === 'googleapis.com' || host.endsWith('.googleapis.com');
}
/**
 * Honours a service account key's `token_uri` as Google's Python and Go libraries do; the Node library posts to
 * Google's URL whatever the key says, so its request is redirected (a private endpoint, a proxy, the tests' server).
 */
async function sendTokenRequestsTo(storage, tokenUri) {
    const auth = await storage.authClient.getClient();
    auth.gaxios?.interceptors.request.add({
        resolved: async (config) => {
            if (config.url !== undefined && GOOGLE_TOKEN_URLS.has(String(config.url)))
                config.url = tokenUri;
            return config;
        },
    });
}
function nonEmpty(value) {
    return value === undefined || value.trim() === '' ? undefined : value.trim();
}
/** The HTTP status of a client error (its `code`, a number for API errors). */
function statusOf(error) {
    const code = error?.code;
    return typeof code === 'number' ? code : typeof code === 'string' && /^\d{3}$/.test(code) ? Number(code) : undefined;
}
/** A 404 for the object; a 404 for the bucket is an error the caller must see (a wrong bucket name is no cold start). */
function isMissingObject(error) {
    return statusOf(error) === 404 && !/bucket does not exist/i.test(readableError(error).message);
}
/**
 * The client's error with GCS's own message: a failed download carries the raw JSON error body as its message,
 * which is unwrapped to the `error.message` inside it.
 */
function readableError(error) {
    if (!(error instanceof Error))
        return new Error(String(error));
    const body = /^\s*\{/.test(error.message) ? parseJson(error.message) : undefined;
    const message = body?.error?.message;
    if (typeof message !== 'string')
        return error;
    const unwrapped = new Error(message, { cause: error });
    const status = statusOf(error);
    return status === undefined ? unwrapped : Object.assign(unwrapped, { code: status });
}
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}


/***/ }),

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


/***/ })

};

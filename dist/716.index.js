export const id = 716;
export const ids = [716];
export const modules = {

/***/ 31716:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AzureArtifactStore: () => (/* binding */ AzureArtifactStore),
/* harmony export */   openAzureStore: () => (/* binding */ openAzureStore)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _azure_storage_blob__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(43747);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(26322);




/** Past this size `upload` stages blocks in parallel and commits them at once, rather than one Put Blob. */
const SINGLE_SHOT_BYTES = 8 * 1024 * 1024;
const BLOCK_BYTES = 4 * 1024 * 1024;
const UPLOAD_CONCURRENCY = 4;
/** Azure's own page size is 5,000; a smaller one keeps each listing response (and its memory) small. */
const LIST_PAGE_SIZE = 1000;
/** The environment variables this store reads, for the message when none of them is set. */
const CREDENTIAL_VARIABLES = 'set AZURE_STORAGE_CONNECTION_STRING (or ANOMSTACK_AZURE_STORAGE_CONNECTION_STRING), or AZURE_STORAGE_ACCOUNT (the account name) with a credential @azure/identity finds, such as the OIDC login of azure/login';
/**
 * `az://container/prefix`: a connection string when one is set (Anomstack's `ANOMSTACK_` name wins), else the
 * account named by `AZURE_STORAGE_ACCOUNT` with @azure/identity's default credential, which the workflow's
 * azure/login (OIDC, no stored key) provides.
 */
const openAzureStore = (where, env) => new AzureArtifactStore(where, () => containerClient(where.bucket, env));
async function containerClient(container, env) {
    const connectionString = nonEmpty(env['ANOMSTACK_AZURE_STORAGE_CONNECTION_STRING']) ?? nonEmpty(env['AZURE_STORAGE_CONNECTION_STRING']);
    if (connectionString)
        return _azure_storage_blob__WEBPACK_IMPORTED_MODULE_2__/* .BlobServiceClient */ .wS.fromConnectionString(connectionString).getContainerClient(container);
    const account = nonEmpty(env['AZURE_STORAGE_ACCOUNT']);
    if (!account)
        throw new Error(`no Azure credentials: ${CREDENTIAL_VARIABLES}`);
    const endpoint = nonEmpty(env['AZURE_STORAGE_BLOB_ENDPOINT']) ?? `https://${account}.blob.core.windows.net`;
    // Loaded only here: @azure/identity is large, and a connection string never needs it.
    const { DefaultAzureCredential } = await Promise.all(/* import() */[__webpack_require__.e(324), __webpack_require__.e(653), __webpack_require__.e(952)]).then(__webpack_require__.bind(__webpack_require__, 23952));
    return new _azure_storage_blob__WEBPACK_IMPORTED_MODULE_2__/* .BlobServiceClient */ .wS(endpoint, new DefaultAzureCredential()).getContainerClient(container);
}
function nonEmpty(value) {
    return value === undefined || value.trim() === '' ? undefined : value.trim();
}
class AzureArtifactStore {
    location;
    prefix;
    connect;
    connecting = null;
    constructor(where, connect) {
        this.location = where.url;
        this.prefix = where.prefix;
        this.connect = connect;
    }
    async read(key) {
        return this.guarded('read', key, async (container) => {
            try {
                // One GET (not downloadToBuffer's size probe plus ranges), so a rewrite in between cannot mix two versions.
                const response = await container.getBlobClient(this.name(key)).download();
                return (await collect(response.readableStreamBody)).toString('utf8');
            }
            catch (error) {
                if (isCode(error, 'BlobNotFound'))
                    return null;
                throw error;
            }
        });
    }
    async write(key, content) {
        return this.guarded('write', key, async (container) => {
            const body = Buffer.from(content, 'utf8');
            // A single Put Blob replaces the blob whole: readers see the old version or the new one.
            await container.getBlockBlobClient(this.name(key)).upload(body, body.length);
        });
    }
    async create(key, content) {
        return this.guarded('create', key, async (container) => {
            const body = Buffer.from(content, 'utf8');
            try {
                await container.getBlockBlobClient(this.name(key)).upload(body, body.length, { conditions: { ifNoneMatch: '*' } });
                return true;
            }
            catch (error) {
                if (isCode(error, 'BlobAlreadyExists') || isCode(error, 'ConditionNotMet'))
                    return false;
                throw error;
            }
        });
    }
    async list(prefix) {
        return this.guarded('list', prefix, async (container) => {
            const keys = [];
            const pages = container.listBlobsFlat({ prefix: this.prefix + prefix }).byPage({ maxPageSize: LIST_PAGE_SIZE });
            for await (const page of pages) {
                for (const blob of page.segment.blobItems)
                    keys.push(blob.name.slice(this.prefix.length));
            }
            return keys.sort();
        });
    }
    async delete(key) {
        return this.guarded('delete', key, async (container) => {
            await container.getBlobClient(this.name(key)).deleteIfExists({ deleteSnapshots: 'include' });
        });
    }
    async upload(key, file) {
        return this.guarded('upload', key, async (container) => {
            // Staged blocks become the blob only when the block list is committed, so a failed upload changes nothing.
            await container.getBlockBlobClient(this.name(key)).uploadFile(file, {
                maxSingleShotSize: SINGLE_SHOT_BYTES,
                blockSize: BLOCK_BYTES,
                concurrency: UPLOAD_CONCURRENCY,
            });
        });
    }
    async download(key, file) {
        return this.guarded('download', key, async (container) => {
            const temporary = `${file}.${process.pid}.${(temporaryCount++).toString(36)}.tmp`;
            try {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(file)), { recursive: true });
                await container.getBlobClient(this.name(key)).downloadToFile(temporary);
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(temporary, file);
                return true;
            }
            catch (error) {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(temporary, { force: true });
                if (isCode(error, 'BlobNotFound'))
                    return false;
                throw error;
            }
        });
    }
    name(key) {
        return this.prefix + key;
    }
    /** Runs one operation on the container, naming the store's URL and the key in any error it throws. */
    async guarded(operation, key, run) {
        try {
            this.connecting ??= this.connect();
            return await run(await this.connecting);
        }
        catch (error) {
            throw error instanceof _store_js__WEBPACK_IMPORTED_MODULE_3__/* .ArtifactStoreError */ .u ? error : new _store_js__WEBPACK_IMPORTED_MODULE_3__/* .ArtifactStoreError */ .u(this.location, operation, key, withoutRequest(error));
        }
    }
}
/** Two downloads of one file in one process must not share a temporary file. */
let temporaryCount = 0;
function isCode(error, code) {
    return error instanceof _azure_storage_blob__WEBPACK_IMPORTED_MODULE_2__/* .RestError */ .pj && error.code === code;
}
/**
 * The service's error with its code (ContainerNotFound, AuthenticationFailed) and first message line; the
 * request and response it carried (headers, the signed Authorization one among them) are left behind, so
 * nothing that logs the cause can print them.
 */
function withoutRequest(error) {
    if (!(error instanceof _azure_storage_blob__WEBPACK_IMPORTED_MODULE_2__/* .RestError */ .pj))
        return error;
    const status = error.statusCode === undefined ? '' : `HTTP ${error.statusCode}`;
    const line = error.message.split('\n')[0]?.trim() ?? '';
    const message = line === '' ? status || 'no message' : status === '' ? line : `${line} (${status})`;
    return Object.assign(new Error(message), error.code === undefined ? {} : { code: error.code });
}
async function collect(stream) {
    if (!stream)
        return Buffer.alloc(0);
    const chunks = [];
    for await (const chunk of stream)
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    return Buffer.concat(chunks);
}


/***/ })

};

export const id = 98;
export const ids = [98];
export const modules = {

/***/ 38098:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openPythonSource: () => (/* binding */ openPythonSource)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);

/**
 * The child's side. It reads the job (source, config, clock) from stdin, runs the source in a fresh module, calls
 * `ingest()` with the arguments it names, and writes JSON lines to fd 3: `["columns", [...]]`, one `{...}` per
 * row, then `["end", n]`, or `["error", message]`. Rows go over fd 3 so that the function's own output (print,
 * C libraries, subprocesses writing to fd 1) cannot corrupt them; fd 3's buffer filling blocks the writer while
 * the parent is not reading, so a large result is never held by the pipe. Written for Python 3.7 and later.
 */
const RUNNER = String.raw `
import datetime, inspect, io, json, linecache, os, sys, traceback, types
job = json.loads(sys.stdin.buffer.read().decode('utf-8'))
null = os.open(os.devnull, os.O_RDONLY); os.dup2(null, 0); os.close(null)
os.set_inheritable(3, False)
out = io.open(3, 'w', encoding='utf-8', buffering=1 << 16)
FILE = job['filename']

def send(message):
    out.write(json.dumps(message, ensure_ascii=False, allow_nan=False, separators=(',', ':')) + '\n')

def plain(v):
    if v is None or isinstance(v, (bool, str, int)) and type(v).__module__ == 'builtins':
        return v
    if isinstance(v, float):
        return v if v - v == 0 else ('NaN' if v != v else ('Infinity' if v > 0 else '-Infinity'))
    kind = type(v).__name__
    if kind == 'NAType':
        return None
    if type(v).__module__ == 'numpy' and hasattr(v, 'item') and kind != 'datetime64':
        return plain(v.item())
    if hasattr(v, 'isoformat'):
        return v.isoformat()
    if isinstance(v, dict):
        return {str(k): plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [plain(x) for x in v]
    if kind == 'Decimal':
        return plain(float(v))
    return str(v)

def describe(e):
    if isinstance(e, SyntaxError) and e.filename == FILE:
        return 'SyntaxError: %s (line %s: %s)' % (e.msg, e.lineno, (e.text or '').strip())
    text = '%s: %s' % (type(e).__name__, e) if str(e) else type(e).__name__
    mine = [f for f in traceback.extract_tb(e.__traceback__) if f.filename == FILE]
    if mine:
        text += ' (line %s, in %s: %s)' % (mine[-1].lineno, mine[-1].name, (mine[-1].line or '').strip())
    if isinstance(e, ModuleNotFoundError) and e.name:
        top = e.name.split('.')[0]
        debian = ", or Debian's python3-pandas" if top == 'pandas' else ''
        text += ': install %s for %s (pip install %s%s), or set ANOMSTACK_PYTHON to a Python that has it' % (top, sys.executable, top, debian)
    return text

def call(fn):
    values = {'config': job['config'], 'now': datetime.datetime.fromisoformat(job['now']), 'batch': job['batch']}
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        params = {}
    if any(p.kind == p.VAR_KEYWORD for p in params.values()):
        return fn(**values)
    return fn(**{k: v for k, v in values.items() if k in params and params[k].kind in (params[k].POSITIONAL_OR_KEYWORD, params[k].KEYWORD_ONLY)})

def rows_of(result):
    if hasattr(result, 'itertuples') and hasattr(result, 'columns'):
        columns = [str(c) for c in result.columns]
        return columns, (dict(zip(columns, t)) for t in result.itertuples(index=False, name=None))
    if result is None or isinstance(result, (str, bytes, dict)) or not hasattr(result, '__iter__'):
        raise TypeError('ingest() returned %s; expected a pandas DataFrame or a list of dicts' % type(result).__name__)
    rows, columns = list(result), {}
    for n, row in enumerate(rows, 1):
        if row is not None and not isinstance(row, dict):
            raise TypeError('ingest() returned a list whose item %d is %s, not a dict of column values' % (n, type(row).__name__))
        columns.update((str(k), None) for k in (row or {}))
    return list(columns), rows

def main():
    sys.path.insert(0, job['dir'])
    source = job['source']
    linecache.cache[FILE] = (len(source), None, source.splitlines(True), FILE)
    module = types.ModuleType('anomstack_ingest')
    module.__file__ = FILE
    sys.modules[module.__name__] = module
    exec(compile(source, FILE, 'exec'), module.__dict__)
    fn = module.__dict__.get('ingest')
    if not callable(fn):
        raise NameError('the Python source defines no ingest() function')
    result = call(fn)
    if inspect.iscoroutine(result):
        import asyncio
        result = asyncio.run(result)
    columns, rows = rows_of(result)
    send(['columns', columns])
    count = 0
    for row in rows:
        send(None if row is None else {str(k): plain(v) for k, v in row.items()})
        count += 1
    send(['end', count])

try:
    main()
    code = 0
except BrokenPipeError:
    os._exit(1)
except BaseException as e:
    traceback.print_exc()
    send(['error', describe(e)])
    code = 1
sys.stdout.flush(); sys.stderr.flush(); out.flush()
os._exit(code)
`;
/** Lines of stderr kept for an error message when the process dies without saying why. */
const TAIL_LINES = 10;
/**
 * Runs a batch's Python `ingest()` (Anomstack's `ingest_fn`, or `ingest.py`) in a `python3` child process,
 * `ANOMSTACK_PYTHON` naming another interpreter. The child is its own process group, so stopping it on the ingest
 * time limit also stops whatever the function started. Its stdout and stderr go to this process's stderr, each
 * line prefixed with the batch's name. The code is the repository's own, run with the trust of an `ingest.js`.
 */
const openPythonSource = async (batch, now, env) => {
    if (batch.ingest.kind !== 'python')
        throw new Error(`batch ${batch.name} has no Python ingest function`);
    const { source, origin } = batch.ingest;
    const interpreter = env['ANOMSTACK_PYTHON'] || 'python3';
    const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(interpreter, ['-c', RUNNER], {
        detached: true,
        stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
        env: { ...process.env, ...env, PYTHONUNBUFFERED: '1', PYTHONIOENCODING: 'utf-8' },
    });
    const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    await started(child, interpreter);
    const tail = [];
    forwardLines(child.stdout, batch.name);
    forwardLines(child.stderr, batch.name, tail);
    // A child that fails before reading its job closes stdin: that is reported from its exit, not as EPIPE here.
    child.stdin?.on('error', () => undefined);
    const filename = origin.endsWith('.py') ? origin : `${origin} (ingest_fn)`;
    child.stdin?.end(JSON.stringify({ source, filename, config: batch.config, now: now.toISOString().replace('Z', '+00:00'), batch: batch.name, dir: batch.dir }));
    const stop = () => killGroup(child);
    return {
        chunks: (size) => readRows(child.stdio[3], size, exited, tail),
        cancel: stop,
        close: () => {
            stop();
            child.stdout?.destroy();
            child.stderr?.destroy();
        },
    };
};
/** Resolves once the interpreter runs; a missing or unusable one is an error saying what to install or set. */
function started(child, interpreter) {
    return new Promise((resolve, reject) => {
        child.once('spawn', () => resolve());
        child.once('error', (error) => {
            const what = error.code === 'ENOENT' ? 'was not found' : `cannot be run (${error.code ?? error.message})`;
            reject(new Error(`the Python interpreter "${interpreter}" ${what}: install Python 3 (Debian: apt-get install python3) ` +
                'or set ANOMSTACK_PYTHON to the path of a Python 3 interpreter'));
        });
    });
}
/** Kills the child's whole process group (it leads it: spawned detached); one already gone is left alone. */
function killGroup(child) {
    if (child.pid === undefined)
        return;
    try {
        process.kill(-child.pid, 'SIGKILL');
    }
    catch {
        // ESRCH: the group has ended.
    }
}
/** Each line of the stream to this process's stderr, prefixed; the last lines kept in `tail` when given. */
function forwardLines(stream, prefix, tail) {
    if (!stream)
        return;
    void (async () => {
        for await (const line of lines(stream)) {
            process.stderr.write(`${prefix} | ${line}\n`);
            if (tail) {
                tail.push(line);
                if (tail.length > TAIL_LINES)
                    tail.shift();
            }
        }
    })().catch(() => undefined);
}
/** The stream's lines, read as they are consumed: a consumer that stops pulling stops the reading. */
async function* lines(stream) {
    stream.setEncoding('utf8');
    let rest = '';
    for await (const text of stream) {
        rest += text;
        let end;
        while ((end = rest.indexOf('\n')) >= 0) {
            yield rest.slice(0, end);
            rest = rest.slice(end + 1);
        }
    }
    if (rest !== '')
        yield rest;
}
/** The rows the runner writes to fd 3, `size` at a time; its error, or its death before the end, fails the read. */
async function* readRows(stream, size, exited, tail) {
    let columns;
    let rows = [];
    for await (const line of lines(stream)) {
        let message;
        try {
            message = JSON.parse(line);
        }
        catch {
            // A line cut short by the process's death: its exit says what happened.
            break;
        }
        if (Array.isArray(message)) {
            if (message[0] === 'error')
                throw new Error(message[1]);
            if (message[0] === 'columns')
                columns = message[1];
            if (message[0] === 'end') {
                if (rows.length > 0)
                    yield { columns: columns ?? [], rows };
                return;
            }
            continue;
        }
        // A None row is passed on as null: the validator reports it as a row without values.
        rows.push(message);
        if (rows.length >= size) {
            yield { columns: columns ?? [], rows };
            rows = [];
        }
    }
    const { code, signal } = await exited;
    const why = signal ? `was killed (${signal})` : `exited with code ${code}`;
    const said = tail.length > 0 ? `: ${tail.join('\n')}` : '';
    throw new Error(`the Python process ${why} before returning all its rows${said}`);
}


/***/ })

};

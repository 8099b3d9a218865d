import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Alert } from '../../src/alerts/channel.ts';
import { runJobs, type RunOptions, type RunReport } from '../../src/jobs/run.ts';
import { openPythonSource } from '../../src/sources/python.ts';
import { DuckDb } from '../../src/store/duckdb.ts';
import { allRows, loadBatch, RecordingChannel, recordingReporter, runWorkspaces, type TempWorkspace } from '../helpers/metrics-dir.ts';
import { aptInstall } from '../helpers/apt.ts';

const run = promisify(execFile);
const NOW = new Date('2026-01-10T00:30:00Z');
const REPO = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(REPO, 'tests/fixtures/anomstack/python_ingest_simple');
const SYSTEM_PYTHON = '/usr/bin/python3';
const workspace = runWorkspaces();

/**
 * Debian's Python with pandas, for the tests of DataFrames (Anomstack's functions return them): installed from
 * Debian's python3-pandas when missing (a minute or two on a fresh machine). Undefined, with the reason, when it
 * cannot be installed here.
 */
async function pythonWithPandas(): Promise<{ python?: string; reason: string }> {
  const has = (): Promise<boolean> => run(SYSTEM_PYTHON, ['-c', 'import pandas']).then(() => true, () => false);
  if (await has()) return { python: SYSTEM_PYTHON, reason: '' };
  try {
    await aptInstall(['python3-pandas']);
  } catch (error) {
    return { reason: `python3-pandas could not be installed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
  return (await has()) ? { python: SYSTEM_PYTHON, reason: '' } : { reason: `${SYSTEM_PYTHON} cannot import pandas after installing python3-pandas` };
}
const PANDAS = await pythonWithPandas();
if (!PANDAS.python) console.warn(`skipping the pandas tests: ${PANDAS.reason}`);

async function runBatch(w: TempWorkspace, extra: Partial<RunOptions> = {}): Promise<{ report: RunReport; alerts: Alert[] }> {
  const channel = new RecordingChannel();
  const report = await runJobs({ metricsDir: w.metricsDir, now: NOW, env: {}, reporter: recordingReporter(), channels: () => [channel], ...extra });
  return { report, alerts: channel.sent.flat() };
}

async function stored(w: TempWorkspace, batch: string, table = 'metrics'): Promise<Record<string, unknown>[]> {
  const db = await DuckDb.open(path.join(w.root, 'state', 'anomstack.duckdb'));
  try {
    return (await allRows(db, table)).filter((r) => r['metric_batch'] === batch && r['metric_type'] === 'metric');
  } finally {
    db.close();
  }
}

/** Runs only the ingest job of batch `b` and gives its report. */
async function ingestOnly(files: Record<string, string>, env: NodeJS.ProcessEnv = {}): Promise<{ w: TempWorkspace; report: RunReport['batches'][number] | undefined }> {
  const w = await workspace(files);
  const { report } = await runBatch(w, { jobs: ['ingest'], env });
  return { w, report: report.batches.find((b) => b.batch === 'b') };
}

/** Whether the process has ended (gone, or a zombie nobody has reaped yet). */
async function ended(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  return stat === null || /^\d+ \(.*\) [ZX] /.test(stat);
}

describe('Python ingest functions', () => {
  it('runs the example batch end to end: the spike in its newest points alerts, its print() reaches the log', async () => {
    const config = (await readFile(path.join(REPO, 'metrics/python_example/config.yaml'), 'utf8')).replace('disable_batch: true', 'disable_batch: false');
    const w = await workspace({
      'python_example/config.yaml': config,
      'python_example/ingest.py': await readFile(path.join(REPO, 'metrics/python_example/ingest.py'), 'utf8'),
    });
    const { report, alerts } = await runBatch(w);
    const batch = report.batches.find((b) => b.batch === 'python_example');
    expect(batch?.error).toBeUndefined();
    expect(batch?.status).toBe('ok');
    expect(batch?.counts).toMatchObject({ metrics: 2, ingested: 160, trained: 2 });
    expect(alerts.map((a) => [a.batch, a.metric, a.timestamp])).toEqual([['python_example', 'queue_depth', new Date('2026-01-10T00:00:00Z')]]);
    const rows = await stored(w, 'python_example');
    expect(rows).toHaveLength(160);
    expect(rows.at(-1)).toMatchObject({ metric_name: 'queue_depth', metric_timestamp: new Date('2026-01-10T00:00:00Z') });
  });

  it.skipIf(!PANDAS.python)("ingests Anomstack's python_ingest_simple unchanged (ingest_fn through {% include %}, a pandas DataFrame)", async () => {
    const dir = 'examples/python/python_ingest_simple';
    const w = await workspace({
      [`${dir}/python_ingest_simple.yaml`]: await readFile(path.join(FIXTURE, 'python_ingest_simple.yaml'), 'utf8'),
      [`${dir}/ingest.py`]: await readFile(path.join(FIXTURE, 'ingest.py'), 'utf8'),
    });
    // pd.Timestamp.now() is the machine's local time, naive: stored as UTC, as Anomstack does.
    const { report } = await runBatch(w, { jobs: ['ingest'], now: new Date(), env: { ANOMSTACK_PYTHON: PANDAS.python, TZ: 'UTC' } });
    const batch = report.batches.find((b) => b.batch === 'python_ingest_simple');
    expect(batch?.error).toBeUndefined();
    expect(batch?.counts).toMatchObject({ metrics: 5, ingested: 5 });
    // Its table_key names its own table.
    const rows = await stored(w, 'python_ingest_simple', 'metrics_python_ingest_simple');
    expect(rows.map((r) => r['metric_name'])).toEqual(['metric1', 'metric2', 'metric3', 'metric4', 'metric5']);
    for (const row of rows) {
      expect(typeof row['metric_value']).toBe('number');
      expect(Math.abs((row['metric_timestamp'] as Date).getTime() - Date.now())).toBeLessThan(3_600_000);
    }
  });

  it("an exception in ingest() fails the batch with its type, message and line in the user's code", async () => {
    const { report } = await ingestOnly({
      'b/config.yaml': '{}\n',
      'b/ingest.py': 'def ingest():\n    x = 1\n    return helper(x)\n\n\ndef helper(x):\n    return x / 0\n',
    });
    expect(report?.status).toBe('failed');
    expect(report?.error).toMatch(/b[/\\]ingest\.py: ingest failed: ZeroDivisionError: division by zero \(line 7, in helper: return x \/ 0\)$/);
  });

  it('an inline ingest_fn is rendered as a template first, and its errors point into it', async () => {
    const { report } = await ingestOnly({
      'b/config.yaml': 'ingest_fn: |\n  def ingest(config):\n      raise ValueError("no data for {{ metric_batch }} " + config["metric_batch"])\n',
    });
    expect(report?.error).toMatch(/config\.yaml: ingest failed: ValueError: no data for b b \(line 2, in ingest: raise ValueError/);
  });

  it('a function that hangs is killed at ingest_timeout_s with its whole process group', async () => {
    const w = await workspace({});
    const pids = path.join(w.root, 'pids');
    await w.write({
      'b/config.yaml': 'ingest_timeout_s: 8\n',
      'b/ingest.py': `import os, subprocess, time

def ingest():
    child = subprocess.Popen(["sleep", "3600"])
    with open(${JSON.stringify(pids)}, "w") as f:
        f.write("%d %d" % (os.getpid(), child.pid))
    time.sleep(3600)
`,
    });
    const { report } = await runBatch(w, { jobs: ['ingest'] });
    const batch = report.batches.find((b) => b.batch === 'b');
    expect(batch?.error).toMatch(/b[/\\]ingest\.py: ingest did not finish within ingest_timeout_s \(8 s\) and was stopped; nothing was written$/);
    const [python, sleeper] = (await readFile(pids, 'utf8')).split(' ').map(Number);
    // SIGKILL is delivered at once; the kernel may take a moment to tear the processes down.
    for (let i = 0; i < 100 && !((await ended(python ?? 0)) && (await ended(sleeper ?? 0))); i++) await sleep(100);
    expect(await ended(python ?? 0)).toBe(true);
    expect(await ended(sleeper ?? 0)).toBe(true);
  });

  it('a missing interpreter is a clear error naming ANOMSTACK_PYTHON', async () => {
    const { report } = await ingestOnly({ 'b/config.yaml': '{}\n', 'b/ingest.py': 'def ingest():\n    return []\n' }, { ANOMSTACK_PYTHON: '/nonexistent/python3' });
    expect(report?.error).toContain('ingest failed: the Python interpreter "/nonexistent/python3" was not found: install Python 3 (Debian: apt-get install python3) or set ANOMSTACK_PYTHON');
  });

  it('a missing module (pandas) is a clear error naming it and how to install it', async () => {
    // None in sys.modules makes `import pandas` fail as it does where pandas is not installed.
    const { report } = await ingestOnly({
      'b/config.yaml': '{}\n',
      'b/ingest.py': 'import sys\nsys.modules["pandas"] = None\n\ndef ingest():\n    import pandas as pd\n    return pd.DataFrame()\n',
    });
    expect(report?.error).toMatch(/ingest failed: ModuleNotFoundError: .*pandas.* \(line 5, in ingest: import pandas as pd\): install pandas for \S+ \(pip install pandas, or Debian's python3-pandas\), or set ANOMSTACK_PYTHON/);
  });

  it('NaN, infinity, None and text in metric_value of a list of dicts are reported by the validator', async () => {
    const { report } = await ingestOnly({
      'b/config.yaml': '{}\n',
      'b/ingest.py': `def ingest():
    values = [1.5, float("nan"), None, "abc", float("inf"), "2.5"]
    return [{"metric_timestamp": "2026-01-09T%02d:00:00" % i, "metric_name": "m", "metric_value": v} for i, v in enumerate(values)]
`,
    });
    expect(report?.error).toContain('4 of 6 rows are invalid: row 2: metric_value "NaN" is not a finite number; row 3: metric_value null is not a finite number; '
      + 'row 4: metric_value "abc" is not a finite number; row 5: metric_value "Infinity" is not a finite number; nothing was written');
  });

  it.skipIf(!PANDAS.python)('a DataFrame: Timestamps become ISO strings; NaN, NaT, None and text are reported by the validator', async () => {
    const files = {
      'b/config.yaml': '{}\n',
      'b/ingest.py': `import numpy as np
import pandas as pd

def ingest():
    stamps = pd.date_range("2026-01-09", periods=6, freq="h", tz="UTC")
    df = pd.DataFrame({"metric_timestamp": stamps, "metric_name": "m", "metric_value": np.arange(6, dtype="float64")})
    df["metric_value"] = df["metric_value"].astype(object)
    df.loc[1, "metric_value"] = np.nan
    df.loc[2, "metric_value"] = None
    df.loc[3, "metric_value"] = "abc"
    df.loc[4, "metric_timestamp"] = pd.NaT
    return df
`,
    };
    const { report } = await ingestOnly(files, { ANOMSTACK_PYTHON: PANDAS.python });
    expect(report?.error).toContain('4 of 6 rows are invalid: row 2: metric_value "NaN" is not a finite number; row 3: metric_value null is not a finite number; '
      + 'row 4: metric_value "abc" is not a finite number; row 5: metric_timestamp "NaT" is not a timestamp');

    const good = await ingestOnly({ ...files, 'b/ingest.py': files['b/ingest.py'].replace(/^ {4}(df\.loc|df\["metric_value"\]).*\n/gm, '') }, { ANOMSTACK_PYTHON: PANDAS.python });
    expect(good.report?.error).toBeUndefined();
    const rows = await stored(good.w, 'b');
    expect(rows.map((r) => [r['metric_timestamp'], r['metric_value']])).toEqual(
      Array.from({ length: 6 }, (_, i) => [new Date(Date.UTC(2026, 0, 9, i)), i]),
    );
  });

  describe('the source itself', () => {
    afterEach(() => {
      vi.restoreAllMocks();
    });

    it('streams a list of dicts in chunks of at most `size` rows, columns the union of their keys, with the config, clock and name', async () => {
      const w = await workspace({
        'b/config.yaml': 'alert_threshold: 0.9\n',
        'b/ingest.py': `def ingest(**kwargs):
    rows = [{"metric_timestamp": kwargs["now"] , "metric_name": "m%d" % (i % 3), "metric_value": i} for i in range(50000)]
    rows[7]["metadata"] = {"threshold": kwargs["config"]["alert_threshold"], "batch": kwargs["batch"]}
    return rows
`,
      });
      const batch = await loadBatch(w.metricsDir, 'b');
      const source = await openPythonSource(batch, NOW, {});
      const sizes: number[] = [];
      let total = 0;
      try {
        for await (const chunk of source.chunks(7_000)) {
          sizes.push(chunk.rows.length);
          expect(chunk.columns).toEqual(['metric_timestamp', 'metric_name', 'metric_value', 'metadata']);
          for (const row of chunk.rows) expect(row['metric_value']).toBe(total++);
          if (sizes.length === 1) {
            expect(chunk.rows[0]).toEqual({ metric_timestamp: '2026-01-10T00:30:00+00:00', metric_name: 'm0', metric_value: 0 });
            expect(chunk.rows[7]?.['metadata']).toEqual({ threshold: 0.9, batch: 'b' });
          }
        }
      } finally {
        source.close();
      }
      expect(sizes).toEqual([7000, 7000, 7000, 7000, 7000, 7000, 7000, 1000]);
    });

    it("print() and the function's other output go to the log, not into the rows", async () => {
      const logged: string[] = [];
      const write = process.stderr.write.bind(process.stderr);
      vi.spyOn(process.stderr, 'write').mockImplementation((text: string | Uint8Array) => {
        logged.push(String(text));
        return write(text);
      });
      const w = await workspace({
        'b/config.yaml': '{}\n',
        'b/ingest.py': `import os, subprocess, sys

def ingest():
    print("hello from ingest")
    sys.stdout.write('{"metric_name": "fake"}')
    os.write(1, b'["end", 0]\\n')
    subprocess.run(["echo", "from a subprocess"])
    print("to stderr", file=sys.stderr)
    return [{"metric_timestamp": "2026-01-09T%02d:00:00Z" % i, "metric_name": "m", "metric_value": i} for i in range(24)]
`,
      });
      const batch = await loadBatch(w.metricsDir, 'b');
      const source = await openPythonSource(batch, NOW, {});
      const rows: unknown[] = [];
      try {
        for await (const chunk of source.chunks(10)) rows.push(...chunk.rows);
      } finally {
        source.close();
      }
      expect(rows).toHaveLength(24);
      expect(rows.at(-1)).toEqual({ metric_timestamp: '2026-01-09T23:00:00Z', metric_name: 'm', metric_value: 23 });
      // The log lines arrive on their own pipes: wait for them rather than for a fixed time.
      for (let i = 0; i < 100 && !logged.join('').includes('b | to stderr'); i++) await sleep(50);
      const log = logged.join('');
      expect(log).toContain('b | hello from ingest');
      expect(log).toContain('b | from a subprocess');
      expect(log).toContain('b | to stderr');
    });

    it('an async ingest() is awaited', async () => {
      const w = await workspace({
        'b/config.yaml': '{}\n',
        'b/ingest.py': 'import asyncio\n\nasync def ingest(now):\n    await asyncio.sleep(0)\n    return [{"metric_timestamp": now, "metric_name": "m", "metric_value": 1}]\n',
      });
      const source = await openPythonSource(await loadBatch(w.metricsDir, 'b'), NOW, {});
      const rows: unknown[] = [];
      try {
        for await (const chunk of source.chunks(10)) rows.push(...chunk.rows);
      } finally {
        source.close();
      }
      expect(rows).toEqual([{ metric_timestamp: '2026-01-10T00:30:00+00:00', metric_name: 'm', metric_value: 1 }]);
    });

    it('a result that is not rows is an error saying what is expected', async () => {
      const w = await workspace({ 'b/config.yaml': '{}\n', 'b/ingest.py': 'def ingest():\n    return 42\n' });
      const source = await openPythonSource(await loadBatch(w.metricsDir, 'b'), NOW, {});
      try {
        await expect(async () => {
          for await (const chunk of source.chunks(10)) expect(chunk).toBeUndefined();
        }).rejects.toThrow('TypeError: ingest() returned int; expected a pandas DataFrame or a list of dicts');
      } finally {
        source.close();
      }
    });
  });
});

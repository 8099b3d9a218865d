#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { summaryText } from './alerts/summary-message.ts';
import { ArtifactStoreError, storeUrlProblem } from './artifacts/index.ts';
import { runBacktest } from './cli/backtest.ts';
import { windowCommand } from './cli/backfill.ts';
import { checkHealth } from './health/batch-health.ts';
import { healthLines } from './health/summary.ts';
import { restoreCliState } from './cli/state.ts';
import { silenceCommand } from './cli/silence.ts';
import { DEFAULT_REPORT_DIR, reportCommand } from './cli/report.ts';
import { formatTable } from './cli/table.ts';
import { terminalReporter } from './cli/reporter.ts';
import { isFile } from './config/discover.ts';
import { loadBatches } from './config/load.ts';
import { ConfigError, formatIssue, type ConfigIssue } from './config/issues.ts';
import { JOBS, type Job } from './config/schema.ts';
import { IngestError, toTimestamp } from './jobs/ingest.ts';
import { runJobs, UsageError, type RunReport } from './jobs/run.ts';
import { redact } from './runtime/redact.ts';
import { guardUnfinished, UNFINISHED_MESSAGE } from './runtime/unfinished.ts';
import { DatabaseLockedError, DuckDb } from './store/duckdb.ts';
import { MetricsTable } from './store/metrics-table.ts';
import packageJson from '../package.json' with { type: 'json' };

const USAGE = `anomstack: anomaly detection for metric batches

Usage:
  anomstack run      [--metrics-dir DIR] [--batch NAME ...] [--report-dir DIR] [--plots-dir DIR]
                     every enabled job, in order, then the report (default ${DEFAULT_REPORT_DIR})
  anomstack ingest|train|score|alert|change|tholdalert|llmalert|retention|plot [--metrics-dir DIR] [--batch NAME ...]
  anomstack summary  [--metrics-dir DIR] [--batch NAME ...]   each batch's digest of its last days, printed and sent
                     to the slack / email alert methods (once per summary_cron_schedule period)
  anomstack validate [--metrics-dir DIR] [--batch NAME ...]   check config only
  anomstack list     [--metrics-dir DIR] [--batch NAME ...]   batches, metrics, last timestamps
  anomstack report   [--metrics-dir DIR] [--out DIR]          the static HTML report (default ${DEFAULT_REPORT_DIR})
  anomstack plot     [--metrics-dir DIR] [--out DIR]          PNG and SVG per metric and batch (default .anomstack/plots)
  anomstack backtest [--metrics-dir DIR] --batch NAME [--from TS] [--to TS] --out FILE.csv
                     replay the batch's history walk-forward through train, score and alert
  anomstack backfill --from TS --to TS [--metrics-dir DIR] [--batch NAME ...]
                     ingest a past window, one backfill_slice at a time, for SQL using {{ from }} / {{ to }}
  anomstack rescore  --from TS --to TS [--metrics-dir DIR] [--batch NAME ...]
                     score [from, to) again with the current models and config; its alerts are recorded, not sent
  anomstack silence add --batch NAME --metric PATTERN --reason TEXT [--for 7d | --until TIME] [--kind KIND]
                     deliver the matching alerts nowhere (still recorded, marked silenced) on every channel
  anomstack silence list [--batch NAME ...]                  silences from the config and from silence add
  anomstack silence expire ID --batch NAME                   end silence ID now

Options:
  --metrics-dir DIR   folder of metric batches (default: metrics)
  --batch NAME        only this batch (repeatable)
  --now TIMESTAMP     run as if the clock read TIMESTAMP (UTC), for reproducible runs
  --report-dir DIR    where run writes the report ("none": no report)
  --plots-dir DIR     where run's plot job writes (default: plots/ beside each batch's DuckDB file)
  --wait SECONDS      when another run holds the database, wait up to this long for it (default: fail at once)
  --state URL         restore the .anomstack folder from a store before the command and save it back after
                      (run and the jobs; list, report and backtest only read it): local://DIR, s3://BUCKET/PREFIX,
                      gs://BUCKET/PREFIX or az://CONTAINER/PREFIX
  --quiet             only warnings, alerts and the summary
  -h, --help          this help
  --version           the version

Exit codes: 0 ok, 1 a batch failed (the others still ran), 2 bad usage or config, 3 another run holds the database.`;

export const EXIT = { ok: 0, failed: 1, usage: 2, locked: 3 } as const;

/** Commands `--state` applies to; of these, run and the jobs also save it back. */
const STATEFUL = new Set<string>(['run', ...JOBS, 'list', 'report', 'backtest', 'silence', 'backfill', 'rescore']);

export async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        'metrics-dir': { type: 'string', default: 'metrics' },
        batch: { type: 'string', multiple: true, default: [] },
        quiet: { type: 'boolean', default: false },
        now: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        out: { type: 'string' },
        'report-dir': { type: 'string', default: DEFAULT_REPORT_DIR },
        'plots-dir': { type: 'string' },
        wait: { type: 'string' },
        state: { type: 'string' },
        metric: { type: 'string' },
        reason: { type: 'string' },
        for: { type: 'string' },
        until: { type: 'string' },
        kind: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [command, ...extra] = positionals;
  if (values.help || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  if (values.version) {
    process.stdout.write(`anomstack ${packageJson.version}\n`);
    return EXIT.ok;
  }
  if (!command) return usage('missing command');
  // `silence add`, `silence expire 3`: the action and a number come after the command.
  const allowed = command === 'silence' ? 2 : 0;
  if (extra.length > allowed) return usage(`unexpected argument(s): ${extra.slice(allowed).join(' ')}`);
  const metricsDir = values['metrics-dir'];
  const batches = values.batch;
  const now = values.now === undefined ? new Date() : toTimestamp(values.now);
  if (!now) return usage(`--now ${values.now ?? ''} is not a timestamp (e.g. 2026-11-21T12:00:00Z)`);
  if (!/^\d+(\.\d+)?$/.test(values.wait ?? '0')) return usage(`--wait ${values.wait ?? ''} is not a number of seconds`);
  const waitMs = Number(values.wait ?? 0) * 1000;
  const stateUrl = values.state;
  if (stateUrl !== undefined) {
    const problem = storeUrlProblem(stateUrl);
    if (problem) return usage(`--state ${stateUrl}: ${problem}`);
  }
  try {
    if (command === 'validate') return await validate(metricsDir, batches);
    const state = stateUrl && STATEFUL.has(command) ? await restoreCliState(stateUrl, batches, (line) => process.stderr.write(`${line}\n`)) : null;
    if (command === 'list') return await list(metricsDir, batches, waitMs);
    if (command === 'silence') {
      const [action = 'list', id] = extra;
      process.stdout.write(`${await silenceCommand(action, {
        metricsDir, batches, now, waitMs, ...(id ? { id } : {}),
        ...definedOnly({ metric: values.metric, reason: values.reason, for: values.for, until: values.until, kind: values.kind }),
      })}\n`);
      // What silence add or expire changed goes back to the shared state (the real clock orders the saves).
      if (state && action !== 'list') await state.save(new Date());
      return EXIT.ok;
    }
    if (command === 'backtest') {
      const [batch, ...more] = batches;
      if (!batch || more.length > 0) return usage('backtest needs exactly one --batch NAME');
      if (!values.out) return usage('backtest needs --out FILE.csv');
      const from = values.from === undefined ? undefined : toTimestamp(values.from);
      const to = values.to === undefined ? undefined : toTimestamp(values.to);
      if (from === null || to === null) return usage('--from and --to take timestamps such as 2026-11-01 or 2026-11-01T12:00:00Z');
      const summary = await runBacktest({
        metricsDir, batch, out: values.out, now, reporter: terminalReporter({ quiet: values.quiet }),
        ...(from ? { from } : {}), ...(to ? { to } : {}),
      });
      process.stdout.write(`${summary}\n`);
      return EXIT.ok;
    }
    if (command === 'backfill' || command === 'rescore') {
      const reporter = terminalReporter({ quiet: values.quiet });
      process.stdout.write(`${await windowCommand(command, { metricsDir, batches, from: values.from, to: values.to, now, waitMs, reporter })}\n`);
      // What the window added or replaced goes back to the shared state (the real clock orders the saves).
      if (state) await state.save(new Date());
      return EXIT.ok;
    }
    if (command === 'report') {
      process.stdout.write(`${await reportCommand({ metricsDir, batches, now, outDir: values.out ?? DEFAULT_REPORT_DIR })}\n`);
      return EXIT.ok;
    }
    if (command === 'run' || (JOBS as readonly string[]).includes(command)) {
      const jobs = command === 'run' ? JOBS : [command as Job];
      // `plot --out DIR` as `report --out DIR`; `run` names its folders after what goes in them.
      const plotsDir = command === 'plot' ? (values.out ?? values['plots-dir']) : values['plots-dir'];
      const report = await runJobs({ metricsDir, batches, jobs, now, waitMs, reporter: terminalReporter({ quiet: values.quiet }), ...(plotsDir ? { plotsDir } : {}) });
      if (command === 'summary') {
        for (const b of report.batches) if (b.summary) process.stdout.write(`\n${summaryText(b.summary)}\n`);
      }
      let code = printRunReport(report);
      // Health (src/health), after a whole run: a batch whose data stopped coming, or whose runs keep failing, says so.
      const health = command === 'run' ? await checkHealth({ metricsDir, batches, now, env: process.env }) : null;
      for (const line of health ? healthLines(health) : []) process.stderr.write(`${line}\n`);
      if (state) {
        try {
          // The real clock, not --now: saves are ordered by when they were made.
          await state.save(new Date());
        } catch (error) {
          process.stderr.write(`anomstack: state: saving failed, the stored state is as it was before this run: ${redact(error instanceof Error ? error.message : String(error))}\n`);
          code = EXIT.failed;
        }
      }
      const reportDir = values['report-dir'];
      // Invalid batches are shown as such in it; the valid ones' results are there to look at all the same.
      if (command === 'run' && reportDir !== 'none') {
        process.stdout.write(`${await reportCommand({ metricsDir, batches, now, outDir: reportDir, ...(health ? { health } : {}) })}\n`);
      }
      return code;
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      printIssues(error.issues);
      return EXIT.usage;
    }
    if (error instanceof IngestError) {
      process.stderr.write(`anomstack: ${redact(error.message)}\n`);
      return EXIT.failed;
    }
    if (error instanceof ArtifactStoreError) {
      process.stderr.write(`anomstack: state: ${redact(error.message)}\n`);
      return EXIT.failed;
    }
    if (error instanceof DatabaseLockedError) {
      process.stderr.write(`anomstack: ${error.message}; wait for it to finish, or pass --wait SECONDS\n`);
      return EXIT.locked;
    }
    if (error instanceof UsageError || (error as NodeJS.ErrnoException).code === 'ENOENT') return usage((error as Error).message);
    throw error;
  }
  return usage(`unknown command "${command}"`);
}

/** The entries whose value is set: options the user did not pass stay absent. */
function definedOnly(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

function usage(message: string): number {
  process.stderr.write(`anomstack: ${message} (see anomstack --help)\n`);
  return EXIT.usage;
}

async function validate(metricsDir: string, batches: string[]): Promise<number> {
  const result = await loadBatches(metricsDir, { only: batches });
  printIssues(result.warnings);
  for (const failure of result.failures) printIssues(failure.error.issues);
  const total = result.batches.length + result.failures.length;
  process.stdout.write(`${result.batches.length} of ${total} batches valid in ${metricsDir}\n`);
  return result.failures.length > 0 ? EXIT.usage : EXIT.ok;
}

async function list(metricsDir: string, batches: string[], waitMs: number): Promise<number> {
  const result = await loadBatches(metricsDir, { only: batches });
  const rows: (string | number)[][] = [];
  const databases = new Map<string, DuckDb>();
  try {
    for (const batch of result.batches) {
      const path = batch.config.duckdb_path;
      // Listing must not create an empty database where none was written yet.
      const db = databases.get(path) ?? ((await isFile(path)) ? await DuckDb.open(path, { waitMs }) : undefined);
      if (db) databases.set(path, db);
      const metrics = db ? await new MetricsTable(db, batch.config.table_key).summary(batch.name) : [];
      const state = batch.config.disable_batch ? 'disabled' : 'enabled';
      if (metrics.length === 0) rows.push([batch.name, state, '(no data yet)', 0, '', '', 0]);
      for (const m of metrics) {
        rows.push([batch.name, state, m.metric_name, m.points, iso(m.last_timestamp), iso(m.last_score_timestamp), m.alerts]);
      }
    }
  } finally {
    for (const db of databases.values()) db.close();
  }
  for (const failure of result.failures) rows.push([failure.name, 'invalid config', failure.file, 0, '', '', 0]);
  process.stdout.write(`${formatTable(['batch', 'state', 'metric', 'points', 'last point', 'last score', 'alerts'], rows)}\n`);
  return result.failures.length > 0 ? EXIT.usage : EXIT.ok;
}

function printRunReport(report: RunReport): number {
  printIssues(report.warnings);
  for (const failure of report.configFailures) printIssues(failure.error.issues);
  const rows = report.batches.map((b) => [
    b.batch,
    b.status,
    b.counts['metrics'] ?? 0,
    b.counts['ingested'] ?? 0,
    b.counts['scored'] ?? 0,
    b.counts['alerts'] ?? 0,
    b.counts['changes'] ?? 0,
    b.counts['tholdalerts'] ?? 0,
    b.counts['llmalerts'] ?? 0,
    b.status === 'failed' ? (b.error ?? '') : '',
  ]);
  const header = ['batch', 'status', 'metrics', 'ingested', 'scored', 'alerts', 'changes', 'tholdalerts', 'llmalerts', 'error'];
  process.stdout.write(`\n${formatTable(header, rows)}\n`);
  const places = new Set(
    report.batches.flatMap((b) => (b.storage && b.status !== 'disabled' ? [`${b.storage.database} (table ${b.storage.table}), models in ${b.storage.models}`] : [])),
  );
  for (const place of places) process.stdout.write(`\nResults: ${place}\n`);
  if (places.size > 0) process.stdout.write('See them with: npm run anomstack -- list\n');
  if (report.configFailures.length > 0) return EXIT.usage;
  return report.batches.some((b) => b.status === 'failed') ? EXIT.failed : EXIT.ok;
}

function printIssues(issues: readonly ConfigIssue[]): void {
  for (const issue of issues) process.stderr.write(`${issue.severity}: ${formatIssue(issue)}\n`);
}

function iso(date: Date | null): string {
  return date ? date.toISOString().replace('.000Z', 'Z') : '';
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

/**
 * Runs the CLI as a process does: sets the exit code, prints an unexpected error (redacted) rather than a crash, and
 * says so when the process is about to end with the command still unfinished.
 */
export async function runCli(argv: readonly string[]): Promise<void> {
  try {
    process.exitCode = await guardUnfinished(main(argv), () => {
      process.stderr.write(`anomstack: ${UNFINISHED_MESSAGE}\n`);
      process.exitCode = EXIT.failed;
    });
  } catch (error) {
    process.stderr.write(`anomstack: ${redact(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
    process.exitCode = EXIT.failed;
  }
}

if (isEntryPoint()) void runCli(process.argv.slice(2));

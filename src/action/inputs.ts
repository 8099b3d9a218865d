/**
 * The action's inputs, read from `INPUT_*` and validated in one place: a bad value fails the step with
 * the input's name, the value and what was expected, before anything runs.
 */
import * as core from '@actions/core';
import { z } from 'zod';
import { storeUrlProblem } from '../artifacts/index.ts';
import { JOBS, type Job } from '../config/schema.ts';

export const COMMANDS = ['run', ...JOBS, 'report', 'backtest', 'validate', 'plan', 'silence', 'pr-check', 'backfill', 'rescore'] as const;
export type Command = (typeof COMMANDS)[number];

export type StateMode =
  | { kind: 'actions-cache'; dir: string }
  | { kind: 'local'; dir: string }
  /** A store URL: restored into `dir` at the start, saved from it at the end. */
  | { kind: 'store'; url: string; dir: string };

export interface ActionInputs {
  command: Command;
  /** The jobs a `run` or single-job command runs, in pipeline order. */
  jobs: readonly Job[];
  metricsDir: string;
  /** Empty: every batch. */
  batches: string[];
  githubToken: string;
  state: StateMode;
  reportDir: string;
  /** Where the published report lives (GitHub Pages), for links and chart images in issues; empty: none. */
  reportUrl: string;
  /** The login the token acts as, whose issues the action manages (an Actions token cannot ask). */
  issueCreator: string;
  dryRun: boolean;
  /** Fail the step when the run fired new alerts (anomalies, changes, threshold or LLM alerts). */
  failOnAnomaly: boolean;
  /** `command: backfill` / `rescore`: the window, as typed (empty: not given). */
  window: { from: string; to: string };
  maxIssueOperations: number;
  /** Other states (folders or DuckDB files, globs allowed) merged into this run's state before it runs. */
  mergeStates: string[];
  /** `command: silence`: what to do, as `anomstack silence` takes it (empty values: not given). */
  silence: SilenceInputs;
}

export interface SilenceInputs {
  action: string;
  metric?: string;
  for?: string;
  until?: string;
  reason?: string;
  kind?: string;
  id?: string;
}

/** The silence inputs and the `anomstack silence` options they stand for. */
const SILENCE_INPUTS = { 'silence-metric': 'metric', 'silence-for': 'for', 'silence-until': 'until', 'silence-reason': 'reason', 'silence-kind': 'kind', 'silence-id': 'id' } as const;

/** Where the action keeps its state inside the workspace when the Actions cache holds it between runs. */
export const CACHED_STATE_DIR = '.anomstack';

const command = z.string().transform((value, ctx) => {
  if ((COMMANDS as readonly string[]).includes(value)) return value as Command;
  ctx.addIssue({ code: 'custom', message: `must be one of ${COMMANDS.join(', ')} (got "${value}")` });
  return z.NEVER;
});

const state = z.string().transform((value, ctx): StateMode => {
  if (value === '' || value === 'actions-cache') return { kind: 'actions-cache', dir: CACHED_STATE_DIR };
  if (/^[a-z0-9]+:\/\//.test(value)) {
    const problem = storeUrlProblem(value);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: `must be actions-cache, a folder or a store URL; "${value}": ${problem}` });
      return z.NEVER;
    }
    return { kind: 'store', url: value, dir: CACHED_STATE_DIR };
  }
  return { kind: 'local', dir: value };
});

const boolean = z.enum(['true', 'false', ''], { error: (issue) => `must be true or false (got "${String(issue.input)}")` }).transform((v) => v === 'true');

const count = z
  .string()
  .regex(/^\d+$/, { error: (issue) => `must be a whole number (got "${String(issue.input)}")` })
  .transform(Number);

const inputsSchema = z.object({
  command,
  'metrics-dir': z.string().min(1),
  batches: z.string(),
  'github-token': z.string(),
  state,
  'report-dir': z.string().min(1),
  'report-url': z.union([z.literal(''), z.url({ protocol: /^https?$/, error: (issue) => `must be an http(s) URL (got "${String(issue.input)}")` })]),
  'issue-creator': z.string().min(1),
  'dry-run': boolean,
  'fail-on-anomaly': boolean,
  from: z.string(),
  to: z.string(),
  'max-issue-operations': count,
  'merge-states': z.string(),
  silence: z.enum(['add', 'list', 'expire'], { error: (issue) => `must be add, list or expire (got "${String(issue.input)}")` }),
  'silence-metric': z.string(),
  'silence-for': z.string(),
  'silence-until': z.string(),
  'silence-reason': z.string(),
  'silence-kind': z.string(),
  'silence-id': z.string(),
});

const DEFAULTS: Record<keyof z.input<typeof inputsSchema>, string> = {
  command: 'run',
  'metrics-dir': 'metrics',
  batches: '',
  'github-token': '',
  state: 'actions-cache',
  'report-dir': 'anomstack-report',
  'report-url': '',
  'issue-creator': 'github-actions[bot]',
  'dry-run': 'false',
  'fail-on-anomaly': 'false',
  from: '',
  to: '',
  'max-issue-operations': '30',
  'merge-states': '',
  silence: 'list',
  'silence-metric': '',
  'silence-for': '',
  'silence-until': '',
  'silence-reason': '',
  'silence-kind': '',
  'silence-id': '',
};

/** Reads and validates the inputs; throws one Error naming every bad input. */
export function readInputs(read: (name: string) => string = (name) => core.getInput(name)): ActionInputs {
  const raw = Object.fromEntries(Object.entries(DEFAULTS).map(([name, fallback]) => [name, read(name).trim() || fallback]));
  const parsed = inputsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((issue) => `input "${issue.path.join('.')}" ${issue.message}`).join('\n'));
  }
  const inputs = parsed.data;
  const jobs = inputs.command === 'run' ? JOBS : (JOBS as readonly string[]).includes(inputs.command) ? [inputs.command as Job] : [];
  return {
    command: inputs.command,
    jobs,
    metricsDir: inputs['metrics-dir'],
    batches: inputs.batches.split(/[\s,]+/).filter((b) => b !== '' && b !== 'all'),
    githubToken: inputs['github-token'],
    state: inputs.state,
    reportDir: inputs['report-dir'],
    reportUrl: inputs['report-url'],
    issueCreator: inputs['issue-creator'],
    dryRun: inputs['dry-run'],
    failOnAnomaly: inputs['fail-on-anomaly'],
    window: { from: inputs.from, to: inputs.to },
    maxIssueOperations: inputs['max-issue-operations'],
    mergeStates: inputs['merge-states'].split(/\s+/).filter((p) => p !== ''),
    silence: {
      action: inputs.silence,
      ...Object.fromEntries(Object.entries(SILENCE_INPUTS).flatMap(([input, option]) => (inputs[input as keyof typeof SILENCE_INPUTS] ? [[option, inputs[input as keyof typeof SILENCE_INPUTS]]] : []))),
    },
  };
}

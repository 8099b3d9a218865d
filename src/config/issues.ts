import { closest, distance } from 'fastest-levenshtein';

/** One problem found in a batch's configuration, located as precisely as we can. */
export interface ConfigIssue {
  /** The file (or environment variable) the offending value came from. */
  source: string;
  /** 1-based line in `source`, when it is a file and the key was found in it. */
  line?: number;
  /** Key path such as `preprocess_params.diff_n` or `model_configs[1].model_name`. */
  path: string;
  /** What was expected, in words. */
  message: string;
  /** The value that was given, when there was one. */
  value?: unknown;
  severity: 'error' | 'warning';
}

export class ConfigError extends Error {
  readonly issues: ConfigIssue[];

  constructor(issues: ConfigIssue[]) {
    super(issues.filter((i) => i.severity === 'error').map(formatIssue).join('\n'));
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

export function formatIssue(issue: ConfigIssue): string {
  const where = issue.line === undefined ? issue.source : `${issue.source}:${issue.line}`;
  const key = issue.path ? `${issue.path}: ` : '';
  const got = issue.value === undefined ? '' : ` (got ${describeValue(issue.value)})`;
  return `${where}: ${key}${issue.message}${got}`;
}

function describeValue(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** "did you mean" for a mistyped key: only when the nearest key is plausibly a typo. */
export function suggestKey(key: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(key, [...candidates]);
  const limit = Math.max(2, Math.floor(key.length / 3));
  return distance(key, best) <= limit ? best : undefined;
}

import nunjucks from 'nunjucks';
import { parseDuration } from './duration.ts';
import { findUndefinedVariable } from './template-check.ts';

/** A day in ms: `backfill_slice`'s default. */
const DAY_MS = 86_400_000;

const UNSAFE_MEMBERS = new Set(['constructor', '__proto__', 'prototype', '__defineGetter__', '__defineSetter__', '__lookupGetter__']);

// nunjucks is not a sandbox: `x.constructor.constructor("...")()` would reach the Function constructor and run
// arbitrary JavaScript from a config file. Every member access in a template goes through memberLookup, so
// refusing the few members that lead to Function closes that door while leaving Jinja's features intact.
const runtime = nunjucks.runtime as unknown as { memberLookup: (obj: unknown, name: unknown) => unknown };
const memberLookup = runtime.memberLookup;
runtime.memberLookup = (obj: unknown, name: unknown): unknown => {
  if (typeof name === 'string' && UNSAFE_MEMBERS.has(name)) {
    throw new Error(`templates may not access "${name}"`);
  }
  return memberLookup(obj, name);
};

/**
 * Renders SQL written as Jinja templates (nunjucks is the JavaScript port of Jinja2), so Anomstack's
 * templates port unchanged. Includes resolve from the metrics folder, as in Anomstack, or relative to the
 * including file when they start with "./" inside a file; the loader refuses paths outside those folders.
 * Undefined variables are an error rather than an empty string, so a typo cannot silently change a query.
 */
export function renderTemplate(
  source: string,
  context: Record<string, unknown>,
  options: { searchPaths: string[]; file?: string; now?: Date },
): string {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(options.searchPaths, { noCache: true }), {
    autoescape: false,
    throwOnUndefined: true,
  });
  const withWindow = { ...defaultWindow(context, options.now ?? new Date()), ...context };
  const undefinedVariable = findUndefinedVariable(source, withWindow);
  if (undefinedVariable) throw new Error(undefinedVariable);
  const template = new nunjucks.Template(source, env, options.file);
  return template.render(withWindow);
}

/**
 * `{{ from }}` / `{{ to }}` outside a backfill (which passes each slice's bounds in the context): the last
 * `backfill_slice` before `now` (the run's clock when the caller gives it, else the clock at load), so a query
 * written for backfill also runs on schedule. Rendered as `YYYY-MM-DD HH:MM:SS` UTC text, as backfill renders them
 * (see src/jobs/backfill.ts).
 */
function defaultWindow(context: Record<string, unknown>, now: Date): { from: string; to: string } {
  const slice = typeof context['backfill_slice'] === 'string' ? (parseDuration(context['backfill_slice']) ?? DAY_MS) : DAY_MS;
  return { from: sqlTimestamp(new Date(now.getTime() - slice)), to: sqlTimestamp(now) };
}

/**
 * A UTC instant as `2026-01-01 00:00:00`: the one text every supported SQL dialect reads as a timestamp literal,
 * and that compares in time order as text (SQLite stores timestamps as such text). Only these generated strings are
 * ever rendered into SQL, never a user's value.
 */
export function sqlTimestamp(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** nunjucks prefixes errors with "(unknown path) [Line 2, Column 1]" on its own line; fold it into one line. */
export function templateErrorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text
    .replace(/Template render error:\s*/g, '')
    .replace(/\((unknown path|\/[^)]*)\)\s*/g, '')
    .replace(/\[Line (\d+), Column (\d+)\]/g, 'line $1, column $2:')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/^Error:\s*/, '')
    .trim();
}

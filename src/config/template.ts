import nunjucks from 'nunjucks';
import { findUndefinedVariable } from './template-check.ts';

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
  options: { searchPaths: string[]; file?: string },
): string {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(options.searchPaths, { noCache: true }), {
    autoescape: false,
    throwOnUndefined: true,
  });
  const undefinedVariable = findUndefinedVariable(source, context);
  if (undefinedVariable) throw new Error(undefinedVariable);
  const template = new nunjucks.Template(source, env, options.file);
  return template.render(context);
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

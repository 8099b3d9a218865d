import { registerHooks } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** What @duckdb/node-api requires to get the native addon (node-bindings' own loader picks a package from node_modules). */
const BINDINGS_SPECIFIER = '@duckdb/node-bindings';

/**
 * Makes every later `require('@duckdb/node-bindings')` load `<dir>/duckdb.node` instead. The action's
 * bundle keeps that one request external (build:action's `-e`), so this resolve hook is the only place
 * it can go; duckdb.node finds the DuckDB shared library beside it through its `$ORIGIN` run path.
 */
export function redirectDuckDbBindings(dir: string): void {
  const url = pathToFileURL(path.join(dir, 'duckdb.node')).href;
  registerHooks({
    resolve: (specifier, context, nextResolve) => (specifier === BINDINGS_SPECIFIER ? { url, shortCircuit: true } : nextResolve(specifier, context)),
  });
}

import * as nodeModule from 'node:module';
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
  // Typed as always there, but older Nodes lack it: say what to do instead of "is not a function".
  const registerHooks: typeof nodeModule.registerHooks | undefined = nodeModule.registerHooks;
  if (typeof registerHooks !== 'function') throw new Error(`Node ${process.version} is too old: anomstack needs Node 22.15 or later (the action runs on Node 24)`);
  registerHooks({
    resolve: (specifier, context, nextResolve) => (specifier === BINDINGS_SPECIFIER ? { url, shortCircuit: true } : nextResolve(specifier, context)),
  });
}

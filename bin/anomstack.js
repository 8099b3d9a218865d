#!/usr/bin/env node
// The anomstack CLI. It runs from the action's bundle (dist/index.js), which starts the CLI when launched
// through this script: one committed copy of the code, DuckDB's binding found or fetched the same way.
await import('../dist/index.js');

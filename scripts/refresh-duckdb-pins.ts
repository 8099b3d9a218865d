/**
 * Rewrites src/runtime/duckdb-pins.ts from package-lock.json. Run it after bumping @duckdb/node-api
 * (a test fails while the pins and the lockfile disagree).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { renderDuckDbPins } from './duckdb-pins.ts';

const lock = new URL('../package-lock.json', import.meta.url);
const target = new URL('../src/runtime/duckdb-pins.ts', import.meta.url);
await writeFile(target, renderDuckDbPins(await readFile(lock, 'utf8')));
process.stdout.write(`wrote ${target.pathname}\n`);

/**
 * Writes schema/config.schema.json from the zod schema, so editors autocomplete and check config.yaml
 * (`# yaml-language-server: $schema=../../schema/config.schema.json`). A test fails when it is stale.
 */
import { writeFile } from 'node:fs/promises';
import { configJsonSchema } from '../src/config/json-schema.ts';

const target = new URL('../schema/config.schema.json', import.meta.url);
await writeFile(target, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${target.pathname}\n`);

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Step { uses?: string; with?: Record<string, unknown> }
interface Workflow { on: unknown; permissions?: unknown; jobs: Record<string, { permissions?: Record<string, string>; steps?: Step[] }> }

async function actionDefinition(): Promise<{ inputs: string[]; outputs: string[] }> {
  const action = parse(await readFile(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: object; outputs: object };
  return { inputs: Object.keys(action.inputs), outputs: Object.keys(action.outputs) };
}

describe('the example workflows users copy', async () => {
  const dir = path.join(ROOT, '.github/examples');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.yml'));

  it('exist', () => {
    expect(files.sort()).toEqual(['anomstack-fanout.yml', 'anomstack-pr.yml', 'anomstack.yml']);
  });

  it.each(files)('%s uses only inputs and outputs the action declares, with least-privilege permissions', async (file) => {
    const text = await readFile(path.join(dir, file), 'utf8');
    const workflow = parse(text) as Workflow;
    const { inputs, outputs } = await actionDefinition();
    expect(workflow.permissions).toEqual({});
    for (const job of Object.values(workflow.jobs)) {
      expect(job.permissions).toBeDefined();
      for (const step of job.steps ?? []) {
        if (step.uses?.startsWith('anomstack/anomstack-action')) {
          for (const key of Object.keys(step.with ?? {})) expect(inputs).toContain(key);
        }
      }
    }
    for (const [, output] of text.matchAll(/steps\.(?:anomstack|plan)\.outputs\.([a-z-]+)/g)) expect(outputs).toContain(output);
  });
});

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const MODULE = path.resolve(import.meta.dirname, '../../src/runtime/unfinished.ts');

/** Runs `work` (an expression giving a promise) under the guard, as the CLI and the action do, in a process of its own. */
function guarded(work: string): { code: number | null; stderr: string } {
  const script = `import { guardUnfinished, UNFINISHED_MESSAGE } from ${JSON.stringify(MODULE)};
guardUnfinished(${work}, () => {
  process.stderr.write('anomstack: ' + UNFINISHED_MESSAGE + '\\n');
  process.exitCode = 1;
}).then(() => process.stderr.write('finished\\n'));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, stderr: result.stderr };
}

describe('a run whose work can no longer finish', () => {
  it('says so and exits non-zero instead of ending silently with 0', () => {
    const { code, stderr } = guarded('new Promise(() => {})');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^anomstack: the run stopped before it finished: it was waiting for work that can no longer complete/);
  });

  it('stays silent when the work settles, even after the loop has idled a while', () => {
    expect(guarded('new Promise((resolve) => setTimeout(resolve, 200))')).toEqual({ code: 0, stderr: 'finished\n' });
  });
});

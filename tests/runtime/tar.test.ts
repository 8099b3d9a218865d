import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTar } from '../../src/runtime/tar.ts';

/** Long enough to need the ustar prefix field, a pax record or a GNU long-name entry, depending on the format. */
const LONG_DIR = 'a-directory-name-long-enough-to-matter/and-a-second-level-that-pushes-the-path-past-one-hundred-characters';
const FILES: Record<string, { content: string; mode: number }> = {
  'package.json': { content: '{"name":"x"}\n', mode: 0o644 },
  'bin/run': { content: '#!/bin/sh\necho run\n', mode: 0o755 },
  [`${LONG_DIR}/file.txt`]: { content: 'x'.repeat(1300), mode: 0o644 },
  'empty.txt': { content: '', mode: 0o600 },
};

describe('readTar', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'anomstack-tar-'));
    for (const [name, file] of Object.entries(FILES)) {
      const target = path.join(work, 'package', name);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content);
      await chmod(target, file.mode);
    }
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  function tar(...args: string[]): Buffer {
    return execFileSync('tar', ['-cf', '-', ...args, '-C', work, 'package'], { maxBuffer: 64 * 1024 * 1024 });
  }

  for (const format of ['gnu', 'pax', 'ustar']) {
    it(`reads every file and folder of a ${format} archive written by the system's tar`, () => {
      const entries = readTar(tar(`--format=${format}`));
      const files = entries.filter((entry) => entry.type === 'file');
      expect(Object.fromEntries(files.map((entry) => [entry.path, { content: entry.data.toString(), mode: entry.mode }]))).toEqual(
        Object.fromEntries(Object.entries(FILES).map(([name, file]) => [`package/${name}`, file])),
      );
      const folders = entries.filter((entry) => entry.type === 'directory').map((entry) => entry.path.replace(/\/$/, ''));
      expect(folders).toEqual(expect.arrayContaining(['package', 'package/bin', `package/${LONG_DIR}`]));
    });
  }

  it('refuses entries other than files and folders', async () => {
    const link = path.join(work, 'package', 'link');
    await symlink('package.json', link);
    try {
      expect(() => readTar(tar())).toThrow('tar: "package/link" is of unsupported entry type "2" (only files and directories are read)');
    } finally {
      await rm(link);
    }
  });

  it('refuses a truncated archive and something that is not a tar file', async () => {
    const archive = tar('--format=ustar');
    const data = archive.indexOf('x'.repeat(64));
    expect(() => readTar(archive.subarray(0, data + 700))).toThrow(`runs past the end of the archive`);
    // The first entry (the package folder) has no data: the second header starts at byte 512.
    expect(() => readTar(archive.subarray(0, 512 + 100))).toThrow('tar: the archive stops mid-block at byte 512 of 612 (truncated)');
    const notTar = await readFile(new URL(import.meta.url));
    expect(() => readTar(notTar)).toThrow('tar: header checksum mismatch at byte 0 (not a tar file, or a damaged one)');
  });
});

/** A state folder as one gzipped tar file, and back: what a bucket state keeps per save. */
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import * as tar from 'tar';

/** Files a state folder may hold that are never part of a save: temporary files of writes under way, lock files. */
const NOT_STATE = /(\.tmp|\.lock)$/;

/** Packs the folder's contents (the DuckDB files, `models/`, `plots/`) into `file`; returns how many entries it holds. */
export async function packState(dir: string, file: string): Promise<number> {
  const entries = (await readdir(dir)).filter((name) => !NOT_STATE.test(name)).sort();
  let files = 0;
  await tar.create(
    {
      gzip: true,
      file,
      cwd: dir,
      portable: true,
      filter: (entry) => {
        if (NOT_STATE.test(entry)) return false;
        files++;
        return true;
      },
    },
    entries,
  );
  return files;
}

/**
 * Unpacks an archive `packState` wrote into `dir`, which must be empty or missing. Entries that would land outside
 * it (absolute paths, `..`) are refused by tar itself; links are not followed out either.
 */
export async function unpackState(file: string, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await tar.extract({ file, cwd: dir, strict: true, preservePaths: false });
}

/** Empties `dir` (making it if missing), keeping the folder itself: a working copy about to be replaced. */
export async function emptyFolder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(dir)) await rm(path.join(dir, name), { recursive: true, force: true });
}

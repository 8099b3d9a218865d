import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArtifactStore } from './store.ts';

export class LocalArtifactStore implements ArtifactStore {
  readonly location: string;
  private readonly root: string;
  /** Folders this store already made: one mkdir per folder, not per write (a train run writes thousands). */
  private readonly madeDirs = new Set<string>();

  constructor(root: string) {
    this.root = path.resolve(root);
    this.location = `local://${root}`;
  }

  async read(key: string): Promise<string | null> {
    try {
      return await readFile(this.resolve(key), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async write(key: string, content: string): Promise<void> {
    const file = this.resolve(key);
    const dir = path.dirname(file);
    if (!this.madeDirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      this.madeDirs.add(dir);
    }
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      await writeFile(temporary, content);
    } catch (error) {
      // The folder was removed since this store made it: make it again, once.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await mkdir(dir, { recursive: true });
      await writeFile(temporary, content);
    }
    try {
      await rename(temporary, file);
    } catch (error) {
      // The temporary file would otherwise stay (its writer is alive, so removeLeftovers would keep it too).
      await rm(temporary, { force: true });
      throw error;
    }
  }

  /**
   * Deletes `<file>.<pid>.tmp` files under `prefix` (and one folder level below it) whose writer is gone: a run killed
   * between writing and renaming leaves one, and nothing else would ever remove it.
   */
  async removeLeftovers(prefix: string): Promise<number> {
    const top = this.resolve(prefix);
    let removed = 0;
    for (const dir of [top, ...(await subfolders(top))]) {
      for (const name of await readdir(dir).catch(() => [] as string[])) {
        const pid = Number(TEMPORARY.exec(name)?.[1]);
        if (!pid || isRunning(pid)) continue;
        await rm(path.join(dir, name), { force: true });
        removed++;
      }
    }
    return removed;
  }

  private resolve(key: string): string {
    const file = path.resolve(this.root, key);
    if (!file.startsWith(this.root + path.sep)) throw new Error(`artifact key "${key}" escapes ${this.location}`);
    return file;
  }
}

/** What `write` names its temporary files: the target's name, the writing process's id, `.tmp`. */
const TEMPORARY = /\.(\d+)\.tmp$/;

async function subfolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory()).map((e) => path.join(dir, e.name));
}

/** Whether a process with this id exists (ours counts: it may be writing that file right now). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, as another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

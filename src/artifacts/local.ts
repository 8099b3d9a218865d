import { access, copyFile, link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ArtifactStoreError, type ArtifactStore } from './store.ts';

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
    return guarded(this.location, 'read', key, async () => {
      try {
        return await readFile(this.resolve(key), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    });
  }

  async write(key: string, content: string): Promise<void> {
    return guarded(this.location, 'write', key, async () => {
      const file = this.resolve(key);
      const temporary = await this.writeTemporary(file, content);
      try {
        await rename(temporary, file);
      } catch (error) {
        // The temporary file would otherwise stay (its writer is alive, so removeLeftovers would keep it too).
        await rm(temporary, { force: true });
        throw error;
      }
    });
  }

  /** Writes `content` beside `file` under a temporary name, making the folder when needed; returns that name. */
  private async writeTemporary(file: string, content: string): Promise<string> {
    const dir = path.dirname(file);
    await this.ensureDir(dir);
    const temporary = `${file}.${process.pid}.${(temporaryCount++).toString(36)}.tmp`;
    try {
      await writeFile(temporary, content);
    } catch (error) {
      // The folder was removed since this store made it: make it again, once.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await mkdir(dir, { recursive: true });
      await writeFile(temporary, content);
    }
    return temporary;
  }

  private async ensureDir(dir: string): Promise<void> {
    if (this.madeDirs.has(dir)) return;
    await mkdir(dir, { recursive: true });
    this.madeDirs.add(dir);
  }

  async create(key: string, content: string): Promise<boolean> {
    return guarded(this.location, 'create', key, async () => {
      const file = this.resolve(key);
      const temporary = await this.writeTemporary(file, content);
      try {
        // A hard link fails when the name exists, so of two creators exactly one wins, and it appears whole.
        await link(temporary, file);
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw error;
      } finally {
        await rm(temporary, { force: true });
      }
    });
  }

  async list(prefix: string): Promise<string[]> {
    return guarded(this.location, 'list', prefix, async () => {
      const keys: string[] = [];
      // The folder the prefix names (or lies in), walked down; keys are `/`-separated whatever the platform.
      const base = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/') + 1) : '';
      const walk = async (relative: string): Promise<void> => {
        const dir = relative === '' ? this.root : this.resolve(relative);
        const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return [];
          throw error;
        });
        for (const entry of entries) {
          const key = `${relative}${entry.name}`;
          if (entry.isDirectory()) {
            if (`${key}/`.startsWith(prefix) || prefix.startsWith(`${key}/`)) await walk(`${key}/`);
          } else if (key.startsWith(prefix) && !TEMPORARY.test(key)) {
            keys.push(key);
          }
        }
      };
      await walk(base);
      return keys.sort();
    });
  }

  async delete(key: string): Promise<void> {
    return guarded(this.location, 'delete', key, async () => {
      await rm(this.resolve(key), { force: true });
    });
  }

  async upload(key: string, file: string): Promise<void> {
    return guarded(this.location, 'upload', key, async () => {
      const target = this.resolve(key);
      await this.ensureDir(path.dirname(target));
      const temporary = `${target}.${process.pid}.tmp`;
      try {
        await copyFile(file, temporary);
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    });
  }

  async download(key: string, file: string): Promise<boolean> {
    return guarded(this.location, 'download', key, async () => {
      const source = this.resolve(key);
      const temporary = `${file}.${process.pid}.tmp`;
      try {
        await mkdir(path.dirname(path.resolve(file)), { recursive: true });
        await copyFile(source, temporary);
        await rename(temporary, file);
        return true;
      } catch (error) {
        await rm(temporary, { force: true });
        if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !(await exists(source))) return false;
        throw error;
      }
    });
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

/** What `write` names its temporary files: the target's name, the writing process's id, a counter, `.tmp`. */
const TEMPORARY = /\.(\d+)(?:\.[0-9a-z]+)?\.tmp$/;
/** Two writes of one key in one process (two runs in one test, say) must not share a temporary file. */
let temporaryCount = 0;

async function exists(file: string): Promise<boolean> {
  return access(file).then(() => true, () => false);
}

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

/** Runs one operation, naming the store's URL and the key in any error it throws. */
async function guarded<T>(location: string, operation: string, key: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw error instanceof ArtifactStoreError ? error : new ArtifactStoreError(location, operation, key, error);
  }
}

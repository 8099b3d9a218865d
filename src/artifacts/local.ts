import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
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
    await rename(temporary, file);
  }

  private resolve(key: string): string {
    const file = path.resolve(this.root, key);
    if (!file.startsWith(this.root + path.sep)) throw new Error(`artifact key "${key}" escapes ${this.location}`);
    return file;
  }
}

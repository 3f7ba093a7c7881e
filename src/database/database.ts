// Opens the database the configuration selects (DATABASE_URL, or an embedded server started
// here), connects with a timeout and brings the schema up to date.
import type { DataSource } from 'typeorm';
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
  close(): Promise<void>;
}

export function describeUrl(url: string): string {
  const parsed = new URL(url);
  parsed.password = '';
  return parsed.toString().replace(/:@/, '@');
}

export async function openDatabase(config: Config, options: { migrate: boolean }): Promise<OpenDatabase> {
  let embedded: RunningPostgres | undefined;
  let url = config.databaseUrl;
  let description: string;
  if (url) {
    description = describeUrl(url);
  } else {
    embedded = await startEmbeddedPostgres(config.embeddedPostgres);
    url = embedded.url;
    description = `embedded PostgreSQL in ${config.embeddedPostgres.dataDir} (port ${config.embeddedPostgres.port})`;
  }

  const dataSource = createDataSource({
    url,
    connectTimeoutMs: config.databaseConnectTimeoutMs,
    poolSize: config.databasePoolSize,
    statementTimeoutMs: config.statementTimeoutMs,
    logging: config.logSql ? ['query', 'error'] : ['error'],
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
    close: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}

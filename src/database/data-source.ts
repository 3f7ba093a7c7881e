import { DataSource, type Logger, type LoggerOptions } from 'typeorm';
import { migrations } from '../../migrations';
import { entities } from './entities';

export interface DataSourceSettings {
  readonly url: string;
  readonly connectTimeoutMs?: number;
  readonly poolSize?: number;
  readonly statementTimeoutMs?: number;
  readonly logging?: LoggerOptions;
  /** A logger in place of TypeORM's own (which then ignores `logging`): the server's counts statements per request. */
  readonly logger?: Logger;
  /** Name shown in pg_stat_activity. */
  readonly applicationName?: string;
}

/** The one DataSource factory: the app, the CLI scripts, ormconfig.ts and the tests all use it. */
export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource({
    type: 'postgres',
    url: settings.url,
    entities,
    migrations,
    // The schema changes through reviewed migrations only.
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    // Extensions are created by migrations, not on every connect; ids come from gen_random_uuid().
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    applicationName: settings.applicationName ?? 'quotegraph',
    logging: settings.logging ?? false,
    ...(settings.logger ? { logger: settings.logger } : {}),
    extra: {
      max: settings.poolSize ?? 10,
      connectionTimeoutMillis: settings.connectTimeoutMs ?? 5000,
      ...(settings.statementTimeoutMs ? { statement_timeout: settings.statementTimeoutMs } : {}),
    },
  });
}

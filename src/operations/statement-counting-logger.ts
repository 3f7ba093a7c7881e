// A TypeORM logger that counts every statement against the request it runs for, then hands the call
// to the logger TypeORM would otherwise use, so LOG_SQL and error logging behave as before.
import { AdvancedConsoleLogger, type Logger, type LoggerOptions, type QueryRunner } from 'typeorm';
import { currentRequestScope } from './request-scope';

type QueryParameters = Parameters<Logger['logQuery']>[1];

export class StatementCountingLogger implements Logger {
  /** `inner` defaults to what TypeORM itself uses when given no logger (with logging off). */
  constructor(private readonly inner: Logger = new AdvancedConsoleLogger(false)) {}

  // TypeORM calls logQuery for every statement whatever `logging` says (the logger filters), so
  // counting here sees them all: transaction control and streamed queries included.
  logQuery(query: string, parameters?: QueryParameters, queryRunner?: QueryRunner): void {
    currentRequestScope()?.statements.increment();
    this.inner.logQuery(query, parameters, queryRunner);
  }

  logQueryError(error: string | Error, query: string, parameters?: QueryParameters, queryRunner?: QueryRunner): void {
    this.inner.logQueryError(error, query, parameters, queryRunner);
  }

  logQuerySlow(time: number, query: string, parameters?: QueryParameters, queryRunner?: QueryRunner): void {
    this.inner.logQuerySlow(time, query, parameters, queryRunner);
  }

  logSchemaBuild(message: string, queryRunner?: QueryRunner): void {
    this.inner.logSchemaBuild(message, queryRunner);
  }

  logMigration(message: string, queryRunner?: QueryRunner): void {
    this.inner.logMigration(message, queryRunner);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown, queryRunner?: QueryRunner): void {
    this.inner.log(level, message, queryRunner);
  }
}

/** For DataSourceOptions.logger: counts statements and logs as TypeORM would with `logging`. */
export function createStatementCountingLogger(logging: LoggerOptions): Logger {
  return new StatementCountingLogger(new AdvancedConsoleLogger(logging));
}

// The only module that reads process.env: every setting is parsed, checked and frozen here, so a
// wrong value stops the start with one line naming the variable.
import { ExpectedFailure } from './errors/expected-failure';

export class ConfigError extends ExpectedFailure {
  constructor(
    readonly variable: string,
    problem: string,
    value: string,
  ) {
    super(`${variable} ${problem} (got ${JSON.stringify(value)})`);
    this.name = 'ConfigError';
  }
}

export interface EmbeddedPostgresConfig {
  readonly dataDir: string;
  readonly port: number;
}

export interface Config {
  readonly host: string;
  readonly port: number;
  /** A PostgreSQL server to use; when absent the app runs an embedded one. */
  readonly databaseUrl: string | undefined;
  readonly embeddedPostgres: EmbeddedPostgresConfig;
  readonly databaseConnectTimeoutMs: number;
  readonly databasePoolSize: number;
  readonly statementTimeoutMs: number;
  /** Load the example corpus on start when the database holds no article. */
  readonly seedExampleCorpus: boolean;
  readonly maxPageSize: number;
  /** Largest article body an import accepts, in bytes of UTF-8. */
  readonly maxBodyBytes: number;
  /** Most articles one importArticles call takes. */
  readonly importMaxBatch: number;
  /** Largest HTTP request body. */
  readonly maxRequestBytes: number;
  /** Origins browsers may call the API from; "localhost" stands for localhost on any port. */
  readonly corsOrigins: readonly string[];
  readonly logSql: boolean;
}

type Env = Record<string, string | undefined>;

function readInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}`, raw);
  }
  return Number(raw);
}

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new ConfigError(name, 'must be true or false', raw);
}

function readDatabaseUrl(env: Env, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, 'must be a URL such as postgres://user@host:5432/database', raw);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(name, 'must start with postgres:// or postgresql://', raw);
  }
  return raw;
}

function readOrigins(env: Env, name: string, fallback: string[]): readonly string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return Object.freeze(fallback);
  const origins = raw
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (origin === 'localhost' || origin === '*') continue;
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new ConfigError(
        name,
        'must list origins such as https://lab.example.org:8888, localhost or *, separated by commas',
        raw,
      );
    }
    if (url.origin !== origin)
      throw new ConfigError(name, `must list bare origins (scheme, host and port): ${url.origin}, not ${origin}`, raw);
  }
  return Object.freeze(origins);
}

export function loadConfig(env: Env = process.env): Config {
  return Object.freeze({
    host: env.HOST?.trim() || 'localhost',
    port: readInteger(env, 'PORT', 4000, 0, 65535),
    databaseUrl: readDatabaseUrl(env, 'DATABASE_URL'),
    embeddedPostgres: Object.freeze({
      dataDir: env.EMBEDDED_POSTGRES_DIR?.trim() || '.data/postgres',
      port: readInteger(env, 'EMBEDDED_POSTGRES_PORT', 54329, 1024, 65535),
    }),
    databaseConnectTimeoutMs: readInteger(env, 'DATABASE_CONNECT_TIMEOUT_MS', 5000, 100, 600_000),
    databasePoolSize: readInteger(env, 'DATABASE_POOL_SIZE', 10, 1, 1000),
    statementTimeoutMs: readInteger(env, 'STATEMENT_TIMEOUT_MS', 30_000, 0, 3_600_000),
    seedExampleCorpus: readBoolean(env, 'SEED_EXAMPLE_CORPUS', true),
    maxPageSize: readInteger(env, 'MAX_PAGE_SIZE', 500, 1, 100_000),
    maxBodyBytes: readInteger(env, 'MAX_BODY_BYTES', 2 * 1024 * 1024, 1, 1024 * 1024 * 1024),
    importMaxBatch: readInteger(env, 'IMPORT_MAX_BATCH', 100, 1, 100_000),
    maxRequestBytes: readInteger(env, 'MAX_REQUEST_BYTES', 64 * 1024 * 1024, 1024, 2 * 1024 * 1024 * 1024),
    corsOrigins: readOrigins(env, 'CORS_ORIGINS', ['localhost']),
    logSql: readBoolean(env, 'LOG_SQL', false),
  });
}

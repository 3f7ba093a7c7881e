// The only module that reads process.env: every setting is parsed, checked and frozen here, so a
// wrong value stops the start with one line naming the variable.
import { ExpectedFailure } from './errors/expected-failure';
import os from 'node:os';
import type { LevelWithSilent } from 'pino';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './limits/query-limits';
import { DEFAULT_SHUTDOWN_GRACE_MS } from './operations/graceful-shutdown';
import { DEFAULT_LOG_LEVEL, LOG_LEVELS } from './operations/request-log';

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
  /** Largest HTTP request body of an editor's request (imports carry whole articles). */
  readonly maxRequestBytes: number;
  /** Largest HTTP request body of any other request: a query needs little. */
  readonly maxReadRequestBytes: number;
  /** Origins browsers may call the API from; "localhost" stands for localhost on any port. */
  readonly corsOrigins: readonly string[];
  readonly logSql: boolean;
  /** Whether reading needs a key: 'open', or 'key' (a reader key at least). */
  readonly readAccess: 'open' | 'key';
  /** Host header names served (DNS rebinding); empty: any. */
  readonly allowedHosts: readonly string[];
  /** Where the zero-config start keeps the editor key it makes, for the playground and the clients. */
  readonly apiKeyFile: string;
  /** Mutations (root fields) one key, and one address, may make per minute. */
  readonly mutationsPerMinutePerKey: number;
  readonly mutationsPerMinutePerAddress: number;
  /** What a GraphQL document may ask for, checked before any SQL runs. */
  readonly queryLimits: QueryLimits;
  /** Whether the schema answers introspection (the playground needs it). */
  readonly graphqlIntrospection: boolean;
  /** pino's level for the JSON request log on stdout: fatal, error, warn, info, debug, trace or silent. */
  readonly logLevel: LevelWithSilent;
  /** How long a stopping server lets in-flight requests finish before it cuts them and exits non-zero. */
  readonly shutdownGraceMs: number;
  /** How long a client has to send its request's headers before the connection is closed (slowloris). */
  readonly headersTimeoutMs: number;
  /** Most rows one POST /export streams. */
  readonly exportMaxRows: number;
  /** Worker threads that extract imported articles, and how many extractions may wait for one. */
  readonly extractionThreads: number;
  readonly extractionMaxQueue: number;
  /** Express's `trust proxy`: behind a reverse proxy, the client's address is read from X-Forwarded-For. */
  readonly trustProxy: boolean | number | string;
}

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '::1', '[::1]'];

/** True when the server listens only where other machines cannot reach it. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.includes(host.toLowerCase()) || /^127\./.test(host);
}

function readReadAccess(env: Env, host: string): 'open' | 'key' {
  const raw = env.READ_ACCESS?.trim().toLowerCase();
  if (!raw) return isLoopbackHost(host) ? 'open' : 'key';
  if (raw === 'open' || raw === 'key') return raw;
  throw new ConfigError('READ_ACCESS', 'must be open or key', env.READ_ACCESS ?? '');
}

/** ALLOWED_HOSTS, comma-separated names; by default the loopback names when listening on loopback, else any. */
function readAllowedHosts(env: Env, host: string): readonly string[] {
  const raw = env.ALLOWED_HOSTS?.trim();
  if (!raw) return Object.freeze(isLoopbackHost(host) ? [...LOOPBACK_HOSTS, host.toLowerCase()] : []);
  if (raw === '*') return Object.freeze([]);
  const names = raw.split(',').map((name) => name.trim().toLowerCase());
  const bad = names.find((name) => !/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)$/.test(name));
  if (bad !== undefined)
    throw new ConfigError('ALLOWED_HOSTS', `must list host names such as quotes.example.org, or * (not ${bad})`, raw);
  return Object.freeze(names);
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

/** TRUST_PROXY: false (default), true, a number of proxies, or addresses such as loopback or 10.0.0.0/8. */
function readTrustProxy(env: Env): boolean | number | string {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw) return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  if (['true', 'false'].includes(raw.toLowerCase())) return raw.toLowerCase() === 'true';
  return raw;
}

function readLogLevel(env: Env): LevelWithSilent {
  const raw = env.LOG_LEVEL?.trim().toLowerCase();
  if (!raw) return DEFAULT_LOG_LEVEL;
  const level = LOG_LEVELS.find((known) => known === raw);
  if (!level) throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`, env.LOG_LEVEL ?? '');
  return level;
}

function readQueryLimits(env: Env): QueryLimits {
  const d = DEFAULT_QUERY_LIMITS;
  return Object.freeze({
    maxDepth: readInteger(env, 'MAX_QUERY_DEPTH', d.maxDepth, 1, 1000),
    maxAliases: readInteger(env, 'MAX_QUERY_ALIASES', d.maxAliases, 1, 100_000),
    maxDirectives: readInteger(env, 'MAX_QUERY_DIRECTIVES', d.maxDirectives, 1, 100_000),
    maxTokens: readInteger(env, 'MAX_QUERY_TOKENS', d.maxTokens, 100, 10_000_000),
    maxCost: readInteger(env, 'MAX_QUERY_COST', d.maxCost, 1, 1_000_000_000),
    maxVariablesBytes: readInteger(env, 'MAX_VARIABLES_BYTES', d.maxVariablesBytes, 1024, 2 * 1024 * 1024 * 1024),
    maxVariablesDepth: readInteger(env, 'MAX_VARIABLES_DEPTH', d.maxVariablesDepth, 2, 1000),
    // "Did you mean …?" helps a researcher at the playground, and an attacker mapping the schema in production.
    fieldSuggestions: readBoolean(env, 'GRAPHQL_FIELD_SUGGESTIONS', env.NODE_ENV !== 'production'),
  });
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
    maxReadRequestBytes: readInteger(env, 'MAX_READ_REQUEST_BYTES', 1024 * 1024, 1024, 2 * 1024 * 1024 * 1024),
    corsOrigins: readOrigins(env, 'CORS_ORIGINS', ['localhost']),
    logSql: readBoolean(env, 'LOG_SQL', false),
    readAccess: readReadAccess(env, env.HOST?.trim() || 'localhost'),
    allowedHosts: readAllowedHosts(env, env.HOST?.trim() || 'localhost'),
    apiKeyFile: env.API_KEY_FILE?.trim() || '.data/api-key',
    mutationsPerMinutePerKey: readInteger(env, 'MUTATIONS_PER_MINUTE_PER_KEY', 600, 1, 1_000_000),
    mutationsPerMinutePerAddress: readInteger(env, 'MUTATIONS_PER_MINUTE_PER_ADDRESS', 600, 1, 1_000_000),
    queryLimits: readQueryLimits(env),
    graphqlIntrospection: readBoolean(env, 'GRAPHQL_INTROSPECTION', true),
    logLevel: readLogLevel(env),
    shutdownGraceMs: readInteger(env, 'SHUTDOWN_GRACE_MS', DEFAULT_SHUTDOWN_GRACE_MS, 0, 600_000),
    // Node's own default; the request as a whole has Node's 300 s, which a 64 MB upload needs on a slow link.
    headersTimeoutMs: readInteger(env, 'HEADERS_TIMEOUT_MS', 60_000, 100, 300_000),
    exportMaxRows: readInteger(env, 'EXPORT_MAX_ROWS', 1_000_000, 1, 1_000_000_000),
    trustProxy: readTrustProxy(env),
    extractionThreads: readInteger(env, 'EXTRACTION_THREADS', os.availableParallelism(), 1, 256),
    extractionMaxQueue: readInteger(env, 'EXTRACTION_MAX_QUEUE', 64, 1, 100_000),
  });
}

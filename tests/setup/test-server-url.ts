// Which PostgreSQL server the tests use, and the migrated template every test database copies.

/** Set by the global setup for the test workers. */
export const TEST_ENV = {
  serverUrl: 'QUOTEGRAPH_TEST_SERVER_URL',
  template: 'QUOTEGRAPH_TEST_TEMPLATE',
} as const;

/** TEST_DATABASE_URL, else DATABASE_URL; undefined means "start an embedded server". */
export function configuredServerUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.TEST_DATABASE_URL?.trim() || env.DATABASE_URL?.trim() || undefined;
}

/** The URL of another database on the same server. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

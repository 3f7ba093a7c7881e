// The whole server over real HTTP on a free port, against a fresh test database.
import type { AddressInfo } from 'node:net';
import { loadConfig, type Config } from '../../src/config';
import { createSchema } from '../../src/schema';
import { createServer, type QuotegraphServer } from '../../src/server';
import { createApiKey } from '../../src/auth/api-key.service';
import { Role } from '../../src/common/role';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: {
    message: string;
    path?: (string | number)[];
    extensions?: { code?: string; field?: string; [key: string]: unknown };
  }[];
}

export interface TestApp {
  readonly database: TestDatabase;
  readonly url: string;
  readonly config: Config;
  /** An editor key of this app's database, which `graphql` sends. */
  readonly editorKey: string;
  /** As the editor key: what most tests do. */
  graphql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** With these headers only (no key unless given): for the tests of keys and roles. */
  graphqlWith<T = any>(
    headers: Record<string, string>,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T> & { status: number }>;
  close(): Promise<void>;
}

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({ SEED_EXAMPLE_CORPUS: 'false', LOG_LEVEL: 'silent', ...env });
  let server: QuotegraphServer;
  const { key: editorKey } = await createApiKey(database.dataSource.manager, 'test editor', Role.EDITOR);
  try {
    server = await createServer({ config, dataSource: database.dataSource, schema: await createSchema() });
    await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  } catch (error) {
    await database.drop();
    throw error;
  }
  const { port } = server.httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/graphql`;
  return {
    database,
    url,
    config,
    editorKey,
    graphql: async (query, variables) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${editorKey}` },
        body: JSON.stringify({ query, variables }),
      });
      return response.json() as Promise<GraphQLResponse>;
    },
    graphqlWith: async (headers, query, variables) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as GraphQLResponse) };
    },
    close: async () => {
      await server.stop();
      await database.drop();
    },
  };
}

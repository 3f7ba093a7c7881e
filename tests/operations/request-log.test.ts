// One JSON line per request: its id (a sane incoming X-Request-Id kept, else a new one, echoed back),
// the GraphQL operation, the caller's key, its status, its SQL statement count and its error codes.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError } from 'graphql';
import { DataSource, type Logger } from 'typeorm';
import { createLogger, graphqlRequestLogPlugin, httpRequestLogMiddleware } from '../../src/operations/request-log';
import {
  currentRequestScope,
  requestIdFrom,
  requestScopeMiddleware,
  runInRequestScope,
} from '../../src/operations/request-scope';
import { StatementCountingLogger } from '../../src/operations/statement-counting-logger';
import { createTestDatabase, type TestDatabase } from '../setup/test-database';

interface TestContext {
  caller?: { keyId: string };
}

const typeDefs = `type Query { selects(count: Int!): Int!, refused: Int }`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The log lines written so far, and a wait for the next ones. */
function captureLines() {
  const lines: any[] = [];
  const waiters: (() => void)[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      waiters.splice(0).forEach((wake) => wake());
      done();
    },
  });
  const atLeast = async (count: number) => {
    while (lines.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
    return lines;
  };
  return { lines, destination, atLeast };
}

describe('request log', () => {
  let database: TestDatabase;
  let counted: DataSource;
  let apollo: ApolloServer<TestContext>;
  let server: http.Server;
  let base: string;
  const capture = captureLines();

  beforeAll(async () => {
    database = await createTestDatabase();
    counted = new DataSource({ type: 'postgres', url: database.url, logger: new StatementCountingLogger() });
    await counted.initialize();
    const logger = createLogger({ destination: capture.destination });
    apollo = new ApolloServer<TestContext>({
      typeDefs,
      resolvers: {
        Query: {
          selects: async (_parent: unknown, { count }: { count: number }) => {
            for (let i = 0; i < count; i += 1) await counted.query('SELECT 1');
            return count;
          },
          refused: () => {
            throw new GraphQLError('not for you', { extensions: { code: 'FORBIDDEN' } });
          },
        },
      },
      plugins: [graphqlRequestLogPlugin<TestContext>({ logger, keyIdOf: (context) => context.caller?.keyId })],
    });
    await apollo.start();
    const app = express();
    app.use(requestScopeMiddleware());
    app.use(httpRequestLogMiddleware({ logger, keyIdOf: (req) => req.header('x-test-key') }));
    app.use(
      '/graphql',
      express.json(),
      expressMiddleware(apollo, {
        context: async ({ req }) => {
          const keyId = req.header('x-test-key');
          return keyId ? { caller: { keyId } } : {};
        },
      }),
    );
    app.post('/export', async (_req, res) => {
      await counted.query('SELECT 1');
      await counted.query('SELECT 2');
      res.type('text/csv').send('a,b\n');
    });
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await apollo.stop();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await counted.destroy();
    await database.drop();
  });

  beforeEach(() => {
    capture.lines.length = 0;
  });

  const graphql = (query: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });

  test('a GraphQL request is one line with its id, operation, key, status and statement count', async () => {
    const response = await graphql('query ThreeSelects { selects(count: 3) }', {
      'x-request-id': 'edge-7f3a.42',
      'x-test-key': 'key-12',
    });
    expect(await response.json()).toEqual({ data: { selects: 3 } });
    expect(response.headers.get('x-request-id')).toBe('edge-7f3a.42');
    // A request after it shows that nothing else was written for it (no second, HTTP-level line).
    await fetch(`${base}/export`, { method: 'POST' });
    const [line, next] = await capture.atLeast(2);
    expect(next).toMatchObject({ msg: 'http request', path: '/export' });
    expect(capture.lines).toHaveLength(2);
    expect(line).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      pid: process.pid,
      hostname: expect.any(String),
      msg: 'graphql request',
      requestId: 'edge-7f3a.42',
      operationName: 'ThreeSelects',
      keyId: 'key-12',
      status: 200,
      durationMs: expect.any(Number),
      statements: 3,
      errorCodes: [],
    });
  });

  test('requests running at once count their own statements', async () => {
    const [two, five] = await Promise.all([
      graphql('query Two { selects(count: 2) }', { 'x-request-id': 'two' }),
      graphql('query Five { selects(count: 5) }', { 'x-request-id': 'five' }),
    ]);
    expect([two.status, five.status]).toEqual([200, 200]);
    const lines = await capture.atLeast(2);
    const byId = Object.fromEntries(lines.map((line) => [line.requestId, line.statements]));
    expect(byId).toEqual({ two: 2, five: 5 });
  });

  test('the error codes the client saw are logged, and an anonymous call has no key', async () => {
    await graphql('query Refused { refused }');
    await graphql('{ selects(count: ');
    const [refused, unparsable] = await capture.atLeast(2);
    expect(refused).toMatchObject({ operationName: 'Refused', keyId: null, errorCodes: ['FORBIDDEN'], statements: 0 });
    expect(unparsable).toMatchObject({ operationName: null, status: 400, errorCodes: ['GRAPHQL_PARSE_FAILED'] });
  });

  test('an id that does not look like one is replaced by a new UUID, sent back to the client', async () => {
    const response = await graphql('{ selects(count: 0) }', { 'x-request-id': 'x'.repeat(129) });
    const [line] = await capture.atLeast(1);
    expect(response.headers.get('x-request-id')).toMatch(UUID);
    expect(line.requestId).toBe(response.headers.get('x-request-id'));
  });

  test('a request outside GraphQL is one http line, and a malformed GraphQL body is logged the same way', async () => {
    const exported = await fetch(`${base}/export`, { method: 'POST', headers: { 'x-test-key': 'key-3' } });
    expect(await exported.text()).toBe('a,b\n');
    const malformed = await fetch(`${base}/graphql?debug=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(malformed.status).toBe(400);
    const [exportLine, malformedLine] = await capture.atLeast(2);
    expect(exportLine).toEqual({
      level: 'info',
      time: expect.any(String),
      pid: process.pid,
      hostname: expect.any(String),
      msg: 'http request',
      requestId: exported.headers.get('x-request-id'),
      method: 'POST',
      path: '/export',
      keyId: 'key-3',
      status: 200,
      completed: true,
      durationMs: expect.any(Number),
      statements: 2,
    });
    expect(malformedLine).toMatchObject({ msg: 'http request', path: '/graphql', status: 400, statements: 0 });
  });

  test('the statement counter sees transaction control too, and the wrapped logger still gets every call', async () => {
    const seen: string[] = [];
    const inner = { logQuery: (query: string) => seen.push(query) } as unknown as Logger;
    const withInner = new DataSource({
      type: 'postgres',
      url: database.url,
      logger: new StatementCountingLogger(inner),
    });
    await withInner.initialize();
    try {
      const count = await runInRequestScope('in-process', async () => {
        await withInner.transaction((tx) => tx.query('SELECT 1'));
        return currentRequestScope()?.statements.count;
      });
      expect(count).toBe(3);
      expect(seen.slice(-3)).toEqual(['START TRANSACTION', 'SELECT 1', 'COMMIT']);
    } finally {
      await withInner.destroy();
    }
  });

  test('requestIdFrom keeps ids made of letters, digits and . _ : - up to 128 characters', () => {
    expect(requestIdFrom('01HZX3K5V8Q2-abc_def:1.2')).toBe('01HZX3K5V8Q2-abc_def:1.2');
    expect(requestIdFrom('a'.repeat(128))).toBe('a'.repeat(128));
    for (const unfit of ['', 'a b', 'id\r\nSet-Cookie: x', 'a'.repeat(129), ['one', 'two'], undefined]) {
      expect(requestIdFrom(unfit)).toMatch(UUID);
    }
  });

  test('a disabled logger writes nothing', () => {
    const quiet = captureLines();
    createLogger({ destination: quiet.destination, enabled: false }).info({ requestId: 'r' }, 'graphql request');
    expect(quiet.lines).toEqual([]);
  });
});

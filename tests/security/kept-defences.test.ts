// Defences the adversarial pass found already in place, kept by a test each: CSRF prevention, no
// batching, 413 for a body far over the limit, a slowloris client cut at the headers timeout, a
// statement timeout that answers TIMEOUT and rolls back, and recovery once PostgreSQL has ended
// every session (as a restart does). Waits are on events or on PostgreSQL's own state, never timers.
import http from 'node:http';
import net from 'node:net';
import { Client } from 'pg';
import { createApiKey } from '../../src/auth/api-key.service';
import { Role } from '../../src/common/role';
import { loadConfig } from '../../src/config';
import { createDataSource } from '../../src/database/data-source';
import { createSchema } from '../../src/schema';
import { createServer } from '../../src/server';
import { holdArticleInserts } from '../setup/article-insert-lock';
import { startTestApp, type TestApp } from '../setup/test-app';
import { createTestDatabase, type TestDatabase } from '../setup/test-database';

interface Answer {
  data?: any;
  errors?: { message: string; extensions: { code: string } }[];
}

const IMPORT = `mutation ($input: ImportArticleInput!) { importArticle(input: $input) { created } }`;

describe('requests a browser or a client should never get through', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ HEADERS_TIMEOUT_MS: '500' });
  });

  afterAll(async () => {
    await app.close();
  });

  test('a GET query without a preflight-forcing header is refused as a possible CSRF', async () => {
    const response = await fetch(`${app.url}?query=${encodeURIComponent('{ articles { totalCount } }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Cross-Site Request Forgery');
  });

  test('a text/plain POST, which a form on another site can send without a preflight, is refused as a possible CSRF', async () => {
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ articles { totalCount } }' }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Cross-Site Request Forgery');
  });

  test('a batch of operations in one request is refused', async () => {
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ articles { totalCount } }' }, { query: '{ quotes { totalCount } }' }]),
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('batching');
  });

  test('a 100 MB body is refused with 413 from its declared length, naming the limit, with or without a key', async () => {
    const answerTo = (headers: Record<string, string>) =>
      new Promise<{ status: number; connection?: string; message: string }>((resolve, reject) => {
        const request = http.request(app.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': String(100 * 1024 * 1024), ...headers },
        });
        request.on('response', (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => {
            const { errors } = JSON.parse(body) as { errors: { message: string }[] };
            resolve({
              status: response.statusCode ?? 0,
              connection: response.headers.connection,
              message: errors[0].message,
            });
            request.destroy();
          });
        });
        request.on('error', reject);
        // A first chunk only: the answer must come from the declared length, not from reading 100 MB.
        request.write(Buffer.alloc(64 * 1024, 0x20));
      });
    expect(await answerTo({})).toEqual({
      status: 413,
      connection: 'close',
      message: 'the request body is larger than MAX_READ_REQUEST_BYTES (1048576 bytes) allows',
    });
    expect(await answerTo({ authorization: `Bearer ${app.editorKey}` })).toEqual({
      status: 413,
      connection: 'close',
      message: 'the request body is larger than MAX_REQUEST_BYTES (67108864 bytes) allows',
    });
  });

  test('a client that never finishes its headers is answered 408 and disconnected at HEADERS_TIMEOUT_MS', async () => {
    const { port } = new URL(app.url);
    const socket = net.connect(Number(port), '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString()));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write('POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    await closed;
    expect(received).toMatch(/^HTTP\/1\.1 408 /);
  });
});

describe('the database under a statement timeout and a restart', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await createTestDatabase();
  });

  afterEach(async () => {
    await database.drop();
  });

  /** The server on its own pool of `database`, with these settings, posting as an editor. */
  async function serve(settings: { statementTimeoutMs?: number }) {
    const config = loadConfig({ SEED_EXAMPLE_CORPUS: 'false', LOG_LEVEL: 'silent' });
    const { key } = await createApiKey(database.dataSource.manager, 'kept defences', Role.EDITOR);
    const dataSource = createDataSource({
      url: database.url,
      applicationName: 'quotegraph kept-defences',
      ...settings,
    });
    await dataSource.initialize();
    const server = await createServer({ config, dataSource, schema: await createSchema() });
    await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
    const { port } = server.httpServer.address() as net.AddressInfo;
    return {
      post: async (query: string, variables?: object) => {
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          body: JSON.stringify({ query, variables }),
        });
        return (await response.json()) as Answer;
      },
      stop: async () => {
        await server.stop();
        await dataSource.destroy();
      },
    };
  }

  const articleCount = async () =>
    (await database.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM articles`))[0].n;

  test('a statement past the statement timeout answers TIMEOUT, and its transaction leaves nothing', async () => {
    const server = await serve({ statementTimeoutMs: 300 });
    // Every insert into articles waits for this lock until the statement timeout ends the wait.
    const blocker = await holdArticleInserts(database.url);
    try {
      const answer = await server.post(IMPORT, {
        input: { url: 'https://timeout.example/1', title: 'Held', body: 'Held by a lock.', extract: false },
      });
      expect(answer.data).toBeNull();
      expect(answer.errors?.map((error) => [error.extensions.code, error.message])).toEqual([
        ['TIMEOUT', 'the query took longer than the statement timeout'],
      ]);
      await blocker.query('COMMIT');
      expect(await articleCount()).toBe(0);
    } finally {
      await blocker.end();
      await server.stop();
    }
  });

  test('once PostgreSQL has ended every session of the server, the next requests are answered', async () => {
    const server = await serve({});
    try {
      expect((await server.post(`{ articles { totalCount } }`)).data).toEqual({ articles: { totalCount: 0 } });
      const admin = new Client({ connectionString: database.url });
      await admin.connect();
      const { rows } = await admin.query<{ ended: number }>(
        `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, 5000))::int AS ended FROM pg_stat_activity
         WHERE application_name = 'quotegraph kept-defences'`,
      );
      await admin.end();
      expect(rows[0].ended).toBeGreaterThanOrEqual(1);

      const read = await server.post(`{ articles { totalCount } }`);
      expect(read).toEqual({ data: { articles: { totalCount: 0 } } });
      const write = await server.post(IMPORT, {
        input: { url: 'https://restart.example/1', title: 'After', body: 'Written after the restart.', extract: false },
      });
      expect(write).toEqual({ data: { importArticle: { created: true } } });
      expect(await articleCount()).toBe(1);
    } finally {
      await server.stop();
    }
  });
});

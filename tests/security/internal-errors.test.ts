// What the caller got wrong is never INTERNAL_SERVER_ERROR: global ids whose type is not one of
// ours (`__proto__`, `constructor`, a NUL), and an automatic persisted query whose hash does not
// match its text.
import { createHash } from 'node:crypto';
import { fromGlobalId } from '../../src/common/global-id';
import { fromPostgresError } from '../../src/errors/format-error';
import { startTestApp, type TestApp } from '../setup/test-app';

const UUID = '00000000-0000-4000-8000-000000000000';
const idOf = (type: string) => Buffer.from(`${type}:${UUID}`, 'utf8').toString('base64url');

describe('fromGlobalId', () => {
  test.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'Art\u0000icle', 'article', '\uFFFD'])(
    'refuses the type %j as not one of our ids',
    (type) => {
      expect(() => fromGlobalId(idOf(type), 'id')).toThrow('id is not a valid id');
    },
  );

  test('decodes our own types', () => {
    expect(fromGlobalId(idOf('PolicyQuestion'), 'id')).toEqual({ type: 'PolicyQuestion', id: UUID });
  });
});

describe('fromPostgresError', () => {
  test('maps a character text cannot hold (22021) and a statement too complex (54001) to BAD_USER_INPUT', () => {
    expect(fromPostgresError({ code: '22021' })?.extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(fromPostgresError({ code: '54001' })?.extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(fromPostgresError({ code: 'XX000' })).toBeUndefined();
  });
});

describe('caller errors through the server', () => {
  let app: TestApp;
  const post = async (body: object) => {
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: any[] } };
  };

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  test.each(['__proto__', 'constructor', 'toString', 'Art\u0000icle'])(
    'node(id:) with the type %j is BAD_USER_INPUT naming id',
    async (type) => {
      const { data, errors } = await app.graphql(`query ($id: ID!) { node(id: $id) { id } }`, { id: idOf(type) });
      expect(data).toEqual({ node: null });
      expect(errors).toEqual([
        {
          message: 'id is not a valid id',
          path: ['node'],
          locations: [{ line: 1, column: 20 }],
          extensions: { code: 'BAD_USER_INPUT', field: 'id' },
        },
      ]);
    },
  );

  test('node(id:) of a well-formed type that serves no nodes is null', async () => {
    const { data, errors } = await app.graphql(`query ($id: ID!) { node(id: $id) { id } }`, { id: idOf('Nothing') });
    expect(errors).toBeUndefined();
    expect(data).toEqual({ node: null });
  });

  test('revisions(entityId:) with a NUL in the type is BAD_USER_INPUT, not PostgreSQL 22021', async () => {
    const { errors } = await app.graphql(`query ($id: ID!) { revisions(entityId: $id) { totalCount } }`, {
      id: idOf('Actor\u0000'),
    });
    expect(errors?.map((e) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field: 'entityId' }]);
  });

  test('an automatic persisted query whose hash does not match its text is BAD_REQUEST with a 400', async () => {
    const query = '{ articles { totalCount } }';
    const { status, body } = await post({
      query,
      extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } },
    });
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      { message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } },
    ]);
  });

  test('an unsupported persisted query version is BAD_REQUEST with a 400', async () => {
    const { status, body } = await post({
      query: '{ articles { totalCount } }',
      extensions: { persistedQuery: { version: 2, sha256Hash: 'a'.repeat(64) } },
    });
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      { message: 'Unsupported persisted query version', extensions: { code: 'BAD_REQUEST' } },
    ]);
  });

  test('a persisted query with its matching hash runs, and is then found by the hash alone', async () => {
    const query = '{ articles { totalCount } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const persistedQuery = { version: 1, sha256Hash };
    const unknown = await post({ extensions: { persistedQuery } });
    expect(unknown.body.errors?.[0].extensions).toEqual({ code: 'PERSISTED_QUERY_NOT_FOUND' });
    expect((await post({ query, extensions: { persistedQuery } })).body).toEqual({
      data: { articles: { totalCount: 0 } },
    });
    expect((await post({ extensions: { persistedQuery } })).body).toEqual({ data: { articles: { totalCount: 0 } } });
  });
});

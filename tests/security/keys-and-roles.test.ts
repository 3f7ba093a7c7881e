// Keys and roles through the real server: who may read, who may write, what each refusal says, and
// that a refused request leaves the database as it was.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createApiKey } from '../../src/auth/api-key.service';
import { Role } from '../../src/common/role';
import { startTestApp, type TestApp } from '../setup/test-app';

const CREATE_ACTOR = `mutation ($name: String!) { createActor(input: { name: $name, kind: PERSON }) { id name } }`;
const IMPORT = `mutation ($input: ImportArticleInput!) { importArticle(input: $input) { created } }`;
const KEYS_CLI = path.join(__dirname, '../../dist/src/auth/keys.cli.js');

describe('keys and roles', () => {
  let app: TestApp;
  let readerKey: string;
  let adminKey: string;
  const count = async (table: string): Promise<number> =>
    (await app.database.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

  beforeAll(async () => {
    app = await startTestApp({ MUTATIONS_PER_MINUTE_PER_KEY: '1000', IMPORT_MAX_BATCH: '3' });
    readerKey = (await createApiKey(app.database.dataSource.manager, 'a reader', Role.READER)).key;
    adminKey = (await createApiKey(app.database.dataSource.manager, 'an admin', Role.ADMIN)).key;
  });

  afterAll(async () => {
    await app.close();
  });

  test('an anonymous mutation is UNAUTHENTICATED (401) and writes nothing', async () => {
    const response = await app.graphqlWith({}, CREATE_ACTOR, { name: 'Zelensky' });
    expect(response.status).toBe(401);
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.errors?.[0].message).toMatch(/editor role: send Authorization: Bearer <key>/);
    expect(await count('actors')).toBe(0);
  });

  test('a bogus key is refused before anything runs, in either header', async () => {
    for (const headers of [{ 'x-api-key': 'qg_not-a-real-key' }, bearer(`qg_${'A'.repeat(43)}`)]) {
      const response = await app.graphqlWith(headers, `mutation { deleteArticle(id: "QXJ0aWNsZTox") }`);
      expect(response.status).toBe(401);
      expect(response.errors?.[0]).toMatchObject({
        message: 'the API key is not valid: unknown or revoked',
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
  });

  test('a malformed Authorization header is UNAUTHENTICATED', async () => {
    const response = await app.graphqlWith({ authorization: 'Basic dXNlcjpwYXNz' }, '{ articles { totalCount } }');
    expect(response.status).toBe(401);
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('a reader key reads but may not write: FORBIDDEN (403), nothing written', async () => {
    const read = await app.graphqlWith(bearer(readerKey), '{ articles { totalCount } }');
    expect(read.errors).toBeUndefined();
    const write = await app.graphqlWith(bearer(readerKey), IMPORT, {
      input: { title: 'T', body: 'A reader wrote this.' },
    });
    expect(write.status).toBe(403);
    expect(write.errors?.[0]).toMatchObject({
      message: 'mutations need the editor role; this key is a reader key',
      extensions: { code: 'FORBIDDEN' },
    });
    expect(await count('articles')).toBe(0);
  });

  test("an editor key writes, and each revision records the key's id", async () => {
    const { data, errors } = await app.graphql(CREATE_ACTOR, { name: 'Olena Kovalenko' });
    expect(errors).toBeUndefined();
    const [key] = await app.database.dataSource.query(`SELECT id::text FROM api_keys WHERE name = 'test editor'`);
    const { data: revisions } = await app.graphql(
      `query ($id: ID!) { revisions(entityId: $id) { edges { node { operation by } } } }`,
      {
        id: data.createActor.id,
      },
    );
    expect(revisions.revisions.edges.map((e: any) => e.node)).toEqual([{ operation: 'CREATE', by: `key:${key.id}` }]);
  });

  test('keys are managed by an admin key only', async () => {
    const CREATE_KEY = `mutation { createApiKey(name: "script", role: READER) { key apiKey { role prefix } } }`;
    const byEditor = await app.graphql(CREATE_KEY);
    expect(byEditor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const byAdmin = await app.graphqlWith(bearer(adminKey), CREATE_KEY);
    const created = byAdmin.data.createApiKey;
    expect(created.apiKey.role).toBe('READER');
    expect(created.key.startsWith(created.apiKey.prefix)).toBe(true);
    expect((await app.graphqlWith(bearer(created.key), '{ articles { totalCount } }')).errors).toBeUndefined();

    const revoked = await app.graphqlWith(
      bearer(adminKey),
      `mutation ($key: String!) { revokeApiKey(key: $key) { revokedAt } }`,
      {
        key: created.apiKey.prefix,
      },
    );
    expect(revoked.data.revokeApiKey.revokedAt).toEqual(expect.any(String));
    const after = await app.graphqlWith(bearer(created.key), '{ articles { totalCount } }');
    expect(after.status).toBe(401);
    expect((await app.graphqlWith({}, '{ apiKeys { id } }')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('aliased imports count against one batch cap across the whole request, and none is written', async () => {
    const aliases = ['a', 'b'].map(
      (alias) =>
        `${alias}: importArticles(inputs: [{ title: "${alias}1", body: "${alias} one." }, { title: "${alias}2", body: "${alias} two." }]) { createdCount }`,
    );
    const response = await app.graphql(`mutation { ${aliases.join(' ')} }`);
    expect(response.errors?.[0]).toMatchObject({
      message: 'one request may import at most 3 articles, across all its fields; this one brings 4: split it',
      extensions: { code: 'BAD_USER_INPUT', field: 'inputs' },
    });
    expect(await count('articles')).toBe(0);
  });

  test('a Host header the server does not serve is refused (DNS rebinding)', async () => {
    // node:http, since fetch sets Host itself.
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(
        app.url,
        { method: 'POST', headers: { 'content-type': 'application/json', host: 'attacker.example:4000' } },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        },
      );
      request.on('error', reject);
      request.end(JSON.stringify({ query: '{ articles { totalCount } }' }));
    });
    expect(status).toBe(421);
    expect((JSON.parse(body) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
      'FORBIDDEN',
    );
  });
});

describe('keys and roles when reads need a key, and rate limits', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ READ_ACCESS: 'key', MUTATIONS_PER_MINUTE_PER_KEY: '3' });
  });

  afterAll(async () => {
    await app.close();
  });

  test('an anonymous read is UNAUTHENTICATED when reads need a key; a key reads', async () => {
    const anonymous = await app.graphqlWith({}, '{ articles { totalCount } }');
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors?.[0].message).toBe('this server needs an API key: send Authorization: Bearer <key>');
    const exported = await fetch(app.url.replace(/\/graphql$/, '/export'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'json' }),
    });
    expect(exported.status).toBe(401);
    expect((await app.graphql('{ articles { totalCount } }')).data.articles.totalCount).toBe(0);
  });

  test('mutations past the per-key rate are RATE_LIMITED (429) with the seconds to wait', async () => {
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 4; i += 1) {
      const response = await app.graphql(CREATE_ACTOR, { name: `Person ${i}` });
      codes.push(response.errors?.[0].extensions?.code);
      if (i === 3)
        expect(response.errors?.[0].extensions).toMatchObject({ details: { retryAfterSeconds: expect.any(Number) } });
    }
    expect(codes).toEqual([undefined, undefined, undefined, 'RATE_LIMITED']);
    const [{ n }] = await app.database.dataSource.query(`SELECT count(*)::int AS n FROM actors`);
    expect(n).toBe(3);
  });
});

describe('npm run keys', () => {
  const run = (args: string[], databaseUrl: string) =>
    execFileSync(process.execPath, [KEYS_CLI, ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: 'utf8',
    });

  test('creates a key printed alone on the last line, lists it, and revokes it', async () => {
    if (!existsSync(KEYS_CLI)) throw new Error(`${KEYS_CLI} is missing: run \`npm run build\` (npm test does)`);
    const app = await startTestApp();
    try {
      const output = run(['create', '--role', 'editor', '--name', 'lab script'], app.database.url);
      const key = output.trim().split('\n').pop() as string;
      expect(key).toMatch(/^qg_[A-Za-z0-9_-]{43}$/);
      expect(
        (await app.graphqlWith({ authorization: `Bearer ${key}` }, CREATE_ACTOR, { name: 'Scripted' })).errors,
      ).toBeUndefined();
      expect(run(['list'], app.database.url)).toMatch(/editor\s+qg_\S+…\s+live\s+lab script/);
      run(['revoke', key.slice(0, 10)], app.database.url);
      expect((await app.graphqlWith({ authorization: `Bearer ${key}` }, CREATE_ACTOR, { name: 'Again' })).status).toBe(
        401,
      );
    } finally {
      await app.close();
    }
  });

  test('refuses an unknown role with the usage', () => {
    expect(() => run(['create', '--role', 'owner'], 'postgres://127.0.0.1:1/none')).toThrow(
      /--role must be reader, editor or admin/,
    );
  });
});

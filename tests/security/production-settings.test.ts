// What a public deployment turns off or down: introspection, "Did you mean" suggestions, and large
// bodies from anyone but an editor.
import { startTestApp, type TestApp } from '../setup/test-app';

describe('production settings', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ GRAPHQL_INTROSPECTION: 'false', GRAPHQL_FIELD_SUGGESTIONS: 'false' });
  });

  afterAll(async () => {
    await app.close();
  });

  test('introspection is refused when turned off', async () => {
    const response = await app.graphqlWith({}, '{ __schema { types { name } } }');
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0].message).toMatch(/introspection/i);
  });

  test('a misspelt field is refused without suggesting the real names', async () => {
    const response = await app.graphqlWith({}, '{ articlez { totalCount } }');
    expect(response.errors?.[0].message).toBe('Cannot query field "articlez" on type "Query".');
  });

  test('a body over the read limit is 413 without an editor key, and taken with one', async () => {
    const padding = 'x'.repeat(1024 * 1024 + 1);
    // A comment is not a token: the body is large and the query small.
    const query = `# ${padding}\n{ articles { totalCount } }`;
    const anonymous = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    expect(anonymous.status).toBe(413);
    expect(((await anonymous.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
      'BAD_REQUEST',
    );
    const editor = await app.graphql(query);
    expect(editor.errors).toBeUndefined();
    expect(editor.data.articles.totalCount).toBe(0);
  });
});

// A researcher who opens the server's address in a browser lands in the playground.
import { startTestApp, type TestApp } from '../setup/test-app';

describe('the server root', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  test('redirects / to the playground at /graphql', async () => {
    const root = new URL('/', app.url).toString();
    const response = await fetch(root, { redirect: 'manual', headers: { accept: 'text/html' } });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/graphql');
    const followed = await fetch(root, { headers: { accept: 'text/html' } });
    expect(followed.status).toBe(200);
    expect(await followed.text()).toMatch(/<title>[^<]*Quotegraph/i);
  });
});

// POST /export over a generated corpus, paged in pages of 50 so that many pages are streamed.
import { parse } from 'csv-parse/sync';
import { generateCorpus } from '../bench/generate-corpus';
import { startTestApp, type TestApp } from '../setup/test-app';

const QUOTES = `query ($kind: QuoteKind) {
  quotes(filter: { kind: $kind }) {
    totalCount
    edges { node { text kind source { descriptor actor { name aliases } affiliation { name } } article { title outlet { name } } } }
  }
}`;

describe('export', () => {
  let app: TestApp;
  const exportUrl = () => app.url.replace(/\/graphql$/, '/export');
  const post = (body: object, headers: Record<string, string> = {}) =>
    fetch(exportUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    app = await startTestApp({ MAX_PAGE_SIZE: '50', CORS_ORIGINS: 'localhost,https://lab.example.org' });
    await generateCorpus(app.database.dataSource, { articles: 60, quotesPerArticle: 10 });
  });

  afterAll(async () => {
    await app.close();
  });

  test('exports every quote as a CSV row, nested fields under dotted names and lists joined with ";"', async () => {
    const { data } = await app.graphql(`{ quotes(first: 0) { totalCount } }`);
    const response = await post({ query: QUOTES, format: 'csv' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows: Record<string, string>[] = parse(await response.text(), { columns: true });
    expect(rows).toHaveLength(data.quotes.totalCount);
    expect(data.quotes.totalCount).toBe(600);
    expect(Object.keys(rows[0])).toEqual([
      'text',
      'kind',
      'source.descriptor',
      'source.actor.name',
      'source.actor.aliases',
      'source.affiliation.name',
      'article.title',
      'article.outlet.name',
    ]);
    const named = rows.find((row) => row['source.actor.name']);
    expect(named?.['source.actor.aliases']).toMatch(/^P\d+$/);
    expect(new Set(rows.map((row) => `${row['article.title']}|${row.text}`)).size).toBe(rows.length);
  });

  test('exports NDJSON, one object a line, and honours the query variables', async () => {
    const response = await post({ query: QUOTES, variables: { kind: 'PARAPHRASE' }, format: 'ndjson' });
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const { data } = await app.graphql(`{ quotes(filter: { kind: PARAPHRASE }) { totalCount } }`);
    expect(lines).toHaveLength(data.quotes.totalCount);
    expect(lines.every((line) => line.kind === 'PARAPHRASE')).toBe(true);
  });

  test('writes DateTime values in ISO 8601, as GraphQL does, in CSV and in NDJSON', async () => {
    const query = `{ articles(first: 5) { edges { node { title publishedAt importedAt } } } }`;
    const { data } = await app.graphql(query);
    const expected = data.articles.edges.map((edge: any) => edge.node.publishedAt);
    expect(expected.every((value: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(value))).toBe(true);
    const csv: Record<string, string>[] = parse(await (await post({ query, format: 'csv' })).text(), { columns: true });
    const ndjson = (await (await post({ query, format: 'ndjson' })).text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    for (const rows of [csv, ndjson]) {
      const first = rows.slice(0, expected.length);
      expect(first.map((row: Record<string, string>) => row.publishedAt)).toEqual(expected);
      expect(
        first.every((row: Record<string, string>) => new Date(row.importedAt).toISOString() === row.importedAt),
      ).toBe(true);
    }
  });

  test('refuses a query without a connection, an invalid query and an unknown format, with BAD_USER_INPUT or validation errors', async () => {
    const noConnection = await post({ query: '{ actor(name: "NATO") { name } }' });
    expect(noConnection.status).toBe(400);
    expect(((await noConnection.json()) as any).errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'query',
    });
    const invalid = await post({ query: '{ quotes { edges { node { nonsense } } } }' });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as any).errors[0].message).toMatch(/nonsense/);
    const format = await post({ query: QUOTES, format: 'xlsx' });
    expect(((await format.json()) as any).errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'format',
    });
  });

  test("pages a query written to page itself ($after), and takes named fragments' fields as columns", async () => {
    const response = await post({
      format: 'ndjson',
      query: `query ($after: String) { quotes(first: 5, after: $after) { edges { node { ...QuoteRow } } pageInfo { endCursor } } }
              fragment QuoteRow on Quote { text source { descriptor } }`,
    });
    expect(response.status).toBe(200);
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(600);
    expect(Object.keys(lines[0])).toEqual(['text', 'source.descriptor']);
  });

  test('variables that do not fit the query are BAD_USER_INPUT', async () => {
    const response = await post({ query: QUOTES, variables: { kind: 'SHOUTED' } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  test('a malformed body or an unknown playground file answers a short JSON error, never a stack', async () => {
    const malformed = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(malformed.status).toBe(400);
    const text = await malformed.text();
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(text).not.toMatch(/at .*\.js|node_modules/);
    const constructor = await fetch(app.url.replace(/\/graphql$/, '/playground/constructor'));
    expect(constructor.status).toBe(404);
    expect(await constructor.text()).not.toMatch(/TypeError|node_modules/);
  });

  describe('CORS', () => {
    const preflight = (origin: string, path = '/graphql') =>
      fetch(app.url.replace(/\/graphql$/, path), {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });

    test("allows a preflight from Jupyter's default origin, http://localhost:8888, and from a configured origin", async () => {
      for (const origin of ['http://localhost:8888', 'http://127.0.0.1:5173', 'https://lab.example.org']) {
        const response = await preflight(origin);
        expect(response.status).toBe(204);
        expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      }
      expect((await preflight('http://localhost:8888', '/export')).headers.get('access-control-allow-origin')).toBe(
        'http://localhost:8888',
      );
    });

    test('does not allow an origin that is not configured', async () => {
      const response = await preflight('https://elsewhere.example');
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });
  });
});

// importArticle and importArticles through GraphQL: validation, normalisation, idempotency,
// concurrency, outlets, per-item failures and revisions.
import { startTestApp, type TestApp } from '../setup/test-app';

const IMPORT = `mutation ($input: ImportArticleInput!) {
  importArticle(input: $input) { created extraction { quotes sources mentions newActors } article { id url title body language authors publishedAt contentHash outlet { name domain } } }
}`;

const IMPORT_MANY = `mutation ($inputs: [ImportArticleInput!]!) {
  importArticles(inputs: $inputs) { createdCount failedCount existingCount items { index created article { title } error { code field message } } }
}`;

describe('importing articles', () => {
  let app: TestApp;
  const count = async (table: string): Promise<number> =>
    (await app.database.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  beforeAll(async () => {
    app = await startTestApp({ IMPORT_MAX_BATCH: '5' });
  });

  afterAll(async () => {
    await app.close();
  });

  beforeEach(async () => {
    await app.database.dataSource.query('TRUNCATE articles, outlets CASCADE');
  });

  test('stores the normalised body and returns it, with a report of what extraction wrote', async () => {
    const { data, errors } = await app.graphql(IMPORT, {
      input: {
        url: 'https://www.example.org/news/1',
        title: '  A title ',
        body: 'Line one  \r\nZele\u0301nsky said “yes”.\t\r\n\r\n',
        publishedAt: '2024-09-23T08:00:00Z',
        language: 'en',
        authors: ['Ann Writer'],
      },
    });
    expect(errors).toBeUndefined();
    const { article, created, extraction } = data.importArticle;
    expect(created).toBe(true);
    // A one-word quote is not a quotation and an unknown surname alone names nobody: nothing to extract.
    expect(extraction).toEqual({ quotes: 0, sources: 0, mentions: 0, newActors: 0 });
    expect(await count('quotes')).toBe(0);
    expect(article).toMatchObject({
      title: 'A title',
      body: 'Line one\nZel\u00e9nsky said “yes”.',
      language: 'en',
      authors: ['Ann Writer'],
      publishedAt: '2024-09-23T08:00:00.000Z',
      outlet: { name: 'example.org', domain: 'example.org' },
    });
    expect(article.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  test('extract: false imports without running the pipeline', async () => {
    const { data } = await app.graphql(IMPORT, { input: { title: 'T', body: 'No extraction.', extract: false } });
    expect(data.importArticle).toMatchObject({ created: true, extraction: null });
  });

  test.each([
    ['an empty title', { title: '   ', body: 'Body.' }, 'input.title'],
    ['an empty body', { title: 'T', body: ' \n\t ' }, 'input.body'],
    ['a NUL byte', { title: 'T', body: 'Bad \u0000 byte' }, 'input.body'],
    ['a URL that is not http(s)', { title: 'T', body: 'Body.', url: 'ftp://example.org/a' }, 'input.url'],
    [
      'a publication date more than a day ahead',
      { title: 'T', body: 'Body.', publishedAt: new Date(Date.now() + 3 * 86400_000).toISOString() },
      'input.publishedAt',
    ],
    ['an unknown language code', { title: 'T', body: 'Body.', language: 'xx' }, 'input.language'],
    ['a body over the size limit', { title: 'T', body: 'é'.repeat(1_100_000) }, 'input.body'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_case, input, field) => {
    const revisionsBefore = await count('revisions');
    const { data, errors } = await app.graphql(IMPORT, { input });
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await count('articles')).toBe(0);
    expect(await count('outlets')).toBe(0);
    expect(await count('revisions')).toBe(revisionsBefore);
  });

  test('takes a body of 2 MB through HTTP', async () => {
    const body = `${'word '.repeat(419_000)}end`; // 2,095,003 bytes
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(2 * 1024 * 1024);
    const { data, errors } = await app.graphql(
      `mutation ($input: ImportArticleInput!) { importArticle(input: $input) { created article { contentHash } } }`,
      {
        input: { title: 'Long', body, extract: false },
      },
    );
    expect(errors).toBeUndefined();
    expect(data.importArticle.created).toBe(true);
  });

  test('the same URL returns the existing article and changes nothing', async () => {
    const first = await app.graphql(IMPORT, { input: { url: 'https://example.org/a', title: 'First', body: 'Text.' } });
    const second = await app.graphql(IMPORT, {
      input: { url: 'https://example.org/a', title: 'Changed', body: 'Other text.' },
    });
    expect(second.data.importArticle).toMatchObject({
      created: false,
      extraction: null,
      article: { id: first.data.importArticle.article.id, title: 'First', body: 'Text.' },
    });
    expect(await count('articles')).toBe(1);
  });

  test('without a URL the normalised text is the identity; with URLs one text may be two articles', async () => {
    const first = await app.graphql(IMPORT, { input: { title: 'Wire', body: 'Wire story.\n' } });
    const again = await app.graphql(IMPORT, { input: { title: 'Wire again', body: 'Wire story.  \r\n' } });
    expect(again.data.importArticle).toMatchObject({
      created: false,
      article: { id: first.data.importArticle.article.id },
    });
    await app.graphql(IMPORT, { input: { title: 'Wire', body: 'Wire story.', url: 'https://one.example/wire' } });
    await app.graphql(IMPORT, { input: { title: 'Wire', body: 'Wire story.', url: 'https://two.example/wire' } });
    expect(await count('articles')).toBe(3);
  });

  test('two concurrent imports of one article store exactly one row', async () => {
    for (const input of [
      { title: 'Race', body: 'Same text, no URL.' },
      { title: 'Race', body: 'With a URL.', url: 'https://race.example/1' },
    ]) {
      const results = await Promise.all(Array.from({ length: 6 }, () => app.graphql(IMPORT, { input })));
      expect(results.every((r) => !r.errors)).toBe(true);
      expect(results.filter((r) => r.data.importArticle.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.data.importArticle.article.id)).size).toBe(1);
    }
    expect(await count('articles')).toBe(2);
    expect(await count('outlets')).toBe(1);
  });

  test('finds or creates the outlet by domain (from the URL or outletDomain), else by name', async () => {
    await app.graphql(IMPORT, {
      input: { title: 'A', body: 'a', url: 'https://www.telegraph.co.uk/a', outletName: 'The Telegraph' },
    });
    const sameDomain = await app.graphql(IMPORT, {
      input: { title: 'B', body: 'b', url: 'https://telegraph.co.uk/b' },
    });
    const syndicated = await app.graphql(IMPORT, {
      input: { title: 'C', body: 'c', url: 'https://news.example/c', outletDomain: 'telegraph.co.uk' },
    });
    const byName = await app.graphql(IMPORT, { input: { title: 'D', body: 'd', outletName: 'the telegraph' } });
    const newName = await app.graphql(IMPORT, { input: { title: 'E', body: 'e', outletName: 'Kyiv Independent' } });
    for (const r of [sameDomain, syndicated, byName])
      expect(r.data.importArticle.article.outlet).toEqual({ name: 'The Telegraph', domain: 'telegraph.co.uk' });
    expect(newName.data.importArticle.article.outlet).toEqual({ name: 'Kyiv Independent', domain: null });
    expect(await count('outlets')).toBe(2);
  });

  test('in a batch, a bad item fails alone with its index, code, field and message', async () => {
    const { data, errors } = await app.graphql(IMPORT_MANY, {
      inputs: [
        { title: 'Good', body: 'Good one.' },
        { title: 'Bad', body: 'x', url: 'not a url' },
        { title: 'Good again', body: 'Good one.' },
        { title: 'Other', body: 'Other one.', language: 'fr' },
      ],
    });
    expect(errors).toBeUndefined();
    expect(data.importArticles).toEqual({
      createdCount: 2,
      failedCount: 1,
      existingCount: 1,
      items: [
        { index: 0, created: true, article: { title: 'Good' }, error: null },
        {
          index: 1,
          created: false,
          article: null,
          error: { code: 'BAD_USER_INPUT', field: 'url', message: 'url must be an http(s) URL' },
        },
        { index: 2, created: false, article: { title: 'Good' }, error: null },
        { index: 3, created: true, article: { title: 'Other' }, error: null },
      ],
    });
    expect(await count('articles')).toBe(2);
  });

  test('a batch over the configured size is BAD_USER_INPUT and imports nothing', async () => {
    const inputs = Array.from({ length: 6 }, (_, i) => ({ title: `T${i}`, body: `Body ${i}.` }));
    const { errors } = await app.graphql(IMPORT_MANY, { inputs });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inputs' });
    expect(await count('articles')).toBe(0);
  });

  test('an import writes one revision for the article and one for a new outlet', async () => {
    const revisionsBefore = await count('revisions');
    const { data } = await app.graphql(IMPORT, {
      input: { title: 'Rev', body: 'Revised.', url: 'https://rev.example/1' },
    });
    const revisions = await app.graphql(
      `query ($id: ID!) { revisions(entityId: $id) { totalCount edges { node { entityType entityId operation before after } } } }`,
      {
        id: data.importArticle.article.id,
      },
    );
    expect(revisions.data.revisions.totalCount).toBe(1);
    expect(revisions.data.revisions.edges[0].node).toMatchObject({
      entityType: 'Article',
      entityId: data.importArticle.article.id,
      operation: 'CREATE',
      before: null,
    });
    expect(revisions.data.revisions.edges[0].node.after).toMatchObject({ title: 'Rev', url: 'https://rev.example/1' });
    expect((await count('revisions')) - revisionsBefore).toBe(2);
  });
});

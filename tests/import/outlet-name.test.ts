// An outletName given with an import wins over the outlet that holds the URL's domain under
// another name, and the payload says so, rather than filing the article under that outlet silently.
import { startTestApp, type TestApp } from '../setup/test-app';

const IMPORT = `mutation ($input: ImportArticleInput!) {
  importArticle(input: $input) { created warnings article { title outlet { name domain } } }
}`;

const IMPORT_MANY = `mutation ($inputs: [ImportArticleInput!]!) {
  importArticles(inputs: $inputs) { items { index created warnings article { outlet { name domain } } error { code } } }
}`;

describe('importing with an explicit outletName', () => {
  let app: TestApp;
  const sql = (text: string, params: unknown[] = []) => app.database.dataSource.query(text, params);
  let n = 0;
  const article = (fields: Record<string, unknown>) => ({
    title: `Article ${++n}`,
    body: `Text of article ${n}.`,
    extract: false,
    ...fields,
  });

  beforeAll(async () => {
    app = await startTestApp();
  });

  // The first outlet created for huffpost.com was named Breitbart, as in the report that found the trap.
  beforeEach(async () => {
    await sql('TRUNCATE articles, outlets, actors, revisions CASCADE');
    const { errors } = await app.graphql(IMPORT, {
      input: article({ url: 'https://www.huffpost.com/entry/first', outletName: 'Breitbart' }),
    });
    expect(errors).toBeUndefined();
  });

  afterAll(async () => {
    await app.close();
  });

  test('files a new article under the outlet it names, not the one holding the domain, and warns which outlet holds it', async () => {
    const { data, errors } = await app.graphql(IMPORT, {
      input: article({ url: 'https://www.huffpost.com/entry/second', outletName: 'HuffPost' }),
    });
    expect(errors).toBeUndefined();
    expect(data.importArticle.article.outlet).toEqual({ name: 'HuffPost', domain: null });
    expect(data.importArticle.warnings).toEqual([
      expect.stringContaining('the domain huffpost.com belongs to the outlet "Breitbart"'),
    ]);
    expect(data.importArticle.warnings[0]).toContain('filed under "HuffPost"');
    expect(await sql(`SELECT name, domain FROM outlets ORDER BY name`)).toEqual([
      { name: 'Breitbart', domain: 'huffpost.com' },
      { name: 'HuffPost', domain: null },
    ]);
    // The outlet created by name leaves its revision like any other.
    expect(await sql(`SELECT count(*)::int AS n FROM revisions WHERE entity_type = 'Outlet'`)).toEqual([{ n: 2 }]);
  });

  test('an outlet of that name with another domain is the one found', async () => {
    await sql(`INSERT INTO outlets (name, domain) VALUES ('HuffPost', 'huffingtonpost.co.uk')`);
    const { data } = await app.graphql(IMPORT, {
      input: article({ url: 'https://www.huffpost.com/entry/third', outletName: 'huffpost' }),
    });
    expect(data.importArticle.article.outlet).toEqual({ name: 'HuffPost', domain: 'huffingtonpost.co.uk' });
    expect(data.importArticle.warnings).toHaveLength(1);
  });

  test('the name of the outlet holding the domain, in any case, files the article there without a warning', async () => {
    const { data } = await app.graphql(IMPORT, {
      input: article({ url: 'https://huffpost.com/entry/fourth', outletName: 'BREITBART' }),
    });
    expect(data.importArticle).toMatchObject({
      warnings: [],
      article: { outlet: { name: 'Breitbart', domain: 'huffpost.com' } },
    });
  });

  test('without an outletName the domain decides, without a warning', async () => {
    const { data } = await app.graphql(IMPORT, { input: article({ url: 'https://huffpost.com/entry/fifth' }) });
    expect(data.importArticle).toMatchObject({ warnings: [], article: { outlet: { name: 'Breitbart' } } });
  });

  test('an article already stored keeps its outlet, and no warning is given', async () => {
    const { data } = await app.graphql(IMPORT, {
      input: article({ url: 'https://www.huffpost.com/entry/first', outletName: 'HuffPost' }),
    });
    expect(data.importArticle).toMatchObject({
      created: false,
      warnings: [],
      article: { outlet: { name: 'Breitbart' } },
    });
  });

  test('importArticles warns item by item', async () => {
    const { data, errors } = await app.graphql(IMPORT_MANY, {
      inputs: [
        article({ url: 'https://www.huffpost.com/entry/sixth', outletName: 'HuffPost' }),
        article({ url: 'https://www.huffpost.com/entry/seventh' }),
      ],
    });
    expect(errors).toBeUndefined();
    const [named, unnamed] = data.importArticles.items;
    expect(named).toMatchObject({
      created: true,
      article: { outlet: { name: 'HuffPost' } },
      warnings: [expect.stringContaining('"Breitbart"')],
    });
    expect(unnamed).toMatchObject({ created: true, article: { outlet: { name: 'Breitbart' } }, warnings: [] });
  });
});

// An outletName given with an import wins over the outlet that holds the URL's domain under
// another name, and the payload says so, rather than filing the article under that outlet silently.
// A domain nobody holds goes to the outlet of that name known without a domain, not to a second one.
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

  test('a URL whose domain nobody holds gives it to the outlet of that name known without a domain', async () => {
    const nameOnly = await app.graphql(IMPORT, { input: article({ outletName: 'The Guardian' }) });
    expect(nameOnly.errors).toBeUndefined();
    expect(nameOnly.data.importArticle.article.outlet).toEqual({ name: 'The Guardian', domain: null });
    const [{ id }] = await sql(`SELECT id FROM outlets WHERE name = 'The Guardian'`);

    const withUrl = await app.graphql(IMPORT, {
      input: article({ url: 'https://www.theguardian.com/x', outletName: 'the  GUÁRDIAN' }),
    });
    expect(withUrl.errors).toBeUndefined();
    expect(withUrl.data.importArticle).toMatchObject({
      created: true,
      warnings: [],
      article: { outlet: { name: 'The Guardian', domain: 'theguardian.com' } },
    });
    expect(await sql(`SELECT id, name, domain FROM outlets WHERE domain IS DISTINCT FROM 'huffpost.com'`)).toEqual([
      { id, name: 'The Guardian', domain: 'theguardian.com' },
    ]);
    expect(await sql(`SELECT count(*)::int AS n FROM articles WHERE outlet_id = $1`, [id])).toEqual([{ n: 2 }]);
    expect(
      await sql(
        `SELECT before->>'domain' AS before, after->>'domain' AS after FROM revisions
         WHERE entity_type = 'Outlet' AND entity_id = $1 AND operation = 'UPDATE'`,
        [id],
      ),
    ).toEqual([{ before: null, after: 'theguardian.com' }]);

    // A later import by URL alone finds it by domain.
    const urlOnly = await app.graphql(IMPORT, { input: article({ url: 'https://theguardian.com/y' }) });
    expect(urlOnly.data.importArticle.article.outlet).toEqual({ name: 'The Guardian', domain: 'theguardian.com' });
  });

  test('when another writer takes the domain meanwhile, the name still decides, with a warning', async () => {
    await app.graphql(IMPORT, { input: article({ outletName: 'The Guardian' }) });
    const [{ id }] = await sql(`SELECT id FROM outlets WHERE name = 'The Guardian'`);
    // Another transaction holds the domain, not yet committed, when the import tries to give it.
    const other = app.database.dataSource.createQueryRunner();
    await other.startTransaction();
    try {
      await other.query(`INSERT INTO outlets (name, domain) VALUES ('theguardian.com', 'theguardian.com')`);
      const importing = app.graphql(IMPORT, {
        input: article({ url: 'https://www.theguardian.com/z', outletName: 'The Guardian' }),
      });
      const waiting = async () =>
        (
          await sql(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          )
        )[0].n;
      while (!(await waiting())) await new Promise((resolve) => setTimeout(resolve, 20));
      await other.commitTransaction();
      const { data, errors } = await importing;
      expect(errors).toBeUndefined();
      expect(data.importArticle.article.outlet).toEqual({ name: 'The Guardian', domain: null });
      expect(data.importArticle.warnings).toEqual([
        expect.stringContaining('the domain theguardian.com belongs to the outlet "theguardian.com"'),
      ]);
    } finally {
      if (other.isTransactionActive) await other.rollbackTransaction();
      await other.release();
    }
    expect(await sql(`SELECT count(*)::int AS n FROM articles WHERE outlet_id = $1`, [id])).toEqual([{ n: 2 }]);
    expect(
      await sql(`SELECT count(*)::int AS n FROM revisions WHERE entity_id = $1 AND operation = 'UPDATE'`, [id]),
    ).toEqual([{ n: 0 }]);
  });

  test('concurrent imports with the name and the URL all reach the outlet of that name, without errors', async () => {
    await app.graphql(IMPORT, { input: article({ outletName: 'The Guardian' }) });
    const [{ id }] = await sql(`SELECT id FROM outlets WHERE name = 'The Guardian'`);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        app.graphql(IMPORT, {
          input: article({ url: `https://www.theguardian.com/race/${i}`, outletName: 'The Guardian' }),
        }),
      ),
    );
    expect(results.map((r) => r.errors)).toEqual(Array(6).fill(undefined));
    expect(await sql(`SELECT count(*)::int AS n FROM articles WHERE outlet_id = $1`, [id])).toEqual([{ n: 7 }]);
    expect(await sql(`SELECT id FROM outlets WHERE domain = 'theguardian.com'`)).toEqual([{ id }]);
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

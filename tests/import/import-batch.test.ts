// importArticles as a batch: one transaction for its good items, a bad item failing alone with the
// others still committed together, an article given twice, actors resolved once for the batch, and
// the same rows (and revisions) as importing the articles one by one.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { annotationSnapshot, type AnnotationSnapshot } from '../setup/annotation-snapshot';
import { startTestApp, type TestApp } from '../setup/test-app';

const IMPORT = `mutation ($input: ImportArticleInput!) {
  importArticle(input: $input) { created extraction { quotes sources mentions } }
}`;

const IMPORT_MANY = `mutation ($inputs: [ImportArticleInput!]!) {
  importArticles(inputs: $inputs) {
    createdCount failedCount existingCount
    items { index created warnings article { id title } error { code field message } extraction { quotes sources mentions newActors } }
  }
}`;

const WIKINEWS = path.join(__dirname, '../../src/corpus/data/wikinews');

/** The example corpus's Wikinews articles (CC BY 2.5, see the NOTICE beside them), as import inputs. */
function wikinewsInputs(): object[] {
  return readdirSync(WIKINEWS)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const { url, title, body, publishedAt } = JSON.parse(readFileSync(path.join(WIKINEWS, name), 'utf8'));
      return { url, title, body, publishedAt, outletName: 'Wikinews', language: 'en' };
    });
}

/** The snapshot without which actor a row names: a batch resolves actors once, not article by article. */
function withoutActors({ articles, sources, quotes, mentions, stances }: AnnotationSnapshot) {
  const strip = (rows: unknown[]) =>
    rows
      .map((row) => {
        const { actor: _actor, affiliation: _affiliation, ...rest } = row as Record<string, unknown>;
        return rest;
      })
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return { articles, sources: strip(sources), quotes, mentions: strip(mentions), stances };
}

describe('importing a batch of articles', () => {
  let app: TestApp;
  const sql = (query: string, params: unknown[] = []) => app.database.dataSource.query(query, params);
  const one = async (query: string, params: unknown[] = []) => (await sql(query, params))[0];

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  beforeEach(async () => {
    await sql('TRUNCATE articles, outlets, actors, policy_questions, revisions CASCADE');
  });

  test('a batch of good items is written in one transaction, with a revision for each article', async () => {
    const inputs = [1, 2, 3].map((n) => ({
      url: `https://batch.example/${n}`,
      title: `Batch ${n}`,
      body: `Body ${n}.`,
      extract: false,
    }));
    const { data, errors } = await app.graphql(IMPORT_MANY, { inputs });
    expect(errors).toBeUndefined();
    expect(data.importArticles).toMatchObject({ createdCount: 3, failedCount: 0, existingCount: 0 });
    // Rows written by one transaction carry its id.
    expect(await one(`SELECT count(DISTINCT xmin::text)::int AS n, count(*)::int AS articles FROM articles`)).toEqual({
      n: 1,
      articles: 3,
    });
    expect(
      await one(`SELECT count(*)::int AS n FROM revisions WHERE entity_type = 'Article' AND operation = 'CREATE'`),
    ).toEqual({ n: 3 });
  });

  test('a bad item in a batch fails alone and the others are committed in one transaction', async () => {
    const item = (n: number, extra: object = {}) => ({
      url: `https://batch.example/${n}`,
      title: `Item ${n}`,
      body: `Kovalenko spoke (${n}).`,
      extract: false,
      ...extra,
    });
    // Only the database can tell that no actor has this Wikidata id: the check runs in the transaction.
    const unknownActor = { annotations: { mentions: [{ actor: { wikidataId: 'Q99' }, span: { start: 0, end: 9 } }] } };
    const { data, errors } = await app.graphql(IMPORT_MANY, {
      inputs: [item(0), item(1, unknownActor), item(2), item(3, { title: '' })],
    });
    expect(errors).toBeUndefined();
    expect(data.importArticles).toMatchObject({ createdCount: 2, failedCount: 2, existingCount: 0 });
    expect(data.importArticles.items.map((i: any) => [i.index, i.created, i.error?.code, i.error?.field])).toEqual([
      [0, true, undefined, undefined],
      [1, false, 'BAD_USER_INPUT', 'annotations.mentions[0].actor.wikidataId'],
      [2, true, undefined, undefined],
      [3, false, 'BAD_USER_INPUT', 'title'],
    ]);
    expect(await sql(`SELECT title FROM articles ORDER BY title`)).toEqual([{ title: 'Item 0' }, { title: 'Item 2' }]);
    // now() is the start of the transaction, savepoints included: one value for both articles.
    expect(await one(`SELECT count(DISTINCT imported_at)::int AS n FROM articles`)).toEqual({ n: 1 });
    expect(await one(`SELECT count(*)::int AS n FROM revisions WHERE entity_type = 'Article'`)).toEqual({ n: 2 });
  });

  test('an article given twice in one batch is created by its first item and found by the second', async () => {
    const { data } = await app.graphql(IMPORT_MANY, {
      inputs: [
        { url: 'https://twice.example/a', title: 'First', body: 'Text.', extract: false },
        { url: 'https://twice.example/a', title: 'Second', body: 'Other text.', extract: false },
        { title: 'Wire', body: 'Wire story.', extract: false },
        { title: 'Wire again', body: 'Wire story.  \r\n', extract: false },
      ],
    });
    const items = data.importArticles.items;
    expect(items.map((i: any) => [i.created, i.article.title])).toEqual([
      [true, 'First'],
      [false, 'First'],
      [true, 'Wire'],
      [false, 'Wire'],
    ]);
    expect(items[1].article.id).toBe(items[0].article.id);
    expect(items[3].article.id).toBe(items[2].article.id);
    expect(await one(`SELECT count(*)::int AS n FROM articles`)).toEqual({ n: 2 });
    expect(await one(`SELECT count(*)::int AS n FROM revisions WHERE entity_type = 'Article'`)).toEqual({ n: 2 });
  });

  test('in one batch, a single word joins the actor another article names in full, whatever its case', async () => {
    const naming = (title: string, name: string) => ({
      title,
      body: `${name} spoke.`,
      extract: false,
      annotations: {
        actors: [{ key: 'a', name, kind: 'PERSON' }],
        mentions: [{ actor: { key: 'a' }, span: { start: 0, end: name.length } }],
      },
    });
    const { data, errors } = await app.graphql(IMPORT_MANY, {
      inputs: [naming('Surname', 'Biden'), naming('Full', 'Joe Biden'), naming('Shouted', 'JOE BIDEN')],
    });
    expect(errors).toBeUndefined();
    expect(data.importArticles.items.map((i: any) => i.extraction.newActors)).toEqual([0, 1, 0]);
    expect(await sql(`SELECT name FROM actors`)).toEqual([{ name: 'Joe Biden' }]);
    expect(
      await sql(`SELECT a.title, ac.name FROM mentions m JOIN articles a ON a.id = m.article_id
                 JOIN actors ac ON ac.id = m.actor_id ORDER BY a.title`),
    ).toEqual([
      { title: 'Full', name: 'Joe Biden' },
      { title: 'Shouted', name: 'Joe Biden' },
      { title: 'Surname', name: 'Joe Biden' },
    ]);
  });

  // With both questions given a text, the batch is written in one statement per table; when the second
  // names the question the first creates, known only once the first is written, the batch's
  // transaction fails and the items are written again in turn, in savepoints of one transaction.
  test.each([
    ['each question with its text', { question: 'holds-the-line', questionText: 'Will Ukraine hold the line?' }, 1],
    ['the second naming the question the first creates', { question: 'holds-the-line' }, 2],
  ])(
    'given annotations in a batch (%s) are stored as importing the articles in turn stores them',
    async (_, second, transactionIds) => {
      const annotated = (n: number, question: object) => {
        const body = `Olena Kovalenko said: “We will hold ${n}.” Ukraine agreed.`;
        const span = (text: string) => ({ start: body.indexOf(text), end: body.indexOf(text) + text.length });
        return {
          url: `https://annotated.example/${n}`,
          title: `Annotated ${n}`,
          body,
          extract: false,
          annotations: {
            actors: [
              { key: 'olena', name: 'Olena Kovalenko', kind: 'PERSON', wikidataId: 'Q424242', aliases: ['Kovalenko'] },
              { key: 'ua', name: 'Ukraine', kind: 'STATE' },
            ],
            sources: [
              {
                key: 's1',
                descriptor: 'Olena Kovalenko',
                span: span('Olena Kovalenko'),
                anonymity: 'NAMED',
                actor: { key: 'olena' },
                affiliation: { key: 'ua' },
                role: 'spokeswoman',
              },
            ],
            quotes: [{ key: 'q1', span: span(`We will hold ${n}.`), kind: 'DIRECT', source: 's1' }],
            mentions: [{ actor: { key: 'ua' }, span: span('Ukraine') }],
            stances: [{ ...question, source: 's1', position: 'SUPPORT', quote: 'q1' }],
          },
        };
      };
      const inputs = [
        annotated(1, { question: 'holds-the-line', questionText: 'Will Ukraine hold the line?' }),
        annotated(2, second),
      ];
      const batch = await app.graphql(IMPORT_MANY, { inputs });
      expect(batch.data.importArticles).toMatchObject({ createdCount: 2, failedCount: 0 });
      const batched = await annotationSnapshot(app.database.dataSource);
      expect(batched.stances).toHaveLength(2);
      expect(await one(`SELECT count(DISTINCT xmin::text)::int AS n FROM stances`)).toEqual({ n: transactionIds });
      expect(await one(`SELECT count(DISTINCT imported_at)::int AS n FROM articles`)).toEqual({ n: 1 });

      await sql('TRUNCATE articles, outlets, actors, policy_questions, revisions CASCADE');
      for (const input of inputs) expect((await app.graphql(IMPORT, { input })).errors).toBeUndefined();
      expect(batched).toEqual(await annotationSnapshot(app.database.dataSource));
    },
  );

  test('a batch stores the rows and revisions that importing its articles one by one stores', async () => {
    const inputs = wikinewsInputs();
    expect(inputs.length).toBeGreaterThan(10);
    const revisions = () =>
      sql(`SELECT entity_type, operation, count(*)::int AS n FROM revisions
           WHERE entity_type IN ('Article', 'Outlet', 'Source', 'Quote', 'Mention') GROUP BY 1, 2 ORDER BY 1, 2`);
    const counts = (extraction: { quotes: number; sources: number; mentions: number }) => extraction;

    const batch = await app.graphql(IMPORT_MANY, { inputs });
    expect(batch.errors).toBeUndefined();
    expect(batch.data.importArticles.createdCount).toBe(inputs.length);
    const batched = {
      rows: withoutActors(await annotationSnapshot(app.database.dataSource)),
      revisions: await revisions(),
      counts: batch.data.importArticles.items.map((i: any) => {
        const { newActors: _newActors, ...rest } = i.extraction;
        return counts(rest);
      }),
    };
    expect(batched.rows.quotes.length).toBeGreaterThan(0);
    expect(batched.rows.mentions.length).toBeGreaterThan(0);

    await sql('TRUNCATE articles, outlets, actors, policy_questions, revisions CASCADE');
    const oneByOne = [];
    for (const input of inputs) oneByOne.push((await app.graphql(IMPORT, { input })).data.importArticle.extraction);
    expect(batched).toEqual({
      rows: withoutActors(await annotationSnapshot(app.database.dataSource)),
      revisions: await revisions(),
      counts: oneByOne.map(counts),
    });
  });
});

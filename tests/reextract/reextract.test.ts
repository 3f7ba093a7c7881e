// Re-extraction through GraphQL against real PostgreSQL: curated rows, the extracted rows they
// link to and every revision survive; the extractor's rows are replaced as a diff, so a second
// run changes nothing; an article imported without extraction gets its annotations.
import path from 'node:path';
import { toGlobalId } from '../../src/common/global-id';
import { readGoldDocument } from '../../src/corpus/gold-annotation';
import { startTestApp, type TestApp } from '../setup/test-app';
import { EXTRACTORS } from '../../src/extraction/extractors';

const { text } = readGoldDocument(path.join(__dirname, '../fixtures'), 'storm-shadow-victory-plan');

const IMPORT = `mutation ($input: ImportArticleInput!) { importArticle(input: $input) { article { id outlet { id } } } }`;
const REEXTRACT = `mutation ($filter: ArticleFilter, $first: Int, $after: String) {
  reextractArticles(filter: $filter, first: $first, after: $after) {
    endCursor
    articles { article { id } changed error { code message } quotes { removed added kept keptLinked } sources { removed added kept keptLinked } mentions { removed added kept keptLinked } stancesRemoved newActors }
    total { articles changedArticles failedArticles stancesRemoved newActors
      quotes { removed added kept keptLinked } sources { removed added kept keptLinked } mentions { removed added kept keptLinked } }
  }
}`;

describe('reextractArticles', () => {
  let app: TestApp;
  let articleId: string;
  let outletId: string;
  const curated: { manualQuote: string; citedQuote: string; linkedSources: string[]; stance: string } = {
    manualQuote: '',
    citedQuote: '',
    linkedSources: [],
    stance: '',
  };
  let first: any;
  let revisionsBefore: any[];
  let curatedRowsBefore: any[];
  const sql = (query: string, params: unknown[] = []) => app.database.dataSource.query(query, params);

  async function graphql(query: string, variables: Record<string, unknown> = {}): Promise<any> {
    const response = await app.graphql(query, variables);
    expect(response.errors).toBeUndefined();
    return response.data;
  }

  const reextract = async (variables: Record<string, unknown> = { filter: { outletIds: [outletId] } }) =>
    (await graphql(REEXTRACT, variables)).reextractArticles;

  /** MANUAL rows, and the extracted rows curated work links to, as stored. */
  const curatedRows = () =>
    sql(
      `SELECT 'quote' AS t, to_jsonb(q) - 'search' AS row FROM quotes q WHERE q.origin = 'MANUAL' OR q.id = $1
       UNION ALL SELECT 'source', to_jsonb(s) FROM sources s WHERE s.origin = 'MANUAL' OR s.id = ANY($2::uuid[])
       UNION ALL SELECT 'stance', to_jsonb(st) FROM stances st
       ORDER BY 1, 2`,
      [curated.citedQuote, curated.linkedSources],
    );
  const revisions = () => sql(`SELECT * FROM revisions ORDER BY id`);
  const rowIds = () =>
    sql(
      `SELECT 'q' AS t, id::text FROM quotes UNION ALL SELECT 's', id::text FROM sources UNION ALL SELECT 'm', id::text FROM mentions
       UNION ALL SELECT 'a', id::text FROM actors UNION ALL SELECT 'al', actor_id || alias FROM actor_aliases ORDER BY 1, 2`,
    );

  async function curate(): Promise<void> {
    const quotes = await sql(
      `SELECT id, source_id FROM quotes WHERE article_id = $1 AND kind = 'DIRECT' AND origin = 'EXTRACTED' ORDER BY span_start`,
      [articleId],
    );
    expect(quotes.length).toBeGreaterThanOrEqual(5);
    // A curator corrects the first quote (it becomes MANUAL, its source is now curated work's).
    curated.manualQuote = quotes[0].id;
    await graphql(
      `
        mutation ($input: UpdateQuoteInput!) {
          updateQuote(input: $input) {
            id
          }
        }
      `,
      {
        input: { id: toGlobalId('Quote', quotes[0].id), cue: 'told reporters' },
      },
    );
    // ...adds a quote of their own attributed to an extracted source...
    const body = (await sql(`SELECT body FROM articles WHERE id = $1`, [articleId]))[0].body as string;
    await graphql(
      `
        mutation ($input: CreateQuoteInput!) {
          createQuote(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          articleId: toGlobalId('Article', articleId),
          span: { start: 0, end: [...body].indexOf(' ') },
          kind: 'PARAPHRASE',
          sourceId: toGlobalId('Source', quotes[4].source_id),
        },
      },
    );
    // ...and a stance that cites an extracted quote as its evidence.
    curated.citedQuote = quotes[2].id;
    const question = await graphql(`
      mutation {
        createPolicyQuestion(input: { slug: "strikes", text: "Strikes?" }) {
          id
        }
      }
    `);
    curated.stance = (
      await graphql(
        `
          mutation ($input: SetStanceInput!) {
            setStance(input: $input) {
              id
            }
          }
        `,
        {
          input: {
            questionId: question.createPolicyQuestion.id,
            sourceId: toGlobalId('Source', quotes[2].source_id),
            quoteId: toGlobalId('Quote', quotes[2].id),
            position: 'SUPPORT',
          },
        },
      )
    ).setStance.id;
    curated.linkedSources = [...new Set([quotes[0].source_id, quotes[2].source_id, quotes[4].source_id])];
  }

  beforeAll(async () => {
    app = await startTestApp();
    const imported = await graphql(IMPORT, {
      input: { title: 'Storm Shadow', body: text, extract: true, outletDomain: 'a.example' },
    });
    articleId = Buffer.from(imported.importArticle.article.id, 'base64url').toString().split(':')[1];
    outletId = imported.importArticle.article.outlet.id;
    await curate();
    // What an older extractor left: every extracted row of another version.
    for (const table of ['quotes', 'sources', 'mentions'])
      await sql(`UPDATE ${table} SET extractor_version = '0.9.0' WHERE origin = 'EXTRACTED'`);
    revisionsBefore = await revisions();
    curatedRowsBefore = await curatedRows();
    first = await reextract();
  });

  afterAll(async () => {
    await app.close();
  });

  test('replaces the rows of the older extractor and reports what it removed, added and kept', async () => {
    expect(first.total).toMatchObject({ articles: 1, changedArticles: 1, failedArticles: 0 });
    expect(first.articles[0].error).toBeNull();
    const { quotes, sources, mentions } = first.total;
    expect(quotes.removed).toBeGreaterThan(0);
    expect(quotes.added).toBeGreaterThan(0);
    expect(sources.removed).toBeGreaterThan(0);
    expect(mentions.removed).toBeGreaterThan(0);
    expect(mentions.added).toBe(mentions.removed);
    // The quote a MANUAL stance cites, and the three sources curated work rests on.
    expect(quotes.keptLinked).toBe(1);
    expect(sources.keptLinked).toBe(curated.linkedSources.length);
    const stored = await sql(
      `SELECT (SELECT count(*)::int FROM quotes) AS quotes, (SELECT count(*)::int FROM sources) AS sources, (SELECT count(*)::int FROM mentions) AS mentions`,
    );
    expect(stored[0]).toEqual({
      quotes: quotes.kept + quotes.added,
      sources: sources.kept + sources.added,
      mentions: mentions.kept + mentions.added,
    });
    const old = await sql(
      `SELECT count(*)::int AS n FROM quotes WHERE origin = 'EXTRACTED' AND extractor_version = '0.9.0'`,
    );
    expect(old[0].n).toBe(1);
  });

  test('keeps every curated row, the extracted rows they link to, and every earlier revision', async () => {
    expect(await curatedRows()).toEqual(curatedRowsBefore);
    const still = await sql(`SELECT * FROM revisions WHERE id = ANY($1::uuid[]) ORDER BY id`, [
      revisionsBefore.map((r) => r.id),
    ]);
    expect(still).toEqual(revisionsBefore);
  });

  test('a MANUAL stance citing an extracted quote keeps that quote', async () => {
    const data = await graphql(
      `
        query ($id: ID!) {
          node(id: $id) {
            ... on Stance {
              origin
              quote {
                id
                origin
                extractorVersion
              }
            }
          }
        }
      `,
      {
        id: curated.stance,
      },
    );
    expect(data.node).toEqual({
      origin: 'MANUAL',
      quote: { id: toGlobalId('Quote', curated.citedQuote), origin: 'EXTRACTED', extractorVersion: '0.9.0' },
    });
  });

  test('adds no extracted quote over a curated one', async () => {
    const overlapping = await sql(
      `SELECT count(*)::int AS n FROM quotes fresh JOIN quotes kept ON kept.article_id = fresh.article_id AND kept.id <> fresh.id
         AND kept.span_start < fresh.span_end AND fresh.span_start < kept.span_end
       WHERE fresh.extractor_version = $2 AND (kept.origin = 'MANUAL' OR kept.id = $1)`,
      [curated.citedQuote, EXTRACTORS.quoteFinder.version],
    );
    expect(overlapping[0].n).toBe(0);
  });

  test('records one revision per row it deleted or created', async () => {
    const made = await sql(
      `SELECT entity_type, operation, count(*)::int AS n FROM revisions WHERE NOT id = ANY($1::uuid[]) GROUP BY 1, 2 ORDER BY 1, 2`,
      [revisionsBefore.map((r) => r.id)],
    );
    const { quotes, sources, mentions, stancesRemoved, newActors } = first.total;
    const expected = [
      ['Actor', 'CREATE', newActors],
      ['Mention', 'CREATE', mentions.added],
      ['Mention', 'DELETE', mentions.removed],
      ['Quote', 'CREATE', quotes.added],
      ['Quote', 'DELETE', quotes.removed],
      ['Source', 'CREATE', sources.added],
      ['Source', 'DELETE', sources.removed],
      ['Stance', 'DELETE', stancesRemoved],
    ].filter(([, , n]) => n);
    expect(made.map((r: any) => [r.entity_type, r.operation, r.n])).toEqual(expected);
  });

  test('running it twice changes nothing the second time', async () => {
    const idsBefore = await rowIds();
    const revisionCount = (await revisions()).length;
    const rowsBefore = await curatedRows();
    const second = await reextract();
    expect(second.total.changedArticles).toBe(0);
    for (const kind of ['quotes', 'sources', 'mentions']) {
      expect(second.total[kind]).toMatchObject({ removed: 0, added: 0 });
      expect(second.total[kind].kept).toBe(first.total[kind].kept + first.total[kind].added);
    }
    expect(second.total.newActors).toBe(0);
    expect(await rowIds()).toEqual(idsBefore);
    expect((await revisions()).length).toBe(revisionCount);
    expect(await curatedRows()).toEqual(rowsBefore);
  });

  // These import more articles, which the tests above must not see: each runs on a database of its
  // own, which the helpers above reach through `app` while the test runs.
  describe('on a database of its own', () => {
    let shared: TestApp;

    beforeEach(async () => {
      shared = app;
      app = await startTestApp();
    });

    afterEach(async () => {
      await app.close();
      app = shared;
    });

    test('gives an article imported without extraction its quotes, with source kinds and attribution methods', async () => {
      const imported = await graphql(IMPORT, {
        input: {
          title: 'Storm Shadow again',
          body: `Reported from Kyiv.\n${text}`,
          extract: false,
          outletDomain: 'b.example',
        },
      });
      const result = await reextract({ filter: { outletIds: [imported.importArticle.article.outlet.id] } });
      expect(result.total.quotes).toMatchObject({ removed: 0, kept: 0 });
      expect(result.total.quotes.added).toBeGreaterThanOrEqual(6);
      const data = await graphql(
        `
          query ($id: ID!) {
            node(id: $id) {
              ... on Article {
                quotes(first: 100) {
                  edges {
                    node {
                      origin
                      attributionMethod
                      source {
                        kind
                      }
                    }
                  }
                }
              }
            }
          }
        `,
        { id: imported.importArticle.article.id },
      );
      const quotes = data.node.quotes.edges.map((e: any) => e.node);
      expect(quotes).toHaveLength(result.total.quotes.added);
      for (const quote of quotes) {
        expect(quote.origin).toBe('EXTRACTED');
        expect(quote.attributionMethod).toMatch(/^(CUE|NEIGHBOUR|PRONOUN|CONTINUATION|REPORTED|NONE)$/);
      }
      expect(quotes.filter((q: any) => q.source).map((q: any) => q.source.kind)).toContain('PERSON');
    });

    test('pages through the corpus in id order, one page after another', async () => {
      for (const [title, outletDomain] of [
        ['One', 'c.example'],
        ['Two', 'd.example'],
      ])
        await graphql(IMPORT, { input: { title, body: `${title}.\n${text}`, extract: true, outletDomain } });
      const page1 = await reextract({ first: 1 });
      expect(page1.articles).toHaveLength(1);
      expect(page1.endCursor).not.toBeNull();
      const page2 = await reextract({ first: 1, after: page1.endCursor });
      expect(page2.articles).toHaveLength(1);
      expect(page2.endCursor).toBeNull();
      expect(page2.articles[0].article.id).not.toBe(page1.articles[0].article.id);
      expect(page1.total.changedArticles + page2.total.changedArticles).toBe(0);
    });
  });
});

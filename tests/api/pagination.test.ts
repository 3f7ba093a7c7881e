// Keyset paging: every row that existed when paging began is visited exactly once, whatever is
// inserted between pages.
import { ActorKind } from '../../src/actor/actor.entity';
import { buildCorpus, type ArticleSpec } from '../setup/corpus-builder';
import { startTestApp, type TestApp } from '../setup/test-app';

function articles(prefix: string, dates: (string | undefined)[]): ArticleSpec[] {
  return dates.map((publishedAt, i) => ({
    key: `${prefix}${i}`,
    title: `${prefix} article ${i}`,
    publishedAt,
    quotes: [1, 2, 3].map((n) => ({ text: `${prefix} quote ${n} of article ${i}.`, source: n === 1 ? 'Ann Example' : `a source ${n}` })),
  }));
}

describe('keyset pagination', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    await buildCorpus(app.database.dataSource, {
      outlets: [],
      actors: [{ name: 'Ann Example', kind: ActorKind.PERSON }],
      questions: [],
      // Two articles share a date, one is undated: ties and nulls must page correctly too.
      articles: articles('old', ['2024-01-05T00:00:00Z', '2024-03-01T00:00:00Z', '2024-03-01T00:00:00Z', undefined, '2024-02-10T00:00:00Z', '2024-06-30T23:59:59Z']),
    });
  });

  afterAll(async () => {
    await app.close();
  });

  test.each(['PUBLISHED_AT_DESC', 'PUBLISHED_AT_ASC', 'CONFIDENCE_DESC'])(
    'paging through all quotes 7 at a time (%s) visits each once, also when rows are inserted between pages',
    async (orderBy) => {
      const existing: string[] = (await app.database.dataSource.query(`SELECT text FROM quotes`)).map((r: { text: string }) => r.text);
      const seen: string[] = [];
      let after: string | null = null;
      let page = 0;
      do {
        const { data, errors }: any = await app.graphql(
          `query ($after: String, $orderBy: QuoteOrder) { quotes(first: 7, after: $after, orderBy: $orderBy) { edges { node { text } } pageInfo { hasNextPage endCursor } } }`,
          { after, orderBy },
        );
        expect(errors).toBeUndefined();
        seen.push(...data.quotes.edges.map((e: any) => e.node.text));
        after = data.quotes.pageInfo.hasNextPage ? data.quotes.pageInfo.endCursor : null;
        // Newer, older, equal and undated articles appear while the client pages.
        await buildCorpus(app.database.dataSource, {
          outlets: [],
          actors: [],
          questions: [],
          articles: articles(`new-${orderBy}-${page}-`, ['2025-01-01T00:00:00Z', '2024-03-01T00:00:00Z', '2023-01-01T00:00:00Z', undefined]),
        });
        page += 1;
      } while (after);
      const visitedExisting = seen.filter((text) => existing.includes(text));
      expect(visitedExisting.sort()).toEqual([...existing].sort());
      expect(new Set(seen).size).toBe(seen.length);
    },
  );
});

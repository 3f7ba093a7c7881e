import { loadExampleCorpus } from '../../src/corpus/example-corpus';
import { HEADLINE_WINDOW } from '../../src/search/search-limits';
import { startTestApp, type TestApp } from '../setup/test-app';

const SEARCH = `query ($query: String!, $types: [SearchHitType!], $filter: ArticleFilter, $first: Int, $after: String) {
  search(query: $query, types: $types, filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { rank highlight hit { __typename ... on Article { title } ... on Quote { text kind source { descriptor } } } } }
  }
}`;

describe('search', () => {
  let app: TestApp;

  async function hits(query: string, variables: object = {}) {
    const { data, errors } = await app.graphql(SEARCH, { query, ...variables });
    expect(errors).toBeUndefined();
    return data.search;
  }

  beforeAll(async () => {
    app = await startTestApp();
    await loadExampleCorpus(app.database.dataSource);
  });

  afterAll(async () => {
    await app.close();
  });

  test('a quoted phrase finds exactly the article and the two quotes that contain it, with the match marked', async () => {
    const result = await hits('"coherent strategy"');
    const found = result.edges.map((e: any) => e.node.hit);
    expect(result.totalCount).toBe(3);
    expect(found.filter((h: any) => h.__typename === 'Article').map((h: any) => h.title)).toEqual([
      'Zelensky presses Biden to allow Storm Shadow strikes inside Russia',
    ]);
    expect(
      found
        .filter((h: any) => h.__typename === 'Quote')
        .map((h: any) => [h.source.descriptor, h.kind, h.text])
        .sort(),
    ).toEqual([
      ['Biden', 'PARAPHRASE', 'any expansion in military support must be part of a coherent strategy'],
      [
        'a European official familiar with the discussions',
        'DIRECT',
        'The Americans want a coherent strategy, in which long-range strikes could play a role.',
      ],
    ]);
    for (const edge of result.edges) {
      expect(edge.node.highlight).toContain('<b>coherent</b> <b>strategy</b>');
      expect(edge.node.rank).toBeGreaterThan(0);
    }
    const ranks = result.edges.map((e: any) => e.node.rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
  });

  test('an excluded word removes every hit that contains it', async () => {
    const result = await hits('strategy -coherent');
    const texts = result.edges.map((e: any) => e.node.hit.text ?? e.node.hit.title);
    expect(result.edges.every((e: any) => e.node.hit.__typename === 'Quote')).toBe(true);
    expect(texts.sort()).toEqual([
      'The general consensus and White House mindset is to be amenable to it, but it’s got to be part of a plan. It’s one piece of kit, and that’s quite high risk with no strategy,',
      'he would consider the move if Ukraine’s long-range capabilities are incorporated into a broader, well-defined military strategy',
    ]);
  });

  test('types and the article filter narrow the hits; or-queries widen them', async () => {
    expect((await hits('"coherent strategy"', { types: ['QUOTE'] })).totalCount).toBe(2);
    expect((await hits('"coherent strategy"', { types: ['ARTICLE'] })).totalCount).toBe(1);
    expect((await hits('"coherent strategy"', { filter: { publishedAfter: '2030-01-01T00:00:00Z' } })).totalCount).toBe(
      0,
    );
    expect((await hits('parity', { types: ['QUOTE'] })).totalCount).toBe(1);
    expect((await hits('parity or backfire', { types: ['QUOTE'] })).totalCount).toBe(2);
  });

  test('pages through hits with cursors, best first, each once', async () => {
    const all = await hits('russia', { first: 50 });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await hits('russia', { first: 2, after });
      seen.push(...page.edges.map((e: any) => e.cursor));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.edges.map((e: any) => e.cursor));
    expect(all.totalCount).toBe(all.edges.length);
  });

  test('returns the text of a hit escaped as HTML, so only the match marks are markup', async () => {
    await app.graphql(`mutation ($input: ImportArticleInput!) { importArticle(input: $input) { created } }`, {
      input: { title: 'Markup', body: 'An <img src=x onerror=alert(1)> planetary strategy & more.', extract: false },
    });
    try {
      const result = await hits('planetary');
      expect(result.edges[0].node.highlight).toContain(
        'An &#60;img src=x onerror=alert(1)&#62; <b>planetary</b> strategy &#38; more',
      );
    } finally {
      // Its "strategy" would be a hit in the other tests, which search the example corpus alone.
      await app.database.dataSource.query(`DELETE FROM articles WHERE title = 'Markup'`);
    }
  });

  test('highlights a long article from its first HEADLINE_WINDOW characters, whose matches are marked', async () => {
    // Filler of the window's length, then a second word that only the text past it holds.
    const filler = 'Quasar observers met on Tuesday. '.repeat(Math.ceil(HEADLINE_WINDOW / 33));
    await app.graphql(`mutation ($input: ImportArticleInput!) { importArticle(input: $input) { created } }`, {
      input: { title: 'Long', body: `${filler}Past the window, a zeppelin quasar.`, extract: false },
    });
    try {
      const [quasar] = (await hits('quasar', { types: ['ARTICLE'] })).edges;
      expect(quasar.node.highlight).toContain('<b>Quasar</b>');
      // Found by the whole body's index, highlighted from the window, which lacks it.
      const [zeppelin] = (await hits('zeppelin', { types: ['ARTICLE'] })).edges;
      expect(zeppelin.node.hit.title).toBe('Long');
      expect(zeppelin.node.highlight).not.toContain('<b>');
    } finally {
      await app.database.dataSource.query(`DELETE FROM articles WHERE title = 'Long'`);
    }
  });

  test('an empty query is BAD_USER_INPUT', async () => {
    const { errors } = await app.graphql(`{ search(query: "  ") { totalCount } }`);
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
  });
});

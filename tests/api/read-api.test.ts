// The first read API, through GraphQL over HTTP, over the hand-annotated example, an emoji fixture
// and an undated article.
import path from 'node:path';
import { sliceCodePoints } from '../../src/common/code-points';
import { toGlobalId } from '../../src/common/global-id';
import { loadHandAnnotatedExample } from '../../src/corpus/example-corpus';
import { readGoldDocument } from '../../src/corpus/gold-annotation';
import { loadGoldDocument } from '../../src/corpus/load-gold-document';
import { startTestApp, type TestApp } from '../setup/test-app';

const fixtures = path.join(__dirname, '../fixtures');
const example = readGoldDocument(fixtures, 'storm-shadow-victory-plan');
const emoji = readGoldDocument(fixtures, 'emoji-article');

const ARTICLE_WITH_QUOTES = `
  query ($id: ID!) {
    article(id: $id) {
      id title body
      quotes(first: 50) {
        totalCount
        edges { node { id text kind cue origin span { start end text } source { descriptor anonymity role affiliation { name } actor { name } } } }
      }
    }
  }`;

describe('read API', () => {
  let app: TestApp;
  let exampleId: string;
  let emojiId: string;

  beforeAll(async () => {
    app = await startTestApp();
    const [loaded] = await loadHandAnnotatedExample(app.database.dataSource);
    exampleId = toGlobalId('Article', loaded.articleId);
    emojiId = toGlobalId('Article', (await loadGoldDocument(app.database.dataSource, emoji)).articleId);
    const undated = await app.graphql(
      `mutation { importArticle(input: { title: "Undated", body: "No date here.", extract: false }) { created } }`,
    );
    expect(undated.data.importArticle.created).toBe(true);
  });

  afterAll(async () => {
    await app.close();
  });

  test("each quote's text equals the body at its span, counted in code points", async () => {
    const { data, errors } = await app.graphql(ARTICLE_WITH_QUOTES, { id: exampleId });
    expect(errors).toBeUndefined();
    const { body, quotes } = data.article;
    expect(body).toBe(example.text);
    expect(quotes.totalCount).toBe(10);
    for (const { node } of quotes.edges) {
      expect(node.text).toBe(sliceCodePoints(body, node.span.start, node.span.end));
      expect(node.span.text).toBe(node.text);
    }
    const direct = quotes.edges.map((e: any) => e.node).filter((q: any) => q.kind === 'DIRECT');
    expect(direct.map((q: any) => [q.span.start, q.span.end, q.text])).toEqual(
      example.gold.quotes.filter((q) => q.kind === 'DIRECT').map((q) => [q.span[0], q.span[1], q.text]),
    );
  });

  test('the sources of the direct quotes are anonymous, with the affiliations of the annotation', async () => {
    const { data } = await app.graphql(ARTICLE_WITH_QUOTES, { id: exampleId });
    const sourcesOfDirectQuotes = new Map<string, { anonymity: string; affiliation: string | null }>();
    for (const { node } of data.article.quotes.edges) {
      if (node.kind === 'DIRECT') {
        sourcesOfDirectQuotes.set(node.source.descriptor, {
          anonymity: node.source.anonymity,
          affiliation: node.source.affiliation?.name ?? null,
        });
      }
    }
    expect(Object.fromEntries(sourcesOfDirectQuotes)).toEqual({
      'a Ukrainian defense source': { anonymity: 'ANONYMOUS', affiliation: 'Ukraine' },
      'a European official familiar with the discussions': { anonymity: 'ANONYMOUS', affiliation: null },
      'a Ukrainian military official': { anonymity: 'ANONYMOUS', affiliation: 'Ukraine' },
      'one official from a NATO country': { anonymity: 'ANONYMOUS', affiliation: 'NATO' },
    });
  });

  test('spans after an emoji point at the right text (code points, not UTF-16 units)', async () => {
    const { data, errors } = await app.graphql(
      `query ($id: ID!) { article(id: $id) { quotes { edges { node { text span { start end text } } } } sources { descriptor span { start end text } } } }`,
      { id: emojiId },
    );
    expect(errors).toBeUndefined();
    expect(data.article.quotes.edges.map((e: any) => [e.node.span.start, e.node.text])).toEqual([
      [19, 'We will not give up,'],
      [100, 'We stand with Ukraine.'],
    ]);
    expect(data.article.sources.map((s: any) => [s.descriptor, s.span.text])).toEqual([
      ['a Ukrainian defense source', 'a Ukrainian defense source'],
      ['Joe Biden', 'Joe Biden'],
    ]);
  });

  test('articles come newest first, undated last, and each node answers node(id) with its type', async () => {
    const { data } = await app.graphql(
      `{ articles { totalCount edges { node { id title publishedAt outlet { name } } } } }`,
    );
    expect(data.articles.totalCount).toBe(3);
    expect(data.articles.edges.map((e: any) => e.node.title)).toEqual([
      example.gold.article.title,
      emoji.gold.article.title,
      'Undated',
    ]);
    expect(data.articles.edges.map((e: any) => e.node.publishedAt)).toEqual([
      '2024-09-26T00:00:00.000Z',
      '2024-09-23T08:00:00.000Z',
      null,
    ]);
    expect(data.articles.edges[0].node.outlet).toEqual({ name: 'The Telegraph' });
    const lookedUp = await app.graphql(
      `query ($id: ID!) { node(id: $id) { __typename id ... on Article { title } } }`,
      { id: exampleId },
    );
    expect(lookedUp.data.node).toEqual({ __typename: 'Article', id: exampleId, title: example.gold.article.title });
  });

  test('paging through all quotes three at a time visits each exactly once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const response: any = await app.graphql(
        `query ($after: String) { quotes(first: 3, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(response.errors).toBeUndefined();
      const connection = response.data.quotes;
      expect(connection.totalCount).toBe(12);
      seen.push(...connection.edges.map((e: any) => e.node.id));
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(4);
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
  });

  test('finds an actor by name or alias ignoring case and accents, with aliases, affiliation and memberships', async () => {
    const { data } = await app.graphql(`{
      zelensky: actor(name: "ZELÉNSKY") { name kind aliases affiliation { name } }
      france: actor(name: "france") { name memberOf { name } }
      nato: actor(name: "NATO") { members { name } }
    }`);
    expect(data.zelensky).toEqual({
      name: 'Volodymyr Zelensky',
      kind: 'PERSON',
      aliases: ['Volodymyr Zelensky', 'Zelensky'],
      affiliation: { name: 'Ukraine' },
    });
    expect(data.france).toEqual({ name: 'France', memberOf: [{ name: 'NATO' }] });
    expect(data.nato.members.map((m: any) => m.name)).toEqual(['France', 'United Kingdom', 'United States']);
  });

  test('reads a policy question by slug with its stances, evidence and cited quotes', async () => {
    const { data, errors } = await app.graphql(`{
      policyQuestion(slug: "long-range-strikes-inside-russia") {
        slug text
        stances { totalCount edges { node { position note evidence { start end text } source { descriptor actor { name } } quote { text } article { title } } } }
      }
    }`);
    expect(errors).toBeUndefined();
    const stances = data.policyQuestion.stances.edges.map((e: any) => e.node);
    expect(data.policyQuestion.stances.totalCount).toBe(6);
    const starmer = stances.find((s: any) => s.source.actor?.name === 'Keir Starmer');
    expect(starmer).toMatchObject({
      position: 'SUPPORT',
      note: 'privately',
      evidence: { start: 2954, end: 3078, text: sliceCodePoints(example.text, 2954, 3078) },
    });
    for (const stance of stances)
      expect(stance.evidence.text).toBe(sliceCodePoints(example.text, stance.evidence.start, stance.evidence.end));
  });

  test('unknown ids answer null; ids of another type and malformed ids are BAD_USER_INPUT', async () => {
    const unknown = toGlobalId('Article', '00000000-0000-4000-8000-000000000000');
    const { data } = await app.graphql(`query ($id: ID!) { article(id: $id) { id } node(id: $id) { id } }`, {
      id: unknown,
    });
    expect(data).toEqual({ article: null, node: null });

    const wrongType = await app.graphql(`query ($id: ID!) { article(id: $id) { id } }`, {
      id: toGlobalId('Quote', '00000000-0000-4000-8000-000000000000'),
    });
    expect(wrongType.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });

    const malformed = await app.graphql(`{ node(id: "not-an-id") { id } }`);
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  test('a lookup given neither or both of its arguments is BAD_USER_INPUT', async () => {
    const neither = await app.graphql(`{ article { id } }`);
    expect(neither.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const both = await app.graphql(`{ policyQuestion(id: "x", slug: "y") { id } }`);
    expect(both.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  test('a page size above the maximum or below zero, and a malformed cursor, are BAD_USER_INPUT', async () => {
    const tooMany = await app.graphql(`{ quotes(first: 501) { totalCount } }`);
    expect(tooMany.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
    const negative = await app.graphql(`{ articles(first: -1) { totalCount } }`);
    expect(negative.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
    const badCursor = await app.graphql(`{ quotes(after: "bm90IGEgY3Vyc29y") { totalCount } }`);
    expect(badCursor.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
    expect(JSON.stringify(badCursor)).not.toMatch(/SELECT|stack/i);
  });
});

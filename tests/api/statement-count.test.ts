// A request costs a bounded number of SQL statements whatever the page size: nested lists load
// through per-request loaders, one statement per level, never one per parent.
import { Client } from 'pg';
import { ActorKind } from '../../src/actor/actor.entity';
import { Position } from '../../src/stance/stance.entity';
import { buildCorpus, type ArticleSpec } from '../setup/corpus-builder';
import { startTestApp, type TestApp } from '../setup/test-app';

const NESTED = `query ($first: Int!) {
  articles(first: $first) {
    edges { node {
      outlet { name }
      quotes(first: 20) { edges { node {
        source { actor { name aliases } affiliation { name } }
        stances { question { slug } }
      } } }
    } }
  }
}`;

const WIDE = `query ($first: Int!) {
  articles(first: $first) {
    totalCount
    edges { node {
      title
      sources { descriptor span { text } quotes { text } }
      mentions { actor { name memberOf { name } } }
      stances { position evidence { text } quote { text } }
      quotes(first: 5) { totalCount edges { node { text article { title } } } }
    } }
  }
  actors(first: 50) { edges { node { name coMentioned { actor { name } articleCount } quotes(first: 3) { totalCount edges { node { text } } } mentions(first: 2) { totalCount } } } }
  policyQuestions { edges { node { slug positionCounts { position count } stances(first: 10) { totalCount edges { node { source { descriptor } } } } } } }
}`;

describe('SQL statements per request', () => {
  let app: TestApp;
  let statements: string[] = [];
  // eslint-disable-next-line @typescript-eslint/unbound-method -- saved to wrap and restore: the wrapper applies it to the client
  const originalQuery = Client.prototype.query;

  async function countStatements(query: string, first: number): Promise<number> {
    statements = [];
    const { data, errors } = await app.graphql(query, { first });
    expect(errors).toBeUndefined();
    expect(data.articles.edges).toHaveLength(first);
    return statements.length;
  }

  beforeAll(async () => {
    app = await startTestApp();
    const countries = ['France', 'Germany', 'Italy', 'Spain'];
    const articles: ArticleSpec[] = Array.from({ length: 110 }, (_, i) => ({
      key: `a${i}`,
      title: `Article ${i}`,
      outlet: i % 2 ? 'one' : 'two',
      publishedAt: new Date(Date.UTC(2024, 0, 1 + i)).toISOString(),
      intro: `${countries[i % 4]} and NATO were named, with Leader ${i % 5}.`,
      quotes: [
        {
          text: `First quote of article ${i}.`,
          source: `Leader ${i % 5}`,
          stance: { question: 'q-one', position: Position.SUPPORT },
        },
        {
          text: `Second quote of article ${i}.`,
          source: `an official from ${countries[i % 4]}`,
          affiliation: countries[i % 4],
          stance: { question: 'q-two', position: Position.OPPOSE },
        },
        { text: `Third quote of article ${i}.`, source: 'analysts' },
      ],
    }));
    await buildCorpus(app.database.dataSource, {
      outlets: [
        { key: 'one', name: 'One', domain: 'one.example' },
        { key: 'two', name: 'Two', domain: 'two.example' },
      ],
      actors: [
        { name: 'NATO', kind: ActorKind.ORGANIZATION },
        ...countries.map((name) => ({ name, kind: ActorKind.STATE, memberOf: ['NATO'] })),
        ...[0, 1, 2, 3, 4].map((n) => ({
          name: `Leader ${n}`,
          kind: ActorKind.PERSON,
          aliases: [`L${n}`],
          affiliation: countries[n % 4],
        })),
      ],
      questions: [
        { slug: 'q-one', text: 'Question one?' },
        { slug: 'q-two', text: 'Question two?' },
      ],
      articles,
    });
    // Counted at the driver: every statement sent, BEGIN and COMMIT included.
    Client.prototype.query = function countingQuery(this: Client, ...args: unknown[]) {
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text;
      statements.push(String(text));
      return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof Client.prototype.query;
  });

  afterAll(async () => {
    Client.prototype.query = originalQuery;
    await app.close();
  });

  test('articles → outlet, quotes → source → actor, affiliation, stances → question: the same few statements for 10 and 100 articles', async () => {
    const forTen = await countStatements(NESTED, 10);
    const forHundred = await countStatements(NESTED, 100);
    console.log(`statements for the nested query: ${forTen} for 10 articles, ${forHundred} for 100`);
    expect(forHundred).toBe(forTen);
    expect(forHundred).toBeLessThanOrEqual(12);
  });

  test('a wide query over every relation and count also costs the same for 10 and 100 articles', async () => {
    const forTen = await countStatements(WIDE, 10);
    const forHundred = await countStatements(WIDE, 100);
    console.log(`statements for the wide query: ${forTen} for 10 articles, ${forHundred} for 100`);
    // Loads that reach a loader in different ticks may batch in two waves, so the count can move
    // by one or two between runs; one statement per parent would add ninety.
    expect(Math.abs(forHundred - forTen)).toBeLessThanOrEqual(2);
    expect(forHundred).toBeLessThanOrEqual(35);
  });

  test('a page of articles reads no body unless the body is asked for, and then in one statement', async () => {
    const readsBodies = () => statements.filter((text) => /"body"|\bbody\b/.test(text)).length;
    await countStatements(
      `query ($first: Int!) { articles(first: $first) { edges { node { title outlet { name } } } } }`,
      50,
    );
    expect(readsBodies()).toBe(0);
    await countStatements(`query ($first: Int!) { articles(first: $first) { edges { node { title body } } } }`, 50);
    expect(readsBodies()).toBe(1);
  });

  test('each level of a tree is one statement that reads only the columns its fields ask for', async () => {
    await countStatements(`query ($first: Int!) { articles(first: $first) { edges { node { title } } } }`, 50);
    const articleReads = statements.filter((text) => /FROM articles a/.test(text));
    expect(articleReads).toHaveLength(1);
    expect(articleReads[0]).toMatch(/"title"/);
    expect(articleReads[0]).not.toMatch(/"published_at" AS|"content_hash"|"url"/);
    await countStatements(
      `query ($first: Int!) { articles(first: $first) { edges { node { quotes(first: 3) { edges { node { text span { start } } } } } } } }`,
      50,
    );
    const quoteReads = statements.filter((text) => /FROM quotes q/.test(text));
    expect(quoteReads).toHaveLength(1);
    expect(quoteReads[0]).toMatch(/"span_start" AS "n\.spanStart"/);
    expect(quoteReads[0]).not.toMatch(/"confidence"|"cue"|"created_at"/);
  });

  test('to-one relations asked of a page (source, its actor, the outlet) are read in the statement of the page', async () => {
    await countStatements(
      `query ($first: Int!) { articles(first: $first) { edges { node { outlet { name } quotes(first: 3) { edges { node { text source { descriptor actor { name } } } } } } } } }`,
      50,
    );
    const reads = statements.filter((text) => /^SELECT/.test(text) && !/api_keys/.test(text));
    expect(reads).toHaveLength(2);
    expect(reads[0]).toMatch(/LEFT JOIN "outlets"/);
    expect(reads[1]).toMatch(/LEFT JOIN "sources" "j1" .* LEFT JOIN "actors" "j2"/s);
  });

  test('estimatedCount asks the planner and counts nothing; totalCount counts', async () => {
    statements = [];
    const { data, errors } = await app.graphql(`{ articles(first: 1) { estimatedCount } }`);
    expect(errors).toBeUndefined();
    expect(data.articles.estimatedCount).toBeGreaterThan(0);
    expect(statements.filter((text) => /count\(\*\)/.test(text))).toEqual([]);
    expect(statements.filter((text) => /^EXPLAIN/.test(text))).toHaveLength(1);
    statements = [];
    const exact = await app.graphql(`{ articles(first: 1) { totalCount } }`);
    expect(exact.data.articles.totalCount).toBe(110);
    expect(statements.filter((text) => /count\(\*\)/.test(text))).toHaveLength(1);
  });
});

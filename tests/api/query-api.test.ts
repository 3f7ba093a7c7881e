// The cross-article query API over a corpus built for it: every answer is compared with a hand
// count or with the same question asked in SQL.
import { toGlobalId } from '../../src/common/global-id';
import { buildCorpus, type BuiltCorpus } from '../setup/corpus-builder';
import { QUERY_CORPUS } from '../setup/query-corpus';
import { startTestApp, type TestApp } from '../setup/test-app';

const QUOTE_TEXTS = `query ($filter: QuoteFilter, $orderBy: QuoteOrder) {
  quotes(first: 100, filter: $filter, orderBy: $orderBy) { totalCount edges { node { text } } }
}`;

describe('query API', () => {
  let app: TestApp;
  let corpus: BuiltCorpus;
  const actor = (name: string) => toGlobalId('Actor', corpus.actorIds[name]);
  const outlet = (key: string) => toGlobalId('Outlet', corpus.outletIds[key]);
  const question = (slug: string) => toGlobalId('PolicyQuestion', corpus.questionIds[slug]);
  const article = (key: string) => toGlobalId('Article', corpus.articleIds[key]);
  const sql = (text: string, params: unknown[] = []) => app.database.dataSource.query(text, params);

  async function quoteTexts(filter: object | null, orderBy?: string): Promise<string[]> {
    const { data, errors } = await app.graphql(QUOTE_TEXTS, { filter, orderBy });
    expect(errors).toBeUndefined();
    expect(data.quotes.totalCount).toBe(data.quotes.edges.length);
    return data.quotes.edges.map((e: any) => e.node.text);
  }

  beforeAll(async () => {
    app = await startTestApp();
    corpus = await buildCorpus(app.database.dataSource, QUERY_CORPUS);
  });

  afterAll(async () => {
    await app.close();
  });

  describe('quotes', () => {
    test('come newest article first, in reading order within an article, undated articles last', async () => {
      expect(await quoteTexts(null)).toEqual([
        'Germany will not send Taurus missiles.',
        'The brigades will be trained in Poland.',
        'we are talking to our allies',
        'Strategy matters more than speed.',
        'The brigades need more time.',
        'We need long-range strikes now.',
        'France backs a coherent strategy.',
        'Nothing is decided yet.',
        'Budgets are tight.',
      ]);
    });

    test('oldest first puts the undated article first, then September before October', async () => {
      const texts = await quoteTexts(null, 'PUBLISHED_AT_ASC');
      expect(texts[0]).toBe('Budgets are tight.');
      expect(texts.slice(1, 4)).toEqual([
        'We need long-range strikes now.',
        'France backs a coherent strategy.',
        'Nothing is decided yet.',
      ]);
      expect(texts[texts.length - 1]).toBe('we are talking to our allies');
    });

    test('by anonymous sources affiliated with NATO, through membership, in September', async () => {
      const texts = await quoteTexts({
        anonymity: 'ANONYMOUS',
        affiliationIds: [actor('NATO')],
        publishedAfter: '2024-09-01T00:00:00Z',
        publishedBefore: '2024-10-01T00:00:00Z',
      });
      // France's diplomat and the NATO official in September; Germany's official is in October.
      expect(texts).toEqual(['France backs a coherent strategy.', 'Nothing is decided yet.']);
      expect(await quoteTexts({ anonymity: 'ANONYMOUS', affiliationIds: [actor('NATO')] })).toHaveLength(3);
      expect(await quoteTexts({ affiliationIds: [actor('France')] })).toEqual(['France backs a coherent strategy.']);
    });

    test('publishedAfter is inclusive and publishedBefore exclusive', async () => {
      expect(await quoteTexts({ publishedAfter: '2024-10-05T09:00:00Z' })).toHaveLength(3);
      expect(
        await quoteTexts({ publishedBefore: '2024-10-05T09:00:00Z', publishedAfter: '2024-09-20T18:30:00Z' }),
      ).toEqual(['Strategy matters more than speed.', 'The brigades need more time.']);
    });

    test('keep only curated or only confident annotations; MANUAL counts as certain', async () => {
      expect(await quoteTexts({ origin: 'EXTRACTED' })).toEqual([
        'Strategy matters more than speed.',
        'France backs a coherent strategy.',
        'Nothing is decided yet.',
      ]);
      expect(await quoteTexts({ origin: 'MANUAL' })).toHaveLength(6);
      const confident = await quoteTexts({ minConfidence: 0.8 });
      expect(confident).toHaveLength(7);
      expect(confident).not.toContain('Nothing is decided yet.');
      expect(confident).not.toContain('Strategy matters more than speed.');
      const byConfidence = await quoteTexts({ origin: 'EXTRACTED' }, 'CONFIDENCE_DESC');
      expect(byConfidence).toEqual([
        'France backs a coherent strategy.',
        'Strategy matters more than speed.',
        'Nothing is decided yet.',
      ]);
    });

    test('by kind, actor, outlet, article and policy question, combined with AND and OR within lists', async () => {
      expect(await quoteTexts({ kind: 'PARAPHRASE' })).toEqual(['we are talking to our allies']);
      expect(await quoteTexts({ actorIds: [actor('Olaf Scholz'), actor('Volodymyr Zelensky')] })).toEqual([
        'Germany will not send Taurus missiles.',
        'We need long-range strikes now.',
      ]);
      expect(await quoteTexts({ outletIds: [outlet('two')] })).toHaveLength(3);
      expect(await quoteTexts({ outletIds: [outlet('two')], anonymity: 'NAMED' })).toEqual(['Budgets are tight.']);
      expect(await quoteTexts({ articleIds: [article('a1'), article('a4')] })).toHaveLength(4);
      expect(await quoteTexts({ questionIds: [question('nato-trained-brigades')] })).toEqual([
        'The brigades will be trained in Poland.',
        'Strategy matters more than speed.',
      ]);
    });

    test('by full text, in websearch syntax', async () => {
      expect(await quoteTexts({ search: 'brigades' })).toEqual([
        'The brigades will be trained in Poland.',
        'The brigades need more time.',
      ]);
      expect(await quoteTexts({ search: 'strategy -coherent' })).toEqual(['Strategy matters more than speed.']);
      expect(await quoteTexts({ search: '"coherent strategy"' })).toEqual(['France backs a coherent strategy.']);
    });
  });

  describe('articles', () => {
    async function titles(variables: Record<string, unknown>): Promise<string[]> {
      const { data, errors } = await app.graphql(
        `query ($filter: ArticleFilter, $orderBy: ArticleOrder) { articles(filter: $filter, orderBy: $orderBy) { totalCount edges { node { title } } } }`,
        variables,
      );
      expect(errors).toBeUndefined();
      expect(data.articles.totalCount).toBe(data.articles.edges.length);
      return data.articles.edges.map((e: any) => e.node.title);
    }

    test('filter by mentioned actor, quoted actor, policy question, outlet and date', async () => {
      expect(await titles({ filter: { mentionsActorIds: [actor('Emmanuel Macron')] } })).toEqual([
        'Berlin says no',
        'Zelensky in Paris',
      ]);
      expect(await titles({ filter: { quotesActorIds: [actor('Emmanuel Macron')] } })).toEqual(['Berlin says no']);
      expect(await titles({ filter: { questionIds: [question('nato-trained-brigades')] } })).toEqual([
        'Berlin says no',
        'A call between Kyiv and Berlin',
      ]);
      expect(await titles({ filter: { outletIds: [outlet('two')], publishedAfter: '2024-09-01T00:00:00Z' } })).toEqual([
        'A call between Kyiv and Berlin',
      ]);
      expect(await titles({ filter: { search: 'Kyiv' } })).toEqual([
        'A call between Kyiv and Berlin',
        'A minister in Kyiv',
      ]);
    });

    test('order by publication date either way, or by import time', async () => {
      expect(await titles({ orderBy: 'PUBLISHED_AT_ASC' })).toEqual([
        'A minister in Kyiv',
        'Zelensky in Paris',
        'A call between Kyiv and Berlin',
        'Berlin says no',
      ]);
      const imported = await sql(`SELECT title FROM articles ORDER BY imported_at DESC, id DESC`);
      expect(await titles({ orderBy: 'IMPORTED_AT_DESC' })).toEqual(imported.map((r: any) => r.title));
    });

    test('article(url:) finds an article by its URL, and an outlet lists its articles', async () => {
      const { data } = await app.graphql(
        `{ article(url: "https://one.example/zelensky-paris") { title outlet { name domain articles { totalCount edges { node { title } } } } } }`,
      );
      expect(data.article).toEqual({
        title: 'Zelensky in Paris',
        outlet: {
          name: 'Daily One',
          domain: 'one.example',
          articles: {
            totalCount: 2,
            edges: [{ node: { title: 'Berlin says no' } }, { node: { title: 'Zelensky in Paris' } }],
          },
        },
      });
    });
  });

  test('sources filter by anonymity, affiliation, actor and role words', async () => {
    const descriptors = async (filter: object) => {
      const { data, errors } = await app.graphql(
        `query ($filter: SourceFilter) { sources(filter: $filter) { totalCount edges { node { descriptor } } } }`,
        { filter },
      );
      expect(errors).toBeUndefined();
      return data.sources.edges.map((e: any) => e.node.descriptor);
    };
    expect(await descriptors({ anonymity: 'ANONYMOUS', affiliationIds: [actor('NATO')] })).toEqual([
      'a German defense official',
      'a French diplomat',
      'an official from a NATO country',
    ]);
    expect(await descriptors({ roleContains: 'OFFICIAL' })).toEqual([
      'a German defense official',
      'an official from a NATO country',
    ]);
    expect(await descriptors({ actorIds: [actor('Éric Lombard')] })).toEqual(['Éric Lombard']);
    const [{ count }] = await sql(`SELECT count(*)::int AS count FROM sources WHERE anonymity = 'NAMED'`);
    const { data } = await app.graphql(`{ sources(filter: { anonymity: NAMED }) { totalCount } }`);
    expect(data.sources.totalCount).toBe(count);
  });

  test('actors filter by part of a name or alias, ignoring case and accents, and by kind', async () => {
    const { data } = await app.graphql(`{
      eric: actors(filter: { search: "eric" }) { edges { node { name } } }
      zel: actors(filter: { search: "ZELENSKYY" }) { edges { node { name } } }
      states: actors(filter: { kinds: [STATE, ORGANIZATION] }) { totalCount edges { node { name } } }
    }`);
    expect(data.eric.edges.map((e: any) => e.node.name)).toEqual(['Éric Lombard']);
    expect(data.zel.edges.map((e: any) => e.node.name)).toEqual(['Volodymyr Zelensky']);
    expect(data.states.edges.map((e: any) => e.node.name)).toEqual(['France', 'Germany', 'NATO', 'Ukraine']);
  });

  test("an actor's quotes (filtered), stances on a question, mentions and co-mentioned actors", async () => {
    const { data, errors } = await app.graphql(
      `query ($id: ID!, $q: ID!) { node(id: $id) { ... on Actor {
        name
        quotes { totalCount edges { node { text } } }
        paraphrases: quotes(filter: { kind: PARAPHRASE }) { totalCount }
        stances(questionId: $q) { totalCount edges { node { position question { slug } } } }
        mentions { totalCount edges { node { span { text } article { title } } } }
        coMentioned { actor { name } articleCount }
      } } }`,
      { id: actor('Emmanuel Macron'), q: question('strikes-inside-russia') },
    );
    expect(errors).toBeUndefined();
    expect(data.node.quotes).toEqual({ totalCount: 1, edges: [{ node: { text: 'we are talking to our allies' } }] });
    expect(data.node.paraphrases.totalCount).toBe(1);
    expect(data.node.stances.totalCount).toBe(0);
    expect(data.node.mentions.edges.map((e: any) => [e.node.article.title, e.node.span.text])).toEqual([
      ['Berlin says no', 'Macron'],
      ['Berlin says no', 'Emmanuel Macron'],
      ['Zelensky in Paris', 'Macron'],
    ]);
    const expected = await sql(
      `
      SELECT o.name, count(DISTINCT m2.article_id)::int AS "articleCount"
      FROM mentions m1 JOIN mentions m2 ON m2.article_id = m1.article_id AND m2.actor_id <> m1.actor_id JOIN actors o ON o.id = m2.actor_id
      WHERE m1.actor_id = $1 GROUP BY o.name ORDER BY 2 DESC, o.name`,
      [corpus.actorIds['Emmanuel Macron']],
    );
    expect(data.node.coMentioned.map((c: any) => ({ name: c.actor.name, articleCount: c.articleCount }))).toEqual(
      expected,
    );

    const scholz = await app.graphql(
      `query ($id: ID!) { node(id: $id) { ... on Actor { stances { edges { node { position question { slug } } } } } } }`,
      {
        id: actor('Olaf Scholz'),
      },
    );
    expect(scholz.data.node.stances.edges).toEqual([
      { node: { position: 'OPPOSE', question: { slug: 'strikes-inside-russia' } } },
    ]);
  });

  test('policy question stances filter, and position counts match SQL', async () => {
    const { data } = await app.graphql(`{
      policyQuestion(slug: "strikes-inside-russia") {
        all: positionCounts { position count }
        anonymous: positionCounts(filter: { anonymity: ANONYMOUS }) { position count }
        supporters: stances(filter: { positions: [SUPPORT, CONDITIONAL] }) { totalCount edges { node { position source { descriptor } } } }
      }
    }`);
    const rows = await sql(`
      SELECT st.position, count(*)::int AS count FROM stances st JOIN policy_questions pq ON pq.id = st.question_id
      WHERE pq.slug = 'strikes-inside-russia' GROUP BY 1`);
    const bySql = Object.fromEntries(rows.map((r: any) => [r.position, r.count]));
    expect(data.policyQuestion.all).toEqual(
      ['SUPPORT', 'OPPOSE', 'CONDITIONAL', 'NEUTRAL', 'UNCLEAR'].map((p) => ({ position: p, count: bySql[p] ?? 0 })),
    );
    expect(data.policyQuestion.anonymous).toEqual([
      { position: 'SUPPORT', count: 0 },
      { position: 'OPPOSE', count: 0 },
      { position: 'CONDITIONAL', count: 1 },
      { position: 'NEUTRAL', count: 0 },
      { position: 'UNCLEAR', count: 0 },
    ]);
    expect(data.policyQuestion.supporters.edges.map((e: any) => [e.node.position, e.node.source.descriptor])).toEqual([
      ['SUPPORT', 'Volodymyr Zelensky'],
      ['CONDITIONAL', 'a French diplomat'],
    ]);
  });

  test('quoteStats groups by outlet and month, anonymity, actor and affiliation as SQL does', async () => {
    const { data, errors } = await app.graphql(`{
      byOutletMonth: quoteStats(groupBy: [OUTLET, MONTH]) { outlet { name } month count }
      byAnonymity: quoteStats(groupBy: [ANONYMITY], filter: { outletIds: ["${outlet('one')}"] }) { anonymity count }
      byAffiliation: quoteStats(groupBy: [AFFILIATION], filter: { anonymity: ANONYMOUS }) { affiliation { name } count }
      byActor: quoteStats(groupBy: [ACTOR], filter: { anonymity: NAMED }, limit: 2) { actor { name } count }
      total: quoteStats(groupBy: []) { count }
    }`);
    expect(errors).toBeUndefined();
    const expected = await sql(`
      SELECT o.name AS outlet, to_char(a.published_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(*)::int AS count
      FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN outlets o ON o.id = a.outlet_id GROUP BY 1, 2`);
    const asSet = (rows: { outlet: string; month: string | null; count: number }[]) =>
      rows.map((r) => `${r.outlet}|${r.month}|${r.count}`).sort();
    expect(
      asSet(data.byOutletMonth.map((b: any) => ({ outlet: b.outlet.name, month: b.month, count: b.count }))),
    ).toEqual(asSet(expected));
    expect(data.byOutletMonth.find((b: any) => b.outlet.name === 'Daily One' && b.month === '2024-09').count).toBe(3);
    expect(data.byAnonymity).toEqual([
      { anonymity: 'ANONYMOUS', count: 3 },
      { anonymity: 'NAMED', count: 3 },
    ]);
    expect(data.byAffiliation).toEqual(
      expect.arrayContaining([
        { affiliation: { name: 'France' }, count: 1 },
        { affiliation: { name: 'Germany' }, count: 1 },
        { affiliation: { name: 'NATO' }, count: 1 },
        { affiliation: { name: 'Ukraine' }, count: 1 },
        { affiliation: null, count: 1 },
      ]),
    );
    expect(data.byActor).toHaveLength(2);
    expect(data.total).toEqual([{ count: 9 }]);
  });

  describe('errors', () => {
    test('an impossible date range is BAD_USER_INPUT naming the argument', async () => {
      const { errors } = await app.graphql(
        `{ quotes(filter: { publishedAfter: "2024-10-01T00:00:00Z", publishedBefore: "2024-09-01T00:00:00Z" }) { totalCount } }`,
      );
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.publishedAfter' });
      const coMentioned = await app.graphql(
        `query ($id: ID!) { node(id: $id) { ... on Actor { coMentioned(publishedAfter: "2024-10-01T00:00:00Z", publishedBefore: "2024-01-01T00:00:00Z") { articleCount } } } }`,
        {
          id: actor('NATO'),
        },
      );
      expect(coMentioned.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'publishedAfter' });
    });

    test('an id of the wrong type in a filter is BAD_USER_INPUT naming the item', async () => {
      const { errors } = await app.graphql(`query ($id: ID!) { quotes(filter: { actorIds: [$id] }) { totalCount } }`, {
        id: outlet('one'),
      });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.actorIds[0]' });
    });

    test('unknown ids give empty results, unknown enum values are refused by validation', async () => {
      const unknownActor = toGlobalId('Actor', '00000000-0000-4000-8000-000000000000');
      expect(await quoteTexts({ actorIds: [unknownActor] })).toEqual([]);
      const { errors } = await app.graphql(`{ quotes(filter: { kind: SHOUTED }) { totalCount } }`);
      expect(errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    test('actor(name:) matching several actors is BAD_USER_INPUT naming them', async () => {
      await sql(`INSERT INTO actors (name, kind) VALUES ('Paris', 'STATE'), ('paris', 'PERSON')`);
      try {
        const { errors } = await app.graphql(`{ actor(name: "Paris") { id } }`);
        expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
        expect(errors?.[0].message).toMatch(/several actors: Paris, paris/);
      } finally {
        await sql(`DELETE FROM actors WHERE name_key = 'paris'`);
      }
    });
  });
});

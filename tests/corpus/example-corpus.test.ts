import path from 'node:path';
import { sliceCodePoints } from '../../src/common/code-points';
import { readGoldDocument } from '../../src/corpus/gold-annotation';
import { loadExampleCorpus, readNewsArticles } from '../../src/corpus/example-corpus';
import { createTestDatabase, type TestDatabase } from '../setup/test-database';

const { gold, text } = readGoldDocument(path.join(__dirname, '../fixtures'), 'storm-shadow-victory-plan');
const news = readNewsArticles();

describe('example corpus loader', () => {
  let database: TestDatabase;
  /** The hand-annotated article's id: its rows are the ones the gold file describes. */
  let stormShadowId: string;
  const sql = (query: string, params: unknown[] = []) => database.dataSource.query(query, params);

  async function tableCounts(): Promise<Record<string, number>> {
    const tables = [
      'outlets',
      'articles',
      'actors',
      'actor_aliases',
      'actor_memberships',
      'sources',
      'quotes',
      'mentions',
      'policy_questions',
      'stances',
    ];
    const [row] = await sql(`SELECT ${tables.map((t) => `(SELECT count(*) FROM ${t})::int AS ${t}`).join(', ')}`);
    return row;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    const results = await loadExampleCorpus(database.dataSource);
    expect(results.map((r) => r.created)).toEqual(Array(25).fill(true));
    stormShadowId = results[0].articleId;
  });

  afterAll(async () => {
    await database.drop();
  });

  test('stores the body exactly as annotated, so gold offsets hold', async () => {
    const [article] = await sql(`SELECT body, title, language, body_length FROM articles WHERE id = $1`, [
      stormShadowId,
    ]);
    expect(article.body).toBe(text);
    expect(article.body_length).toBe(Array.from(text).length);
    expect(article.title).toBe(gold.article.title);
    expect(article.language).toBe('en');
  });

  test('loads the 6 direct quotes and 4 paraphrases at their exact spans, each text equal to the body there', async () => {
    const quotes: { span_start: number; span_end: number; text: string; kind: string; cue: string; origin: string }[] =
      await sql(
        `SELECT span_start, span_end, text, kind, cue, origin FROM quotes WHERE article_id = $1 ORDER BY span_start`,
        [stormShadowId],
      );
    const expected = [...gold.quotes].sort((a, b) => a.span[0] - b.span[0]);
    expect(quotes.map((q) => [q.span_start, q.span_end, q.kind, q.cue, q.origin])).toEqual(
      expected.map((q) => [q.span[0], q.span[1], q.kind, q.cue, 'MANUAL']),
    );
    for (const quote of quotes) {
      expect(quote.text).toBe(sliceCodePoints(text, quote.span_start, quote.span_end));
    }
    expect(quotes.filter((q) => q.kind === 'DIRECT')).toHaveLength(6);
    expect(quotes.filter((q) => q.kind === 'PARAPHRASE')).toHaveLength(4);
  });

  test('loads the 11 sources: 7 anonymous, 4 named and linked to their actors, descriptors at their spans', async () => {
    const sources: {
      descriptor: string;
      span_start: number;
      span_end: number;
      anonymity: string;
      actor: string | null;
      affiliation: string | null;
      role: string;
    }[] = await sql(
      `
        SELECT s.descriptor, s.span_start, s.span_end, s.anonymity, ac.name AS actor, af.name AS affiliation, s.role
        FROM sources s LEFT JOIN actors ac ON ac.id = s.actor_id LEFT JOIN actors af ON af.id = s.affiliation_id
        WHERE s.article_id = $1 ORDER BY s.span_start`,
      [stormShadowId],
    );
    expect(sources).toHaveLength(11);
    expect(sources.filter((s) => s.anonymity === 'ANONYMOUS')).toHaveLength(7);
    const named = sources.filter((s) => s.anonymity === 'NAMED');
    expect(named.map((s) => s.actor)).toEqual(['Volodymyr Zelensky', 'Joe Biden', 'Keir Starmer', 'Emmanuel Macron']);
    for (const source of sources) {
      expect(sliceCodePoints(text, source.span_start, source.span_end)).toBe(source.descriptor);
    }
    const affiliationOf = Object.fromEntries(sources.map((s) => [s.descriptor, s.affiliation]));
    expect(affiliationOf).toMatchObject({
      'a Ukrainian defense source': 'Ukraine',
      'a European official familiar with the discussions': null,
      'a Ukrainian military official': 'Ukraine',
      'one official from a NATO country': 'NATO',
      sources: null,
      analysts: null,
      'some NATO officials': 'NATO',
    });
  });

  test('loads actors with their aliases, affiliations and memberships', async () => {
    const actors: { name: string; kind: string; aliases: string[]; affiliation: string | null; member_of: string[] }[] =
      await sql(`
      SELECT ac.name, ac.kind, af.name AS affiliation,
             ARRAY(SELECT alias FROM actor_aliases WHERE actor_id = ac.id ORDER BY alias) AS aliases,
             ARRAY(SELECT o.name FROM actor_memberships m JOIN actors o ON o.id = m.organisation_id WHERE m.member_id = ac.id ORDER BY o.name) AS member_of
      FROM actors ac LEFT JOIN actors af ON af.id = ac.affiliation_id ORDER BY ac.name`);
    // Extraction adds the news articles' actors; every actor of the annotation is there as annotated.
    expect(actors.map((a) => a.name)).toEqual(expect.arrayContaining(gold.actors.map((a) => a.name)));
    const byName = Object.fromEntries(actors.map((a) => [a.name, a]));
    expect(byName['Keir Starmer']).toMatchObject({
      kind: 'PERSON',
      aliases: ['Keir Starmer', 'Sir Keir Starmer', 'Starmer'],
      affiliation: 'United Kingdom',
    });
    expect(byName.France).toMatchObject({ kind: 'STATE', member_of: ['NATO'] });
    // The news articles' extraction links "US" and "America" to it, as aliases it gains.
    expect(byName['United States']).toMatchObject({
      aliases: expect.arrayContaining(['U.S.', 'US']),
      member_of: ['NATO'],
    });
    expect(byName['White House']).toMatchObject({ kind: 'ORGANIZATION', affiliation: 'United States' });
  });

  test('loads the 2 policy questions and their 8 stances, with evidence spans and the quotes they cite', async () => {
    const stances: {
      slug: string;
      position: string;
      evidence_start: number;
      evidence_end: number;
      descriptor: string;
      quote: string | null;
    }[] = await sql(`
      SELECT pq.slug, st.position, st.evidence_start, st.evidence_end, s.descriptor, q.text AS quote
      FROM stances st JOIN policy_questions pq ON pq.id = st.question_id JOIN sources s ON s.id = st.source_id
      LEFT JOIN quotes q ON q.id = st.quote_id ORDER BY pq.slug, st.evidence_start`);
    expect(stances).toHaveLength(8);
    expect(stances.filter((s) => s.slug === 'long-range-strikes-inside-russia')).toHaveLength(6);
    expect(stances.filter((s) => s.slug === 'nato-trained-ukrainian-brigades')).toHaveLength(2);
    const biden = stances.find((s) => s.descriptor === 'Biden');
    expect(biden).toMatchObject({ position: 'CONDITIONAL', evidence_start: 2137, evidence_end: 2285, quote: null });
    const defenseSource = stances.find((s) => s.descriptor === 'a Ukrainian defense source');
    expect(defenseSource?.quote).toBe(sliceCodePoints(text, 883, 991));
  });

  test('derives mentions by matching actor names and aliases, marked as extracted', async () => {
    const mentions: { name: string; span_start: number; span_end: number; origin: string; extractor: string }[] =
      await sql(
        `
      SELECT ac.name, m.span_start, m.span_end, m.origin, m.extractor FROM mentions m JOIN actors ac ON ac.id = m.actor_id
      WHERE m.article_id = $1 ORDER BY m.span_start`,
        [stormShadowId],
      );
    const counts = mentions.reduce<Record<string, number>>(
      (acc, m) => ({ ...acc, [m.name]: (acc[m.name] ?? 0) + 1 }),
      {},
    );
    // "Zelensky" stands 8 times in the text (`grep -o Zelensky`), once inside "Volodymyr Zelensky".
    expect(counts['Volodymyr Zelensky']).toBe(8);
    expect(counts['Ukraine Defense Contact Group']).toBe(1);
    for (const mention of mentions) {
      expect([
        'Volodymyr Zelensky',
        'Zelensky',
        'Biden',
        'Joe Biden',
        'Ukraine',
        'Russia',
        'NATO',
        'Britain',
        'U.S.',
        'United States',
        'Keir Starmer',
        'Sir Keir Starmer',
        'Starmer',
        'Macron',
        'Emmanuel Macron',
        'France',
        'White House',
        'Ukraine Defense Contact Group',
        'The Telegraph',
        'AP',
        'Lewis Joly',
      ]).toContain(sliceCodePoints(text, mention.span_start, mention.span_end));
      expect(mention).toMatchObject({ origin: 'EXTRACTED', extractor: 'seed-name-matcher' });
    }
  });

  test('dates the hand-annotated article to the day of the Washington meeting it reports, under its outlet as annotated', async () => {
    const [article] = await sql(
      `SELECT a.url, a.published_at, o.name AS outlet, o.domain FROM articles a JOIN outlets o ON o.id = a.outlet_id WHERE a.id = $1`,
      [stormShadowId],
    );
    expect(article).toEqual({
      url: null,
      published_at: new Date('2024-09-26T00:00:00Z'),
      outlet: 'The Telegraph',
      domain: null,
    });
  });

  test('loads the 24 Wikinews articles with their URLs, dates and the outlet Wikinews of en.wikinews.org', async () => {
    expect(news).toHaveLength(24);
    const articles: {
      url: string;
      title: string;
      body: string;
      published_at: Date;
      language: string;
      outlet: string;
      domain: string;
    }[] = await sql(
      `
      SELECT a.url, a.title, a.body, a.published_at, a.language, o.name AS outlet, o.domain
      FROM articles a JOIN outlets o ON o.id = a.outlet_id WHERE a.id <> $1 ORDER BY a.published_at, a.url`,
      [stormShadowId],
    );
    expect(
      articles.map((a) => [a.url, a.title, a.body, a.published_at.toISOString(), a.language, a.outlet, a.domain]),
    ).toEqual(
      news.map((n) => [
        n.url,
        n.title,
        n.body,
        new Date(n.publishedAt).toISOString(),
        'en',
        'Wikinews',
        'en.wikinews.org',
      ]),
    );
    const [years] = await sql(
      `SELECT min(extract(year FROM published_at))::int AS first, max(extract(year FROM published_at))::int AS last FROM articles`,
    );
    expect(years).toEqual({ first: 2006, last: 2024 });
  });

  test('annotates the news articles by extraction: their quotes, sources and mentions are EXTRACTED, the hand annotation stays MANUAL', async () => {
    const rows: { hand: boolean; table: string; origin: string; count: number }[] = await sql(
      `SELECT article_id = $1 AS hand, 'quotes' AS table, origin, count(*)::int AS count FROM quotes GROUP BY 1, 3
       UNION ALL SELECT article_id = $1, 'sources', origin, count(*)::int FROM sources GROUP BY 1, 3
       UNION ALL SELECT article_id = $1, 'mentions', origin, count(*)::int FROM mentions GROUP BY 1, 3`,
      [stormShadowId],
    );
    const newsRows = rows.filter((r) => !r.hand);
    expect(newsRows.map((r) => r.table).sort()).toEqual(['mentions', 'quotes', 'sources']);
    expect(newsRows.map((r) => r.origin)).toEqual(newsRows.map(() => 'EXTRACTED'));
    for (const row of newsRows)
      expect({ table: row.table, many: row.count > 10 }).toEqual({ table: row.table, many: true });
    expect(rows.filter((r) => r.hand && r.table !== 'mentions').map((r) => [r.table, r.origin, r.count])).toEqual(
      expect.arrayContaining([
        ['quotes', 'MANUAL', 10],
        ['sources', 'MANUAL', 11],
      ]),
    );
    const [quoted] = await sql(
      `SELECT count(DISTINCT article_id)::int AS articles FROM quotes WHERE origin = 'EXTRACTED'`,
    );
    expect(quoted.articles).toBeGreaterThan(10);
  });

  test('loading the corpus again changes nothing', async () => {
    const before = await tableCounts();
    const again = await loadExampleCorpus(database.dataSource);
    expect(again.map((r) => r.created)).toEqual(Array(25).fill(false));
    expect(await tableCounts()).toEqual(before);
    expect(before).toMatchObject({ articles: 25, outlets: 2 });
  });
});

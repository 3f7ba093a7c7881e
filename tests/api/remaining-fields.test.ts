// The fields the other suites reach only in passing, each compared with the same question in SQL.
import { toGlobalId } from '../../src/common/global-id';
import { loadHandAnnotatedExample } from '../../src/corpus/example-corpus';
import { startTestApp, type TestApp } from '../setup/test-app';

describe('remaining fields', () => {
  let app: TestApp;
  let articleId: string;
  const sql = (text: string, params: unknown[] = []) => app.database.dataSource.query(text, params);

  beforeAll(async () => {
    app = await startTestApp();
    const [loaded] = await loadHandAnnotatedExample(app.database.dataSource);
    articleId = loaded.articleId;
  });

  afterAll(async () => {
    await app.close();
  });

  test('policyQuestions lists the questions by slug', async () => {
    const { data } = await app.graphql(`{ policyQuestions { totalCount edges { node { slug text } } } }`);
    const rows = await sql(`SELECT slug, text FROM policy_questions ORDER BY slug COLLATE "C"`);
    expect(data.policyQuestions).toEqual({ totalCount: rows.length, edges: rows.map((node: object) => ({ node })) });
  });

  test("an article's sources, mentions and stances are its rows, in reading order", async () => {
    const { data } = await app.graphql(
      `query ($id: ID!) { article(id: $id) {
        sources { descriptor }
        mentions { span { start text } actor { name } origin }
        stances { position evidence { start } source { descriptor } question { slug } }
      } }`,
      { id: toGlobalId('Article', articleId) },
    );
    const sources = await sql(
      `SELECT descriptor FROM sources WHERE article_id = $1 ORDER BY span_start NULLS LAST, id`,
      [articleId],
    );
    expect(data.article.sources).toEqual(sources);
    const [{ count }] = await sql(`SELECT count(*)::int AS count FROM mentions WHERE article_id = $1`, [articleId]);
    expect(data.article.mentions).toHaveLength(count);
    const starts = data.article.mentions.map((m: any) => m.span.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    // The first name in the body is Russia, in the photo caption.
    expect(data.article.mentions[0]).toEqual({
      span: {
        start: Array.from(
          'The Storm Shadow missile, and its long range, is seen as crucial to Ukrainian efforts to seize the initiative in its war with ',
        ).length,
        text: 'Russia',
      },
      actor: { name: 'Russia' },
      origin: 'EXTRACTED',
    });
    const stances = await sql(
      `SELECT st.position, st.evidence_start AS start, s.descriptor, pq.slug FROM stances st JOIN sources s ON s.id = st.source_id
       JOIN policy_questions pq ON pq.id = st.question_id WHERE st.article_id = $1 ORDER BY st.evidence_start NULLS LAST, st.id`,
      [articleId],
    );
    expect(
      data.article.stances.map((s: any) => [s.position, s.evidence.start, s.source.descriptor, s.question.slug]),
    ).toEqual(stances.map((s: any) => [s.position, s.start, s.descriptor, s.slug]));
  });

  test("a source's quotes and stances, and a quote's stances, are the rows that point at them", async () => {
    const { data } = await app.graphql(
      `{ sources(first: 50) { edges { node { descriptor quotes { text } stances { position } } } } quotes(first: 50) { edges { node { text stances { position source { descriptor } } } } } }`,
    );
    for (const { node } of data.sources.edges) {
      const [row] = await sql(
        `SELECT (SELECT count(*) FROM quotes q JOIN sources s ON s.id = q.source_id WHERE s.descriptor = $1)::int AS quotes,
                (SELECT count(*) FROM stances st JOIN sources s ON s.id = st.source_id WHERE s.descriptor = $1)::int AS stances`,
        [node.descriptor],
      );
      expect({ source: node.descriptor, quotes: node.quotes.length, stances: node.stances.length }).toEqual({
        source: node.descriptor,
        ...row,
      });
    }
    const cited = data.quotes.edges.map((e: any) => e.node).filter((q: any) => q.stances.length);
    const rows = await sql(
      `SELECT q.text, st.position FROM stances st JOIN quotes q ON q.id = st.quote_id ORDER BY q.span_start`,
    );
    expect(cited.map((q: any) => [q.text, q.stances[0].position]).sort()).toEqual(
      rows.map((r: any) => [r.text, r.position]).sort(),
    );
    expect(cited).toHaveLength(3);
  });
});

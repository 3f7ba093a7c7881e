// The model's integrity is enforced by PostgreSQL itself: these statements bypass the app.
import { createTestDatabase, type TestDatabase } from '../setup/test-database';

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);

describe('database constraints', () => {
  let database: TestDatabase;
  const sql = (text: string, params: unknown[] = []) => database.dataSource.query(text, params);

  async function insertArticle(body: string, options: { url?: string | null; hash?: string } = {}): Promise<string> {
    const [row] = await sql(
      `INSERT INTO articles (title, body, url, content_hash) VALUES ('A title', $1, $2, $3) RETURNING id`,
      [body, options.url ?? null, options.hash ?? HASH_A],
    );
    return row.id;
  }

  async function insertSource(articleId: string, descriptor = 'an official'): Promise<string> {
    const [row] = await sql(
      `INSERT INTO sources (article_id, descriptor, anonymity) VALUES ($1, $2, 'ANONYMOUS') RETURNING id`,
      [articleId, descriptor],
    );
    return row.id;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database.drop();
  });

  beforeEach(async () => {
    await sql('TRUNCATE articles, outlets, actors, policy_questions CASCADE');
  });

  test('refuses a quote span past the end of the body, counting code points', async () => {
    const articleId = await insertArticle('😀 "Hello"'); // 9 code points, 10 UTF-16 units
    await expect(
      sql(`INSERT INTO quotes (article_id, span_start, span_end) VALUES ($1, 3, 10)`, [articleId]),
    ).rejects.toMatchObject({
      driverError: { code: '23514' },
    });
    const [quote] = await sql(
      `INSERT INTO quotes (article_id, span_start, span_end) VALUES ($1, 3, 8) RETURNING text`,
      [articleId],
    );
    expect(quote.text).toBe('Hello');
  });

  test('refuses spans past the body on sources, mentions and stance evidence too', async () => {
    const articleId = await insertArticle('Short body.');
    const sourceId = await insertSource(articleId);
    const [actor] = await sql(`INSERT INTO actors (name, kind) VALUES ('Someone', 'PERSON') RETURNING id`);
    const [question] = await sql(
      `INSERT INTO policy_questions (slug, text) VALUES ('a-question', 'A question?') RETURNING id`,
    );
    await expect(
      sql(`UPDATE sources SET span_start = 0, span_end = 12 WHERE id = $1`, [sourceId]),
    ).rejects.toMatchObject({ driverError: { code: '23514' } });
    await expect(
      sql(`INSERT INTO mentions (article_id, actor_id, span_start, span_end) VALUES ($1, $2, 5, 99)`, [
        articleId,
        actor.id,
      ]),
    ).rejects.toMatchObject({ driverError: { code: '23514' } });
    await expect(
      sql(
        `INSERT INTO stances (question_id, article_id, source_id, position, evidence_start, evidence_end) VALUES ($1, $2, $3, 'SUPPORT', 0, 50)`,
        [question.id, articleId, sourceId],
      ),
    ).rejects.toMatchObject({ driverError: { code: '23514' } });
  });

  test('refuses empty and negative spans', async () => {
    const articleId = await insertArticle('Some body text.');
    await expect(
      sql(`INSERT INTO quotes (article_id, span_start, span_end) VALUES ($1, 4, 4)`, [articleId]),
    ).rejects.toMatchObject({
      driverError: { code: '23514', constraint: 'CHK_quotes_span' },
    });
    await expect(
      sql(`INSERT INTO quotes (article_id, span_start, span_end) VALUES ($1, -1, 4)`, [articleId]),
    ).rejects.toMatchObject({
      driverError: { code: '23514', constraint: 'CHK_quotes_span' },
    });
  });

  test('derives a quote text from the body, whatever text is written', async () => {
    const articleId = await insertArticle('He said: "no".');
    const [quote] = await sql(
      `INSERT INTO quotes (article_id, span_start, span_end) VALUES ($1, 10, 12) RETURNING id, text`,
      [articleId],
    );
    expect(quote.text).toBe('no');
    const [updated] = await sql(`UPDATE quotes SET text = 'yes' WHERE id = $1 RETURNING text`, [quote.id]);
    expect(updated[0].text).toBe('no');
  });

  test('refuses a duplicate URL', async () => {
    await insertArticle('One.', { url: 'https://example.org/a' });
    await expect(insertArticle('Two.', { url: 'https://example.org/a', hash: HASH_B })).rejects.toMatchObject({
      driverError: { code: '23505', constraint: 'UQ_articles_url' },
    });
  });

  test('allows one text under two URLs but refuses it twice without a URL', async () => {
    await insertArticle('Wire story.', { url: 'https://one.example/story' });
    await insertArticle('Wire story.', { url: 'https://two.example/story' });
    await insertArticle('Wire story.');
    await expect(insertArticle('Wire story.')).rejects.toMatchObject({
      driverError: { code: '23505', constraint: 'UQ_articles_content_hash_without_url' },
    });
  });

  test('refuses a dangling foreign key', async () => {
    await expect(
      sql(
        `INSERT INTO sources (article_id, descriptor, anonymity) VALUES ('00000000-0000-4000-8000-000000000000', 'x', 'NAMED')`,
      ),
    ).rejects.toMatchObject({ driverError: { code: '23503' } });
  });

  test("refuses a quote attributed to another article's source", async () => {
    const first = await insertArticle('First article.');
    const second = await insertArticle('Second article.', { hash: HASH_B });
    const sourceOfFirst = await insertSource(first);
    await expect(
      sql(`INSERT INTO quotes (article_id, span_start, span_end, source_id) VALUES ($1, 0, 6, $2)`, [
        second,
        sourceOfFirst,
      ]),
    ).rejects.toMatchObject({ driverError: { code: '23503', constraint: 'FK_quotes_source_of_same_article' } });
  });

  test('cascades the deletion of an article to its sources, quotes, mentions and stances', async () => {
    const articleId = await insertArticle('Body with a quote.');
    const sourceId = await insertSource(articleId);
    const [quote] = await sql(
      `INSERT INTO quotes (article_id, span_start, span_end, source_id) VALUES ($1, 0, 4, $2) RETURNING id`,
      [articleId, sourceId],
    );
    const [question] = await sql(`INSERT INTO policy_questions (slug, text) VALUES ('q', 'Q?') RETURNING id`);
    await sql(
      `INSERT INTO stances (question_id, article_id, source_id, position, quote_id) VALUES ($1, $2, $3, 'OPPOSE', $4)`,
      [question.id, articleId, sourceId, quote.id],
    );
    await sql(`DELETE FROM articles WHERE id = $1`, [articleId]);
    const [counts] = await sql(
      `SELECT (SELECT count(*) FROM sources)::int AS sources, (SELECT count(*) FROM quotes)::int AS quotes, (SELECT count(*) FROM stances)::int AS stances`,
    );
    expect(counts).toEqual({ sources: 0, quotes: 0, stances: 0 });
  });

  test('a deleted quote leaves the stance that cited it, without the link', async () => {
    const articleId = await insertArticle('Body with a quote.');
    const sourceId = await insertSource(articleId);
    const [quote] = await sql(
      `INSERT INTO quotes (article_id, span_start, span_end, source_id) VALUES ($1, 0, 4, $2) RETURNING id`,
      [articleId, sourceId],
    );
    const [question] = await sql(`INSERT INTO policy_questions (slug, text) VALUES ('q', 'Q?') RETURNING id`);
    const [stance] = await sql(
      `INSERT INTO stances (question_id, article_id, source_id, position, quote_id, evidence_start, evidence_end) VALUES ($1, $2, $3, 'OPPOSE', $4, 0, 4) RETURNING id`,
      [question.id, articleId, sourceId, quote.id],
    );
    await sql(`DELETE FROM quotes WHERE id = $1`, [quote.id]);
    const [after] = await sql(`SELECT article_id, quote_id, evidence_start, evidence_end FROM stances WHERE id = $1`, [
      stance.id,
    ]);
    expect(after).toEqual({ article_id: articleId, quote_id: null, evidence_start: 0, evidence_end: 4 });
  });

  test('refuses changing a body that spans point into', async () => {
    const articleId = await insertArticle('Original body.');
    await expect(sql(`UPDATE articles SET body = 'Other' WHERE id = $1`, [articleId])).rejects.toMatchObject({
      driverError: { code: '23514' },
    });
  });

  test('refuses an alias that another actor holds, ignoring case and accents', async () => {
    const [zelensky] = await sql(
      `INSERT INTO actors (name, kind) VALUES ('Volodymyr Zelensky', 'PERSON') RETURNING id`,
    );
    const [other] = await sql(`INSERT INTO actors (name, kind) VALUES ('Someone Else', 'PERSON') RETURNING id`);
    await sql(`INSERT INTO actor_aliases (actor_id, alias) VALUES ($1, 'Zelensky')`, [zelensky.id]);
    await expect(
      sql(`INSERT INTO actor_aliases (actor_id, alias) VALUES ($1, ' ZELÉNSKY ')`, [other.id]),
    ).rejects.toMatchObject({
      driverError: { code: '23505', constraint: 'UQ_actor_aliases_alias_key' },
    });
  });

  test('refuses a policy question slug that is not kebab-case, and a second stance of one source on one question', async () => {
    await expect(sql(`INSERT INTO policy_questions (slug, text) VALUES ('Not Kebab', 'Q?')`)).rejects.toMatchObject({
      driverError: { code: '23514', constraint: 'CHK_policy_questions_slug_kebab_case' },
    });
    const articleId = await insertArticle('Body.');
    const sourceId = await insertSource(articleId);
    const [question] = await sql(`INSERT INTO policy_questions (slug, text) VALUES ('q', 'Q?') RETURNING id`);
    const stance = `INSERT INTO stances (question_id, article_id, source_id, position) VALUES ($1, $2, $3, 'SUPPORT')`;
    await sql(stance, [question.id, articleId, sourceId]);
    await expect(sql(stance, [question.id, articleId, sourceId])).rejects.toMatchObject({
      driverError: { code: '23505', constraint: 'UQ_stances_source_question' },
    });
  });

  test('refuses an extracted row without its extractor and a confidence outside [0, 1]', async () => {
    const articleId = await insertArticle('Body.');
    await expect(
      sql(`INSERT INTO sources (article_id, descriptor, anonymity, origin) VALUES ($1, 'x', 'NAMED', 'EXTRACTED')`, [
        articleId,
      ]),
    ).rejects.toMatchObject({
      driverError: { code: '23514' },
    });
    await expect(
      sql(`INSERT INTO sources (article_id, descriptor, anonymity, confidence) VALUES ($1, 'x', 'NAMED', 1.5)`, [
        articleId,
      ]),
    ).rejects.toMatchObject({
      driverError: { code: '23514' },
    });
  });
});

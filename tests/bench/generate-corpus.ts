// Generates a large synthetic corpus directly in SQL (for benchmarks): outlets, actors with
// memberships, articles over two years, each with sources, quotes, mentions and stances. Every
// quote is a sentence of its article's body, so spans are exact and the span triggers run.
import type { DataSource } from 'typeorm';

export interface GeneratedCorpusSize {
  readonly articles: number;
  readonly quotesPerArticle: number;
}

const WORDS = [
  'strategy',
  'missiles',
  'sanctions',
  'ceasefire',
  'brigades',
  'logistics',
  'negotiations',
  'support',
  'frontline',
  'drones',
  'energy',
  'grain',
  'corridor',
  'talks',
  'pressure',
  'escalation',
  'reserves',
  'allies',
  'budget',
  'airspace',
  'coherent',
  'plan',
  'risk',
  'winter',
  'offensive',
  'defence',
  'treaty',
  'summit',
  'aid',
  'artillery',
];

// Each sentence is exactly this long, so quote spans follow from the sentence number.
const PREFIX = 20; // `Speaker NN said: “` padded
const QUOTE = 76;
const SENTENCE = PREFIX + QUOTE + 2; // closing mark and a space

/** Runs one statement of the generator. */
type Run = (sql: string, params?: unknown[]) => Promise<unknown>;

/** Outlets, NATO and the EU, 30 states (20 in NATO), 300 people with aliases, two policy questions. */
async function insertReferenceData(q: Run): Promise<void> {
  await q(
    `INSERT INTO outlets (name, domain) SELECT 'Outlet ' || g, 'outlet' || g || '.example' FROM generate_series(1, 20) g`,
  );
  await q(`INSERT INTO actors (name, kind) VALUES ('NATO', 'ORGANIZATION'), ('European Union', 'ORGANIZATION')`);
  await q(`INSERT INTO actors (name, kind) SELECT 'State ' || g, 'STATE' FROM generate_series(1, 30) g`);
  await q(`INSERT INTO actor_memberships (member_id, organisation_id)
           SELECT s.id, n.id FROM actors s, actors n WHERE s.kind = 'STATE' AND n.name = 'NATO' AND substr(s.name, 7)::int <= 20`);
  await q(`INSERT INTO actors (name, kind, affiliation_id)
           SELECT 'Person ' || g, 'PERSON', (SELECT id FROM actors WHERE name = 'State ' || (1 + g % 30)) FROM generate_series(1, 300) g`);
  await q(
    `INSERT INTO actor_aliases (actor_id, alias) SELECT id, 'P' || substr(name, 8) FROM actors WHERE kind = 'PERSON'`,
  );
  await q(
    `INSERT INTO policy_questions (slug, text) VALUES ('long-range-strikes', 'Should long-range strikes be allowed?'), ('more-sanctions', 'Should sanctions be widened?')`,
  );
}

/** Articles: a body of sentences "Speaker NN said: “<76 characters of words>” ". */
async function insertArticles(q: Run, size: GeneratedCorpusSize): Promise<void> {
  await q(
    `WITH words AS (SELECT $1::text[] AS w),
     bodies AS (
       SELECT g, string_agg(
         rpad('Speaker ' || lpad(k::text, 2, '0') || ' said:', ${PREFIX - 1}) || '“' ||
         rpad((SELECT string_agg(words.w[1 + ((g * 7 + k * 13 + i * 31) % array_length(words.w, 1))], ' ') FROM generate_series(1, 12) i), ${QUOTE}) || '” ',
         '' ORDER BY k) AS body
       FROM words, generate_series(1, $2::int) g, generate_series(0, $3::int - 1) k
       GROUP BY g
     )
     INSERT INTO articles (title, body, content_hash, published_at, outlet_id, language, url)
     SELECT 'Generated article ' || g, rtrim(body), encode(sha256(convert_to(rtrim(body), 'UTF8')), 'hex'),
            timestamptz '2023-01-01 00:00:00+00' + (g % 730) * interval '1 day' + (g % 1440) * interval '1 minute',
            (SELECT id FROM outlets WHERE name = 'Outlet ' || (1 + g % 20)), 'en', 'https://generated.example/' || g
     FROM bodies`,
    [WORDS, size.articles, size.quotesPerArticle],
  );
}

/** Four sources per article: two named people and two anonymous officials of a state. */
async function insertSources(q: Run): Promise<void> {
  await q(`
    INSERT INTO sources (article_id, descriptor, kind, anonymity, actor_id, affiliation_id, role)
    SELECT a.id, p.name, 'PERSON', 'NAMED', p.id, p.affiliation_id, 'official'
    FROM articles a CROSS JOIN LATERAL (
      SELECT id, name, affiliation_id FROM actors WHERE kind = 'PERSON' AND name IN ('Person ' || (1 + (hashtext(a.id::text) & 255)), 'Person ' || (1 + (hashtext(a.title) & 255) + 40))
    ) p`);
  await q(`
    INSERT INTO sources (article_id, descriptor, kind, anonymity, affiliation_id, role)
    SELECT a.id, 'an official from ' || st.name, 'PERSON', 'ANONYMOUS', st.id, CASE WHEN k = 0 THEN 'defense official' ELSE 'diplomat' END
    FROM articles a CROSS JOIN generate_series(0, 1) k
    JOIN actors st ON st.name = 'State ' || (1 + ((hashtext(a.id::text) + k * 7) & 2147483647) % 30)`);
}

/** Quotes: one per sentence, attributed in turn to the article's sources; some extracted. */
async function insertQuotes(q: Run, size: GeneratedCorpusSize): Promise<void> {
  await q(
    `
    WITH numbered AS (SELECT s.id, s.article_id, row_number() OVER (PARTITION BY s.article_id ORDER BY s.id) - 1 AS n, count(*) OVER (PARTITION BY s.article_id) AS total FROM sources s)
    INSERT INTO quotes (article_id, span_start, span_end, kind, source_id, cue, origin, extractor, extractor_version, confidence)
    SELECT a.id, k * ${SENTENCE} + ${PREFIX}, k * ${SENTENCE} + ${PREFIX + QUOTE},
           CASE WHEN k % 4 = 3 THEN 'PARAPHRASE'::quote_kind ELSE 'DIRECT'::quote_kind END,
           numbered.id,
           'said',
           CASE WHEN k % 3 = 0 THEN 'EXTRACTED'::origin ELSE 'MANUAL'::origin END,
           CASE WHEN k % 3 = 0 THEN 'generator' END, CASE WHEN k % 3 = 0 THEN '1' END,
           CASE WHEN k % 3 = 0 THEN ((hashtext(a.id::text || k) & 1023) / 1023.0)::real END
    FROM articles a CROSS JOIN generate_series(0, $1::int - 1) k
    -- A join, not a lookup per quote: the generator stays linear at a million quotes.
    LEFT JOIN numbered ON numbered.article_id = a.id AND numbered.n = k % numbered.total`,
    [size.quotesPerArticle],
  );
}

/** Mentions of each named source's actor at its speaker label, and stances of the sources. */
async function insertMentionsAndStances(q: Run): Promise<void> {
  await q(`
    INSERT INTO mentions (article_id, actor_id, span_start, span_end)
    SELECT DISTINCT ON (q.article_id, s.actor_id) q.article_id, s.actor_id, q.span_start - ${PREFIX}, q.span_start - ${PREFIX} + 10
    FROM quotes q JOIN sources s ON s.id = q.source_id WHERE s.actor_id IS NOT NULL`);
  await q(`
    INSERT INTO stances (question_id, article_id, source_id, position, evidence_start, evidence_end, quote_id)
    SELECT DISTINCT ON (q.source_id, pq.id) pq.id, q.article_id, q.source_id,
           (ARRAY['SUPPORT', 'OPPOSE', 'CONDITIONAL', 'NEUTRAL', 'UNCLEAR']::stance_position[])[1 + (hashtext(q.id::text) & 2147483647) % 5],
           q.span_start, q.span_end, q.id
    FROM quotes q CROSS JOIN policy_questions pq
    WHERE (hashtext(q.source_id::text || pq.slug) & 3) = 0`);
}

export async function generateCorpus(dataSource: DataSource, size: GeneratedCorpusSize): Promise<void> {
  const q: Run = (sql, params = []) => dataSource.query(sql, params);
  // In this order: each step reads what the ones before it wrote.
  await insertReferenceData(q);
  await insertArticles(q, size);
  await insertSources(q);
  await insertQuotes(q, size);
  await insertMentionsAndStances(q);
  await q('ANALYZE');
}

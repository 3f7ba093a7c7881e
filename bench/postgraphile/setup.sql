-- What a PostGraphile user adds to Quotegraph's tables so that the bench scenarios can ask for the
-- same rows in the same order as Quotegraph: "computed columns" (SQL functions taking a row) and
-- the smart tags that expose them. No data, table or index changes. The bench applies this file
-- before PostGraphile starts (it introspects once, at start); applying it again changes nothing.

-- Article.publishedAtKey, and PUBLISHED_AT_KEY_ASC/DESC in ArticleOrderBy: Quotegraph's article
-- date order, undated articles last when descending (plain PUBLISHED_AT_DESC would put them first).
-- A bare expression of its argument, so PostgreSQL inlines it into the very expression of the index
-- IDX_articles_published_at_keyset, which then serves ORDER BY it, id.
CREATE OR REPLACE FUNCTION articles_published_at_key(a articles) RETURNS timestamptz
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT COALESCE(a.published_at, '-infinity'::timestamptz) $$;

COMMENT ON FUNCTION articles_published_at_key(articles) IS
E'@behavior +orderBy\nThe publication date, or -infinity if the article has none (so undated articles sort last when descending).';

-- Quote.publishedAtKey, and PUBLISHED_AT_KEY_ASC/DESC in QuoteOrderBy: the same key, of the quote's
-- article, for Quotegraph's quote order (newest article first, reading order within it). It reads
-- another table, so PostgreSQL can neither inline nor index it: ordering all quotes by it evaluates
-- it for every quote (Q6 pays for that on each page).
CREATE OR REPLACE FUNCTION quotes_published_at_key(q quotes) RETURNS timestamptz
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT COALESCE(a.published_at, '-infinity'::timestamptz) FROM articles a WHERE a.id = q.article_id $$;

COMMENT ON FUNCTION quotes_published_at_key(quotes) IS
E'@behavior +orderBy\nThe publication date of the quote''s article, or -infinity if it has none.';

-- Actor.quotes: the quotes whose source is the actor. The generated schema has no way there:
-- sources → quotes is a two-column foreign key with no index of its own, so PostGraphile leaves
-- out that backward relation, and nested sources { quotes } couldn't be one ordered list anyway.
-- +order gives the connection an orderBy argument. STABLE and not STRICT, so it is inlined.
CREATE OR REPLACE FUNCTION actors_quotes(a actors) RETURNS SETOF quotes
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT q.* FROM quotes q JOIN sources s ON s.id = q.source_id AND s.article_id = q.article_id
  WHERE s.actor_id = a.id
$$;

COMMENT ON FUNCTION actors_quotes(actors) IS E'@behavior +order\nThe quotes whose source is this actor.';

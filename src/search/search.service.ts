// Full-text search over article titles and bodies and over quotes, ranked together, using the
// generated tsvector columns, websearch syntax and ts_headline for the highlights.
import { applyArticleFilter, type ArticleFilter } from '../article/article.filter';
import { articlesById } from '../article/article.loaders';
import { Connection } from '../common/connection';
import { countRows, findPage, type PageRequest } from '../common/keyset';
import { SqlQuery } from '../common/sql-query';
import type { Context } from '../common/context';
import { AppError } from '../errors/app-error';
import type { Article } from '../article/article.entity';
import type { Quote } from '../quote/quote.entity';
import { quotesById } from '../quote/quote.loaders';
import { SEARCH_ORDER_KEYS, SearchHitType, SearchResult } from './search.types';

// PostgreSQL marks matches with control characters no stored body can hold; the text is then
// escaped as HTML and the marks become <b>…</b>, so a body's own markup never comes back live.
const START = '\u0001';
const STOP = '\u0002';
const HEADLINE_OPTIONS = {
  [SearchHitType.ARTICLE]: `StartSel=${START}, StopSel=${STOP}, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "`,
  [SearchHitType.QUOTE]: `StartSel=${START}, StopSel=${STOP}, HighlightAll=true`,
};

function markHtml(headline: string): string {
  const escaped = headline.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return escaped.split(START).join('<b>').split(STOP).join('</b>');
}

function tsquery(query: SqlQuery, text: string): string {
  return `websearch_to_tsquery('quotegraph', ${query.param(text)})`;
}

function hitsQuery(text: string, types: readonly SearchHitType[], filter: ArticleFilter | null | undefined): SqlQuery {
  const outer = new SqlQuery('');
  const branches: string[] = [];
  if (types.includes(SearchHitType.ARTICLE)) {
    const articles = applyArticleFilter(outer.branch('articles a'), filter);
    const match = tsquery(articles, text);
    articles.where(`a.search @@ ${match}`);
    branches.push(`SELECT 'ARTICLE'::text AS type, a.id, ts_rank_cd(a.search, ${match})::real AS rank FROM ${articles.from} ${articles.whereClause()}`);
  }
  if (types.includes(SearchHitType.QUOTE)) {
    const quotes = applyArticleFilter(outer.branch('quotes q JOIN articles a ON a.id = q.article_id'), filter);
    const match = tsquery(quotes, text);
    quotes.where(`q.search @@ ${match}`);
    branches.push(`SELECT 'QUOTE'::text AS type, q.id, ts_rank_cd(q.search, ${match})::real AS rank FROM ${quotes.from} ${quotes.whereClause()}`);
  }
  return new SqlQuery(`(${branches.join(' UNION ALL ')}) hits`, outer.params);
}

async function highlights(ctx: Context, text: string, hits: { type: SearchHitType; id: string }[]): Promise<Map<string, string>> {
  const query = new SqlQuery('');
  const match = tsquery(query, text);
  const rows: { id: string; highlight: string }[] = await ctx.db.query(
    `SELECT h.id::text AS id,
            CASE h.type
              WHEN 'ARTICLE' THEN ts_headline('quotegraph', a.title || E'\\n' || a.body, ${match}, ${query.param(HEADLINE_OPTIONS.ARTICLE)})
              ELSE ts_headline('quotegraph', q.text, ${match}, ${query.param(HEADLINE_OPTIONS.QUOTE)})
            END AS highlight
     FROM unnest(${query.param(hits.map((h) => h.type))}::text[], ${query.param(hits.map((h) => h.id))}::uuid[]) AS h(type, id)
     LEFT JOIN articles a ON h.type = 'ARTICLE' AND a.id = h.id
     LEFT JOIN quotes q ON h.type = 'QUOTE' AND q.id = h.id`,
    query.params,
  );
  return new Map(rows.map((row) => [row.id, markHtml(row.highlight)]));
}

export async function search(
  ctx: Context,
  text: string,
  page: PageRequest,
  types: readonly SearchHitType[] | null | undefined,
  filter: ArticleFilter | null | undefined,
): Promise<Connection<SearchResult>> {
  if (!text.trim()) throw AppError.badInput('query must not be empty', 'query');
  const wanted = types ?? Object.values(SearchHitType);
  if (!wanted.length) return Connection.empty();

  const query = hitsQuery(text, wanted, filter);
  const found = await findPage(ctx.db, query, 'hits.id', SEARCH_ORDER_KEYS, page);
  // The rank and the type are the first two sort keys.
  const hits = found.rows.map((row) => ({ ...row, rank: Number(row.values[0]), type: row.values[1] as SearchHitType }));
  const [marks, nodes] = await Promise.all([
    hits.length ? highlights(ctx, text, hits) : new Map<string, string>(),
    Promise.all(hits.map((hit) => (hit.type === SearchHitType.ARTICLE ? articlesById(ctx).load(hit.id) : quotesById(ctx).load(hit.id)))),
  ]);
  const edges = hits.flatMap((hit, i) => {
    const node = nodes[i] as Article | Quote | undefined;
    return node ? [{ cursor: hit.cursor, node: Object.assign(new SearchResult(), { hit: node, rank: hit.rank, highlight: marks.get(hit.id) ?? '' }) }] : [];
  });
  return new Connection(
    edges,
    {
      hasNextPage: found.hasNextPage,
      hasPreviousPage: Boolean(page.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    () => countRows(ctx.db, query),
  );
}

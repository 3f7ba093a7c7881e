// Full-text search over article titles and bodies and over quotes, ranked together, using the
// generated tsvector columns, websearch syntax and ts_headline for the highlights.
import { applyArticleFilter, type ArticleFilter } from '../article/article.filter';
import { articlesById } from '../article/article.loaders';
import { Connection, type PageNodes } from '../common/connection';
import type { Context } from '../common/context';
import { SEARCH_CONFIGURATION_SQL, websearchQuery } from '../common/filter-sql';
import type { PageRequest, PageRow } from '../common/keyset';
import { listConnection } from '../common/list-connection';
import { fromWhere, type RowSet, rowSet, where } from '../common/row-set';
import { queryRows, type SQL, sql } from '../database/sql';
import { AppError } from '../errors/app-error';
import type { Article } from '../article/article.entity';
import type { Quote } from '../quote/quote.entity';
import { quotesById } from '../quote/quote.loaders';
import { checkSearchText, HEADLINE_WINDOW } from './search-limits';
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

/**
 * Where hits of one kind come from: their rows (with the article aliased `a`, which a filter reads),
 * the same without the article when no filter needs it, id and tsvector.
 */
interface HitSource {
  readonly type: SearchHitType;
  readonly from: SQL;
  readonly unfiltered: SQL;
  readonly id: SQL;
  readonly vector: SQL;
}

const HIT_SOURCES: readonly HitSource[] = [
  {
    type: SearchHitType.ARTICLE,
    from: sql`articles a`,
    unfiltered: sql`articles a`,
    id: sql`a.id`,
    vector: sql`a.search`,
  },
  {
    type: SearchHitType.QUOTE,
    from: sql`quotes q JOIN articles a ON a.id = q.article_id`,
    // Every quote has its article (a foreign key): without a filter, the join only costs.
    unfiltered: sql`quotes q`,
    id: sql`q.id`,
    vector: sql`q.search`,
  },
];

/** The matches of one kind whose article passes the filter: type, id and rank. */
function hitsOf(source: HitSource, match: SQL, filter: ArticleFilter | null | undefined): SQL {
  const from = filter ? source.from : source.unfiltered;
  const rows = where(applyArticleFilter(rowSet(from), filter), sql`${source.vector} @@ ${match}`);
  return sql`SELECT ${sql.literal(source.type)}::text AS type, ${source.id}, ts_rank_cd(${source.vector}, ${match})::real AS rank ${fromWhere(rows)}`;
}

function hitRows(text: string, types: readonly SearchHitType[], filter: ArticleFilter | null | undefined): RowSet {
  const match = websearchQuery(text);
  const branches = HIT_SOURCES.filter((source) => types.includes(source.type)).map((source) =>
    hitsOf(source, match, filter),
  );
  return rowSet(sql`(${sql.join(branches, ' UNION ALL ')}) hits`);
}

interface Hit {
  readonly type: SearchHitType;
  readonly id: string;
  readonly rank: number;
}

/** The rank and the type are the first two sort keys. */
function hitOf(row: PageRow): Hit {
  return { id: row.id, rank: Number(row.values[0]), type: row.values[1] as SearchHitType };
}

async function highlights(ctx: Context, text: string, hits: readonly Hit[]): Promise<Map<string, string>> {
  const match = websearchQuery(text);
  const rows = await queryRows<{ id: string; highlight: string }>(
    ctx.db,
    sql`SELECT h.id::text AS id,
               CASE h.type
                 WHEN 'ARTICLE' THEN ts_headline(${SEARCH_CONFIGURATION_SQL}, a.title || E'\\n' || left(a.body, ${sql.value(HEADLINE_WINDOW)}), ${match}, ${sql.value(HEADLINE_OPTIONS.ARTICLE)})
                 ELSE ts_headline(${SEARCH_CONFIGURATION_SQL}, left(q.text, ${sql.value(HEADLINE_WINDOW)}), ${match}, ${sql.value(HEADLINE_OPTIONS.QUOTE)})
               END AS highlight
        FROM unnest(${sql.value(hits.map((h) => h.type))}::text[], ${sql.value(hits.map((h) => h.id))}::uuid[]) AS h(type, id)
        LEFT JOIN articles a ON h.type = 'ARTICLE' AND a.id = h.id
        LEFT JOIN quotes q ON h.type = 'QUOTE' AND q.id = h.id`,
  );
  return new Map(rows.map((row) => [row.id, markHtml(row.highlight)]));
}

function loadHit(ctx: Context, hit: Hit): Promise<Article | Quote | undefined> {
  return hit.type === SearchHitType.ARTICLE ? articlesById(ctx).load(hit.id) : quotesById(ctx).load(hit.id);
}

/** A page's results: the article or quote of each hit, with its rank and highlight. */
function searchResults(ctx: Context, text: string): PageNodes<SearchResult> {
  return async (rows) => {
    const hits = rows.map(hitOf);
    const [marks, nodes] = await Promise.all([
      hits.length ? highlights(ctx, text, hits) : new Map<string, string>(),
      Promise.all(hits.map((hit) => loadHit(ctx, hit))),
    ]);
    return hits.map((hit, i) => {
      const node = nodes[i];
      return (
        node && Object.assign(new SearchResult(), { hit: node, rank: hit.rank, highlight: marks.get(hit.id) ?? '' })
      );
    });
  };
}

export async function search(
  ctx: Context,
  text: string,
  page: PageRequest,
  types: readonly SearchHitType[] | null | undefined,
  filter: ArticleFilter | null | undefined,
): Promise<Connection<SearchResult>> {
  if (!text.trim()) throw AppError.badInput('query must not be empty', 'query');
  checkSearchText(text, 'query');
  checkSearchText(filter?.search, 'filter.search');
  const wanted = types ?? Object.values(SearchHitType);
  if (!wanted.length) return Connection.empty();
  return listConnection(
    ctx,
    hitRows(text, wanted, filter),
    sql`hits.id`,
    SEARCH_ORDER_KEYS,
    page,
    searchResults(ctx, text),
  );
}

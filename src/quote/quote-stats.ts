// quoteStats: quote counts grouped by any combination of outlet, month, anonymity, source kind,
// actor and affiliation, in one GROUP BY over the same filter the quote lists use.
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { fromWhere, rowSet } from '../common/row-set';
import type { Context } from '../common/context';
import { queryRows, type SQL, sql } from '../database/sql';
import { AppError } from '../errors/app-error';
import { Anonymity, SourceKind } from '../source/source.entity';
import { applyQuoteFilter, QUOTE_ROWS, type QuoteFilter } from './quote.filter';

export enum QuoteDimension {
  OUTLET = 'OUTLET',
  MONTH = 'MONTH',
  ANONYMITY = 'ANONYMITY',
  SOURCE_KIND = 'SOURCE_KIND',
  ACTOR = 'ACTOR',
  AFFILIATION = 'AFFILIATION',
}

registerEnumType(QuoteDimension, {
  name: 'QuoteDimension',
  valuesConfig: {
    OUTLET: { description: "The article's outlet." },
    MONTH: { description: "YYYY-MM of the article's publication date, in UTC; null when undated." },
    ANONYMITY: { description: "The source's anonymity; null for unattributed quotes." },
    SOURCE_KIND: {
      description: "The source's kind (person, group, organisation, document); null for unattributed quotes.",
    },
    ACTOR: { description: 'The actor the source is; null for anonymous sources.' },
    AFFILIATION: { description: "The source's affiliation, as the text gives it." },
  },
});

@ObjectType({
  simpleResolvers: true,
  description: 'One group of quoteStats: the dimensions asked for are set, the others null.',
})
export class QuoteBucket {
  @Field(() => String, { nullable: true })
  month: string | null;

  @Field(() => Anonymity, { nullable: true })
  anonymity: Anonymity | null;

  @Field(() => SourceKind, { nullable: true })
  sourceKind: SourceKind | null;

  @Field(() => Int)
  count: number;

  outletId: string | null;
  actorId: string | null;
  affiliationId: string | null;
}

/**
 * Where each dimension comes from: the article's (worked out once per article) or the quote's own
 * row and its source (grouped with the quote's article first).
 */
const DIMENSIONS: Record<QuoteDimension, { readonly ofArticle: boolean; readonly sql: SQL; readonly name: string }> = {
  [QuoteDimension.OUTLET]: { ofArticle: true, sql: sql`a.outlet_id::text`, name: 'outlet_id' },
  [QuoteDimension.MONTH]: {
    ofArticle: true,
    sql: sql`to_char(a.published_at AT TIME ZONE 'UTC', 'YYYY-MM')`,
    name: 'month',
  },
  [QuoteDimension.ANONYMITY]: { ofArticle: false, sql: sql`s.anonymity::text`, name: 'anonymity' },
  [QuoteDimension.SOURCE_KIND]: { ofArticle: false, sql: sql`s.kind::text`, name: 'source_kind' },
  [QuoteDimension.ACTOR]: { ofArticle: false, sql: sql`s.actor_id::text`, name: 'actor_id' },
  [QuoteDimension.AFFILIATION]: { ofArticle: false, sql: sql`s.affiliation_id::text`, name: 'affiliation_id' },
};

export const MAX_STATS_LIMIT = 10_000;

/** Quotes and their sources; the articles only when the filter needs them (the outer query joins them anyway). */
const QUOTES_AND_SOURCES = rowSet(sql`quotes q LEFT JOIN sources s ON s.id = q.source_id`);
const needsArticles = (filter: QuoteFilter | null | undefined) =>
  Boolean(filter?.outletIds || filter?.publishedAfter || filter?.publishedBefore);

/**
 * Counted in two steps: per article (and quote-level dimension) over the quotes, then per bucket
 * over those counts, so the article's dimensions (a month is a to_char) are worked out once per
 * article rather than once per quote.
 */
function statsSql(groupBy: QuoteDimension[], filter: QuoteFilter | null | undefined, limit: number): SQL {
  const dimensions = [...new Set(groupBy)].map((d) => DIMENSIONS[d]);
  const ofQuotes = dimensions.filter((d) => !d.ofArticle);
  const inner = sql.join(
    [sql`q.article_id`, ...ofQuotes.map((d) => sql`${d.sql} AS ${sql.identifier(d.name)}`), sql`count(*) AS count`],
    ', ',
  );
  const rows = applyQuoteFilter(needsArticles(filter) ? QUOTE_ROWS : QUOTES_AND_SOURCES, filter);
  const outer = dimensions.map((d) =>
    d.ofArticle ? sql`${d.sql} AS ${sql.identifier(d.name)}` : sql.identifier('per', d.name),
  );
  // The count is column 1, the dimensions columns 2 and on (inlined: a bound $2 would group by a constant).
  const positions = dimensions.map((_, i) => sql.literal(i + 2));
  const innerPositions = [sql.literal(1), ...ofQuotes.map((_, i) => sql.literal(i + 2))];
  return sql`SELECT ${sql.join([sql`COALESCE(sum(per.count), 0)::int AS count`, ...outer], ', ')}
    FROM (SELECT ${inner} ${fromWhere(rows)} GROUP BY ${sql.join(innerPositions, ', ')}) per
    JOIN articles a ON a.id = per.article_id
    ${positions.length ? sql`GROUP BY ${sql.join(positions, ', ')}` : sql.blank}
    ORDER BY ${sql.join([sql`1 DESC`, ...positions.map((p) => sql`${p} NULLS LAST`)], ', ')}
    LIMIT ${sql.literal(limit)}`;
}

/** Biggest groups first; ties in the order of the dimensions. */
export async function quoteStats(
  ctx: Context,
  groupBy: QuoteDimension[],
  filter: QuoteFilter | null | undefined,
  limit: number,
): Promise<QuoteBucket[]> {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_STATS_LIMIT)
    throw AppError.badInput(`limit must be between 1 and ${MAX_STATS_LIMIT}`, 'limit');
  const rows = await queryRows<Record<string, string | number | null>>(ctx.db, statsSql(groupBy, filter, limit));
  return rows.map((row) =>
    Object.assign(new QuoteBucket(), {
      count: row.count,
      month: (row.month as string | undefined) ?? null,
      anonymity: (row.anonymity as Anonymity | undefined) ?? null,
      sourceKind: (row.source_kind as SourceKind | undefined) ?? null,
      outletId: (row.outlet_id as string | undefined) ?? null,
      actorId: (row.actor_id as string | undefined) ?? null,
      affiliationId: (row.affiliation_id as string | undefined) ?? null,
    }),
  );
}

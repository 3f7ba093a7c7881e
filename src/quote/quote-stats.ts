// quoteStats: quote counts grouped by any combination of outlet, month, anonymity, source kind,
// actor and affiliation, in one GROUP BY over the same filter the quote lists use.
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { fromWhere } from '../common/row-set';
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

const DIMENSION_SQL: Record<QuoteDimension, SQL> = {
  [QuoteDimension.OUTLET]: sql`a.outlet_id::text AS outlet_id`,
  [QuoteDimension.MONTH]: sql`to_char(a.published_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month`,
  [QuoteDimension.ANONYMITY]: sql`s.anonymity::text AS anonymity`,
  [QuoteDimension.SOURCE_KIND]: sql`s.kind::text AS source_kind`,
  [QuoteDimension.ACTOR]: sql`s.actor_id::text AS actor_id`,
  [QuoteDimension.AFFILIATION]: sql`s.affiliation_id::text AS affiliation_id`,
};

export const MAX_STATS_LIMIT = 10_000;

/** Biggest groups first; ties in the order of the dimensions. */
export async function quoteStats(
  ctx: Context,
  groupBy: QuoteDimension[],
  filter: QuoteFilter | null | undefined,
  limit: number,
): Promise<QuoteBucket[]> {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_STATS_LIMIT)
    throw AppError.badInput(`limit must be between 1 and ${MAX_STATS_LIMIT}`, 'limit');
  const dimensions = [...new Set(groupBy)].map((d) => DIMENSION_SQL[d]);
  // The count is column 1, the dimensions columns 2 and on (inlined: a bound $2 would group by a constant).
  const positions = dimensions.map((_, i) => sql.literal(i + 2));
  const rows = await queryRows<Record<string, string | number | null>>(
    ctx.db,
    sql`SELECT ${sql.join([sql`count(*)::int AS count`, ...dimensions], ', ')}
        ${fromWhere(applyQuoteFilter(QUOTE_ROWS, filter))}
        ${positions.length ? sql`GROUP BY ${sql.join(positions, ', ')}` : sql.blank}
        ORDER BY ${sql.join([sql`1 DESC`, ...positions.map((p) => sql`${p} NULLS LAST`)], ', ')}
        LIMIT ${sql.literal(limit)}`,
  );
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

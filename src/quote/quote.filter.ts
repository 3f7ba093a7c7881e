import { Field, Float, ID, InputType } from 'type-graphql';
import { Origin } from '../common/annotation';
import { inIds, matches, publishedWithin, selfAndMembers, uuidArray } from '../common/filter-sql';
import { DateTimeScalar } from '../common/scalars';
import { type RowSet, rowSet, where } from '../common/row-set';
import { type SQL, sql } from '../database/sql';
import { AppError } from '../errors/app-error';
import { Anonymity, SourceKind } from '../source/source.entity';
import { AttributionMethod, QuoteKind } from './quote.entity';
import { IsSearchText } from '../search/search-limits';

@InputType({ description: 'Every field given must hold (AND); a list matches any of its items (OR).' })
export class QuoteFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Full text in websearch syntax: "quoted phrase", or, -exclusion.',
  })
  @IsSearchText()
  search?: string | null;

  @Field(() => QuoteKind, { nullable: true })
  kind?: QuoteKind | null;

  @Field(() => [ID], { nullable: true, description: 'Quotes whose source is one of these actors.' })
  actorIds?: string[] | null;

  @Field(() => Anonymity, { nullable: true })
  anonymity?: Anonymity | null;

  @Field(() => SourceKind, { nullable: true, description: "The kind of the quote's source." })
  sourceKind?: SourceKind | null;

  @Field(() => [AttributionMethod], {
    nullable: true,
    description: 'Quotes attributed in one of these ways; quotes without a recorded way (curated ones) never match.',
  })
  attributionMethods?: AttributionMethod[] | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Matches a source whose affiliation is one of these actors or a member of one of them (transitively): NATO matches a source affiliated with France.',
  })
  affiliationIds?: string[] | null;

  @Field(() => Origin, { nullable: true })
  origin?: Origin | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Keeps quotes at least this confident; MANUAL quotes count as certain (1).',
  })
  minConfidence?: number | null;

  @Field(() => [ID], { nullable: true })
  outletIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  articleIds?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Quotes cited as the evidence of a stance on one of these questions, or said by a source that holds one.',
  })
  questionIds?: string[] | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "Inclusive, on the article's publication date." })
  publishedAfter?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Exclusive.' })
  publishedBefore?: Date | null;
}

/** Every quote, with its article and its source (if any): the rows of every quote list. */
export const QUOTE_ROWS: RowSet = rowSet(
  sql`quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN sources s ON s.id = q.source_id`,
);

function atLeastAsConfident(minConfidence: number, field: string): SQL {
  if (minConfidence < 0 || minConfidence > 1)
    throw AppError.badInput('minConfidence must be between 0 and 1', `${field}.minConfidence`);
  return sql`COALESCE(q.confidence, 1) >= ${sql.value(minConfidence)}`;
}

function withStanceOn(questions: SQL): SQL {
  return sql`EXISTS (SELECT 1 FROM stances st WHERE st.question_id = ANY(${questions}) AND (st.quote_id = q.id OR st.source_id = q.source_id))`;
}

/** Adds the filter's conditions; `field` names the argument in errors (filter, or a path). */
export function applyQuoteFilter(rows: RowSet, filter: QuoteFilter | null | undefined, field = 'filter'): RowSet {
  if (!filter) return rows;
  return where(
    rows,
    matches(sql`q.search`, filter.search),
    filter.kind ? sql`q.kind = ${sql.value(filter.kind)}` : null,
    inIds(sql`s.actor_id`, filter.actorIds, 'Actor', `${field}.actorIds`),
    filter.anonymity ? sql`s.anonymity = ${sql.value(filter.anonymity)}` : null,
    filter.sourceKind ? sql`s.kind = ${sql.value(filter.sourceKind)}` : null,
    filter.attributionMethods
      ? sql`q.attribution_method = ANY(${sql.value(filter.attributionMethods)}::attribution_method[])`
      : null,
    filter.affiliationIds
      ? sql`s.affiliation_id IN (${selfAndMembers(filter.affiliationIds, `${field}.affiliationIds`)})`
      : null,
    filter.origin ? sql`q.origin = ${sql.value(filter.origin)}` : null,
    filter.minConfidence != null ? atLeastAsConfident(filter.minConfidence, field) : null,
    inIds(sql`a.outlet_id`, filter.outletIds, 'Outlet', `${field}.outletIds`),
    inIds(sql`q.article_id`, filter.articleIds, 'Article', `${field}.articleIds`),
    filter.questionIds ? withStanceOn(uuidArray(filter.questionIds, 'PolicyQuestion', `${field}.questionIds`)) : null,
    publishedWithin(sql`a.published_at`, filter.publishedAfter, filter.publishedBefore, `${field}.`),
  );
}

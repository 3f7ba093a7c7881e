import { Field, Float, ID, InputType } from 'type-graphql';
import { Origin } from '../common/annotation';
import { selfAndMembersSql, uuidsOf, whereIn, whereMatches, wherePublished } from '../common/filter-sql';
import { DateTimeScalar } from '../common/scalars';
import type { SqlQuery } from '../common/sql-query';
import { AppError } from '../errors/app-error';
import { Anonymity } from '../source/source.entity';
import { QuoteKind } from './quote.entity';

@InputType({ description: 'Every field given must hold (AND); a list matches any of its items (OR).' })
export class QuoteFilter {
  @Field(() => String, { nullable: true, description: 'Full text in websearch syntax: "quoted phrase", or, -exclusion.' })
  search?: string | null;

  @Field(() => QuoteKind, { nullable: true })
  kind?: QuoteKind | null;

  @Field(() => [ID], { nullable: true, description: 'Quotes whose source is one of these actors.' })
  actorIds?: string[] | null;

  @Field(() => Anonymity, { nullable: true })
  anonymity?: Anonymity | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Matches a source whose affiliation is one of these actors or a member of one of them (transitively): NATO matches a source affiliated with France.',
  })
  affiliationIds?: string[] | null;

  @Field(() => Origin, { nullable: true })
  origin?: Origin | null;

  @Field(() => Float, { nullable: true, description: 'Keeps quotes at least this confident; MANUAL quotes count as certain (1).' })
  minConfidence?: number | null;

  @Field(() => [ID], { nullable: true })
  outletIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  articleIds?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Quotes cited as the evidence of a stance on one of these questions, or said by a source that holds one.',
  })
  questionIds?: string[] | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "Inclusive, on the article's publication date." })
  publishedAfter?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Exclusive.' })
  publishedBefore?: Date | null;
}

/** The FROM of every quote list: the quote, its article and its source (if any). */
export const QUOTE_FROM = 'quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN sources s ON s.id = q.source_id';

/** Adds the filter's conditions; `field` names the argument in errors (filter, or a path). */
export function applyQuoteFilter(query: SqlQuery, filter: QuoteFilter | null | undefined, field = 'filter'): SqlQuery {
  if (!filter) return query;
  whereMatches(query, 'q.search', filter.search);
  if (filter.kind) query.where(`q.kind = ${query.param(filter.kind)}`);
  whereIn(query, 's.actor_id', filter.actorIds, 'Actor', `${field}.actorIds`);
  if (filter.anonymity) query.where(`s.anonymity = ${query.param(filter.anonymity)}`);
  if (filter.affiliationIds) query.where(`s.affiliation_id IN (${selfAndMembersSql(query, filter.affiliationIds, `${field}.affiliationIds`)})`);
  if (filter.origin) query.where(`q.origin = ${query.param(filter.origin)}`);
  if (filter.minConfidence != null) {
    if (filter.minConfidence < 0 || filter.minConfidence > 1) throw AppError.badInput('minConfidence must be between 0 and 1', `${field}.minConfidence`);
    query.where(`COALESCE(q.confidence, 1) >= ${query.param(filter.minConfidence)}`);
  }
  whereIn(query, 'a.outlet_id', filter.outletIds, 'Outlet', `${field}.outletIds`);
  whereIn(query, 'q.article_id', filter.articleIds, 'Article', `${field}.articleIds`);
  if (filter.questionIds) {
    const questions = query.param(uuidsOf(filter.questionIds, 'PolicyQuestion', `${field}.questionIds`));
    query.where(`EXISTS (SELECT 1 FROM stances st WHERE st.question_id = ANY(${questions}::uuid[]) AND (st.quote_id = q.id OR st.source_id = q.source_id))`);
  }
  wherePublished(query, 'a.published_at', filter.publishedAfter, filter.publishedBefore, `${field}.`);
  return query;
}

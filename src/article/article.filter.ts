import { Field, ID, InputType } from 'type-graphql';
import { uuidsOf, whereIn, whereMatches, wherePublished } from '../common/filter-sql';
import { DateTimeScalar } from '../common/scalars';
import type { SqlQuery } from '../common/sql-query';

@InputType({ description: 'Every field given must hold (AND); a list matches any of its items (OR).' })
export class ArticleFilter {
  @Field(() => String, { nullable: true, description: 'Full text over title and body, websearch syntax: "quoted phrase", or, -exclusion.' })
  search?: string | null;

  @Field(() => [ID], { nullable: true })
  outletIds?: string[] | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Inclusive.' })
  publishedAfter?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Exclusive.' })
  publishedBefore?: Date | null;

  @Field(() => [ID], { nullable: true, description: 'Articles that mention one of these actors.' })
  mentionsActorIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Articles that quote one of these actors.' })
  quotesActorIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Articles with a stance on one of these policy questions.' })
  questionIds?: string[] | null;
}

/** Adds the filter's conditions on the articles aliased `a`. */
export function applyArticleFilter(query: SqlQuery, filter: ArticleFilter | null | undefined, field = 'filter', searchVector = 'a.search'): SqlQuery {
  if (!filter) return query;
  whereMatches(query, searchVector, filter.search);
  whereIn(query, 'a.outlet_id', filter.outletIds, 'Outlet', `${field}.outletIds`);
  wherePublished(query, 'a.published_at', filter.publishedAfter, filter.publishedBefore, `${field}.`);
  if (filter.mentionsActorIds) {
    const actors = query.param(uuidsOf(filter.mentionsActorIds, 'Actor', `${field}.mentionsActorIds`));
    query.where(`EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND m.actor_id = ANY(${actors}::uuid[]))`);
  }
  if (filter.quotesActorIds) {
    const actors = query.param(uuidsOf(filter.quotesActorIds, 'Actor', `${field}.quotesActorIds`));
    query.where(`EXISTS (SELECT 1 FROM quotes fq JOIN sources fs ON fs.id = fq.source_id WHERE fq.article_id = a.id AND fs.actor_id = ANY(${actors}::uuid[]))`);
  }
  if (filter.questionIds) {
    const questions = query.param(uuidsOf(filter.questionIds, 'PolicyQuestion', `${field}.questionIds`));
    query.where(`EXISTS (SELECT 1 FROM stances fst WHERE fst.article_id = a.id AND fst.question_id = ANY(${questions}::uuid[]))`);
  }
  return query;
}

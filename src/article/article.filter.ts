import { Field, ID, InputType } from 'type-graphql';
import { inIds, matches, publishedWithin, uuidArray } from '../common/filter-sql';
import { DateTimeScalar } from '../common/scalars';
import { type RowSet, where } from '../common/row-set';
import { type SQL, sql } from '../database/sql';
import { IsSearchText } from '../search/search-limits';

@InputType({ description: 'Every field given must hold (AND); a list matches any of its items (OR).' })
export class ArticleFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Full text over title and body, websearch syntax: "quoted phrase", or, -exclusion.',
  })
  @IsSearchText()
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

function mentioning(actors: SQL): SQL {
  return sql`EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND m.actor_id = ANY(${actors}))`;
}

function quoting(actors: SQL): SQL {
  return sql`EXISTS (SELECT 1 FROM quotes fq JOIN sources fs ON fs.id = fq.source_id WHERE fq.article_id = a.id AND fs.actor_id = ANY(${actors}))`;
}

function withStanceOn(questions: SQL): SQL {
  return sql`EXISTS (SELECT 1 FROM stances fst WHERE fst.article_id = a.id AND fst.question_id = ANY(${questions}))`;
}

/** Adds the filter's conditions on the articles aliased `a`. */
export function applyArticleFilter(
  rows: RowSet,
  filter: ArticleFilter | null | undefined,
  field = 'filter',
  searchVector = sql`a.search`,
): RowSet {
  if (!filter) return rows;
  return where(
    rows,
    matches(searchVector, filter.search),
    inIds(sql`a.outlet_id`, filter.outletIds, 'Outlet', `${field}.outletIds`),
    publishedWithin(sql`a.published_at`, filter.publishedAfter, filter.publishedBefore, `${field}.`),
    filter.mentionsActorIds
      ? mentioning(uuidArray(filter.mentionsActorIds, 'Actor', `${field}.mentionsActorIds`))
      : null,
    filter.quotesActorIds ? quoting(uuidArray(filter.quotesActorIds, 'Actor', `${field}.quotesActorIds`)) : null,
    filter.questionIds ? withStanceOn(uuidArray(filter.questionIds, 'PolicyQuestion', `${field}.questionIds`)) : null,
  );
}

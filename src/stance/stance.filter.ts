import { Field, ID, InputType } from 'type-graphql';
import { Origin } from '../common/annotation';
import { whereIn, wherePublished } from '../common/filter-sql';
import { DateTimeScalar } from '../common/scalars';
import type { SqlQuery } from '../common/sql-query';
import { Anonymity } from '../source/source.entity';
import { Position } from './stance.entity';

@InputType({ description: 'Every field given must hold (AND); a list matches any of its items (OR).' })
export class StanceFilter {
  @Field(() => [Position], { nullable: true })
  positions?: Position[] | null;

  @Field(() => [ID], { nullable: true, description: 'Stances of sources that are one of these actors.' })
  actorIds?: string[] | null;

  @Field(() => Anonymity, { nullable: true })
  anonymity?: Anonymity | null;

  @Field(() => Origin, { nullable: true })
  origin?: Origin | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Inclusive.' })
  publishedAfter?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Exclusive.' })
  publishedBefore?: Date | null;
}

/** The FROM of every stance list: the stance, its source and its article. */
export const STANCE_FROM = 'stances st JOIN sources s ON s.id = st.source_id JOIN articles a ON a.id = st.article_id';

export function applyStanceFilter(query: SqlQuery, filter: StanceFilter | null | undefined, field = 'filter'): SqlQuery {
  if (!filter) return query;
  if (filter.positions) query.where(`st.position = ANY(${query.param(filter.positions)}::stance_position[])`);
  whereIn(query, 's.actor_id', filter.actorIds, 'Actor', `${field}.actorIds`);
  if (filter.anonymity) query.where(`s.anonymity = ${query.param(filter.anonymity)}`);
  if (filter.origin) query.where(`st.origin = ${query.param(filter.origin)}`);
  wherePublished(query, 'a.published_at', filter.publishedAfter, filter.publishedBefore, `${field}.`);
  return query;
}

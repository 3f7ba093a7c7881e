import { Field, ID, InputType } from 'type-graphql';
import { Origin } from '../common/annotation';
import { inIds, publishedWithin } from '../common/filter-sql';
import { DateTimeScalar } from '../common/scalars';
import { type RowSet, rowSet, where } from '../common/row-set';
import { sql } from '../database/sql';
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

/** Every stance, with its source and its article: the rows of every stance list. */
export const STANCE_ROWS: RowSet = rowSet(
  sql`stances st JOIN sources s ON s.id = st.source_id JOIN articles a ON a.id = st.article_id`,
);

export function applyStanceFilter(rows: RowSet, filter: StanceFilter | null | undefined, field = 'filter'): RowSet {
  if (!filter) return rows;
  return where(
    rows,
    filter.positions ? sql`st.position = ANY(${sql.value(filter.positions)}::stance_position[])` : null,
    inIds(sql`s.actor_id`, filter.actorIds, 'Actor', `${field}.actorIds`),
    filter.anonymity ? sql`s.anonymity = ${sql.value(filter.anonymity)}` : null,
    filter.origin ? sql`st.origin = ${sql.value(filter.origin)}` : null,
    publishedWithin(sql`a.published_at`, filter.publishedAfter, filter.publishedBefore, `${field}.`),
  );
}

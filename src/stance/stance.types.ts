import { Field, Int, ObjectType } from 'type-graphql';
import { PUBLISHED_AT_KEY_SQL } from '../article/article.types';
import { ConnectionType } from '../common/connection';
import type { SortKey } from '../common/keyset';
import { sql } from '../database/sql';
import { Position, Stance } from './stance.entity';

/** Newest article first, then in reading order of the evidence (stances without evidence last). */
export const STANCE_ORDER_KEYS: SortKey[] = [
  { sql: PUBLISHED_AT_KEY_SQL, type: 'timestamptz', descending: true },
  { sql: sql`a.id`, type: 'uuid', descending: true },
  { sql: sql`(-COALESCE(st.evidence_start, 2147483647))`, type: 'integer', descending: true },
  { sql: sql`st.id`, type: 'uuid', descending: true },
];

export const StanceConnection = ConnectionType(Stance);

@ObjectType()
export class PositionCount {
  @Field(() => Position)
  position: Position;

  @Field(() => Int)
  count: number;
}

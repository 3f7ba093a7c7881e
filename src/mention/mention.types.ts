import { Field, Int, ObjectType } from 'type-graphql';
import { Actor } from '../actor/actor.entity';
import { PUBLISHED_AT_KEY_SQL } from '../article/article.types';
import { ConnectionType } from '../common/connection';
import type { SortKey } from '../common/keyset';
import { sql } from '../database/sql';
import { Mention } from './mention.entity';

/** Newest article first, then in reading order. */
export const MENTION_ORDER_KEYS: SortKey[] = [
  { sql: PUBLISHED_AT_KEY_SQL, type: 'timestamptz', descending: true },
  { sql: sql`a.id`, type: 'uuid', descending: true },
  { sql: sql`(-m.span_start)`, type: 'integer', descending: true },
  { sql: sql`m.id`, type: 'uuid', descending: true },
];

export const MentionConnection = ConnectionType(Mention);

@ObjectType({ description: 'An actor mentioned in the same articles as another, with how many articles they share.' })
export class CoMention {
  @Field(() => Actor)
  actor: Actor;

  @Field(() => Int)
  articleCount: number;
}

import { Field, InputType } from 'type-graphql';
import type { SqlQuery } from '../common/sql-query';
import { ActorKind } from './actor.entity';

@InputType({ description: 'Every field given must hold (AND); a list matches any of its items (OR).' })
export class ActorFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name or of an alias, ignoring case and accents.' })
  search?: string | null;

  @Field(() => [ActorKind], { nullable: true })
  kinds?: ActorKind[] | null;
}

export function applyActorFilter(query: SqlQuery, filter: ActorFilter | null | undefined): SqlQuery {
  if (!filter) return query;
  if (filter.search?.trim()) {
    const pattern = `'%' || normalise_key(${query.param(filter.search.replace(/[\\%_]/g, '\\$&'))}) || '%'`;
    query.where(`ac.name_key LIKE ${pattern} OR EXISTS (SELECT 1 FROM actor_aliases al WHERE al.actor_id = ac.id AND al.alias_key LIKE ${pattern})`);
  }
  if (filter.kinds) query.where(`ac.kind = ANY(${query.param(filter.kinds)}::actor_kind[])`);
  return query;
}

import { Field, InputType } from 'type-graphql';
import { containsPattern } from '../common/filter-sql';
import { type RowSet, where } from '../common/row-set';
import { type SQL, sql } from '../database/sql';
import { ActorKind } from './actor.entity';

@InputType({ description: 'Every field given must hold (AND); a list matches any of its items (OR).' })
export class ActorFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name or of an alias, ignoring case and accents.' })
  search?: string | null;

  @Field(() => [ActorKind], { nullable: true })
  kinds?: ActorKind[] | null;
}

/** Part of a name or alias: LIKE's wildcards in the text are matched literally. */
function nameContains(search: string): SQL {
  const pattern = containsPattern(search);
  return sql`ac.name_key LIKE ${pattern} OR EXISTS (SELECT 1 FROM actor_aliases al WHERE al.actor_id = ac.id AND al.alias_key LIKE ${pattern})`;
}

/** Adds the filter's conditions on the actors aliased `ac`. */
export function applyActorFilter(rows: RowSet, filter: ActorFilter | null | undefined): RowSet {
  if (!filter) return rows;
  return where(
    rows,
    filter.search?.trim() ? nameContains(filter.search) : null,
    filter.kinds ? sql`ac.kind = ANY(${sql.value(filter.kinds)}::actor_kind[])` : null,
  );
}

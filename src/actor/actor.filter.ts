import { ArrayMaxSize, IsBoolean, IsOptional, Matches, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { containsPattern } from '../common/filter-sql';
import { type RowSet, where } from '../common/row-set';
import { type SQL, sql } from '../database/sql';
import { ActorKind } from './actor.entity';
import { WIKIDATA_ID } from './actor.inputs';
import { MAX_SEARCH_LENGTH } from '../search/search-limits';

@InputType({ description: 'Every field given must hold (AND); a list matches any of its items (OR).' })
export class ActorFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name or of an alias, ignoring case and accents.' })
  @IsOptional()
  @MaxLength(MAX_SEARCH_LENGTH)
  search?: string | null;

  @Field(() => [ActorKind], { nullable: true })
  kinds?: ActorKind[] | null;

  @Field(() => [String], { nullable: true, description: 'Actors with any of these Wikidata ids (Q42).' })
  @IsOptional()
  @ArrayMaxSize(1000)
  @Matches(WIKIDATA_ID, { each: true, message: 'wikidataIds must be Wikidata item ids such as Q3874799' })
  wikidataIds?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True: only actors linked to Wikidata; false: only the others.',
  })
  @IsOptional()
  @IsBoolean()
  hasWikidataId?: boolean | null;
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
    filter.wikidataIds ? sql`ac.wikidata_id = ANY(${sql.value(filter.wikidataIds)}::text[])` : null,
    typeof filter.hasWikidataId === 'boolean'
      ? filter.hasWikidataId
        ? sql`ac.wikidata_id IS NOT NULL`
        : sql`ac.wikidata_id IS NULL`
      : null,
  );
}

import { Field, ID, InputType } from 'type-graphql';
import { containsPattern, inIds, selfAndMembers } from '../common/filter-sql';
import { type RowSet, where } from '../common/row-set';
import { type SQL, sql } from '../database/sql';
import { Anonymity, SourceKind } from './source.entity';
import { IsOptional, MaxLength } from 'class-validator';
import { MAX_SEARCH_LENGTH } from '../search/search-limits';

@InputType({ description: 'Every field given must hold (AND); a list matches any of its items (OR).' })
export class SourceFilter {
  @Field(() => Anonymity, { nullable: true })
  anonymity?: Anonymity | null;

  @Field(() => SourceKind, { nullable: true })
  sourceKind?: SourceKind | null;

  @Field(() => [ID], { nullable: true })
  actorIds?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Affiliated with one of these actors or a member of one of them, transitively.',
  })
  affiliationIds?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: "Role words containing this text, ignoring case and accents: 'official'.",
  })
  @IsOptional()
  @MaxLength(MAX_SEARCH_LENGTH)
  roleContains?: string | null;
}

/** Role words containing the text; LIKE's wildcards in the text are matched literally. */
function roleContains(text: string): SQL {
  return sql`normalise_key(s.role) LIKE ${containsPattern(text)}`;
}

/** Adds the filter's conditions on the sources aliased `s`. */
export function applySourceFilter(rows: RowSet, filter: SourceFilter | null | undefined, field = 'filter'): RowSet {
  if (!filter) return rows;
  return where(
    rows,
    filter.anonymity ? sql`s.anonymity = ${sql.value(filter.anonymity)}` : null,
    filter.sourceKind ? sql`s.kind = ${sql.value(filter.sourceKind)}` : null,
    inIds(sql`s.actor_id`, filter.actorIds, 'Actor', `${field}.actorIds`),
    filter.affiliationIds
      ? sql`s.affiliation_id IN (${selfAndMembers(filter.affiliationIds, `${field}.affiliationIds`)})`
      : null,
    filter.roleContains ? roleContains(filter.roleContains) : null,
  );
}

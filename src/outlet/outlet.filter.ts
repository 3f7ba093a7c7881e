import { Field, InputType } from 'type-graphql';
import { containsPattern } from '../common/filter-sql';
import { type RowSet, where } from '../common/row-set';
import { type SQL, sql } from '../database/sql';
import { IsOptional, MaxLength } from 'class-validator';
import { MAX_SEARCH_LENGTH } from '../search/search-limits';

@InputType({ description: 'Every field given must hold (AND).' })
export class OutletFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name or of the domain, ignoring case and accents.' })
  @IsOptional()
  @MaxLength(MAX_SEARCH_LENGTH)
  search?: string | null;
}

/** Part of a name or domain: LIKE's wildcards in the text are matched literally. */
function nameContains(search: string): SQL {
  const pattern = containsPattern(search);
  return sql`normalise_key(o.name) LIKE ${pattern} OR normalise_key(coalesce(o.domain, '')) LIKE ${pattern}`;
}

/** Adds the filter's conditions on the outlets aliased `o`. */
export function applyOutletFilter(rows: RowSet, filter: OutletFilter | null | undefined): RowSet {
  if (!filter) return rows;
  return where(rows, filter.search?.trim() ? nameContains(filter.search) : null);
}

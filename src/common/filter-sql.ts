// Pieces of SQL shared by the filter inputs of several lists. Each returns a condition, or null
// when the filter field is absent.
import { SEARCH_CONFIGURATION } from '../database/search-configuration';
import { type SQL, sql } from '../database/sql';
import { AppError } from '../errors/app-error';
import { uuidOf } from './global-id';

/** The text search configuration: a constant of the schema, so inlined rather than bound. */
export const SEARCH_CONFIGURATION_SQL = sql.literal(SEARCH_CONFIGURATION);

/** Decodes a list of global ids of one type; any other id is BAD_USER_INPUT naming the field. */
export function uuidsOf(ids: readonly string[], type: string, field: string): string[] {
  return ids.map((id, i) => uuidOf(id, type, `${field}[${i}]`));
}

/** The global ids of one type as a uuid[] parameter. */
export function uuidArray(ids: readonly string[], type: string, field: string): SQL {
  return sql`${sql.value(uuidsOf(ids, type, field))}::uuid[]`;
}

/** `column = ANY(ids)` for a list filter (OR within the list); no condition for an absent list. */
export function inIds(column: SQL, ids: readonly string[] | null | undefined, type: string, field: string): SQL | null {
  return ids == null ? null : sql`${column} = ANY(${uuidArray(ids, type, field)})`;
}

/**
 * The given actors and everything that is a member of them, transitively (NATO -> France), as a
 * subquery for `IN (...)`.
 */
export function selfAndMembers(ids: readonly string[], field: string): SQL {
  return sql`WITH RECURSIVE affiliated(id) AS (
      SELECT unnest(${uuidArray(ids, 'Actor', field)})
      UNION
      SELECT m.member_id FROM actor_memberships m JOIN affiliated ON m.organisation_id = affiliated.id
    ) SELECT id FROM affiliated`;
}

/** publishedAfter inclusive, publishedBefore exclusive, on `column`; an empty range is an error. */
export function publishedWithin(
  column: SQL,
  after: Date | null | undefined,
  before: Date | null | undefined,
  fieldPrefix = '',
): SQL | null {
  if (after && before && after.getTime() >= before.getTime()) {
    throw AppError.badInput('publishedAfter must be earlier than publishedBefore', `${fieldPrefix}publishedAfter`);
  }
  const bounds: SQL[] = [];
  if (after) bounds.push(sql`${column} >= ${sql.value(after.toISOString())}::timestamptz`);
  if (before) bounds.push(sql`${column} < ${sql.value(before.toISOString())}::timestamptz`);
  return bounds.length ? sql.join(bounds, ' AND ') : null;
}

/**
 * The LIKE pattern of values containing the text, ignoring case and accents (compare it with a
 * normalise_key(...) value): LIKE's wildcards in the text are matched literally.
 */
export function containsPattern(text: string): SQL {
  return sql`('%' || normalise_key(${sql.value(text.replace(/[\\%_]/g, '\\$&'))}) || '%')`;
}

/** A websearch-syntax query ("quoted phrase", or, -exclusion) as a tsquery. */
export function websearchQuery(text: string): SQL {
  return sql`websearch_to_tsquery(${SEARCH_CONFIGURATION_SQL}, ${sql.value(text)})`;
}

/** Full-text match of a tsvector column; no condition for an absent or blank search. */
export function matches(vectorColumn: SQL, search: string | null | undefined): SQL | null {
  if (search == null || !search.trim()) return null;
  return sql`${vectorColumn} @@ ${websearchQuery(search)}`;
}

// Pieces of SQL shared by the filter inputs of several lists.
import { AppError } from '../errors/app-error';
import { uuidOf } from './global-id';
import type { SqlQuery } from './sql-query';

/** Decodes a list of global ids of one type; any other id is BAD_USER_INPUT naming the field. */
export function uuidsOf(ids: readonly string[], type: string, field: string): string[] {
  return ids.map((id, i) => uuidOf(id, type, `${field}[${i}]`));
}

/** `column = ANY(ids)` for a list filter (OR within the list); no condition for an absent list. */
export function whereIn(query: SqlQuery, column: string, ids: readonly string[] | null | undefined, type: string, field: string): void {
  if (ids == null) return;
  query.where(`${column} = ANY(${query.param(uuidsOf(ids, type, field))}::uuid[])`);
}

/**
 * The given actors and everything that is a member of them, transitively (NATO -> France), as a
 * subquery for `IN (...)`.
 */
export function selfAndMembersSql(query: SqlQuery, ids: readonly string[], field: string): string {
  return `WITH RECURSIVE affiliated(id) AS (
      SELECT unnest(${query.param(uuidsOf(ids, 'Actor', field))}::uuid[])
      UNION
      SELECT m.member_id FROM actor_memberships m JOIN affiliated ON m.organisation_id = affiliated.id
    ) SELECT id FROM affiliated`;
}

/** publishedAfter inclusive, publishedBefore exclusive, on `column`; an empty range is an error. */
export function wherePublished(
  query: SqlQuery,
  column: string,
  after: Date | null | undefined,
  before: Date | null | undefined,
  fieldPrefix = '',
): void {
  if (after && before && after.getTime() >= before.getTime()) {
    throw AppError.badInput('publishedAfter must be earlier than publishedBefore', `${fieldPrefix}publishedAfter`);
  }
  if (after) query.where(`${column} >= ${query.param(after.toISOString())}::timestamptz`);
  if (before) query.where(`${column} < ${query.param(before.toISOString())}::timestamptz`);
}

/** Full-text match in websearch syntax ("quoted phrase", or, -exclusion) on a tsvector column. */
export function whereMatches(query: SqlQuery, vectorColumn: string, search: string | null | undefined): void {
  if (search == null || !search.trim()) return;
  query.where(`${vectorColumn} @@ websearch_to_tsquery('quotegraph', ${query.param(search)})`);
}

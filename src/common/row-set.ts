// The rows a hand-written SELECT reads: a FROM and the conditions that narrow it, both SQL
// fragments, so filters, keyset pages, counts and aggregates compose them without numbering
// placeholders.
import { type SQL, sql } from '../database/sql';

export interface RowSet {
  readonly from: SQL;
  readonly conditions: readonly SQL[];
}

export function rowSet(from: SQL): RowSet {
  return { from, conditions: [] };
}

/** The same rows narrowed by more conditions; a null one (a filter field left out) adds nothing. */
export function where(rows: RowSet, ...conditions: (SQL | null)[]): RowSet {
  return { from: rows.from, conditions: [...rows.conditions, ...conditions.filter((c): c is SQL => c !== null)] };
}

/** `FROM … WHERE (a) AND (b)`, the WHERE left out when there is no condition. */
export function fromWhere(rows: RowSet): SQL {
  if (!rows.conditions.length) return sql`FROM ${rows.from}`;
  return sql`FROM ${rows.from} WHERE ${sql.join(
    rows.conditions.map((c) => sql`(${c})`),
    ' AND ',
  )}`;
}

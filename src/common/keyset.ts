// Keyset pagination: a page is "the next N rows after this cursor in this order", found through an
// index rather than OFFSET, so page 10,000 costs what page 1 costs and a row inserted meanwhile
// never shifts the rows that follow it.
import type { EntityManager } from 'typeorm';
import { AppError } from '../errors/app-error';
import { decodeCursor, encodeCursor } from './cursor';
import type { SqlQuery } from './sql-query';

export type SortKeyType = 'timestamptz' | 'uuid' | 'integer' | 'real' | 'text';

/** One column of an order. The expression must never be NULL (coalesce it). */
export interface SortKey {
  readonly sql: string;
  readonly type: SortKeyType;
  readonly descending: boolean;
}

export interface PageRequest {
  readonly first: number;
  readonly after?: string | null;
}

export interface PageRow {
  readonly id: string;
  readonly cursor: string;
  /** The row's sort-key values as PostgreSQL wrote them, in the order of the keys. */
  readonly values: string[];
}

export interface Page {
  readonly rows: PageRow[];
  readonly hasNextPage: boolean;
}

const VALID_VALUE: Record<SortKeyType, RegExp> = {
  timestamptz: /^(-?infinity|\d{4,}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,6})?[+-]\d\d(:\d\d)?( BC)?)$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  integer: /^-?\d{1,10}$/,
  real: /^(-?\d+(\.\d+)?(e[+-]?\d+)?|-?Infinity|NaN)$/,
  text: /^[^\0]*$/,
};

export function checkPageSize(first: number, maxPageSize: number, field = 'first'): void {
  if (!Number.isInteger(first) || first < 0 || first > maxPageSize) {
    throw AppError.badInput(`${field} must be between 0 and ${maxPageSize}`, field);
  }
}

function afterValues(keys: readonly SortKey[], after: string): string[] {
  const values = decodeCursor(after, keys.length);
  keys.forEach((key, i) => {
    if (!VALID_VALUE[key.type].test(values[i])) throw AppError.badInput('after is not a cursor of this list', 'after');
  });
  return values;
}

/**
 * The condition "row comes after these values": one row comparison when every key sorts the same
 * way (so a composite index answers it), else the lexicographic expansion.
 */
function afterCondition(query: SqlQuery, keys: readonly SortKey[], values: string[]): string {
  const placeholders = keys.map((key, i) => `${query.param(values[i])}::${key.type}`);
  if (keys.every((key) => key.descending === keys[0].descending)) {
    const op = keys[0].descending ? '<' : '>';
    const row = (n: number) => (n === 1 ? [keys[0].sql, placeholders[0]] : [`(${keys.slice(0, n).map((k) => k.sql).join(', ')})`, `(${placeholders.slice(0, n).join(', ')})`]);
    // The implied bounds on each prefix let the planner start an index scan on the leading keys
    // even when later keys come from a joined table.
    const prefixes = keys.slice(1).map((_, i) => row(i + 1)).map(([left, right]) => `${left} ${op}= ${right}`);
    const [left, right] = row(keys.length);
    return [...prefixes, `${left} ${op} ${right}`].join(' AND ');
  }
  const alternatives = keys.map((key, i) => {
    const equal = keys.slice(0, i).map((k, j) => `${k.sql} = ${placeholders[j]}`);
    return [...equal, `${key.sql} ${key.descending ? '<' : '>'} ${placeholders[i]}`].join(' AND ');
  });
  return alternatives.map((a) => `(${a})`).join(' OR ');
}

function orderBy(keys: readonly SortKey[]): string {
  return keys.map((k) => `${k.sql} ${k.descending ? 'DESC' : 'ASC'}`).join(', ');
}

function cursorColumns(keys: readonly SortKey[]): string {
  return keys.map((k, i) => `(${k.sql})::text AS "k${i}"`).join(', ');
}

function toPage(rows: Record<string, string>[], keys: readonly SortKey[], first: number): Page {
  return {
    hasNextPage: rows.length > first,
    rows: rows.slice(0, first).map((row) => {
      const values = keys.map((_, i) => row[`k${i}`]);
      return { id: row.id, cursor: encodeCursor(values), values };
    }),
  };
}

/** One page of ids (with their cursors) of the rows `query` selects, in the order of `keys`. */
export async function findPage(db: EntityManager, base: SqlQuery, idSql: string, keys: readonly SortKey[], page: PageRequest): Promise<Page> {
  const query = base.clone();
  if (page.after) query.where(afterCondition(query, keys, afterValues(keys, page.after)));
  const sql = `SELECT ${idSql} AS id, ${cursorColumns(keys)} FROM ${query.from} ${query.whereClause()} ORDER BY ${orderBy(keys)} LIMIT ${page.first + 1}`;
  return toPage(await db.query(sql, query.params), keys, page.first);
}

/**
 * The same page for many parents at once (the quotes of each of 100 articles) in one statement:
 * rows are numbered within each parent and cut at first + 1.
 */
export async function findPagesByParent(
  db: EntityManager,
  base: SqlQuery,
  parentSql: string,
  parentIds: readonly string[],
  idSql: string,
  keys: readonly SortKey[],
  page: PageRequest,
): Promise<Map<string, Page>> {
  const query = base.clone();
  query.where(`${parentSql} = ANY(${query.param(parentIds)}::uuid[])`);
  if (page.after) query.where(afterCondition(query, keys, afterValues(keys, page.after)));
  const sql = `
    SELECT * FROM (
      SELECT ${parentSql}::text AS parent, ${idSql} AS id, ${cursorColumns(keys)},
             row_number() OVER (PARTITION BY ${parentSql} ORDER BY ${orderBy(keys)}) AS row_rank
      FROM ${query.from} ${query.whereClause()}
    ) numbered
    WHERE row_rank <= ${page.first + 1}
    ORDER BY parent, row_rank`;
  const rows: Record<string, string>[] = await db.query(sql, query.params);
  const byParent = new Map<string, Record<string, string>[]>(parentIds.map((id) => [id, []]));
  for (const row of rows) byParent.get(row.parent)?.push(row);
  return new Map([...byParent].map(([parent, parentRows]) => [parent, toPage(parentRows, keys, page.first)]));
}

export async function countRows(db: EntityManager, query: SqlQuery): Promise<number> {
  const [row] = await db.query(`SELECT count(*)::int AS count FROM ${query.from} ${query.whereClause()}`, query.params);
  return row.count;
}

export async function countRowsByParent(db: EntityManager, query: SqlQuery, parentSql: string, parentIds: readonly string[]): Promise<Map<string, number>> {
  const scoped = query.clone();
  scoped.where(`${parentSql} = ANY(${scoped.param(parentIds)}::uuid[])`);
  const rows: { parent: string; count: number }[] = await db.query(
    `SELECT ${parentSql}::text AS parent, count(*)::int AS count FROM ${scoped.from} ${scoped.whereClause()} GROUP BY 1`,
    scoped.params,
  );
  const counts = new Map(parentIds.map((id) => [id, 0]));
  for (const row of rows) counts.set(row.parent, row.count);
  return counts;
}

// Keyset pagination: a page is "the next N rows after this cursor in this order", found through an
// index rather than OFFSET, so page 10,000 costs what page 1 costs and a row inserted meanwhile
// never shifts the rows that follow it.
import type { EntityManager } from 'typeorm';
import { queryRow, queryRows, type SQL, sql } from '../database/sql';
import { AppError } from '../errors/app-error';
import { decodeCursor, encodeCursor } from './cursor';
import type { RowReader } from './entity-rows';
import { fromWhere, type RowSet, where } from './row-set';
import { isSortKeyValue, type SortKeyType } from './sort-key-values';

export type { SortKeyType };

/** One column of an order. The expression must never be NULL (coalesce it). */
export interface SortKey {
  readonly sql: SQL;
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
  /** The row's node, when the page was read with a reader of it. */
  readonly node?: unknown;
}

/** Reads each page row's node in the page's own statement (its columns prefixed, apart from the page's). */
export type NodeReader = RowReader<unknown>;

/** The reader's select list after the page's own columns. */
function nodeColumns(reader: NodeReader | undefined): SQL {
  return reader ? sql`, ${reader.select}` : sql.blank;
}

/** The rows with the reader's joined relations. */
function withJoins(rows: RowSet, reader: NodeReader | undefined): RowSet {
  return reader ? { from: sql`${rows.from} ${reader.joins}`, conditions: rows.conditions } : rows;
}

export interface Page {
  readonly rows: PageRow[];
  readonly hasNextPage: boolean;
}

export function checkPageSize(first: number, maxPageSize: number, field = 'first'): void {
  if (!Number.isInteger(first) || first < 0 || first > maxPageSize) {
    throw AppError.badInput(`${field} must be between 0 and ${maxPageSize}`, field);
  }
}

const CAST: Record<SortKeyType, SQL> = {
  timestamptz: sql`timestamptz`,
  uuid: sql`uuid`,
  integer: sql`integer`,
  real: sql`real`,
  text: sql`text`,
};

function afterValues(keys: readonly SortKey[], after: string): string[] {
  const values = decodeCursor(after, keys.length);
  keys.forEach((key, i) => {
    if (!isSortKeyValue(key.type, values[i])) throw AppError.badInput('after is not a cursor of this list', 'after');
  });
  return values;
}

/** `(a, b)`, or the bare item for a single one. */
function tuple(items: readonly SQL[]): SQL {
  return items.length === 1 ? items[0] : sql`(${sql.join(items, ', ')})`;
}

/**
 * The condition "row comes after these values": one row comparison when every key sorts the same
 * way (so a composite index answers it), else the lexicographic expansion.
 */
function afterCondition(keys: readonly SortKey[], values: string[]): SQL {
  const bounds = keys.map((key, i) => sql`${sql.value(values[i])}::${CAST[key.type]}`);
  const exprs = keys.map((key) => key.sql);
  if (keys.every((key) => key.descending === keys[0].descending)) {
    const [op, opOrEqual] = keys[0].descending ? [sql`<`, sql`<=`] : [sql`>`, sql`>=`];
    const prefix = (n: number) => sql`${tuple(exprs.slice(0, n))} ${opOrEqual} ${tuple(bounds.slice(0, n))}`;
    // The implied bounds on each prefix let the planner start an index scan on the leading keys
    // even when later keys come from a joined table.
    const prefixes = keys.slice(1).map((_, i) => prefix(i + 1));
    return sql.join([...prefixes, sql`${tuple(exprs)} ${op} ${tuple(bounds)}`], ' AND ');
  }
  const alternatives = keys.map((key, i) => {
    const equal = keys.slice(0, i).map((k, j) => sql`${k.sql} = ${bounds[j]}`);
    return sql.join([...equal, sql`${key.sql} ${key.descending ? sql`<` : sql`>`} ${bounds[i]}`], ' AND ');
  });
  return sql.join(
    alternatives.map((a) => sql`(${a})`),
    ' OR ',
  );
}

function orderBy(keys: readonly SortKey[]): SQL {
  return sql.join(
    keys.map((k) => sql`${k.sql} ${k.descending ? sql`DESC` : sql`ASC`}`),
    ', ',
  );
}

function cursorColumns(keys: readonly SortKey[]): SQL {
  return sql.join(
    keys.map((k, i) => sql`(${k.sql})::text AS ${sql.identifier(`k${i}`)}`),
    ', ',
  );
}

function toPage(rows: Record<string, string>[], keys: readonly SortKey[], first: number, reader?: NodeReader): Page {
  return {
    hasNextPage: rows.length > first,
    rows: rows.slice(0, first).map((row) => {
      const values = keys.map((_, i) => row[`k${i}`]);
      return { id: row.id, cursor: encodeCursor(values), values, node: reader?.read(row) };
    }),
  };
}

/** The rows after the request's cursor, if it has one. */
function afterCursor(rows: RowSet, keys: readonly SortKey[], page: PageRequest): RowSet {
  return page.after ? where(rows, afterCondition(keys, afterValues(keys, page.after))) : rows;
}

/**
 * One page of ids (with their cursors) of `rows`, in the order of `keys`; `id` selects the id.
 * With a reader, the rows' nodes come in the same statement.
 */
export async function findPage(
  db: EntityManager,
  rows: RowSet,
  id: SQL,
  keys: readonly SortKey[],
  page: PageRequest,
  reader?: NodeReader,
): Promise<Page> {
  const found = await queryRows<Record<string, string>>(
    db,
    sql`SELECT ${id} AS id, ${cursorColumns(keys)}${nodeColumns(reader)} ${fromWhere(afterCursor(withJoins(rows, reader), keys, page))}
        ORDER BY ${orderBy(keys)} LIMIT ${sql.literal(page.first + 1)}`,
  );
  return toPage(found, keys, page.first, reader);
}

/** Narrows `rows` to those whose `parent` is one of the ids. */
function ofParents(rows: RowSet, parent: SQL, parentIds: readonly string[]): RowSet {
  return where(rows, sql`${parent} = ANY(${sql.value(parentIds)}::uuid[])`);
}

/**
 * The same page for many parents at once (the quotes of each of 100 articles) in one statement:
 * rows are numbered within each parent and cut at first + 1.
 */
export async function findPagesByParent(
  db: EntityManager,
  rows: RowSet,
  parent: SQL,
  parentIds: readonly string[],
  id: SQL,
  keys: readonly SortKey[],
  page: PageRequest,
  reader?: NodeReader,
): Promise<Map<string, Page>> {
  const found = await queryRows<Record<string, string>>(
    db,
    sql`SELECT * FROM (
          SELECT ${parent}::text AS parent, ${id} AS id, ${cursorColumns(keys)}${nodeColumns(reader)},
                 row_number() OVER (PARTITION BY ${parent} ORDER BY ${orderBy(keys)}) AS row_rank
          ${fromWhere(afterCursor(ofParents(withJoins(rows, reader), parent, parentIds), keys, page))}
        ) numbered
        WHERE row_rank <= ${sql.literal(page.first + 1)}
        ORDER BY parent, row_rank`,
  );
  const byParent = new Map<string, Record<string, string>[]>(parentIds.map((parentId) => [parentId, []]));
  for (const row of found) byParent.get(row.parent)?.push(row);
  return new Map(
    [...byParent].map(([parentId, parentRows]) => [parentId, toPage(parentRows, keys, page.first, reader)]),
  );
}

export async function countRows(db: EntityManager, rows: RowSet): Promise<number> {
  const row = await queryRow<{ count: number }>(db, sql`SELECT count(*)::int AS count ${fromWhere(rows)}`);
  return row?.count ?? 0;
}

/** The planner's estimate of how many rows `rows` holds: planning only, nothing is counted. */
export async function estimateRows(db: EntityManager, rows: RowSet): Promise<number> {
  const [explained] = await queryRows<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
    db,
    sql`EXPLAIN (FORMAT JSON) SELECT 1 ${fromWhere(rows)}`,
  );
  return Math.round(explained['QUERY PLAN'][0].Plan['Plan Rows']);
}

export async function countRowsByParent(
  db: EntityManager,
  rows: RowSet,
  parent: SQL,
  parentIds: readonly string[],
): Promise<Map<string, number>> {
  const found = await queryRows<{ parent: string; count: number }>(
    db,
    sql`SELECT ${parent}::text AS parent, count(*)::int AS count ${fromWhere(ofParents(rows, parent, parentIds))} GROUP BY 1`,
  );
  const counts = new Map(parentIds.map((parentId) => [parentId, 0]));
  for (const row of found) counts.set(row.parent, row.count);
  return counts;
}

// Every hand-written statement is a pg-sql2 fragment: the SQL text and the values it binds travel
// together, a value enters only through `sql.value(...)` as a bound parameter, and fragments nest,
// so a filter can hand its conditions to a page query without counting placeholders.
//
// The rule for services: a repository call (find, insert, update, delete) where a statement touches
// one entity by its columns; a fragment here for everything else (joins, aggregates, keyset pages,
// recursive CTEs, full text, INSERT … SELECT). Never TypeORM's query builder.
import { type SQL, sql } from 'pg-sql2';
import type { EntityManager } from 'typeorm';

export { type SQL, sql };

/** Runs a fragment and returns its rows. */
export function queryRows<T = Record<string, unknown>>(db: EntityManager, fragment: SQL): Promise<T[]> {
  const { text, values } = sql.compile(fragment);
  return db.query(text, values as unknown[]);
}

/** Runs a fragment that yields at most one row; undefined when it yields none. */
export async function queryRow<T = Record<string, unknown>>(db: EntityManager, fragment: SQL): Promise<T | undefined> {
  return (await queryRows<T>(db, fragment))[0];
}

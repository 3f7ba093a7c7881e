// Every hand-written statement is an SQL fragment: the SQL text and the values it binds travel
// together, fragments nest, and a value enters only through `sql.value(...)` as a bound parameter
// (the tag takes nothing but fragments, so the compiler refuses a string spliced into SQL).
// Fragments are sql-template-tag's `Sql` (CommonJS, for Node 20); this module adds that rule and
// the few builders we need.
//
// The rule for services: a repository call (find, insert, update, delete) where a statement touches
// one entity by its columns; a fragment here for everything else (joins, aggregates, keyset pages,
// recursive CTEs, full text, INSERT … SELECT). Never TypeORM's query builder.
import { empty, join, raw, Sql, type Value as TagValue } from 'sql-template-tag';
import type { EntityManager } from 'typeorm';

export type SQL = Sql;

/** What may be bound as a parameter. */
export type SqlValue = string | number | boolean | null | readonly SqlValue[];

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function tag(strings: TemplateStringsArray, ...fragments: SQL[]): SQL {
  return new Sql(strings, fragments);
}

export const sql = Object.assign(tag, {
  /** A bound parameter ($n). */
  value: (value: SqlValue): SQL => new Sql(['', ''], [value as TagValue]),
  /** A quoted identifier, dotted when given parts: identifier('m', 'member_id') is "m"."member_id". */
  identifier: (...parts: string[]): SQL => raw(parts.map(quoteIdentifier).join('.')),
  /**
   * A constant written into the SQL text, for the places PostgreSQL needs one rather than a
   * parameter (GROUP BY positions, a text search configuration, LIMIT).
   */
  literal: (value: string | number): SQL => {
    if (typeof value === 'number') {
      if (!Number.isSafeInteger(value)) throw new TypeError(`sql.literal takes integers, not ${value}`);
      return raw(String(value));
    }
    return raw(`'${value.replace(/'/g, "''")}'`);
  },
  /** Fragments with a separator between them; nothing for none. */
  join: (fragments: readonly SQL[], separator: string): SQL =>
    fragments.length ? join([...fragments], separator) : empty,
  /** Nothing: for an optional clause. */
  blank: empty,
  /** The text with $1… placeholders and the values they bind, as pg takes them. */
  compile: (fragment: SQL): { text: string; values: unknown[] } => ({ text: fragment.text, values: fragment.values }),
});

/** Runs a fragment and returns its rows. */
export function queryRows<T = Record<string, unknown>>(db: EntityManager, fragment: SQL): Promise<T[]> {
  const { text, values } = sql.compile(fragment);
  return db.query(text, values);
}

/** Runs a fragment that yields at most one row; undefined when it yields none. */
export async function queryRow<T = Record<string, unknown>>(db: EntityManager, fragment: SQL): Promise<T | undefined> {
  return (await queryRows<T>(db, fragment))[0];
}

// Rows read straight into an entity's shape: each column under its property name, as pg parses it,
// in an object with the entity's prototype (so type-graphql and the unions recognise it). TypeORM's
// hydration, which cost more than the query on nested reads, is skipped; its column metadata is
// read once per entity.
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { type SQL, sql } from '../database/sql';

/** An entity class, as TypeORM's metadata and the prototype of the rows know it. */
export type EntityClass<T> = { name: string; prototype: T };

export interface EntityRows {
  /** The table, quoted. */
  readonly table: SQL;
  /** Every column a SELECT may read, by property name. */
  readonly columnsByProperty: ReadonlyMap<string, string>;
}

/** Reads chosen columns of an entity, and of the to-one relations joined to it, from a statement's rows. */
export interface RowReader<T> {
  /** `alias."column" AS "<prefix>property", …`: for the statement's select list. */
  readonly select: SQL;
  /** `LEFT JOIN …` of the relations read with the entity: for the statement's FROM, after its table. */
  readonly joins: SQL;
  /** The entity in a row of that statement. */
  read(row: Record<string, unknown>): T;
}

/** A to-one relation read in the same statement: the field that returns it and how to read it. */
export interface JoinedReader {
  readonly field: string;
  /** Its table joined: `LEFT JOIN … ON …`, then the joins of its own relations. */
  readonly join: SQL;
  readonly reader: RowReader<unknown>;
  /** The label of its id in the row: null when the row has none. */
  readonly idLabel: string;
}

const JOINED = Symbol('joined relations');

/**
 * The relation `field` as the row's own statement read it: the object, null when the row has none,
 * undefined when the statement did not read it (a loader must).
 */
function joinedRelation<T>(row: object, field: string): T | null | undefined {
  return (row as { [JOINED]?: Record<string, unknown> })[JOINED]?.[field] as T | null | undefined;
}

const cache = new WeakMap<object, EntityRows>();

export function entityRowsOf<T extends ObjectLiteral>(db: EntityManager, entity: EntityClass<T>): EntityRows {
  let rows = cache.get(entity);
  if (!rows) {
    const metadata = db.connection.getMetadata(entity as unknown as EntityTarget<T>);
    // Columns TypeORM never selects (generated search vectors) are never read here either.
    const columns = metadata.columns.filter((c) => c.isSelect);
    rows = {
      table: sql.identifier(metadata.tableName),
      columnsByProperty: new Map(columns.map((c) => [c.propertyName, c.databaseName])),
    };
    cache.set(entity, rows);
  }
  return rows;
}

/**
 * A reader of `properties` selected from the table aliased `alias`; the prefix keeps them apart
 * from a statement's own columns (a page's cursor values).
 */
export function rowReader<T>(
  entity: EntityClass<T>,
  rows: EntityRows,
  alias: string,
  properties: readonly string[],
  prefix = '',
  joined: readonly JoinedReader[] = [],
): RowReader<T> {
  const prototype = entity.prototype;
  const labels = properties.map((property) => prefix + property);
  const own = properties.map(
    (property, i) =>
      sql`${sql.identifier(alias, rows.columnsByProperty.get(property) as string)} AS ${sql.identifier(labels[i])}`,
  );
  return {
    select: sql.join([...own, ...joined.map((j) => j.reader.select)], ', '),
    joins: sql.join(
      joined.map((j) => j.join),
      ' ',
    ),
    read: (row) => {
      const entityRow = Object.create(prototype as object) as Record<string | symbol, unknown>;
      properties.forEach((property, i) => {
        entityRow[property] = row[labels[i]];
      });
      if (joined.length)
        entityRow[JOINED] = Object.fromEntries(
          joined.map((j) => [j.field, row[j.idLabel] == null ? null : j.reader.read(row)]),
        );
      return entityRow as T;
    },
  };
}

/**
 * A to-one relation field: the object its row's statement read with it, or else its loader's
 * (null without an id), so a page that joined it resolves without a promise per row.
 */
export function relatedRow<T>(
  row: object,
  field: string,
  id: string | null,
  load: (id: string) => Promise<T | undefined>,
): T | null | Promise<T | null> {
  const joined = joinedRelation<T>(row, field);
  if (joined !== undefined) return joined;
  return id ? load(id).then((found) => found ?? null) : null;
}

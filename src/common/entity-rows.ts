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

/** Reads chosen columns of an entity from a statement's rows. */
export interface RowReader<T> {
  /** `alias."column" AS "<prefix>property", …`: for the statement's select list. */
  readonly select: SQL;
  /** The entity in a row of that statement. */
  read(row: Record<string, unknown>): T;
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
): RowReader<T> {
  const prototype = entity.prototype;
  const labels = properties.map((property) => prefix + property);
  return {
    select: sql.join(
      properties.map(
        (property, i) =>
          sql`${sql.identifier(alias, rows.columnsByProperty.get(property) as string)} AS ${sql.identifier(labels[i])}`,
      ),
      ', ',
    ),
    read: (row) => {
      const entityRow = Object.create(prototype as object) as Record<string, unknown>;
      properties.forEach((property, i) => {
        entityRow[property] = row[labels[i]];
      });
      return entityRow as T;
    },
  };
}

// How a feature's entity is read for GraphQL, in one place for its by-id loader and its pages: the
// columns its fields need (see selected-fields.ts) and those it never reads with the row.
import type { ObjectLiteral } from 'typeorm';
import type { Context } from './context';
import { type EntityClass, entityRowsOf, type EntityRows, type RowReader, rowReader } from './entity-rows';
import { type FieldColumns, propertiesFor } from './selected-fields';

export interface EntityRead<T> {
  readonly entity: EntityClass<T>;
  /**
   * How the entity's GraphQL fields read its columns: with it, a query reads only the columns its
   * fields need; without it, every column.
   */
  readonly fieldColumns?: FieldColumns;
  /** Columns never read with the row (a field resolver reads them when asked). */
  readonly omit?: readonly (keyof T & string)[];
}

/** The properties a request reads of the entity: those its fields need, less `omit`. */
export function propertiesToRead<T extends ObjectLiteral>(ctx: Context, read: EntityRead<T>): readonly string[] {
  const { columnsByProperty } = entityRowsOf(ctx.db, read.entity);
  const fields = ctx.selection.fields;
  const wanted =
    read.fieldColumns && fields
      ? propertiesFor(fields.get(read.entity.name), columnsByProperty, read.fieldColumns)
      : 'all';
  const omit = new Set<string>(read.omit ?? []);
  return (wanted === 'all' ? [...columnsByProperty.keys()] : wanted).filter((property) => !omit.has(property));
}

/** A reader of the entity's rows under `alias` in a statement, with the columns this request reads. */
export function entityReader<T extends ObjectLiteral>(
  ctx: Context,
  read: EntityRead<T>,
  alias: string,
  prefix = '',
): RowReader<T> & { readonly rows: EntityRows } {
  const rows = entityRowsOf(ctx.db, read.entity);
  return { ...rowReader(read.entity, rows, alias, propertiesToRead(ctx, read), prefix), rows };
}

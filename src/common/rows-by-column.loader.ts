import DataLoader from 'dataloader';
import type { ObjectLiteral } from 'typeorm';
import { queryRows, type SQL, sql } from '../database/sql';
import { groupBy } from './by-id.loader';
import type { Context } from './context';
import { type EntityRead, operationReader } from './entity-read';

/** An order by the entity's properties: ASC, or a direction with where nulls go. */
export type PropertyOrder = Record<string, 'ASC' | 'DESC' | { direction: 'ASC' | 'DESC'; nulls: 'FIRST' | 'LAST' }>;

/**
 * `<entities>By<Column>`: every row whose `column` (a uuid) is one of the batched keys, in `order`,
 * one SELECT per batch into plain rows (see entity-read.ts): the sources of each article on a
 * page, the aliases of each actor...
 */
export function rowsByColumn<T extends ObjectLiteral>(
  ctx: Context,
  read: EntityRead<T>,
  column: keyof T & string,
  order: PropertyOrder,
): DataLoader<string, T[]> {
  return ctx.loaders.get(`${read.entity.name}By${column}`, () => {
    const reader = operationReader(ctx, read, 't');
    const columnOf = (property: string) => sql.identifier('t', reader.rows.columnsByProperty.get(property) as string);
    const orderBy: SQL[] = Object.entries(order).map(([property, how]) => {
      const { direction, nulls } = typeof how === 'string' ? { direction: how, nulls: null } : how;
      return sql`${columnOf(property)} ${direction === 'DESC' ? sql`DESC` : sql`ASC`}${nulls === null ? sql.blank : nulls === 'FIRST' ? sql` NULLS FIRST` : sql` NULLS LAST`}`;
    });
    return new DataLoader<string, T[]>(async (keys) => {
      const found = await queryRows(
        ctx.db,
        sql`SELECT ${columnOf(column)}::text AS "by.key", ${reader.select} FROM ${reader.rows.table} t ${reader.joins}
            WHERE ${columnOf(column)} = ANY(${sql.value([...keys])}::uuid[]) ORDER BY ${sql.join(orderBy, ', ')}`,
      );
      return groupBy(keys, found, (row) => row['by.key'] as string).map((rows) => rows.map((row) => reader.read(row)));
    });
  });
}

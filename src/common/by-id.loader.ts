import DataLoader from 'dataloader';
import type { ObjectLiteral } from 'typeorm';
import { queryRows, sql } from '../database/sql';
import type { Context } from './context';
import { type EntityRead, operationReader } from './entity-read';

/**
 * `<entities>ById` for any entity with a uuid `id`: one SELECT per batch of the columns the request
 * reads (see entity-read.ts), undefined when missing.
 */
export function entitiesById<T extends ObjectLiteral & { id: string }>(
  ctx: Context,
  read: EntityRead<T>,
): DataLoader<string, T | undefined> {
  return ctx.loaders.get(`${read.entity.name}ById`, () => {
    const reader = operationReader(ctx, read, 't');
    const select = sql`SELECT ${reader.select} FROM ${reader.rows.table} t ${reader.joins} WHERE t.id = ANY(`;
    return new DataLoader<string, T | undefined>(async (ids) => {
      const found = await queryRows(ctx.db, sql`${select}${sql.value([...ids])}::uuid[])`);
      const byId = new Map(found.map((row) => [row.id as string, reader.read(row)]));
      return ids.map((id) => byId.get(id));
    });
  });
}

/** Groups rows by a key, in the order the keys were asked for. */
export function groupBy<T, K>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K): T[][] {
  const groups = new Map<K, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

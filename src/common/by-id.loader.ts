import DataLoader from 'dataloader';
import { type EntityTarget, In, type ObjectLiteral } from 'typeorm';
import type { Context } from './context';

/** `<entities>ById` for any entity with a uuid `id`: one SELECT per batch, undefined when missing. */
export function entitiesById<T extends ObjectLiteral & { id: string }>(
  ctx: Context,
  entity: EntityTarget<T> & { name: string },
): DataLoader<string, T | undefined> {
  return ctx.loaders.get(
    `${entity.name}ById`,
    () =>
      new DataLoader<string, T | undefined>(async (ids) => {
        const rows = await ctx.db.getRepository(entity).findBy({ id: In([...ids]) } as never);
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id));
      }),
  );
}

/** Groups rows by a key, in the order the keys were asked for. */
export function groupBy<T, K>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K): T[][] {
  const groups = new Map<K, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

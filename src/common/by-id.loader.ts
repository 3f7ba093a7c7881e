import DataLoader from 'dataloader';
import { type EntityTarget, In, type ObjectLiteral } from 'typeorm';
import type { Context } from './context';

/**
 * `<entities>ById` for any entity with a uuid `id`: one SELECT per batch, undefined when missing.
 * Columns named in `omit` are not read (a field resolver reads them when asked): the entities
 * come back without them.
 */
export function entitiesById<T extends ObjectLiteral & { id: string }>(
  ctx: Context,
  entity: EntityTarget<T> & { name: string },
  omit: readonly (keyof T & string)[] = [],
): DataLoader<string, T | undefined> {
  return ctx.loaders.get(`${entity.name}ById`, () => {
    const repository = ctx.db.getRepository(entity);
    const select = omit.length
      ? Object.fromEntries(
          repository.metadata.columns
            .filter((column) => column.isSelect && !omit.includes(column.propertyName as keyof T & string))
            .map((column) => [column.propertyName, true]),
        )
      : undefined;
    return new DataLoader<string, T | undefined>(async (ids) => {
      const rows = await repository.find({ select, where: { id: In([...ids]) } } as never);
      const byId = new Map(rows.map((row) => [row.id, row]));
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

import DataLoader from 'dataloader';
import { type EntityTarget, type FindOptionsOrder, In, type ObjectLiteral } from 'typeorm';
import type { Context } from './context';
import { groupBy } from './by-id.loader';

/**
 * `<entities>By<Column>`: every row whose `column` is one of the batched keys, in `order`, one
 * SELECT per batch (the sources of each article on a page, the aliases of each actor...).
 */
export function rowsByColumn<T extends ObjectLiteral>(
  ctx: Context,
  entity: EntityTarget<T> & { name: string },
  column: keyof T & string,
  order: FindOptionsOrder<T>,
): DataLoader<string, T[]> {
  return ctx.loaders.get(
    `${entity.name}By${column}`,
    () =>
      new DataLoader<string, T[]>(async (keys) => {
        const rows = await ctx.db.getRepository(entity).find({ where: { [column]: In([...keys]) } as never, order });
        return groupBy(keys, rows, (row) => row[column] as string);
      }),
  );
}

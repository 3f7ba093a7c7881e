import DataLoader from 'dataloader';
import { entitiesById } from '../common/by-id.loader';
import type { Context } from '../common/context';
import type { EntityRead } from '../common/entity-read';
import { nodeType } from '../common/node-type';
import { queryRows, sql } from '../database/sql';
import { Outlet } from './outlet.entity';

/** How Outlets are read: the columns each field that is not a column reads. */
export const OUTLET_READ: EntityRead<Outlet> = {
  entity: Outlet,
  fieldColumns: { articleCount: [], articles: [] },
};

export function outletsById(ctx: Context): DataLoader<string, Outlet | undefined> {
  return entitiesById(ctx, OUTLET_READ);
}

/** How many articles each outlet has: one grouped statement for every outlet of a request. */
export function articleCountsByOutletId(ctx: Context): DataLoader<string, number> {
  return ctx.loaders.get(
    'articleCountsByOutletId',
    () =>
      new DataLoader<string, number>(async (ids) => {
        const rows = await queryRows<{ id: string; count: number }>(
          ctx.db,
          sql`SELECT outlet_id::text AS id, count(*)::int AS count FROM articles
              WHERE outlet_id = ANY(${sql.value([...ids])}::uuid[]) GROUP BY outlet_id`,
        );
        const counts = new Map(rows.map((row) => [row.id, row.count]));
        return ids.map((id) => counts.get(id) ?? 0);
      }),
  );
}

/** `node(id:)` finds Outlets through their by-id loader. */
export const outletNodeType = nodeType('Outlet', outletsById);

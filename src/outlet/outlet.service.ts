// Reading outlets: the list by name behind Query.outlets.
import type { Connection } from '../common/connection';
import type { Context } from '../common/context';
import type { PageRequest } from '../common/keyset';
import { listConnection } from '../common/list-connection';
import { rowSet } from '../common/row-set';
import { sql } from '../database/sql';
import type { Outlet } from './outlet.entity';
import { applyOutletFilter, type OutletFilter } from './outlet.filter';
import { OUTLET_READ } from './outlet.loaders';
import { OUTLET_ORDER_KEYS } from './outlet.types';

export function listOutlets(
  ctx: Context,
  page: PageRequest,
  filter: OutletFilter | null | undefined,
): Promise<Connection<Outlet>> {
  const rows = applyOutletFilter(rowSet(sql`outlets o`), filter);
  return listConnection(ctx, rows, sql`o.id`, OUTLET_ORDER_KEYS, page, { read: OUTLET_READ, alias: 'o' });
}

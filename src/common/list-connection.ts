// The two ways a connection is listed: a top-level list (one page of one query), or the same
// child list under many parents (the quotes of each article on a page), batched per request.
import type DataLoader from 'dataloader';
import type { SQL } from '../database/sql';
import type { Context } from './context';
import { nodesById, toConnection, type Connection, type PageNodes } from './connection';
import { countRows, findPage, type PageRequest, type SortKey } from './keyset';
import { countsByParent, pagesByParent, type ChildList } from './nested-page.loader';
import type { RowSet } from './row-set';

export async function listConnection<T>(
  ctx: Context,
  rows: RowSet,
  id: SQL,
  keys: readonly SortKey[],
  page: PageRequest,
  nodes: DataLoader<string, T | undefined> | PageNodes<T>,
): Promise<Connection<T>> {
  const found = await findPage(ctx.db, rows, id, keys, page);
  return toConnection(found, page.after, typeof nodes === 'function' ? nodes : nodesById(nodes), () =>
    countRows(ctx.db, rows),
  );
}

export async function childConnection<T>(
  ctx: Context,
  list: ChildList,
  parentId: string,
  page: PageRequest,
  nodes: DataLoader<string, T | undefined>,
): Promise<Connection<T>> {
  const found = await pagesByParent(ctx, list, page).load(parentId);
  return toConnection(found, page.after, nodesById(nodes), () => countsByParent(ctx, list).load(parentId));
}

// The two ways a connection is listed: a top-level list (one page of one query), or the same
// child list under many parents (the quotes of each article on a page), batched per request.
// Entity nodes are read in the page's own statement, so each level of a tree is one statement.
import type { SQL } from '../database/sql';
import type { Context } from './context';
import { toConnection, type Connection, type PageNodes } from './connection';
import { type EntityRead, operationReader } from './entity-read';
import {
  countRows,
  estimateRows,
  findPage,
  type NodeReader,
  type PageRequest,
  type PageRow,
  type SortKey,
} from './keyset';
import { countsByParent, pagesByParent, type ChildList } from './nested-page.loader';
import type { RowSet } from './row-set';

/** A list's nodes as rows of an entity: the table `read.entity` under `alias` in the list's rows. */
export interface EntityNodes<T> {
  readonly read: EntityRead<T>;
  readonly alias: string;
}

/** The reader of a list's nodes; their columns are prefixed `n.`, apart from the page's own. */
export function nodeReader<T extends object>(ctx: Context, nodes: EntityNodes<T>): NodeReader {
  return operationReader(ctx, nodes.read, nodes.alias, 'n.');
}

/** The nodes a page's statement read. */
function readNodes<T>(rows: readonly PageRow[]): Promise<T[]> {
  return Promise.resolve(rows.map((row) => row.node as T));
}

/** A top-level list; nodes that are not one entity's rows (search hits) come from `nodes` after the page. */
export async function listConnection<T extends object>(
  ctx: Context,
  rows: RowSet,
  id: SQL,
  keys: readonly SortKey[],
  page: PageRequest,
  nodes: EntityNodes<T> | PageNodes<T>,
): Promise<Connection<T>> {
  const counts = { exact: () => countRows(ctx.db, rows), estimated: () => estimateRows(ctx.db, rows) };
  if (typeof nodes === 'function')
    return toConnection(await findPage(ctx.db, rows, id, keys, page), page.after, nodes, counts);
  const found = await findPage(ctx.db, rows, id, keys, page, nodeReader(ctx, nodes));
  return toConnection(found, page.after, readNodes<T>, counts);
}

export async function childConnection<T extends object>(
  ctx: Context,
  list: ChildList<T>,
  parentId: string,
  page: PageRequest,
): Promise<Connection<T>> {
  const found = await pagesByParent(ctx, list, page).load(parentId);
  const exact = () => countsByParent(ctx, list).load(parentId);
  return toConnection(found, page.after, readNodes<T>, { exact, estimated: exact });
}

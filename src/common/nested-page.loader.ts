// Connections below a list (the quotes of each article on a page) load in one statement for all
// parents that ask for the same page size and cursor, plus one for their counts.
import DataLoader from 'dataloader';
import type { SQL } from '../database/sql';
import type { Context } from './context';
import { countRowsByParent, findPagesByParent, type Page, type PageRequest, type SortKey } from './keyset';
import type { RowSet } from './row-set';
import { type EntityNodes, nodeReader } from './list-connection';

export interface ChildList<T extends object = object> {
  /** Names the list in the loader registry, such as Article.quotes; include any filter in it. */
  readonly name: string;
  /** Built once per batch rather than once per parent. */
  readonly rows: () => RowSet;
  /** The parent's id in those rows (the article of a quote). */
  readonly parent: SQL;
  readonly id: SQL;
  readonly keys: readonly SortKey[];
  /** The nodes, read with the page. */
  readonly nodes: EntityNodes<T>;
}

export function pagesByParent<T extends object>(
  ctx: Context,
  list: ChildList<T>,
  page: PageRequest,
): DataLoader<string, Page> {
  return ctx.loaders.get(
    `${list.name}:page:${page.first}:${page.after ?? ''}`,
    () =>
      new DataLoader<string, Page>(async (parentIds) => {
        const reader = nodeReader(ctx, list.nodes);
        const rows = list.rows();
        const pages = await findPagesByParent(ctx.db, rows, list.parent, parentIds, list.id, list.keys, page, reader);
        return parentIds.map((id) => pages.get(id) as Page);
      }),
  );
}

export function countsByParent<T extends object>(ctx: Context, list: ChildList<T>): DataLoader<string, number> {
  return ctx.loaders.get(
    `${list.name}:count`,
    () =>
      new DataLoader<string, number>(async (parentIds) => {
        const counts = await countRowsByParent(ctx.db, list.rows(), list.parent, parentIds);
        return parentIds.map((id) => counts.get(id) ?? 0);
      }),
  );
}

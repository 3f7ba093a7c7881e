// Connections below a list (the quotes of each article on a page) load in one statement for all
// parents that ask for the same page size and cursor, plus one for their counts.
import DataLoader from 'dataloader';
import type { SQL } from '../database/sql';
import type { Context } from './context';
import { countRowsByParent, findPagesByParent, type Page, type PageRequest, type SortKey } from './keyset';
import type { RowSet } from './row-set';

export interface ChildList {
  /** Names the list in the loader registry, such as Article.quotes; include any filter in it. */
  readonly name: string;
  /** Built once per batch rather than once per parent. */
  readonly rows: () => RowSet;
  /** The parent's id in those rows (the article of a quote). */
  readonly parent: SQL;
  readonly id: SQL;
  readonly keys: readonly SortKey[];
}

export function pagesByParent(ctx: Context, list: ChildList, page: PageRequest): DataLoader<string, Page> {
  return ctx.loaders.get(
    `${list.name}:page:${page.first}:${page.after ?? ''}`,
    () =>
      new DataLoader<string, Page>(async (parentIds) => {
        const pages = await findPagesByParent(ctx.db, list.rows(), list.parent, parentIds, list.id, list.keys, page);
        return parentIds.map((id) => pages.get(id) as Page);
      }),
  );
}

export function countsByParent(ctx: Context, list: ChildList): DataLoader<string, number> {
  return ctx.loaders.get(
    `${list.name}:count`,
    () =>
      new DataLoader<string, number>(async (parentIds) => {
        const counts = await countRowsByParent(ctx.db, list.rows(), list.parent, parentIds);
        return parentIds.map((id) => counts.get(id) ?? 0);
      }),
  );
}

// Connections below a list (the quotes of each article on a page) load in one statement for all
// parents that ask for the same page size and cursor, plus one for their counts.
import DataLoader from 'dataloader';
import type { Context } from './context';
import { countRowsByParent, findPagesByParent, type Page, type PageRequest, type SortKey } from './keyset';
import type { SqlQuery } from './sql-query';

export interface ChildList {
  /** Names the list in the loader registry, such as Article.quotes; include any filter in it. */
  readonly name: string;
  readonly query: () => SqlQuery;
  readonly parentSql: string;
  readonly idSql: string;
  readonly keys: readonly SortKey[];
}

export function pagesByParent(ctx: Context, list: ChildList, page: PageRequest): DataLoader<string, Page> {
  return ctx.loaders.get(`${list.name}:page:${page.first}:${page.after ?? ''}`, () =>
    new DataLoader<string, Page>(async (parentIds) => {
      const pages = await findPagesByParent(ctx.db, list.query(), list.parentSql, parentIds, list.idSql, list.keys, page);
      return parentIds.map((id) => pages.get(id) as Page);
    }),
  );
}

export function countsByParent(ctx: Context, list: ChildList): DataLoader<string, number> {
  return ctx.loaders.get(`${list.name}:count`, () =>
    new DataLoader<string, number>(async (parentIds) => {
      const counts = await countRowsByParent(ctx.db, list.query(), list.parentSql, parentIds);
      return parentIds.map((id) => counts.get(id) ?? 0);
    }),
  );
}

import DataLoader from 'dataloader';
import { entitiesById } from '../common/by-id.loader';
import type { Context } from '../common/context';
import type { EntityRead } from '../common/entity-read';
import { OUTLET_READ } from '../outlet/outlet.loaders';
import { nodeType } from '../common/node-type';
import { queryRows, sql } from '../database/sql';
import { Article } from './article.entity';

export function articlesById(ctx: Context): DataLoader<string, Article | undefined> {
  return entitiesById(ctx, ARTICLE_READ);
}

/**
 * How Articles are read: never with their bodies (a page of titles must not carry megabytes of
 * text; `Article.body` reads a body when asked), and the columns each field that is not a column reads.
 */
export const ARTICLE_READ: EntityRead<Article> = {
  entity: Article,
  toOne: [{ field: 'outlet', key: 'outletId', read: () => OUTLET_READ }],
  omit: ['body'],
  fieldColumns: {
    body: [],
    outlet: ['outletId'],
    quotes: [],
    sources: [],
    mentions: [],
    stances: [],
  },
};

/** Article bodies by id, for the `body` field: one SELECT per batch. */
export function articleBodiesById(ctx: Context): DataLoader<string, string | undefined> {
  return ctx.loaders.get(
    'ArticleBodyById',
    () =>
      new DataLoader<string, string | undefined>(async (ids) => {
        const rows = await queryRows<{ id: string; body: string }>(
          ctx.db,
          sql`SELECT id::text AS id, body FROM articles WHERE id = ANY(${sql.value([...ids])}::uuid[])`,
        );
        const byId = new Map(rows.map((row) => [row.id, row.body]));
        return ids.map((id) => byId.get(id));
      }),
  );
}

/** `node(id:)` finds Articles through their by-id loader. */
export const articleNodeType = nodeType('Article', articlesById);

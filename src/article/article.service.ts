// Reading articles: lookups and the keyset-ordered list behind Query.articles and Outlet.articles.
import type { EntityManager } from 'typeorm';
import type { Connection } from '../common/connection';
import type { PageRequest } from '../common/keyset';
import { childConnection, type EntityNodes, listConnection } from '../common/list-connection';
import type { ChildList } from '../common/nested-page.loader';
import { type RowSet, rowSet } from '../common/row-set';
import type { Context } from '../common/context';
import { sql } from '../database/sql';
import { Article } from './article.entity';
import { applyArticleFilter, type ArticleFilter } from './article.filter';
import { ARTICLE_READ } from './article.loaders';
import { ARTICLE_ORDER_KEYS, ArticleOrder } from './article.types';

export function findArticleByUrl(db: EntityManager, url: string): Promise<Article | null> {
  return db.getRepository(Article).findOneBy({ url });
}

const ARTICLE_ROWS: RowSet = rowSet(sql`articles a`);

export async function listArticles(
  ctx: Context,
  page: PageRequest,
  filter: ArticleFilter | null | undefined,
  orderBy: ArticleOrder = ArticleOrder.PUBLISHED_AT_DESC,
): Promise<Connection<Article>> {
  const rows = applyArticleFilter(ARTICLE_ROWS, filter);
  return listConnection(ctx, rows, sql`a.id`, ARTICLE_ORDER_KEYS[orderBy], page, ARTICLE_NODES);
}

const ARTICLE_NODES: EntityNodes<Article> = { read: ARTICLE_READ, alias: 'a' };

const articlesOfOutlet: ChildList<Article> = {
  name: 'Outlet.articles',
  rows: () => ARTICLE_ROWS,
  parent: sql`a.outlet_id`,
  id: sql`a.id`,
  keys: ARTICLE_ORDER_KEYS[ArticleOrder.PUBLISHED_AT_DESC],
  nodes: ARTICLE_NODES,
};

export async function listArticlesOfOutlet(
  ctx: Context,
  outletId: string,
  page: PageRequest,
): Promise<Connection<Article>> {
  return childConnection(ctx, articlesOfOutlet, outletId, page);
}

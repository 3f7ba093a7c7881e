// Reading articles: lookups and the keyset-ordered list behind Query.articles and Outlet.articles.
import type { EntityManager } from 'typeorm';
import { toConnection, type Connection } from '../common/connection';
import { countRows, findPage, type PageRequest } from '../common/keyset';
import { countsByParent, pagesByParent, type ChildList } from '../common/nested-page.loader';
import { SqlQuery } from '../common/sql-query';
import type { Context } from '../context';
import { Article } from './article.entity';
import { applyArticleFilter, type ArticleFilter } from './article.filter';
import { articlesById } from './article.loaders';
import { ARTICLE_ORDER_KEYS, ArticleOrder } from './article.types';


export function findArticleByUrl(db: EntityManager, url: string): Promise<Article | null> {
  return db.getRepository(Article).findOneBy({ url });
}

function articleQuery(): SqlQuery {
  return new SqlQuery('articles a');
}

export async function listArticles(
  ctx: Context,
  page: PageRequest,
  filter: ArticleFilter | null | undefined,
  orderBy: ArticleOrder = ArticleOrder.PUBLISHED_AT_DESC,
): Promise<Connection<Article>> {
  const query = applyArticleFilter(articleQuery(), filter);
  const keys = ARTICLE_ORDER_KEYS[orderBy];
  const found = await findPage(ctx.db, query, 'a.id', keys, page);
  return toConnection(found, page.after, articlesById(ctx), () => countRows(ctx.db, query));
}

const articlesOfOutlet: ChildList = {
  name: 'Outlet.articles',
  query: articleQuery,
  parentSql: 'a.outlet_id',
  idSql: 'a.id',
  keys: ARTICLE_ORDER_KEYS[ArticleOrder.PUBLISHED_AT_DESC],
};

export async function listArticlesOfOutlet(ctx: Context, outletId: string, page: PageRequest): Promise<Connection<Article>> {
  const found = await pagesByParent(ctx, articlesOfOutlet, page).load(outletId);
  return toConnection(found, page.after, articlesById(ctx), () => countsByParent(ctx, articlesOfOutlet).load(outletId));
}

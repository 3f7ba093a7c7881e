// Reading articles: lookups and the keyset-ordered list behind Query.articles and Outlet.articles.
import type { EntityManager } from 'typeorm';
import type { Connection } from '../common/connection';
import type { PageRequest } from '../common/keyset';
import { childConnection, listConnection } from '../common/list-connection';
import type { ChildList } from '../common/nested-page.loader';
import { SqlQuery } from '../common/sql-query';
import type { Context } from '../common/context';
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
  return listConnection(ctx, query, 'a.id', keys, page, articlesById(ctx));
}

const articlesOfOutlet: ChildList = {
  name: 'Outlet.articles',
  query: articleQuery,
  parentSql: 'a.outlet_id',
  idSql: 'a.id',
  keys: ARTICLE_ORDER_KEYS[ArticleOrder.PUBLISHED_AT_DESC],
};

export async function listArticlesOfOutlet(ctx: Context, outletId: string, page: PageRequest): Promise<Connection<Article>> {
  return childConnection(ctx, articlesOfOutlet, outletId, page, articlesById(ctx));
}

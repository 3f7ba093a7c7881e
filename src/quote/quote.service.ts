// Reading quotes: the corpus-wide list, the quotes of each article and of each actor, keyset-paged.
import type { Connection } from '../common/connection';
import type { PageRequest } from '../common/keyset';
import { childConnection, listConnection } from '../common/list-connection';
import type { ChildList } from '../common/nested-page.loader';
import { SqlQuery } from '../common/sql-query';
import type { Context } from '../common/context';
import type { Quote } from './quote.entity';
import { applyQuoteFilter, QUOTE_FROM, type QuoteFilter } from './quote.filter';
import { quotesById } from './quote.loaders';
import { QUOTE_ORDER_KEYS, QUOTE_READING_ORDER_KEYS, QuoteOrder } from './quote.types';

export async function listQuotes(
  ctx: Context,
  page: PageRequest,
  filter: QuoteFilter | null | undefined,
  orderBy: QuoteOrder = QuoteOrder.PUBLISHED_AT_DESC,
): Promise<Connection<Quote>> {
  const query = applyQuoteFilter(new SqlQuery(QUOTE_FROM), filter);
  return listConnection(ctx, query, 'q.id', QUOTE_ORDER_KEYS[orderBy], page, quotesById(ctx));
}

function listChildQuotes(ctx: Context, list: ChildList, parentId: string, page: PageRequest): Promise<Connection<Quote>> {
  return childConnection(ctx, list, parentId, page, quotesById(ctx));
}

const quotesOfArticle: ChildList = {
  name: 'Article.quotes',
  query: () => new SqlQuery('quotes q'),
  parentSql: 'q.article_id',
  idSql: 'q.id',
  keys: QUOTE_READING_ORDER_KEYS,
};

export function listQuotesOfArticle(ctx: Context, articleId: string, page: PageRequest): Promise<Connection<Quote>> {
  return listChildQuotes(ctx, quotesOfArticle, articleId, page);
}

/** Quotes whose source is the actor, newest article first. */
export function listQuotesOfActor(ctx: Context, actorId: string, page: PageRequest, filter: QuoteFilter | null | undefined): Promise<Connection<Quote>> {
  const list: ChildList = {
    name: `Actor.quotes:${JSON.stringify(filter ?? null)}`,
    query: () => applyQuoteFilter(new SqlQuery(QUOTE_FROM), filter),
    parentSql: 's.actor_id',
    idSql: 'q.id',
    keys: QUOTE_ORDER_KEYS[QuoteOrder.PUBLISHED_AT_DESC],
  };
  return listChildQuotes(ctx, list, actorId, page);
}

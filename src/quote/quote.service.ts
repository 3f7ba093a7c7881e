// Reading quotes: the corpus-wide list, the quotes of each article and of each actor, keyset-paged.
import type { Connection } from '../common/connection';
import type { PageRequest } from '../common/keyset';
import { childConnection, type EntityNodes, listConnection } from '../common/list-connection';
import type { ChildList } from '../common/nested-page.loader';
import { rowSet } from '../common/row-set';
import type { Context } from '../common/context';
import { sql } from '../database/sql';
import type { Quote } from './quote.entity';
import { applyQuoteFilter, QUOTE_ROWS, type QuoteFilter } from './quote.filter';
import { QUOTE_READ } from './quote.loaders';
import { QUOTE_ORDER_KEYS, QUOTE_READING_ORDER_KEYS, QuoteOrder } from './quote.types';

export async function listQuotes(
  ctx: Context,
  page: PageRequest,
  filter: QuoteFilter | null | undefined,
  orderBy: QuoteOrder = QuoteOrder.PUBLISHED_AT_DESC,
): Promise<Connection<Quote>> {
  const rows = applyQuoteFilter(QUOTE_ROWS, filter);
  return listConnection(ctx, rows, sql`q.id`, QUOTE_ORDER_KEYS[orderBy], page, QUOTE_NODES);
}

const QUOTE_NODES: EntityNodes<Quote> = { read: QUOTE_READ, alias: 'q' };

const quotesOfArticle: ChildList<Quote> = {
  name: 'Article.quotes',
  rows: () => rowSet(sql`quotes q`),
  parent: sql`q.article_id`,
  id: sql`q.id`,
  keys: QUOTE_READING_ORDER_KEYS,
  nodes: QUOTE_NODES,
};

export function listQuotesOfArticle(ctx: Context, articleId: string, page: PageRequest): Promise<Connection<Quote>> {
  return childConnection(ctx, quotesOfArticle, articleId, page);
}

/** Quotes whose source is the actor, newest article first. */
export function listQuotesOfActor(
  ctx: Context,
  actorId: string,
  page: PageRequest,
  filter: QuoteFilter | null | undefined,
): Promise<Connection<Quote>> {
  const list: ChildList<Quote> = {
    name: `Actor.quotes:${JSON.stringify(filter ?? null)}`,
    rows: () => applyQuoteFilter(QUOTE_ROWS, filter),
    parent: sql`s.actor_id`,
    id: sql`q.id`,
    keys: QUOTE_ORDER_KEYS[QuoteOrder.PUBLISHED_AT_DESC],
    nodes: QUOTE_NODES,
  };
  return childConnection(ctx, list, actorId, page);
}

// Reading quotes: the corpus-wide list and the quotes of each article, both keyset-paged.
import { toConnection, type Connection } from '../common/connection';
import { countRows, findPage, type PageRequest } from '../common/keyset';
import { countsByParent, pagesByParent, type ChildList } from '../common/nested-page.loader';
import { SqlQuery } from '../common/sql-query';
import type { Context } from '../context';
import { Quote } from './quote.entity';
import { quotesById } from './quote.loaders';
import { QUOTE_ORDER_KEYS, QUOTE_READING_ORDER_KEYS, QuoteOrder } from './quote.types';

function quoteQuery(): SqlQuery {
  return new SqlQuery('quotes q JOIN articles a ON a.id = q.article_id');
}

export async function listQuotes(ctx: Context, page: PageRequest, orderBy: QuoteOrder = QuoteOrder.PUBLISHED_AT_DESC): Promise<Connection<Quote>> {
  const query = quoteQuery();
  const found = await findPage(ctx.db, query, 'q.id', QUOTE_ORDER_KEYS[orderBy], page);
  return toConnection(found, page.after, quotesById(ctx), () => countRows(ctx.db, query));
}

const quotesOfArticle: ChildList = {
  name: 'Article.quotes',
  query: () => new SqlQuery('quotes q'),
  parentSql: 'q.article_id',
  idSql: 'q.id',
  keys: QUOTE_READING_ORDER_KEYS,
};

export async function listQuotesOfArticle(ctx: Context, articleId: string, page: PageRequest): Promise<Connection<Quote>> {
  const found = await pagesByParent(ctx, quotesOfArticle, page).load(articleId);
  return toConnection(found, page.after, quotesById(ctx), () => countsByParent(ctx, quotesOfArticle).load(articleId));
}

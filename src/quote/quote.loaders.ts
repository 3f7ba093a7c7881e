import type DataLoader from 'dataloader';
import { entitiesById } from '../common/by-id.loader';
import { rowsByColumn } from '../common/rows-by-column.loader';
import type { Context } from '../common/context';
import type { EntityRead } from '../common/entity-read';
import { ARTICLE_READ } from '../article/article.loaders';
import { SOURCE_READ } from '../source/source.loaders';
import { nodeType } from '../common/node-type';
import { Quote } from './quote.entity';

/** How Quotes are read: the columns each field that is not a column reads. */
export const QUOTE_READ: EntityRead<Quote> = {
  entity: Quote,
  toOne: [
    { field: 'source', key: 'sourceId', read: () => SOURCE_READ },
    { field: 'article', key: 'articleId', read: () => ARTICLE_READ },
  ],
  fieldColumns: {
    article: ['articleId'],
    source: ['sourceId'],
    span: ['articleId', 'spanStart', 'spanEnd', 'text'],
    cueSpan: ['articleId', 'cueStart', 'cueEnd'],
    stances: [],
  },
};

export function quotesById(ctx: Context): DataLoader<string, Quote | undefined> {
  return entitiesById(ctx, QUOTE_READ);
}

export function quotesBySourceId(ctx: Context): DataLoader<string, Quote[]> {
  return rowsByColumn(ctx, QUOTE_READ, 'sourceId', { spanStart: 'ASC', id: 'ASC' });
}

/** `node(id:)` finds Quotes through their by-id loader. */
export const quoteNodeType = nodeType('Quote', quotesById);

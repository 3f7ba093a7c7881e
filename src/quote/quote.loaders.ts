import type DataLoader from 'dataloader';
import { entitiesById } from '../common/by-id.loader';
import { rowsByColumn } from '../common/rows-by-column.loader';
import type { Context } from '../common/context';
import { nodeType } from '../common/node-type';
import { Quote } from './quote.entity';

export function quotesById(ctx: Context): DataLoader<string, Quote | undefined> {
  return entitiesById(ctx, Quote);
}

export function quotesBySourceId(ctx: Context): DataLoader<string, Quote[]> {
  return rowsByColumn(ctx, Quote, 'sourceId', { spanStart: 'ASC', id: 'ASC' });
}

/** `node(id:)` finds Quotes through their by-id loader. */
export const quoteNodeType = nodeType('Quote', quotesById);

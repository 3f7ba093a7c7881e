import type DataLoader from 'dataloader';
import { entitiesById } from '../common/by-id.loader';
import { rowsByColumn } from '../common/rows-by-column.loader';
import type { Context } from '../common/context';
import { nodeType } from '../common/node-type';
import { Source } from './source.entity';

export function sourcesById(ctx: Context): DataLoader<string, Source | undefined> {
  return entitiesById(ctx, Source);
}

export function sourcesByArticleId(ctx: Context): DataLoader<string, Source[]> {
  return rowsByColumn(ctx, Source, 'articleId', { spanStart: { direction: 'ASC', nulls: 'LAST' }, id: 'ASC' });
}

/** `node(id:)` finds Sources through their by-id loader. */
export const sourceNodeType = nodeType('Source', sourcesById);

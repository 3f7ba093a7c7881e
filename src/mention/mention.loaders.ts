import type DataLoader from 'dataloader';
import { entitiesById } from '../common/by-id.loader';
import { rowsByColumn } from '../common/rows-by-column.loader';
import type { Context } from '../common/context';
import type { EntityRead } from '../common/entity-read';
import { nodeType } from '../common/node-type';
import { Mention } from './mention.entity';

/** Mentions are read whole. */
export const MENTION_READ: EntityRead<Mention> = { entity: Mention };

export function mentionsById(ctx: Context): DataLoader<string, Mention | undefined> {
  return entitiesById(ctx, MENTION_READ);
}

export function mentionsByArticleId(ctx: Context): DataLoader<string, Mention[]> {
  return rowsByColumn(ctx, MENTION_READ, 'articleId', { spanStart: 'ASC', id: 'ASC' });
}

/** `node(id:)` finds Mentions through their by-id loader. */
export const mentionNodeType = nodeType('Mention', mentionsById);

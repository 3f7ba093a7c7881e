import type DataLoader from 'dataloader';
import { entitiesById } from '../common/by-id.loader';
import { rowsByColumn } from '../common/rows-by-column.loader';
import type { Context } from '../common/context';
import type { EntityRead } from '../common/entity-read';
import { nodeType } from '../common/node-type';
import { Stance } from './stance.entity';

/** Stances are read whole. */
export const STANCE_READ: EntityRead<Stance> = { entity: Stance };

export function stancesById(ctx: Context): DataLoader<string, Stance | undefined> {
  return entitiesById(ctx, STANCE_READ);
}

export function stancesByArticleId(ctx: Context): DataLoader<string, Stance[]> {
  return rowsByColumn(ctx, STANCE_READ, 'articleId', { evidenceStart: { direction: 'ASC', nulls: 'LAST' }, id: 'ASC' });
}

export function stancesBySourceId(ctx: Context): DataLoader<string, Stance[]> {
  return rowsByColumn(ctx, STANCE_READ, 'sourceId', { id: 'ASC' });
}

export function stancesByQuoteId(ctx: Context): DataLoader<string, Stance[]> {
  return rowsByColumn(ctx, STANCE_READ, 'quoteId', { id: 'ASC' });
}

/** `node(id:)` finds Stances through their by-id loader. */
export const stanceNodeType = nodeType('Stance', stancesById);

import type DataLoader from 'dataloader';
import { entitiesById } from '../common/by-id.loader';
import type { Context } from '../common/context';
import { nodeType } from '../common/node-type';
import { Revision } from './revision.entity';

export function revisionsById(ctx: Context): DataLoader<string, Revision | undefined> {
  return entitiesById(ctx, Revision);
}

/** `node(id:)` finds Revisions through their by-id loader. */
export const revisionNodeType = nodeType('Revision', revisionsById);

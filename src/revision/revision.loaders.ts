import type DataLoader from 'dataloader';
import { entitiesById } from '../common/by-id.loader';
import type { Context } from '../common/context';
import type { EntityRead } from '../common/entity-read';
import { nodeType } from '../common/node-type';
import { Revision } from './revision.entity';

/** Revisions are read whole. */
export const REVISION_READ: EntityRead<Revision> = { entity: Revision };

export function revisionsById(ctx: Context): DataLoader<string, Revision | undefined> {
  return entitiesById(ctx, REVISION_READ);
}

/** `node(id:)` finds Revisions through their by-id loader. */
export const revisionNodeType = nodeType('Revision', revisionsById);

import type DataLoader from 'dataloader';
import { entitiesById } from '../common/by-id.loader';
import type { Context } from '../common/context';
import { nodeType } from '../common/node-type';
import { Outlet } from './outlet.entity';

export function outletsById(ctx: Context): DataLoader<string, Outlet | undefined> {
  return entitiesById(ctx, Outlet);
}

/** `node(id:)` finds Outlets through their by-id loader. */
export const outletNodeType = nodeType('Outlet', outletsById);

import type DataLoader from 'dataloader';
import { entitiesById } from '../common/by-id.loader';
import type { Context } from '../common/context';
import { nodeType } from '../common/node-type';
import { Article } from './article.entity';

export function articlesById(ctx: Context): DataLoader<string, Article | undefined> {
  return entitiesById(ctx, Article);
}

/** `node(id:)` finds Articles through their by-id loader. */
export const articleNodeType = nodeType('Article', articlesById);

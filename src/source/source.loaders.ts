import type DataLoader from 'dataloader';
import { entitiesById } from '../common/by-id.loader';
import { rowsByColumn } from '../common/rows-by-column.loader';
import type { Context } from '../common/context';
import type { EntityRead } from '../common/entity-read';
import { ACTOR_READ } from '../actor/actor.loaders';
import { ARTICLE_READ } from '../article/article.loaders';
import { nodeType } from '../common/node-type';
import { Source } from './source.entity';

/** How Sources are read: the columns each field that is not a column reads. */
export const SOURCE_READ: EntityRead<Source> = {
  entity: Source,
  toOne: [
    { field: 'actor', key: 'actorId', read: () => ACTOR_READ },
    { field: 'affiliation', key: 'affiliationId', read: () => ACTOR_READ },
    { field: 'article', key: 'articleId', read: () => ARTICLE_READ },
  ],
  fieldColumns: {
    article: ['articleId'],
    span: ['articleId', 'spanStart', 'spanEnd'],
    actor: ['actorId'],
    affiliation: ['affiliationId'],
    quotes: [],
    stances: [],
  },
};

export function sourcesById(ctx: Context): DataLoader<string, Source | undefined> {
  return entitiesById(ctx, SOURCE_READ);
}

export function sourcesByArticleId(ctx: Context): DataLoader<string, Source[]> {
  return rowsByColumn(ctx, SOURCE_READ, 'articleId', { spanStart: { direction: 'ASC', nulls: 'LAST' }, id: 'ASC' });
}

/** `node(id:)` finds Sources through their by-id loader. */
export const sourceNodeType = nodeType('Source', sourcesById);

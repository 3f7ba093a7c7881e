import { registerEnumType } from 'type-graphql';
import { ConnectionType } from '../common/connection';
import type { SortKey } from '../common/keyset';
import { sql } from '../database/sql';
import { Article } from './article.entity';

export enum ArticleOrder {
  PUBLISHED_AT_DESC = 'PUBLISHED_AT_DESC',
  PUBLISHED_AT_ASC = 'PUBLISHED_AT_ASC',
  IMPORTED_AT_DESC = 'IMPORTED_AT_DESC',
}

registerEnumType(ArticleOrder, {
  name: 'ArticleOrder',
  description: 'Undated articles sort as the oldest: last when newest come first.',
  valuesConfig: {
    PUBLISHED_AT_DESC: { description: 'Newest first (the default).' },
    PUBLISHED_AT_ASC: { description: 'Oldest first, undated articles before dated ones.' },
    IMPORTED_AT_DESC: { description: 'Most recently imported first.' },
  },
});

/** The articles' publication date as a sort key: undated sorts as the oldest (index-backed). */
export const PUBLISHED_AT_KEY_SQL = sql`COALESCE(a.published_at, '-infinity'::timestamptz)`;

export const ARTICLE_ORDER_KEYS: Record<ArticleOrder, SortKey[]> = {
  [ArticleOrder.PUBLISHED_AT_DESC]: [
    { sql: PUBLISHED_AT_KEY_SQL, type: 'timestamptz', descending: true },
    { sql: sql`a.id`, type: 'uuid', descending: true },
  ],
  [ArticleOrder.PUBLISHED_AT_ASC]: [
    { sql: PUBLISHED_AT_KEY_SQL, type: 'timestamptz', descending: false },
    { sql: sql`a.id`, type: 'uuid', descending: false },
  ],
  [ArticleOrder.IMPORTED_AT_DESC]: [
    { sql: sql`a.imported_at`, type: 'timestamptz', descending: true },
    { sql: sql`a.id`, type: 'uuid', descending: true },
  ],
};

export const ArticleConnection = ConnectionType(Article);

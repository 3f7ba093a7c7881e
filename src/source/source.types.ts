import { PUBLISHED_AT_KEY_SQL } from '../article/article.types';
import { ConnectionType } from '../common/connection';
import type { SortKey } from '../common/keyset';
import { sql } from '../database/sql';
import { Source } from './source.entity';

/** Newest article first, then in reading order (sources without a span last). */
export const SOURCE_ORDER_KEYS: SortKey[] = [
  { sql: PUBLISHED_AT_KEY_SQL, type: 'timestamptz', descending: true },
  { sql: sql`a.id`, type: 'uuid', descending: true },
  { sql: sql`(-COALESCE(s.span_start, 2147483647))`, type: 'integer', descending: true },
  { sql: sql`s.id`, type: 'uuid', descending: true },
];

export const SourceConnection = ConnectionType(Source);

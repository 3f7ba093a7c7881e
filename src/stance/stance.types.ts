import { PUBLISHED_AT_KEY_SQL } from '../article/article.types';
import { ConnectionType } from '../common/connection';
import type { SortKey } from '../common/keyset';
import { Stance } from './stance.entity';

/** Newest article first. */
export const STANCE_ORDER_KEYS: SortKey[] = [
  { sql: PUBLISHED_AT_KEY_SQL, type: 'timestamptz', descending: true },
  { sql: 'a.id', type: 'uuid', descending: true },
  { sql: 'st.id', type: 'uuid', descending: true },
];

export const StanceConnection = ConnectionType(Stance);

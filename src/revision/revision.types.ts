import { ConnectionType } from '../common/connection';
import type { SortKey } from '../common/keyset';
import { sql } from '../database/sql';
import { Revision } from './revision.entity';

/** Oldest first: the history of an entity reads top to bottom. */
export const REVISION_ORDER_KEYS: SortKey[] = [
  { sql: sql`r.at`, type: 'timestamptz', descending: false },
  { sql: sql`r.id`, type: 'uuid', descending: false },
];

export const RevisionConnection = ConnectionType(Revision);

import { ConnectionType } from '../common/connection';
import type { SortKey } from '../common/keyset';
import { sql } from '../database/sql';
import { Outlet } from './outlet.entity';

/** By name, ignoring case and accents. */
export const OUTLET_ORDER_KEYS: SortKey[] = [
  { sql: sql`normalise_key(o.name) COLLATE "C"`, type: 'text', descending: false },
  { sql: sql`o.id`, type: 'uuid', descending: false },
];

export const OutletConnection = ConnectionType(Outlet);

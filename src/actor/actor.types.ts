import { ConnectionType } from '../common/connection';
import type { SortKey } from '../common/keyset';
import { sql } from '../database/sql';
import { Actor } from './actor.entity';

/** By name, ignoring case and accents. */
export const ACTOR_ORDER_KEYS: SortKey[] = [
  { sql: sql`ac.name_key COLLATE "C"`, type: 'text', descending: false },
  { sql: sql`ac.id`, type: 'uuid', descending: false },
];

export const ActorConnection = ConnectionType(Actor);

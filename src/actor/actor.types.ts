import { ConnectionType } from '../common/connection';
import type { SortKey } from '../common/keyset';
import { Actor } from './actor.entity';

/** By name, ignoring case and accents. */
export const ACTOR_ORDER_KEYS: SortKey[] = [
  { sql: 'ac.name_key COLLATE "C"', type: 'text', descending: false },
  { sql: 'ac.id', type: 'uuid', descending: false },
];

export const ActorConnection = ConnectionType(Actor);

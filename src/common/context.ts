import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Config } from '../config';
import { ANONYMOUS, type Caller } from './caller';
import { LoaderRegistry } from './loader-registry';
import type { NodeType } from './node-type';

export interface Context {
  readonly db: EntityManager;
  readonly config: Config;
  readonly loaders: LoaderRegistry;
  /** The types `node(id:)` can return, by GraphQL type name. */
  readonly nodeTypes: ReadonlyMap<string, NodeType>;
  readonly requestId: string;
  /** Who is asking: the key the request presented, if any. */
  readonly caller: Caller;
  /** The client's address, for rate limits; null in-process. */
  readonly clientAddress: string | null;
}

export function createContext(
  db: EntityManager,
  config: Config,
  nodeTypes: ReadonlyMap<string, NodeType>,
  caller: Caller = ANONYMOUS,
  clientAddress: string | null = null,
): Context {
  return { db, config, loaders: new LoaderRegistry(), nodeTypes, requestId: randomUUID(), caller, clientAddress };
}

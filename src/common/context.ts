import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Config } from '../config';
import { LoaderRegistry } from './loader-registry';
import type { NodeType } from './node-type';

export interface Context {
  readonly db: EntityManager;
  readonly config: Config;
  readonly loaders: LoaderRegistry;
  /** The types `node(id:)` can return, by GraphQL type name. */
  readonly nodeTypes: ReadonlyMap<string, NodeType>;
  readonly requestId: string;
}

export function createContext(db: EntityManager, config: Config, nodeTypes: ReadonlyMap<string, NodeType>): Context {
  return { db, config, loaders: new LoaderRegistry(), nodeTypes, requestId: randomUUID() };
}

import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Config } from '../config';
import { ANONYMOUS, type Caller } from './caller';
import { LoaderRegistry } from './loader-registry';
import type { NodeType } from './node-type';
import type { FieldsByType } from './selected-fields';

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
  /** The fields a query operation asks for, once it is known; null (read every column) otherwise. */
  readonly selection: { fields: FieldsByType | null };
}

/** What a request brings to its context; in-process callers (tests, the export's pages) may leave it out. */
export interface RequestIdentity {
  readonly caller?: Caller;
  readonly clientAddress?: string | null;
  readonly requestId?: string;
}

export function createContext(
  db: EntityManager,
  config: Config,
  nodeTypes: ReadonlyMap<string, NodeType>,
  request: RequestIdentity = {},
): Context {
  return {
    db,
    config,
    loaders: new LoaderRegistry(),
    nodeTypes,
    requestId: request.requestId ?? randomUUID(),
    caller: request.caller ?? ANONYMOUS,
    clientAddress: request.clientAddress ?? null,
    selection: { fields: null },
  };
}

import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { Config } from '../config';

/**
 * The per-request loaders. Each feature's `<feature>.loaders.ts` asks for its loaders by name, so
 * every request batches and caches on its own and nothing leaks between requests.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = create() as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

export interface Context {
  readonly db: EntityManager;
  readonly config: Config;
  readonly loaders: LoaderRegistry;
  readonly requestId: string;
}

export function createContext(db: EntityManager, config: Config): Context {
  return { db, config, loaders: new LoaderRegistry(), requestId: randomUUID() };
}

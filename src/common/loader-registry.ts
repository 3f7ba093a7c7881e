// The per-request loaders. Each feature's `<feature>.loaders.ts` asks for its loaders by name, so
// every request batches and caches on its own and nothing leaks between requests.
import type DataLoader from 'dataloader';

export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = create();
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

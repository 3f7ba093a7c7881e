// The sources an article's extraction has found so far, each distinct party once, with the
// lookups extraction makes of them (by key, the last of a kind, the last of a kind and head noun)
// kept in maps: asked once per quote, a scan of every source would be quadratic in the article.
import type { DraftSource, SourceKind } from './extract-article';
import { headOf } from './source-phrases';

export class SourceBook {
  /** In the order they were found; a source's index is its number in the draft. */
  readonly sources: DraftSource[] = [];
  /** A key per distinct party: the actor's name, or the folded descriptor of an anonymous source. */
  private readonly byKey = new Map<string, number>();
  private readonly lastOfKind = new Map<SourceKind, number>();
  private readonly lastOfKindAndHead = new Map<string, number>();

  /** The index of the party under `key`, adding the one `create` makes when it is new. */
  findOrAdd(key: string, create: () => DraftSource): number {
    const existing = this.byKey.get(key);
    if (existing !== undefined) return existing;
    const source = create();
    const index = this.sources.push(source) - 1;
    this.byKey.set(key, index);
    this.lastOfKind.set(source.kind, index);
    this.lastOfKindAndHead.set(`${source.kind} ${headOf(source.descriptor)}`, index);
    return index;
  }

  /** The index of the last source of one of the kinds, or -1. */
  lastOf(kinds: readonly SourceKind[]): number {
    return Math.max(-1, ...kinds.map((kind) => this.lastOfKind.get(kind) ?? -1));
  }

  /** The index of the last source of the kind whose descriptor has the head noun ("the official"), or -1. */
  lastWithHead(kind: SourceKind, head: string): number {
    return this.lastOfKindAndHead.get(`${kind} ${head}`) ?? -1;
  }
}

// Actors across articles, in memory, as the server links them when articles are imported one after
// another. This MIRRORS src/import/actor-writer.ts (writeActors, findExisting) and the way
// src/import/draft-annotations.ts keys actors by name: it MUST change when they change, or the
// evaluation's clustering across articles and actor kinds stop agreeing with the judges.
import type { DraftActor } from '../extraction/draft-actors';

/** What draft-annotations.ts passes to the writer for each draft actor: name, kind and the aliases to record. */
type ActorRecord = Pick<DraftActor, 'name' | 'kind'> & { readonly aliases?: readonly string[] };

export interface RegisteredActor {
  readonly id: number;
  readonly name: string;
  /** The kind the actor was created with: a later article naming it with another kind does not change it. */
  readonly kind: string;
  /** Made for a single word several known actors carried (absent: not). */
  readonly ambiguous?: boolean;
}

/**
 * PostgreSQL's normalise_key (first migration): btrim (spaces only), runs of white space to one
 * space, unaccent, lower. unaccent is approximated by dropping combining marks after NFD and the
 * few letters its rules spell out; names differing only there are rare.
 */
export function foldKey(name: string): string {
  const collapsed = name.replace(/^ +| +$/g, '').replace(/\s+/g, ' ');
  const unaccented = collapsed
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøđłþĐŁØÆŒÞ]/g, (c) => UNACCENT_LETTERS[c] ?? c)
    .replace(/[‘’‚′]/g, "'")
    .replace(/[“”„″]/g, '"');
  return unaccented.toLowerCase();
}

const UNACCENT_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  þ: 'th',
  Đ: 'D',
  Ł: 'L',
  Ø: 'O',
  Æ: 'AE',
  Œ: 'OE',
  Þ: 'TH',
};

export class ActorRegistry {
  private readonly actors: { actor: RegisteredActor; key: string }[] = [];
  private readonly aliases = new Map<string, RegisteredActor>();

  /** The single words several known actors carry, when no actor is named by them; else the one actor. */
  private carriersOf(key: string): Set<RegisteredActor> {
    const carriers = new Set(
      this.actors.filter((a) => a.actor.kind === 'PERSON' && a.key.endsWith(` ${key}`)).map((a) => a.actor),
    );
    const byAlias = this.aliases.get(key);
    if (byAlias) carriers.add(byAlias);
    return carriers;
  }

  /**
   * findExisting: by folded name (earliest first); a name of several words by alias; a single word
   * only when exactly one actor carries it, as an alias or, for a PERSON, as the end of its name
   * (several: `ambiguous`, and the writer creates a new actor flagged so).
   */
  private findExisting(name: string): RegisteredActor | 'ambiguous' | undefined {
    const key = foldKey(name);
    const byName = this.actors.find((a) => a.key === key);
    if (byName) return byName.actor;
    if (name.includes(' ')) return this.aliases.get(key);
    const carriers = this.carriersOf(key);
    if (carriers.size > 1) return 'ambiguous';
    return carriers.size === 1 ? [...carriers][0] : undefined;
  }

  /** findByAliases: an organisation, state or medium to the one actor of its kind one of its aliases names. */
  private findByAliases(record: ActorRecord): RegisteredActor | undefined {
    if (record.kind === 'PERSON') return undefined;
    const keys = new Set((record.aliases ?? []).map(foldKey));
    const named = new Set(
      this.actors
        .filter((a) => keys.has(a.key) && a.actor.kind === record.kind && !a.actor.ambiguous)
        .map((a) => a.actor),
    );
    return named.size === 1 ? [...named][0] : undefined;
  }

  /**
   * writeActors for one article: every name looked up against the actors of earlier articles,
   * then by its aliases, then the names not found created (one per name); every record's aliases
   * go to its actor, new or not. Returns actors by name.
   */
  resolveArticle(records: readonly ActorRecord[]): Map<string, RegisteredActor> {
    const resolved = new Map<string, RegisteredActor>();
    const ambiguous = new Set<string>();
    const toCreate: ActorRecord[] = [];
    for (const record of records) {
      if (resolved.has(record.name) || toCreate.some((other) => other.name === record.name)) continue;
      const existing = this.findExisting(record.name);
      const found = existing === 'ambiguous' ? undefined : (existing ?? this.findByAliases(record));
      if (existing === 'ambiguous') ambiguous.add(record.name);
      if (found) resolved.set(record.name, found);
      else toCreate.push(record);
    }
    for (const record of toCreate) {
      const actor = {
        id: this.actors.length + 1,
        name: record.name,
        kind: record.kind,
        ambiguous: ambiguous.has(record.name),
      };
      this.actors.push({ actor, key: foldKey(record.name) });
      resolved.set(record.name, actor);
    }
    this.addAliases(records, resolved);
    return resolved;
  }

  /** An alias another actor already holds stays with that actor; one folding to its own actor's name is skipped. */
  private addAliases(records: readonly ActorRecord[], resolved: ReadonlyMap<string, RegisteredActor>): void {
    for (const record of records) {
      const actor = resolved.get(record.name) as RegisteredActor;
      const own = foldKey(actor.name);
      // draft-annotations.ts records each non-blank alias once.
      // The record's own name too: of an actor found by another name, it is an alias.
      for (const alias of new Set([record.name, ...(record.aliases ?? [])].filter((a) => a.trim() !== ''))) {
        const key = foldKey(alias);
        if (key !== own && !this.aliases.has(key)) this.aliases.set(key, actor);
      }
    }
  }
}

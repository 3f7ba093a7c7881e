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

  /**
   * findExisting: by folded name (earliest first); a name of several words by alias; a single word
   * only when exactly one actor carries it, as an alias or, for a PERSON, as the end of its name.
   */
  private findExisting(name: string): RegisteredActor | undefined {
    const key = foldKey(name);
    const byName = this.actors.find((a) => a.key === key);
    if (byName) return byName.actor;
    const byAlias = this.aliases.get(key);
    if (name.includes(' ')) return byAlias;
    const carriers = new Set(
      this.actors.filter((a) => a.actor.kind === 'PERSON' && a.key.endsWith(` ${key}`)).map((a) => a.actor),
    );
    if (byAlias) carriers.add(byAlias);
    return carriers.size === 1 ? [...carriers][0] : undefined;
  }

  /**
   * writeActors for one article: every name looked up against the actors of earlier articles,
   * then the names not found created (one per name) with their aliases. Returns actors by name.
   */
  resolveArticle(records: readonly ActorRecord[]): Map<string, RegisteredActor> {
    const resolved = new Map<string, RegisteredActor>();
    const toCreate: ActorRecord[] = [];
    for (const record of records) {
      if (resolved.has(record.name) || toCreate.some((other) => other.name === record.name)) continue;
      const existing = this.findExisting(record.name);
      if (existing) resolved.set(record.name, existing);
      else toCreate.push(record);
    }
    for (const record of toCreate) {
      const actor = { id: this.actors.length + 1, name: record.name, kind: record.kind };
      this.actors.push({ actor, key: foldKey(record.name) });
      resolved.set(record.name, actor);
    }
    // An alias another actor already holds stays with that actor (ON CONFLICT DO NOTHING).
    for (const record of toCreate) {
      // draft-annotations.ts records each non-blank alias once.
      for (const alias of new Set((record.aliases ?? []).filter((a) => a.trim() !== ''))) {
        const key = foldKey(alias);
        if (!this.aliases.has(key)) this.aliases.set(key, resolved.get(record.name) as RegisteredActor);
      }
    }
    return resolved;
  }
}

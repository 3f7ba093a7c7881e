// Actors across articles, in memory, as the server links them when articles are imported one after
// another. This MIRRORS src/import/actor-writer.ts (writeActors, findExisting) and the way
// src/import/draft-annotations.ts keys actors by name: it MUST change when they change, or the
// evaluation's clustering across articles and actor kinds stop agreeing with the judges.
import type { DraftActor } from '../extraction/draft-actors';

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

  /** findExisting: by folded name (earliest first), then alias, then one word to the one PERSON whose name ends with it. */
  private findExisting(name: string): RegisteredActor | undefined {
    const key = foldKey(name);
    const byName = this.actors.find((a) => a.key === key);
    if (byName) return byName.actor;
    const byAlias = this.aliases.get(key);
    if (byAlias) return byAlias;
    if (name.includes(' ')) return undefined;
    const bySurname = this.actors.filter((a) => a.actor.kind === 'PERSON' && a.key.endsWith(` ${key}`));
    return bySurname.length === 1 ? bySurname[0].actor : undefined;
  }

  /**
   * writeActors for one article: every name looked up against the actors of earlier articles,
   * then the names not found created (one per name) with their aliases. Returns actors by name.
   */
  resolveArticle(records: readonly (DraftActor & { aliases?: readonly string[] })[]): Map<string, RegisteredActor> {
    const resolved = new Map<string, RegisteredActor>();
    const toCreate: (DraftActor & { aliases?: readonly string[] })[] = [];
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
      for (const alias of record.aliases ?? []) {
        const key = foldKey(alias);
        if (!this.aliases.has(key)) this.aliases.set(key, resolved.get(record.name) as RegisteredActor);
      }
    }
    return resolved;
  }
}

// Every actor a draft refers to, named once: the entities, the named sources and their
// affiliations, and the organisations the gazetteer says a known state belongs to (France -> NATO).
import type { ArticleDraft } from './extract-article';
import { isRegion, knownActorNamed, stateOfCapital } from './gazetteer';
import type { EntityKind } from './named-entities';
import { ORGANISATION_HEADS } from './ner/name-runs';

export interface DraftActor {
  readonly name: string;
  readonly kind: EntityKind;
  readonly affiliation?: string;
  /** Names of the organisations it is a member of. */
  readonly memberOf: readonly string[];
  /** Every other form the article names it by ("Trump", "Mr. Trump", "KPA"), to record as aliases. */
  readonly aliases: string[];
}

/** The forms of each entity's name in the text that differ from the name itself. */
function aliasesByName(draft: ArticleDraft): Map<string, Set<string>> {
  const aliases = new Map<string, Set<string>>();
  for (const entity of draft.entities) {
    const surface = entity.surface?.replace(/\s+/g, ' ').trim();
    // Role phrases ("the president") are descriptions, not names; a capital standing for its state
    // ("Kyiv believes") is a city's name, not the state's.
    if (!surface || surface === entity.name || !/^\p{Lu}/u.test(surface) || stateOfCapital(surface)) continue;
    // A team's place ("Sweden" for the Sweden national team) names a state or region; a head alone
    // ("the Church") names no organisation outside its article.
    const known = knownActorNamed(surface);
    if ((known && known.name !== entity.name) || isRegion(surface) || ORGANISATION_HEADS.has(surface)) continue;
    const forms = aliases.get(entity.name) ?? new Set<string>();
    forms.add(surface);
    aliases.set(entity.name, forms);
  }
  return aliases;
}

export function draftActors(draft: ArticleDraft): DraftActor[] {
  const wanted = new Map<string, { name: string; kind: EntityKind; affiliation?: string }>();
  // The gazetteer's kind for a state, organisation or medium it knows, whoever names it (a source's
  // affiliation may guess STATE for the WHO): the first record's kind is the actor's for good.
  const want = (actor: { name: string; kind: EntityKind; affiliation?: string }) => {
    const known = actor.kind === 'PERSON' ? undefined : knownActorNamed(actor.name);
    if (!wanted.has(actor.name)) wanted.set(actor.name, known ? { ...actor, kind: known.kind } : actor);
  };
  for (const entity of draft.entities) want(entity);
  for (const source of draft.sources) {
    if (source.actor) want(source.actor);
    if (source.affiliation) want(source.affiliation);
  }
  for (const actor of [...wanted.values()]) {
    if (actor.affiliation) want({ name: actor.affiliation, kind: knownActorNamed(actor.affiliation)?.kind ?? 'STATE' });
    for (const organisation of knownActorNamed(actor.name)?.memberOf ?? [])
      want({ name: organisation, kind: 'ORGANIZATION' });
  }
  const aliases = aliasesByName(draft);
  return [...wanted.values()].map((actor) => ({
    ...actor,
    memberOf: knownActorNamed(actor.name)?.memberOf ?? [],
    aliases: [...(aliases.get(actor.name) ?? [])],
  }));
}

// Every actor a draft refers to, named once: the entities, the named sources and their
// affiliations, and the organisations the gazetteer says a known state belongs to (France -> NATO).
import type { ArticleDraft } from './extract-article';
import { knownActorNamed } from './gazetteer';
import type { EntityKind } from './named-entities';

export interface DraftActor {
  readonly name: string;
  readonly kind: EntityKind;
  readonly affiliation?: string;
  /** Names of the organisations it is a member of. */
  readonly memberOf: readonly string[];
}

export function draftActors(draft: ArticleDraft): DraftActor[] {
  const wanted = new Map<string, { name: string; kind: EntityKind; affiliation?: string }>();
  const want = (actor: { name: string; kind: EntityKind; affiliation?: string }) => {
    if (!wanted.has(actor.name)) wanted.set(actor.name, actor);
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
  return [...wanted.values()].map((actor) => ({ ...actor, memberOf: knownActorNamed(actor.name)?.memberOf ?? [] }));
}

// Links the people, organisations, states and media an article names to actors: an existing
// actor by name or alias (case and accents ignored), a person named by surname alone to the one
// existing person of that surname, else a new actor; then writes a mention for each occurrence.
import { Actor, ActorKind } from '../actor/actor.entity';
import { ActorMembership } from '../actor/actor-membership.entity';
import { Mention } from '../mention/mention.entity';
import { knownActorNamed } from './gazetteer';
import { type ExtractionContext, type Extractor, extractedBy, noteCreated } from './extraction-pipeline';
import type { EntityKind } from './named-entities';

interface WantedActor {
  readonly name: string;
  readonly kind: EntityKind;
  readonly affiliation?: string;
}

/** Every actor the draft refers to: entities, named sources, affiliations, and the organisations states belong to. */
function wantedActors(context: ExtractionContext): WantedActor[] {
  const wanted = new Map<string, WantedActor>();
  const want = (actor: WantedActor) => {
    if (!wanted.has(actor.name)) wanted.set(actor.name, actor);
  };
  for (const entity of context.draft.entities) want(entity);
  for (const source of context.draft.sources) {
    if (source.actor) want(source.actor);
    if (source.affiliation) want(source.affiliation);
  }
  for (const actor of [...wanted.values()]) {
    if (actor.affiliation) want({ name: actor.affiliation, kind: knownActorNamed(actor.affiliation)?.kind ?? 'STATE' });
    for (const organisation of knownActorNamed(actor.name)?.memberOf ?? []) want({ name: organisation, kind: 'ORGANIZATION' });
  }
  return [...wanted.values()];
}

export const entityLinker: Extractor = {
  name: 'entity-linker',
  version: '1.0.0',
  async extract(context) {
    const { db } = context;
    const wanted = wantedActors(context);
    if (!wanted.length) return {};
    // Concurrent imports that name the same new actor wait for each other here (one lock per
    // folded name, taken in one order), so the second finds the actor the first created.
    await db.query(
      `SELECT pg_advisory_xact_lock(key) FROM (SELECT DISTINCT hashtext(normalise_key(name)) AS key FROM unnest($1::text[]) AS name ORDER BY 1) keys`,
      [wanted.map((w) => w.name)],
    );
    // One statement finds every actor already known by one of these names or aliases (through the
    // folded-key indexes), or, for a surname alone, the only person whose name ends with it.
    const found: { name: string; id: string }[] = await db.query(
      `WITH wanted AS (SELECT name, normalise_key(name) AS key FROM unnest($1::text[]) AS name),
       matches AS (
         SELECT w.name, ac.id, 1 AS rank, ac.created_at FROM wanted w JOIN actors ac ON ac.name_key = w.key
         UNION ALL
         SELECT w.name, al.actor_id, 2, ac.created_at FROM wanted w JOIN actor_aliases al ON al.alias_key = w.key JOIN actors ac ON ac.id = al.actor_id
         UNION ALL
         SELECT w.name, (array_agg(ac.id))[1], 3, min(ac.created_at) FROM wanted w JOIN actors ac ON ac.kind = 'PERSON' AND ac.name_key LIKE '% ' || w.key
         WHERE position(' ' IN w.name) = 0 GROUP BY w.name HAVING count(*) = 1
       )
       SELECT DISTINCT ON (name) name, id::text AS id FROM matches ORDER BY name, rank, created_at`,
      [wanted.map((w) => w.name)],
    );
    for (const row of found) context.actorIds.set(row.name, row.id);

    const created: WantedActor[] = wanted.filter((w) => !context.actorIds.has(w.name));
    if (created.length) {
      const { identifiers } = await db.getRepository(Actor).insert(created.map((w) => ({ name: w.name, kind: ActorKind[w.kind] })));
      created.forEach((w, i) => context.actorIds.set(w.name, identifiers[i].id as string));
      for (const actor of created) {
        const affiliationId = actor.affiliation ? context.actorIds.get(actor.affiliation) : undefined;
        if (affiliationId) await db.getRepository(Actor).update(context.actorIds.get(actor.name) as string, { affiliationId });
      }
      const memberships = created.flatMap((actor) =>
        (knownActorNamed(actor.name)?.memberOf ?? [])
          .map((organisation) => context.actorIds.get(organisation))
          .filter((organisationId): organisationId is string => Boolean(organisationId))
          .map((organisationId) => ({ memberId: context.actorIds.get(actor.name) as string, organisationId })),
      );
      if (memberships.length) await db.getRepository(ActorMembership).createQueryBuilder().insert().values(memberships).orIgnore().execute();
      noteCreated(context, 'Actor', created.map((w) => context.actorIds.get(w.name) as string));
    }

    const mentions = context.draft.entities.map((entity) => ({
      articleId: context.article.id,
      actorId: context.actorIds.get(entity.name) as string,
      spanStart: context.toCodePoints(entity.start),
      spanEnd: context.toCodePoints(entity.end),
      ...extractedBy(this, entity.kind === 'PERSON' ? 0.8 : 0.9),
    }));
    let written: string[] = [];
    if (mentions.length) {
      const result = await db.getRepository(Mention).createQueryBuilder().insert().values(mentions).orIgnore().returning('id').execute();
      written = (result.raw as { id: string }[]).map((row) => row.id);
      noteCreated(context, 'Mention', written);
    }
    return { mentions: written.length, newActors: created.length };
  },
};

// The checks of an import's annotations that need the database, in the import's transaction:
// actors named only by a Wikidata id must be known, and so must questions given without text.
import { queryRows, sql } from '../database/sql';
import type { Transaction } from '../database/transaction';
import { AppError } from '../errors/app-error';
import type { ActorKind } from '../actor/actor.entity';
import type { AnnotationSet } from './annotation-set';
import type { PreparedAnnotations } from './prepare-annotations';

/** The prepared set with the known actors its Wikidata references name; BAD_USER_INPUT naming the first that is not known. */
export async function completeAnnotations(tx: Transaction, prepared: PreparedAnnotations): Promise<AnnotationSet> {
  const { set, wikidataReferences, questionsToFind } = prepared;
  if (questionsToFind.length) {
    const known = await queryRows<{ slug: string }>(
      tx,
      sql`SELECT slug FROM policy_questions WHERE slug = ANY(${sql.value(questionsToFind.map((q) => q.slug))}::text[])`,
    );
    const missing = questionsToFind.find((question) => !known.some((row) => row.slug === question.slug));
    if (missing)
      throw AppError.badInput(
        `no policy question has the slug "${missing.slug}": give questionText to create it`,
        missing.path,
      );
  }
  if (!wikidataReferences.length) return set;
  const actors = await queryRows<{ wikidata_id: string; name: string; kind: ActorKind }>(
    tx,
    sql`SELECT wikidata_id, name, kind FROM actors WHERE wikidata_id = ANY(${sql.value(wikidataReferences.map((r) => r.wikidataId))}::text[])`,
  );
  const byWikidataId = new Map(actors.map((actor) => [actor.wikidata_id, actor]));
  const referenced = wikidataReferences.map((reference) => {
    const actor = byWikidataId.get(reference.wikidataId);
    if (!actor)
      throw AppError.badInput(
        `no known actor has the Wikidata id ${reference.wikidataId}: add it to annotations.actors with its name and kind`,
        reference.path,
      );
    return { key: reference.key, name: actor.name, kind: actor.kind, wikidataId: reference.wikidataId };
  });
  return { ...set, actors: [...set.actors, ...referenced] };
}

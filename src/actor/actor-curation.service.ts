// Curating actors: create, update (aliases and memberships included), merge duplicates, delete one
// nothing cites and prune the extracted ones nothing cites, each with its revisions, in the
// caller's transaction. A curated actor is MANUAL (actors.origin), which pruning never deletes.
import { In, Not } from 'typeorm';
import { given } from '../common/curation';
import { findAllOrFail, findMergeRows, findOrFail } from '../common/find-or-fail';
import { toGlobalId } from '../common/global-id';
import { queryRow, queryRows, type SQL, sql } from '../database/sql';
import type { Transaction } from '../database/transaction';
import { AppError } from '../errors/app-error';
import { Mention } from '../mention/mention.entity';
import { recordChanges, recordCreated } from '../revision/revision.service';
import { Source } from '../source/source.entity';
import { ActorAlias } from './actor-alias.entity';
import { ActorMembership } from './actor-membership.entity';
import { Actor } from './actor.entity';
import type { CreateActorInput, UpdateActorInput } from './actor.inputs';

/** Trimmed, inner white space collapsed, one per folded form (folded by the database, as its unique key is). */
async function normaliseAliases(tx: Transaction, aliases: readonly string[]): Promise<string[]> {
  const cleaned = aliases.map((alias) => alias.trim().replace(/\s+/g, ' '));
  const rows = await queryRows<{ alias: string; key: string }>(
    tx,
    sql`SELECT a.alias, normalise_key(a.alias) AS key FROM unnest(${sql.value(cleaned)}::text[]) WITH ORDINALITY AS a(alias, n) ORDER BY n`,
  );
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.key) && seen.add(row.key)).map((row) => row.alias);
}

/** An alias another actor already holds is a CONFLICT naming that actor. */
async function checkAliasesFree(tx: Transaction, aliases: readonly string[], actorId: string | null): Promise<void> {
  if (!aliases.length) return;
  const held = await queryRow<{ alias: string; name: string; id: string }>(
    tx,
    sql`SELECT al.alias, ac.name, ac.id FROM actor_aliases al JOIN actors ac ON ac.id = al.actor_id
        WHERE al.alias_key = ANY(SELECT normalise_key(x) FROM unnest(${sql.value(aliases)}::text[]) x) AND ac.id IS DISTINCT FROM ${sql.value(actorId)}
        LIMIT 1`,
  );
  if (held) {
    throw AppError.conflict(`alias "${held.alias}" already belongs to ${held.name}`, 'input.aliases', {
      actor: held.name,
      actorId: held.id,
    });
  }
}

async function replaceAliases(tx: Transaction, actorId: string, aliases: readonly string[]): Promise<void> {
  await tx.getRepository(ActorAlias).delete({ actorId });
  if (aliases.length) await tx.getRepository(ActorAlias).insert(aliases.map((alias) => ({ actorId, alias })));
}

async function resolveActorIds(tx: Transaction, ids: readonly string[], field: string): Promise<string[]> {
  return (await findAllOrFail(tx, Actor, ids, field)).map((actor) => actor.id);
}

async function replaceMemberships(tx: Transaction, actorId: string, organisationIds: readonly string[]): Promise<void> {
  if (organisationIds.includes(actorId))
    throw AppError.badInput('an actor cannot be a member of itself', 'input.memberOfIds');
  await tx.getRepository(ActorMembership).delete({ memberId: actorId });
  const unique = [...new Set(organisationIds)];
  if (unique.length)
    await tx
      .getRepository(ActorMembership)
      .insert(unique.map((organisationId) => ({ memberId: actorId, organisationId })));
}

async function affiliationIdOf(
  tx: Transaction,
  globalId: string | null | undefined,
  selfId?: string,
): Promise<string | null | undefined> {
  if (!given(globalId)) return undefined;
  if (globalId === null) return null;
  const id = (await findOrFail(tx, Actor, globalId, 'input.affiliationId')).id;
  if (id === selfId) throw AppError.badInput('an actor cannot be its own affiliation', 'input.affiliationId');
  return id;
}

async function checkWikidataFree(
  tx: Transaction,
  wikidataId: string | null | undefined,
  selfId?: string,
): Promise<void> {
  if (!wikidataId) return;
  const taken = await tx
    .getRepository(Actor)
    .findOne({ select: { name: true }, where: { wikidataId, ...(selfId ? { id: Not(selfId) } : {}) } });
  if (taken)
    throw AppError.conflict(`wikidataId ${wikidataId} already belongs to ${taken.name}`, 'input.wikidataId', {
      actor: taken.name,
    });
}

export async function createActor(tx: Transaction, input: CreateActorInput): Promise<Actor> {
  const name = input.name.trim();
  const aliases = await normaliseAliases(tx, input.aliases ?? []);
  await checkAliasesFree(tx, aliases, null);
  await checkWikidataFree(tx, input.wikidataId);
  const affiliationId = (await affiliationIdOf(tx, input.affiliationId)) ?? null;
  const memberOf = await resolveActorIds(tx, input.memberOfIds ?? [], 'input.memberOfIds');
  const { identifiers } = await tx.getRepository(Actor).insert({
    name,
    kind: input.kind,
    description: input.description ?? null,
    wikidataId: input.wikidataId ?? null,
    affiliationId,
  });
  const id = identifiers[0].id as string;
  await replaceAliases(tx, id, aliases);
  await replaceMemberships(tx, id, memberOf);
  await recordCreated(tx, 'Actor', [id]);
  return tx.getRepository(Actor).findOneByOrFail({ id });
}

/** An actor a curator edited is theirs: MANUAL, never pruned. */
async function markCurated(tx: Transaction, ids: readonly string[]): Promise<void> {
  await queryRows(
    tx,
    sql`UPDATE actors SET origin = 'MANUAL' WHERE id = ANY(${sql.value(ids)}::uuid[]) AND origin <> 'MANUAL'`,
  );
}

export async function updateActor(tx: Transaction, input: UpdateActorInput): Promise<Actor> {
  const actor = await findOrFail(tx, Actor, input.id, 'input.id');
  const name = input.name?.trim() || actor.name;
  const aliases = input.aliases ? await normaliseAliases(tx, input.aliases) : undefined;
  if (aliases) await checkAliasesFree(tx, aliases, actor.id);
  await checkWikidataFree(tx, input.wikidataId, actor.id);
  const affiliationId = await affiliationIdOf(tx, input.affiliationId, actor.id);
  const memberOf = input.memberOfIds ? await resolveActorIds(tx, input.memberOfIds, 'input.memberOfIds') : undefined;
  await recordChanges(tx, 'Actor', [actor.id], async () => {
    await tx.getRepository(Actor).update(actor.id, {
      name,
      ...(input.kind ? { kind: input.kind } : {}),
      ...(given(input.description) ? { description: input.description } : {}),
      ...(given(input.wikidataId) ? { wikidataId: input.wikidataId } : {}),
      ...(given(affiliationId) ? { affiliationId } : {}),
    });
    if (aliases) await replaceAliases(tx, actor.id, aliases);
    if (memberOf) await replaceMemberships(tx, actor.id, memberOf);
    await markCurated(tx, [actor.id]);
  });
  return tx.getRepository(Actor).findOneByOrFail({ id: actor.id });
}

/** A merge under way: the surviving actor, the ids of the actors merged into it, and both as SQL values. */
interface Merge {
  readonly tx: Transaction;
  readonly into: Actor;
  readonly from: readonly string[];
  readonly intoId: SQL;
  readonly fromIds: SQL;
}

async function idsOf(tx: Transaction, query: SQL): Promise<string[]> {
  return (await queryRows<{ id: string }>(tx, query)).map((r) => r.id);
}

async function moveSources({ tx, into, from, fromIds }: Merge): Promise<void> {
  const sources = await idsOf(
    tx,
    sql`SELECT id FROM sources WHERE actor_id = ANY(${fromIds}) OR affiliation_id = ANY(${fromIds})`,
  );
  await recordChanges(tx, 'Source', sources, async () => {
    await tx.getRepository(Source).update({ actorId: In(from) }, { actorId: into.id });
    await tx.getRepository(Source).update({ affiliationId: In(from) }, { affiliationId: into.id });
  });
}

async function moveMentions({ tx, into, from, intoId, fromIds }: Merge): Promise<void> {
  const mentions = await idsOf(tx, sql`SELECT id FROM mentions WHERE actor_id = ANY(${fromIds})`);
  await recordChanges(tx, 'Mention', mentions, async () => {
    // A mention the survivor already has at the same span is a duplicate, not a move.
    await queryRows(
      tx,
      sql`DELETE FROM mentions m WHERE m.actor_id = ANY(${fromIds})
            AND EXISTS (SELECT 1 FROM mentions k WHERE k.article_id = m.article_id AND k.span_start = m.span_start AND k.span_end = m.span_end
                        AND (k.actor_id = ${intoId} OR (k.actor_id = ANY(${fromIds}) AND k.id < m.id)))`,
    );
    await tx.getRepository(Mention).update({ actorId: In(from) }, { actorId: into.id });
  });
}

/** Actors affiliated with or members of a merged actor become so of the survivor. */
async function moveDependants({ tx, into, from, intoId, fromIds }: Merge): Promise<void> {
  const affiliated = await idsOf(
    tx,
    sql`SELECT id FROM actors WHERE affiliation_id = ANY(${fromIds}) OR id IN (SELECT member_id FROM actor_memberships WHERE organisation_id = ANY(${fromIds}))`,
  );
  await recordChanges(
    tx,
    'Actor',
    affiliated.filter((id) => id !== into.id && !from.includes(id)),
    async () => {
      await tx.getRepository(Actor).update({ affiliationId: In(from), id: Not(into.id) }, { affiliationId: into.id });
      await queryRows(
        tx,
        sql`INSERT INTO actor_memberships (member_id, organisation_id)
          SELECT member_id, ${intoId} FROM actor_memberships
          WHERE organisation_id = ANY(${fromIds}) AND member_id <> ${intoId} AND NOT member_id = ANY(${fromIds})
          ON CONFLICT DO NOTHING`,
      );
      // Inside this record, so the members' revisions show the membership they lose.
      await tx.getRepository(ActorMembership).delete({ organisationId: In(from) });
    },
  );
}

/** The survivor takes the merged actors' memberships, names and aliases; then they are deleted. */
async function absorbMerged({ tx, into, from, intoId, fromIds }: Merge): Promise<void> {
  await recordChanges(tx, 'Actor', [into.id, ...from], async () => {
    if (into.affiliationId && from.includes(into.affiliationId)) {
      // A fragment, not update(), which would also set updated_at: this statement never has.
      await queryRows(tx, sql`UPDATE actors SET affiliation_id = NULL WHERE id = ${intoId}`);
    }
    await queryRows(
      tx,
      sql`INSERT INTO actor_memberships (member_id, organisation_id)
          SELECT DISTINCT ${intoId}::uuid, organisation_id FROM actor_memberships
          WHERE member_id = ANY(${fromIds}) AND organisation_id <> ${intoId} AND NOT organisation_id = ANY(${fromIds})
          ON CONFLICT DO NOTHING`,
    );
    const names = await queryRows<{ alias: string }>(
      tx,
      sql`SELECT name AS alias FROM actors WHERE id = ANY(${fromIds}) UNION ALL SELECT alias FROM actor_aliases WHERE actor_id = ANY(${fromIds})`,
    );
    await tx.getRepository(ActorAlias).delete({ actorId: In(from) });
    const current = await tx.getRepository(ActorAlias).find({ select: { alias: true }, where: { actorId: into.id } });
    const aliases = await normaliseAliases(tx, [...current.map((c) => c.alias), ...names.map((n) => n.alias)]);
    await replaceAliases(tx, into.id, aliases);
    await markCurated(tx, [into.id]);
    await tx.getRepository(Actor).delete({ id: In(from) });
  });
}

/**
 * Merges duplicate actors into one: their sources, mentions (and so stances), memberships,
 * affiliations and aliases move to the survivor, their names become its aliases, and they are
 * deleted. No row is left pointing at a merged actor (the foreign keys would refuse the delete).
 */
export async function mergeActors(
  tx: Transaction,
  intoGlobalId: string,
  fromGlobalIds: readonly string[],
): Promise<Actor> {
  const merged = await findMergeRows(tx, Actor, intoGlobalId, fromGlobalIds, 'actor');
  const { into } = merged;
  const from = merged.from.map((actor) => actor.id);
  const merge: Merge = { tx, into, from, intoId: sql.value(into.id), fromIds: sql`${sql.value(from)}::uuid[]` };
  await moveSources(merge);
  await moveMentions(merge);
  await moveDependants(merge);
  await absorbMerged(merge);
  return tx.getRepository(Actor).findOneByOrFail({ id: into.id });
}

type Citations = Record<'sources' | 'mentions' | 'memberships' | 'affiliated', number>;

/**
 * What cites an actor and so keeps it, as the rows that cite the actor `actorId`: sources (as
 * actor or affiliation), mentions, memberships (either way), affiliated actors.
 */
function citingRows(actorId: SQL): Record<keyof Citations, SQL> {
  return {
    sources: sql`FROM sources s WHERE s.actor_id = ${actorId} OR s.affiliation_id = ${actorId}`,
    mentions: sql`FROM mentions m WHERE m.actor_id = ${actorId}`,
    memberships: sql`FROM actor_memberships am WHERE am.member_id = ${actorId} OR am.organisation_id = ${actorId}`,
    affiliated: sql`FROM actors af WHERE af.affiliation_id = ${actorId}`,
  };
}

/** How many rows of each kind cite the actor, as one row of `Citations`. */
function citationCounts(actorId: SQL): SQL {
  const counts = Object.entries(citingRows(actorId)).map(
    ([key, rows]) => sql`(SELECT count(*)::int ${rows}) AS ${sql.identifier(key)}`,
  );
  return sql`SELECT ${sql.join(counts, ', ')}`;
}

/** True when nothing cites the actor. */
function uncited(actorId: SQL): SQL {
  const none = Object.values(citingRows(actorId)).map((rows) => sql`NOT EXISTS (SELECT 1 ${rows})`);
  return sql.join(none, ' AND ');
}

const CITING: Record<keyof Citations, string> = {
  sources: 'source(s)',
  mentions: 'mention(s)',
  memberships: 'membership(s)',
  affiliated: 'affiliated actor(s)',
};

/** Deletes an actor nothing cites, with its aliases; a cited one is a CONFLICT that says what cites it. */
export async function deleteActor(tx: Transaction, globalId: string): Promise<string> {
  const actor = await findOrFail(tx, Actor, globalId, 'id');
  const citations = (await queryRow<Citations>(tx, citationCounts(sql.value(actor.id)))) as Citations;
  const citing = (Object.keys(CITING) as (keyof Citations)[]).filter((key) => citations[key] > 0);
  if (citing.length) {
    const what = citing.map((key) => `${citations[key]} ${CITING[key]}`).join(', ');
    throw AppError.conflict(
      `${actor.name} is cited by ${what}; merge it into another actor instead (mergeActors)`,
      'id',
      citations,
    );
  }
  await recordChanges(tx, 'Actor', [actor.id], () => tx.getRepository(Actor).delete(actor.id));
  return globalId;
}

/**
 * Deletes the actors extraction created that nothing cites any more (no source, mention,
 * membership either way or affiliated actor) and no curator named (no MANUAL alias), as deleted
 * articles leave them. Locks them first, so a concurrent import citing one waits or fails.
 */
export async function pruneOrphanActors(tx: Transaction): Promise<{ id: string; name: string }[]> {
  const orphans = await queryRows<{ id: string; name: string }>(
    tx,
    sql`SELECT ac.id::text AS id, ac.name FROM actors ac
        WHERE ac.origin = 'EXTRACTED'
          AND ${uncited(sql`ac.id`)}
          AND NOT EXISTS (SELECT 1 FROM actor_aliases al WHERE al.actor_id = ac.id AND al.origin = 'MANUAL')
        ORDER BY ac.name_key, ac.id
        FOR UPDATE OF ac`,
  );
  const ids = orphans.map((orphan) => orphan.id);
  if (ids.length) await recordChanges(tx, 'Actor', ids, () => tx.getRepository(Actor).delete({ id: In(ids) }));
  return orphans.map((orphan) => ({ id: toGlobalId('Actor', orphan.id), name: orphan.name }));
}

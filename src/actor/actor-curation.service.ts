// Curating actors: create, update (aliases and memberships included) and merge duplicates, each
// in one transaction with its revisions.
import type { EntityManager } from 'typeorm';
import { given } from '../common/curation';
import { findOrFail } from '../common/find-or-fail';
import { AppError } from '../errors/app-error';
import { recordChanges, recordCreated } from '../revision/revision.service';
import { ActorAlias } from './actor-alias.entity';
import { ActorMembership } from './actor-membership.entity';
import { Actor } from './actor.entity';
import type { CreateActorInput, UpdateActorInput } from './actor.inputs';

/** Trimmed, inner white space collapsed, one per folded form (folded by the database, as its unique key is). */
async function normaliseAliases(db: EntityManager, aliases: readonly string[]): Promise<string[]> {
  const cleaned = aliases.map((alias) => alias.trim().replace(/\s+/g, ' '));
  const rows: { alias: string; key: string }[] = await db.query(
    `SELECT a.alias, normalise_key(a.alias) AS key FROM unnest($1::text[]) WITH ORDINALITY AS a(alias, n) ORDER BY n`,
    [cleaned],
  );
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.key) && seen.add(row.key)).map((row) => row.alias);
}

/** An alias another actor already holds is a CONFLICT naming that actor. */
async function checkAliasesFree(db: EntityManager, aliases: readonly string[], actorId: string | null): Promise<void> {
  if (!aliases.length) return;
  const [held] = await db.query(
    `SELECT al.alias, ac.name, ac.id FROM actor_aliases al JOIN actors ac ON ac.id = al.actor_id
     WHERE al.alias_key = ANY(SELECT normalise_key(x) FROM unnest($1::text[]) x) AND ac.id IS DISTINCT FROM $2 LIMIT 1`,
    [aliases, actorId],
  );
  if (held) {
    throw AppError.conflict(`alias "${held.alias}" already belongs to ${held.name}`, 'input.aliases', { actor: held.name, actorId: held.id });
  }
}

async function replaceAliases(db: EntityManager, actorId: string, aliases: readonly string[]): Promise<void> {
  await db.getRepository(ActorAlias).delete({ actorId });
  if (aliases.length) await db.getRepository(ActorAlias).insert(aliases.map((alias) => ({ actorId, alias })));
}

async function resolveActorIds(db: EntityManager, ids: readonly string[], field: string): Promise<string[]> {
  const resolved: string[] = [];
  for (const [i, id] of ids.entries()) resolved.push((await findOrFail(db, Actor, id, `${field}[${i}]`)).id);
  return resolved;
}

async function replaceMemberships(db: EntityManager, actorId: string, organisationIds: readonly string[]): Promise<void> {
  if (organisationIds.includes(actorId)) throw AppError.badInput('an actor cannot be a member of itself', 'input.memberOfIds');
  await db.getRepository(ActorMembership).delete({ memberId: actorId });
  const unique = [...new Set(organisationIds)];
  if (unique.length) await db.getRepository(ActorMembership).insert(unique.map((organisationId) => ({ memberId: actorId, organisationId })));
}

async function affiliationIdOf(db: EntityManager, globalId: string | null | undefined, selfId?: string): Promise<string | null | undefined> {
  if (!given(globalId)) return undefined;
  if (globalId === null) return null;
  const id = (await findOrFail(db, Actor, globalId, 'input.affiliationId')).id;
  if (id === selfId) throw AppError.badInput('an actor cannot be its own affiliation', 'input.affiliationId');
  return id;
}

async function checkWikidataFree(db: EntityManager, wikidataId: string | null | undefined, selfId?: string): Promise<void> {
  if (!wikidataId) return;
  const [taken] = await db.query(`SELECT name FROM actors WHERE wikidata_id = $1 AND id IS DISTINCT FROM $2`, [wikidataId, selfId ?? null]);
  if (taken) throw AppError.conflict(`wikidataId ${wikidataId} already belongs to ${taken.name}`, 'input.wikidataId', { actor: taken.name });
}

export function createActor(manager: EntityManager, input: CreateActorInput): Promise<Actor> {
  return manager.transaction(async (db) => {
    const name = input.name.trim();
    const aliases = await normaliseAliases(db, input.aliases ?? []);
    await checkAliasesFree(db, aliases, null);
    await checkWikidataFree(db, input.wikidataId);
    const affiliationId = (await affiliationIdOf(db, input.affiliationId)) ?? null;
    const memberOf = await resolveActorIds(db, input.memberOfIds ?? [], 'input.memberOfIds');
    const { identifiers } = await db.getRepository(Actor).insert({
      name,
      kind: input.kind,
      description: input.description ?? null,
      wikidataId: input.wikidataId ?? null,
      affiliationId,
    });
    const id = identifiers[0].id as string;
    await replaceAliases(db, id, aliases);
    await replaceMemberships(db, id, memberOf);
    await recordCreated(db, 'Actor', [id]);
    return db.getRepository(Actor).findOneByOrFail({ id });
  });
}

export function updateActor(manager: EntityManager, input: UpdateActorInput): Promise<Actor> {
  return manager.transaction(async (db) => {
    const actor = await findOrFail(db, Actor, input.id, 'input.id');
    const name = input.name?.trim() || actor.name;
    const aliases = input.aliases ? await normaliseAliases(db, input.aliases) : undefined;
    if (aliases) await checkAliasesFree(db, aliases, actor.id);
    await checkWikidataFree(db, input.wikidataId, actor.id);
    const affiliationId = await affiliationIdOf(db, input.affiliationId, actor.id);
    const memberOf = input.memberOfIds ? await resolveActorIds(db, input.memberOfIds, 'input.memberOfIds') : undefined;
    await recordChanges(db, 'Actor', [actor.id], async () => {
      await db.getRepository(Actor).update(actor.id, {
        name,
        ...(input.kind ? { kind: input.kind } : {}),
        ...(given(input.description) ? { description: input.description } : {}),
        ...(given(input.wikidataId) ? { wikidataId: input.wikidataId } : {}),
        ...(given(affiliationId) ? { affiliationId } : {}),
      });
      if (aliases) await replaceAliases(db, actor.id, aliases);
      if (memberOf) await replaceMemberships(db, actor.id, memberOf);
    });
    return db.getRepository(Actor).findOneByOrFail({ id: actor.id });
  });
}

/**
 * Merges duplicate actors into one: their sources, mentions (and so stances), memberships,
 * affiliations and aliases move to the survivor, their names become its aliases, and they are
 * deleted. No row is left pointing at a merged actor (the foreign keys would refuse the delete).
 */
export function mergeActors(manager: EntityManager, intoGlobalId: string, fromGlobalIds: readonly string[]): Promise<Actor> {
  return manager.transaction(async (db) => {
    if (!fromGlobalIds.length) throw AppError.badInput('fromIds must name at least one actor', 'fromIds');
    const into = await findOrFail(db, Actor, intoGlobalId, 'intoId');
    const from = await resolveActorIds(db, fromGlobalIds, 'fromIds');
    if (from.includes(into.id)) throw AppError.badInput('intoId cannot also be in fromIds', 'fromIds');
    const ids = (sql: string) => db.query(sql, [from]).then((rows: { id: string }[]) => rows.map((r) => r.id));

    const sources = await ids(`SELECT id FROM sources WHERE actor_id = ANY($1::uuid[]) OR affiliation_id = ANY($1::uuid[])`);
    await recordChanges(db, 'Source', sources, async () => {
      await db.query(`UPDATE sources SET actor_id = $2, updated_at = now() WHERE actor_id = ANY($1::uuid[])`, [from, into.id]);
      await db.query(`UPDATE sources SET affiliation_id = $2, updated_at = now() WHERE affiliation_id = ANY($1::uuid[])`, [from, into.id]);
    });

    const mentions = await ids(`SELECT id FROM mentions WHERE actor_id = ANY($1::uuid[])`);
    await recordChanges(db, 'Mention', mentions, async () => {
      // A mention the survivor already has at the same span is a duplicate, not a move.
      await db.query(
        `DELETE FROM mentions m WHERE m.actor_id = ANY($1::uuid[])
           AND EXISTS (SELECT 1 FROM mentions k WHERE k.article_id = m.article_id AND k.span_start = m.span_start AND k.span_end = m.span_end
                       AND (k.actor_id = $2 OR (k.actor_id = ANY($1::uuid[]) AND k.id < m.id)))`,
        [from, into.id],
      );
      await db.query(`UPDATE mentions SET actor_id = $2, updated_at = now() WHERE actor_id = ANY($1::uuid[])`, [from, into.id]);
    });

    const affiliated = await ids(`SELECT id FROM actors WHERE affiliation_id = ANY($1::uuid[]) OR id IN (SELECT member_id FROM actor_memberships WHERE organisation_id = ANY($1::uuid[]))`);
    await recordChanges(db, 'Actor', affiliated.filter((id) => id !== into.id && !from.includes(id)), async () => {
      await db.query(`UPDATE actors SET affiliation_id = $2, updated_at = now() WHERE affiliation_id = ANY($1::uuid[]) AND id <> $2`, [from, into.id]);
      await db.query(
        `INSERT INTO actor_memberships (member_id, organisation_id)
         SELECT member_id, $2 FROM actor_memberships WHERE organisation_id = ANY($1::uuid[]) AND member_id <> $2 AND NOT member_id = ANY($1::uuid[])
         ON CONFLICT DO NOTHING`,
        [from, into.id],
      );
      // Inside this record, so the members' revisions show the membership they lose.
      await db.query(`DELETE FROM actor_memberships WHERE organisation_id = ANY($1::uuid[])`, [from]);
    });

    await recordChanges(db, 'Actor', [into.id, ...from], async () => {
      if (into.affiliationId && from.includes(into.affiliationId)) await db.query(`UPDATE actors SET affiliation_id = NULL WHERE id = $1`, [into.id]);
      await db.query(
        `INSERT INTO actor_memberships (member_id, organisation_id)
         SELECT DISTINCT $2::uuid, organisation_id FROM actor_memberships WHERE member_id = ANY($1::uuid[]) AND organisation_id <> $2 AND NOT organisation_id = ANY($1::uuid[])
         ON CONFLICT DO NOTHING`,
        [from, into.id],
      );
      const names: { alias: string }[] = await db.query(
        `SELECT name AS alias FROM actors WHERE id = ANY($1::uuid[]) UNION ALL SELECT alias FROM actor_aliases WHERE actor_id = ANY($1::uuid[])`,
        [from],
      );
      await db.query(`DELETE FROM actor_aliases WHERE actor_id = ANY($1::uuid[])`, [from]);
      const current: { alias: string }[] = await db.query(`SELECT alias FROM actor_aliases WHERE actor_id = $1`, [into.id]);
      const aliases = await normaliseAliases(db, [...current.map((c) => c.alias), ...names.map((n) => n.alias)]);
      await replaceAliases(db, into.id, aliases);
      await db.query(`DELETE FROM actors WHERE id = ANY($1::uuid[])`, [from]);
    });
    return db.getRepository(Actor).findOneByOrFail({ id: into.id });
  });
}


// Resolves the actors an annotation set names to rows: an existing actor by name or alias (case
// and accents ignored), a single word to the one actor that carries it, else a new actor
// with its aliases, affiliation and memberships. Extraction, the example corpus and tests resolve
// actors this one way.
import { Actor } from '../actor/actor.entity';
import { queryRows, sql } from '../database/sql';
import type { Transaction } from '../database/transaction';
import { recordCreated } from '../revision/revision.service';
import type { ActorRecord } from './annotation-set';

export interface ResolvedActors {
  /** Row ids by record key. */
  readonly ids: ReadonlyMap<string, string>;
  /** How many of them this call created. */
  readonly created: number;
}

/**
 * Concurrent writers that name the same new actor wait for each other here (one lock per folded
 * name, taken in one order), so the second finds the actor the first created.
 */
async function lockNames(tx: Transaction, names: readonly string[]): Promise<void> {
  await queryRows(
    tx,
    sql`SELECT pg_advisory_xact_lock(key)
        FROM (SELECT DISTINCT hashtext(normalise_key(name)) AS key FROM unnest(${sql.value([...names])}::text[]) AS name ORDER BY 1) keys`,
  );
}

/**
 * Existing actors by the names asked for, in one statement through the folded-key indexes: a
 * name or a longer name's alias as it is; a single word ("Mohamed", "KPA") only when exactly one
 * known actor carries it as an alias or, for a person, as the surname, since a wrong merge of two
 * people is worse than a second actor for one.
 */
async function findExisting(tx: Transaction, names: readonly string[]): Promise<Map<string, string>> {
  const rows = await queryRows<{ name: string; id: string }>(
    tx,
    sql`WITH wanted AS (SELECT name, normalise_key(name) AS key FROM unnest(${sql.value([...names])}::text[]) AS name),
        matches AS (
          SELECT w.name, ac.id, 1 AS rank, ac.created_at FROM wanted w JOIN actors ac ON ac.name_key = w.key
          UNION ALL
          SELECT w.name, al.actor_id, 2, ac.created_at
          FROM wanted w JOIN actor_aliases al ON al.alias_key = w.key JOIN actors ac ON ac.id = al.actor_id
          WHERE position(' ' IN w.name) > 0
          UNION ALL
          SELECT w.name, (array_agg(DISTINCT carrier.id))[1], 3, min(carrier.created_at)
          FROM wanted w CROSS JOIN LATERAL (
            SELECT ac.id, ac.created_at FROM actor_aliases al JOIN actors ac ON ac.id = al.actor_id WHERE al.alias_key = w.key
            UNION
            SELECT ac.id, ac.created_at FROM actors ac WHERE ac.kind = 'PERSON' AND ac.name_key LIKE '% ' || w.key
          ) carrier
          WHERE position(' ' IN w.name) = 0 GROUP BY w.name HAVING count(DISTINCT carrier.id) = 1
        )
        SELECT DISTINCT ON (name) name, id::text AS id FROM matches ORDER BY name, rank, created_at`,
  );
  return new Map(rows.map((row) => [row.name, row.id]));
}

async function addAliases(tx: Transaction, actorId: string, aliases: readonly string[]): Promise<void> {
  if (!aliases.length) return;
  // An alias another actor already holds stays with that actor.
  await queryRows(
    tx,
    sql`INSERT INTO actor_aliases (actor_id, alias) SELECT ${sql.value(actorId)}::uuid, unnest(${sql.value([...aliases])}::text[])
        ON CONFLICT DO NOTHING`,
  );
}

/** Affiliations, aliases and memberships of the actors just created (existing actors keep theirs). */
async function completeCreated(
  tx: Transaction,
  records: readonly ActorRecord[],
  ids: ReadonlyMap<string, string>,
): Promise<void> {
  const idOf = (key: string | undefined) => (key === undefined ? undefined : ids.get(key));
  for (const record of records) {
    const id = ids.get(record.key) as string;
    const affiliationId = idOf(record.affiliation);
    if (affiliationId && affiliationId !== id) await tx.getRepository(Actor).update(id, { affiliationId });
    await addAliases(tx, id, [...new Set(record.aliases ?? [])]);
  }
  const memberships = records.flatMap((record) =>
    (record.memberOf ?? [])
      .map(idOf)
      .filter(
        (organisationId): organisationId is string => Boolean(organisationId) && organisationId !== ids.get(record.key),
      )
      .map((organisationId) => ({ memberId: ids.get(record.key) as string, organisationId })),
  );
  if (!memberships.length) return;
  await queryRows(
    tx,
    sql`INSERT INTO actor_memberships (member_id, organisation_id)
        SELECT * FROM unnest(${sql.value(memberships.map((m) => m.memberId))}::uuid[], ${sql.value(memberships.map((m) => m.organisationId))}::uuid[])
        ON CONFLICT DO NOTHING`,
  );
}

export async function writeActors(tx: Transaction, records: readonly ActorRecord[]): Promise<ResolvedActors> {
  if (!records.length) return { ids: new Map(), created: 0 };
  const names = [...new Set(records.map((record) => record.name))];
  await lockNames(tx, names);
  const existing = await findExisting(tx, names);
  const ids = new Map<string, string>();
  const toCreate: ActorRecord[] = [];
  for (const record of records) {
    const id = existing.get(record.name);
    if (id) ids.set(record.key, id);
    else if (!toCreate.some((other) => other.name === record.name)) toCreate.push(record);
  }
  if (toCreate.length) {
    const { identifiers } = await tx
      .getRepository(Actor)
      .insert(
        toCreate.map((record) => ({ name: record.name, kind: record.kind, description: record.description ?? null })),
      );
    toCreate.forEach((record, i) => existing.set(record.name, identifiers[i].id as string));
  }
  // Two records of one name (an entity and a named source) are one actor.
  for (const record of records) ids.set(record.key, existing.get(record.name) as string);
  await completeCreated(tx, toCreate, ids);
  await recordCreated(
    tx,
    'Actor',
    toCreate.map((record) => ids.get(record.key) as string),
  );
  return { ids, created: toCreate.length };
}

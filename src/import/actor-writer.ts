// Resolves the actors an annotation set names to rows: an existing actor by Wikidata id, else by
// name or alias (case and accents ignored; never one that carries another Wikidata id), a single
// word to the one actor that carries it, an organisation, state or medium to the one actor named by
// a form the article linked to it ("Scientology" for "Church of Scientology"), else a new actor
// (flagged ambiguous when its single word fits several). Every record's aliases go to the actor it
// resolves to, new or not. Imports, extraction, the example corpus and tests resolve actors this one way.
import { Actor, ActorKind } from '../actor/actor.entity';
import { Origin } from '../common/annotation';
import { queryRows, sql } from '../database/sql';
import type { Transaction } from '../database/transaction';
import { recordChanges, recordCreated } from '../revision/revision.service';
import type { ActorRecord } from './annotation-set';
import { insertRows } from './annotation-writer';

export interface ResolvedActors {
  /** Row ids by record key. */
  readonly ids: ReadonlyMap<string, string>;
  /** How many of them this call created. */
  readonly created: number;
  /** The key of the record each new actor was made from. */
  readonly createdKeys: readonly string[];
}

/**
 * Advisory locks the actor writer takes: a namespace of their own (the first key of the two-key
 * form), and a fixed number of buckets the folded names hash into, so that an import naming
 * 15,000 actors takes at most this many locks. PostgreSQL's lock table holds some 6,400 for every
 * transaction together (max_locks_per_transaction × max_connections); a lock per name ran out of
 * it. Two names in one bucket make two writers wait for each other needlessly, never wrongly.
 */
const ACTOR_LOCK_NAMESPACE = 0x61637472;
export const ACTOR_LOCK_BUCKETS = 1024;

/**
 * Concurrent writers that would create the same actor wait for each other here (one lock per
 * bucket of folded names, taken in one order), so the second finds the actor the first created.
 */
async function lockNames(tx: Transaction, names: readonly string[]): Promise<void> {
  await queryRows(
    tx,
    sql`SELECT pg_advisory_xact_lock(${sql.value(ACTOR_LOCK_NAMESPACE)}::int, bucket)
        FROM (SELECT DISTINCT (hashtext(normalise_key(name))::bigint & ${sql.value(ACTOR_LOCK_BUCKETS - 1)}::bigint)::int AS bucket
              FROM unnest(${sql.value([...names])}::text[]) AS name ORDER BY 1) buckets`,
  );
}

/** A known actor: its id, and its Wikidata id, which a record of another Wikidata id must not join. */
interface Found {
  readonly id: string;
  readonly wikidataId: string | null;
}

interface Existing {
  /** Actors by the name asked for. */
  readonly ids: Map<string, Found>;
  /** Single words several known actors carry and no actor is named by. */
  readonly ambiguous: Set<string>;
}

/**
 * Existing actors by the names asked for, in one statement through the folded-key indexes: a
 * name or a longer name's alias as it is; a single word ("Mohamed", "KPA") only when exactly one
 * known actor carries it as an alias or, for a person, as the surname, since a wrong merge of two
 * people is worse than a second actor for one. A single word more actors carry comes back ambiguous.
 */
async function findExisting(tx: Transaction, names: readonly string[]): Promise<Existing> {
  const rows = await queryRows<{ name: string; id: string | null; wikidata_id: string | null }>(
    tx,
    sql`WITH wanted AS (SELECT name, normalise_key(name) AS key FROM unnest(${sql.value([...names])}::text[]) AS name),
        carriers AS (
          SELECT w.name, count(DISTINCT carrier.id) AS n, (array_agg(DISTINCT carrier.id))[1] AS id, min(carrier.created_at) AS created_at
          FROM wanted w CROSS JOIN LATERAL (
            SELECT ac.id, ac.created_at FROM actor_aliases al JOIN actors ac ON ac.id = al.actor_id WHERE al.alias_key = w.key
            UNION
            SELECT ac.id, ac.created_at FROM actors ac WHERE ac.kind = 'PERSON' AND ac.name_key LIKE '% ' || w.key
          ) carrier
          WHERE position(' ' IN w.name) = 0 GROUP BY w.name
        ),
        matches AS (
          SELECT w.name, ac.id, 1 AS rank, ac.created_at FROM wanted w JOIN actors ac ON ac.name_key = w.key
          UNION ALL
          SELECT w.name, al.actor_id, 2, ac.created_at
          FROM wanted w JOIN actor_aliases al ON al.alias_key = w.key JOIN actors ac ON ac.id = al.actor_id
          WHERE position(' ' IN w.name) > 0
          UNION ALL
          SELECT name, CASE WHEN n = 1 THEN id END, 3, created_at FROM carriers
        )
        SELECT DISTINCT ON (name) name, id::text AS id, (SELECT wikidata_id FROM actors WHERE actors.id = matches.id) AS wikidata_id
        FROM matches ORDER BY name, rank, created_at`,
  );
  const ids = new Map<string, Found>();
  const ambiguous = new Set<string>();
  for (const row of rows) {
    if (row.id) ids.set(row.name, { id: row.id, wikidataId: row.wikidata_id });
    else ambiguous.add(row.name);
  }
  return { ids, ambiguous };
}

/**
 * Organisations, states and media not found by their name, each to the one existing actor of its
 * kind that another form the article linked to it names ("Church of Scientology", whose article
 * also says "Scientology", joins the actor "Scientology" an earlier article made). People never
 * join this way: a surname alone names too many.
 */
async function findByAliases(tx: Transaction, records: readonly ActorRecord[]): Promise<Map<string, Found>> {
  const pairs = records.flatMap((record) =>
    record.kind === ActorKind.PERSON
      ? []
      : (record.aliases ?? []).map((alias) => ({ name: record.name, alias, kind: record.kind })),
  );
  if (!pairs.length) return new Map();
  const rows = await queryRows<{ name: string; id: string; wikidata_id: string | null }>(
    tx,
    sql`SELECT w.name, (array_agg(DISTINCT ac.id))[1]::text AS id, max(ac.wikidata_id) AS wikidata_id
        FROM unnest(${sql.value(pairs.map((p) => p.name))}::text[], ${sql.value(pairs.map((p) => p.alias))}::text[], ${sql.value(pairs.map((p) => p.kind))}::text[]) AS w(name, alias, kind)
        JOIN actors ac ON ac.name_key = normalise_key(w.alias) AND ac.kind::text = w.kind AND NOT ac.ambiguous
        GROUP BY w.name HAVING count(DISTINCT ac.id) = 1`,
  );
  return new Map(rows.map((row) => [row.name, { id: row.id, wikidataId: row.wikidata_id }]));
}

interface AliasRow {
  readonly actorId: string;
  readonly alias: string;
  readonly origin: Origin;
  /** A curator's alias that folds to the name is kept as written; any other such alias is skipped. */
  readonly keepOwnName?: boolean;
}

/**
 * The aliases of `rows` that their actors would really gain: not blank, not their own name folded
 * (unless a curator wrote it so), not held by any actor yet (an alias another actor holds stays with that actor, a MANUAL alias
 * keeps its origin), each folded alias once, for the first record that names it.
 */
async function missingAliases(tx: Transaction, rows: readonly AliasRow[]): Promise<AliasRow[]> {
  if (!rows.length) return [];
  return queryRows<AliasRow>(
    tx,
    sql`SELECT DISTINCT ON (normalise_key(w.alias)) w.actor_id::text AS "actorId", w.alias, w.origin::origin AS origin
        FROM unnest(${sql.value(rows.map((r) => r.actorId))}::uuid[], ${sql.value(rows.map((r) => r.alias))}::text[], ${sql.value(rows.map((r) => r.origin))}::text[], ${sql.value(rows.map((r) => r.keepOwnName === true))}::boolean[])
          WITH ORDINALITY AS w(actor_id, alias, origin, keep_own, ord)
        JOIN actors ac ON ac.id = w.actor_id
        WHERE btrim(w.alias) <> '' AND (w.keep_own OR normalise_key(w.alias) <> ac.name_key)
          AND NOT EXISTS (SELECT 1 FROM actor_aliases al WHERE al.alias_key = normalise_key(w.alias))
        ORDER BY normalise_key(w.alias), w.ord`,
  );
}

async function insertAliases(tx: Transaction, rows: readonly AliasRow[]): Promise<void> {
  if (!rows.length) return;
  await queryRows(
    tx,
    sql`INSERT INTO actor_aliases (actor_id, alias, origin)
        SELECT * FROM unnest(${sql.value(rows.map((r) => r.actorId))}::uuid[], ${sql.value(rows.map((r) => r.alias))}::text[], ${sql.value(rows.map((r) => r.origin))}::origin[])
        ON CONFLICT DO NOTHING`,
  );
}

/**
 * Every record's aliases on the actor it resolved to. New actors take theirs before their CREATE
 * revision; an existing actor that gains one gets an UPDATE revision, and one that gains none
 * (a second re-extraction) gets no revision at all.
 */
async function writeAliases(
  tx: Transaction,
  records: readonly ActorRecord[],
  ids: ReadonlyMap<string, string>,
  created: ReadonlySet<string>,
): Promise<void> {
  // A record's own name is an alias of an actor found by another name ("Church of Scientology"
  // joined to "Scientology"); of the actor it names, it folds to the name and is skipped.
  const wanted = records.flatMap((record) => {
    const actorId = ids.get(record.key) as string;
    const origin = record.aliasOrigin ?? Origin.MANUAL;
    const keepOwnName = origin === Origin.MANUAL;
    return [
      { actorId, alias: record.name, origin },
      ...(record.aliases ?? []).map((alias) => ({ actorId, alias, origin, keepOwnName })),
    ];
  });
  const missing = await missingAliases(tx, wanted);
  await insertAliases(
    tx,
    missing.filter((row) => created.has(row.actorId)),
  );
  const gained = missing.filter((row) => !created.has(row.actorId));
  const gaining = [...new Set(gained.map((row) => row.actorId))];
  if (gaining.length) await recordChanges(tx, 'Actor', gaining, () => insertAliases(tx, gained));
}

/** Affiliations and memberships of the actors just created (existing actors keep theirs). */
async function completeCreated(
  tx: Transaction,
  records: readonly ActorRecord[],
  ids: ReadonlyMap<string, string>,
): Promise<void> {
  const idOf = (key: string | undefined) => (key === undefined ? undefined : ids.get(key));
  // One statement for them all, not one an actor; of two records of one actor, the later's affiliation.
  const affiliations = new Map<string, string>();
  for (const record of records) {
    const id = ids.get(record.key) as string;
    const affiliationId = idOf(record.affiliation);
    if (affiliationId && affiliationId !== id) affiliations.set(id, affiliationId);
  }
  if (affiliations.size)
    await queryRows(
      tx,
      sql`UPDATE actors ac SET affiliation_id = a.affiliation_id, updated_at = now()
          FROM unnest(${sql.value([...affiliations.keys()])}::uuid[], ${sql.value([...affiliations.values()])}::uuid[]) AS a(id, affiliation_id)
          WHERE ac.id = a.id`,
    );
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

/** A record's identity: its Wikidata id when it has one (two "John Smith"s stay two), else its name. */
function identityOf(record: ActorRecord): string {
  return record.wikidataId ? `wikidata:${record.wikidataId}` : `name:${record.name}`;
}

async function findByWikidataIds(tx: Transaction, records: readonly ActorRecord[]): Promise<Map<string, string>> {
  const wanted = [...new Set(records.flatMap((record) => (record.wikidataId ? [record.wikidataId] : [])))];
  if (!wanted.length) return new Map();
  const rows = await queryRows<{ id: string; wikidata_id: string }>(
    tx,
    sql`SELECT id::text AS id, wikidata_id FROM actors WHERE wikidata_id = ANY(${sql.value(wanted)}::text[])`,
  );
  return new Map(rows.map((row) => [row.wikidata_id, row.id]));
}

interface Resolution {
  /** Actor ids by record identity. */
  readonly existing: Map<string, string>;
  readonly ambiguous: Set<string>;
  readonly toCreate: ActorRecord[];
  /** Known actors without a Wikidata id that a record named and gave one. */
  readonly toIdentify: { id: string; wikidataId: string }[];
}

/**
 * The known actor of each record: by Wikidata id first, then by name or alias, else the one its
 * aliases name, never one that carries another Wikidata id; the rest to create, one per identity.
 */
async function resolveExisting(tx: Transaction, records: readonly ActorRecord[]): Promise<Resolution> {
  const byWikidata = await findByWikidataIds(tx, records);
  const existing = new Map<string, string>();
  for (const record of records) {
    const id = record.wikidataId && byWikidata.get(record.wikidataId);
    if (id) existing.set(identityOf(record), id);
  }
  const rest = records.filter((record) => !existing.has(identityOf(record)));
  const { ids: byName, ambiguous } = await findExisting(tx, [...new Set(rest.map((record) => record.name))]);
  const unnamed = rest.filter((record) => !byName.has(record.name) && !ambiguous.has(record.name));
  const byAlias = await findByAliases(tx, unnamed);
  // Wikidata ids claimed for found actors, by actor id; maps rather than lists, looked up once a record.
  const claims = new Map<string, string>();
  for (const record of rest) {
    const found = byName.get(record.name) ?? byAlias.get(record.name);
    const claimed = found && claims.get(found.id);
    const fits = found && (!record.wikidataId || (!found.wikidataId && (!claimed || claimed === record.wikidataId)));
    if (!found || !fits || existing.has(identityOf(record))) continue;
    existing.set(identityOf(record), found.id);
    if (record.wikidataId && !claimed) claims.set(found.id, record.wikidataId);
  }
  const toCreate = new Map<string, ActorRecord>();
  for (const record of records)
    if (!existing.has(identityOf(record)) && !toCreate.has(identityOf(record)))
      toCreate.set(identityOf(record), record);
  const toIdentify = [...claims].map(([id, wikidataId]) => ({ id, wikidataId }));
  return { existing, ambiguous, toCreate: [...toCreate.values()], toIdentify };
}

/**
 * Gives the found actors the Wikidata ids their records carry, with an UPDATE revision each; an
 * actor this transaction created (in an earlier stage) gets none, since its CREATE revision comes after.
 */
async function identify(
  tx: Transaction,
  claims: readonly { id: string; wikidataId: string }[],
  created: ReadonlySet<string>,
): Promise<void> {
  if (!claims.length) return;
  const update = (some: readonly { id: string; wikidataId: string }[]) =>
    queryRows(
      tx,
      sql`UPDATE actors ac SET wikidata_id = c.wikidata_id, updated_at = now()
          FROM unnest(${sql.value(some.map((c) => c.id))}::uuid[], ${sql.value(some.map((c) => c.wikidataId))}::text[]) AS c(id, wikidata_id)
          WHERE ac.id = c.id AND ac.wikidata_id IS NULL`,
    );
  const fresh = claims.filter((claim) => created.has(claim.id));
  const known = claims.filter((claim) => !created.has(claim.id));
  if (fresh.length) await update(fresh);
  if (known.length)
    await recordChanges(
      tx,
      'Actor',
      known.map((claim) => claim.id),
      () => update(known),
    );
}

/** The lock names a resolution's changes need: each new actor's name and Wikidata id, and each claimed Wikidata id. */
function lockNamesOf(resolution: Resolution): string[] {
  return [
    ...resolution.toCreate.flatMap((record) => [
      record.name,
      ...(record.wikidataId ? [`wikidata:${record.wikidataId}`] : []),
    ]),
    ...resolution.toIdentify.map((claim) => `wikidata:${claim.wikidataId}`),
  ];
}

/**
 * Resolves the records, taking locks only for what the resolution would change: an import that
 * names only known actors takes none, and one naming thousands does not make every other import
 * that names one of them wait for its commit. After locking, the records are resolved again (the
 * statement sees what the writer that held the lock committed); should that bring more changes,
 * they are locked in turn. `locked` holds the names locked already, and gains those locked here.
 * Locks taken in two rounds can deadlock, which the transaction retries.
 */
async function resolveLocked(
  tx: Transaction,
  records: readonly ActorRecord[],
  locked: Set<string>,
): Promise<Resolution> {
  let resolution = await resolveExisting(tx, records);
  for (;;) {
    const needed = lockNamesOf(resolution).filter((name) => !locked.has(name));
    if (!needed.length) return resolution;
    await lockNames(tx, [...new Set(needed)]);
    needed.forEach((name) => locked.add(name));
    resolution = await resolveExisting(tx, records);
  }
}

/** What the stages of a write have done so far. */
interface Written {
  /** Row ids by record key. */
  readonly ids: Map<string, string>;
  readonly created: Set<string>;
  readonly createdRecords: ActorRecord[];
}

/** Identifies and creates what the stage's resolution says, and gives its records' aliases to their actors. */
async function writeStage(
  tx: Transaction,
  records: readonly ActorRecord[],
  resolution: Resolution,
  written: Written,
): Promise<void> {
  const { existing, ambiguous, toCreate, toIdentify } = resolution;
  await identify(tx, toIdentify, written.created);
  if (toCreate.length) {
    const created = await insertRows(
      tx,
      Actor,
      toCreate.map((record) => ({
        name: record.name,
        kind: record.kind,
        description: record.description ?? null,
        wikidataId: record.wikidataId ?? null,
        ambiguous: !record.wikidataId && ambiguous.has(record.name),
        origin: record.aliasOrigin ?? Origin.MANUAL,
      })),
    );
    toCreate.forEach((record, i) => existing.set(identityOf(record), created[i]));
  }
  // Two records of one identity (an entity and a named source) are one actor.
  const ids = new Map(records.map((record) => [record.key, existing.get(identityOf(record)) as string]));
  ids.forEach((id, key) => written.ids.set(key, id));
  toCreate.forEach((record) => written.created.add(existing.get(identityOf(record)) as string));
  written.createdRecords.push(...toCreate);
  await writeAliases(tx, records, ids, written.created);
}

/**
 * Resolves the records of each stage in turn, so that a later stage finds the actors an earlier
 * one created by their names, aliases and surnames, as an import after theirs would: a batch of
 * articles gives its full names first and its single words ("Biden") after. Everything any stage
 * would create is locked before the first writes, in one statement and one order. Affiliations,
 * memberships and the CREATE revisions (with every alias) come once all stages are written.
 */
export async function writeActorStages(
  tx: Transaction,
  stages: readonly (readonly ActorRecord[])[],
): Promise<ResolvedActors> {
  const all = stages.flat();
  if (!all.length) return { ids: new Map(), created: 0, createdKeys: [] };
  const locked = new Set<string>();
  const whole = await resolveLocked(tx, all, locked);
  const written: Written = { ids: new Map(), created: new Set(), createdRecords: [] };
  for (const records of stages) {
    if (!records.length) continue;
    await writeStage(tx, records, stages.length === 1 ? whole : await resolveLocked(tx, records, locked), written);
  }
  await completeCreated(tx, written.createdRecords, written.ids);
  await recordCreated(tx, 'Actor', [...written.created]);
  return {
    ids: written.ids,
    created: written.createdRecords.length,
    createdKeys: written.createdRecords.map((record) => record.key),
  };
}

export async function writeActors(tx: Transaction, records: readonly ActorRecord[]): Promise<ResolvedActors> {
  return writeActorStages(tx, [records]);
}

// Writes the audit trail: every mutation records, for each row it changed, the row before and
// after as stored, in the same transaction as the change.
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

export type RevisionOperation = 'CREATE' | 'UPDATE' | 'DELETE';

/** The tables that revisions are kept for, by the GraphQL type of their rows. */
export const TABLE_OF_TYPE = {
  Article: 'articles',
  Outlet: 'outlets',
  Actor: 'actors',
  Source: 'sources',
  Quote: 'quotes',
  Mention: 'mentions',
  PolicyQuestion: 'policy_questions',
  Stance: 'stances',
} as const;

export type RevisedType = keyof typeof TABLE_OF_TYPE;

/** A row as JSON, as revisions keep it: generated search vectors left out; an actor with its aliases and memberships. */
function rowJsonSql(type: RevisedType, alias: string): string {
  if (type !== 'Actor') return `to_jsonb(${alias}) - 'search'`;
  return `to_jsonb(${alias})
    || jsonb_build_object('aliases', ARRAY(SELECT al.alias FROM actor_aliases al WHERE al.actor_id = ${alias}.id ORDER BY al.alias))
    || jsonb_build_object('member_of', ARRAY(SELECT m.organisation_id FROM actor_memberships m WHERE m.member_id = ${alias}.id ORDER BY 1))`;
}

/** Rows as revisions keep them, by id. */
async function snapshot(db: EntityManager, type: RevisedType, ids: readonly string[]): Promise<Map<string, object>> {
  if (!ids.length) return new Map();
  const rows: { id: string; row: object }[] = await db.query(
    `SELECT t.id::text AS id, ${rowJsonSql(type, 't')} AS row FROM ${TABLE_OF_TYPE[type]} t WHERE t.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.row]));
}

async function writeRevisions(
  db: EntityManager,
  type: RevisedType,
  operation: RevisionOperation,
  ids: readonly string[],
  before: Map<string, object>,
  after: Map<string, object>,
): Promise<void> {
  if (!ids.length) return;
  await db.query(
    `INSERT INTO revisions (entity_type, entity_id, operation, before, after)
     SELECT $1, r.id, $2, r.before, r.after
     FROM unnest($3::uuid[], $4::jsonb[], $5::jsonb[]) AS r(id, before, after)`,
    [type, operation, ids, ids.map((id) => before.get(id) ?? null), ids.map((id) => after.get(id) ?? null)],
  );
}

/**
 * Records rows as they are now, after they were created: the rows `ids` of `type`, or of every
 * type in a map, in one statement.
 */
export async function recordCreated(db: EntityManager, type: RevisedType, ids: readonly string[]): Promise<void>;
export async function recordCreated(db: EntityManager, created: ReadonlyMap<RevisedType, readonly string[]>): Promise<void>;
export async function recordCreated(db: EntityManager, typeOrMap: RevisedType | ReadonlyMap<RevisedType, readonly string[]>, ids: readonly string[] = []): Promise<void> {
  const created = typeof typeOrMap === 'string' ? new Map([[typeOrMap, ids]]) : typeOrMap;
  const params: unknown[] = [];
  const selects = [...created].filter(([, typeIds]) => typeIds.length).map(([type, typeIds]) => {
    params.push(type, typeIds);
    return `SELECT $${params.length - 1}::text, t.id, 'CREATE', ${rowJsonSql(type, 't')} FROM ${TABLE_OF_TYPE[type]} t WHERE t.id = ANY($${params.length}::uuid[])`;
  });
  if (!selects.length) return;
  await db.query(`INSERT INTO revisions (entity_type, entity_id, operation, after) ${selects.join(' UNION ALL ')}`, params);
}

/** Inserts one row of `entity`, records its CREATE revision, and returns it as stored. */
export async function insertRecorded<T extends ObjectLiteral & { id: string }>(
  db: EntityManager,
  entity: EntityTarget<T> & { name: string },
  values: Partial<T>,
): Promise<T> {
  const { identifiers } = await db.getRepository(entity).insert(values as never);
  const id = identifiers[0].id as string;
  // Entity classes are named after their GraphQL types.
  await recordCreated(db, entity.name as RevisedType, [id]);
  return db.getRepository(entity).findOneByOrFail({ id } as never);
}

/**
 * Runs `change` and records one revision for each of `ids` of `type`: UPDATE with the row before
 * and after, or DELETE when the row is gone afterwards.
 */
export async function recordChanges<T>(db: EntityManager, type: RevisedType, ids: readonly string[], change: () => Promise<T>): Promise<T> {
  const before = await snapshot(db, type, ids);
  const result = await change();
  const after = await snapshot(db, type, ids);
  const existed = ids.filter((id) => before.has(id));
  await writeRevisions(db, type, 'UPDATE', existed.filter((id) => after.has(id)), before, after);
  await writeRevisions(db, type, 'DELETE', existed.filter((id) => !after.has(id)), before, after);
  return result;
}

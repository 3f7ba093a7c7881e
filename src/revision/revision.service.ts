// Writes the audit trail: every mutation records, for each row it changed, the row before and
// after as stored, in the same transaction as the change.
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { queryRows, type SQL, sql } from '../database/sql';
import type { Transaction } from '../database/transaction';
import { actingCaller } from '../common/caller';

/** Who the change is by: the request's key, or the command line's user (see auth/caller.ts). */
function byOfActingCaller(): SQL {
  return sql`${sql.value(actingCaller()?.by ?? null)}::text`;
}

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

/** The rows `ids` of `type`, aliased `t`. */
function rowsOf(type: RevisedType, ids: readonly string[]): SQL {
  return sql`${sql.identifier(TABLE_OF_TYPE[type])} t WHERE t.id = ANY(${sql.value(ids)}::uuid[])`;
}

/**
 * The row aliased `t` as JSON, as revisions keep it: generated search vectors left out; an actor
 * with its aliases and memberships.
 */
function rowJson(type: RevisedType): SQL {
  if (type !== 'Actor') return sql`to_jsonb(t) - 'search'`;
  return sql`to_jsonb(t)
    || jsonb_build_object('aliases', ARRAY(SELECT al.alias FROM actor_aliases al WHERE al.actor_id = t.id ORDER BY al.alias))
    || jsonb_build_object('member_of', ARRAY(SELECT m.organisation_id FROM actor_memberships m WHERE m.member_id = t.id ORDER BY 1))`;
}

/** Rows as revisions keep them, by id. */
async function snapshot(tx: Transaction, type: RevisedType, ids: readonly string[]): Promise<Map<string, object>> {
  if (!ids.length) return new Map();
  const rows = await queryRows<{ id: string; row: object }>(
    tx,
    sql`SELECT t.id::text AS id, ${rowJson(type)} AS row FROM ${rowsOf(type, ids)}`,
  );
  return new Map(rows.map((r) => [r.id, r.row]));
}

/** The rows of `ids` as JSON text for a jsonb[] parameter; null where a row is missing. */
function jsonOf(rows: Map<string, object>, ids: readonly string[]): (string | null)[] {
  return ids.map((id) => {
    const row = rows.get(id);
    return row === undefined ? null : JSON.stringify(row);
  });
}

async function writeRevisions(
  tx: Transaction,
  type: RevisedType,
  operation: RevisionOperation,
  ids: readonly string[],
  before: Map<string, object>,
  after: Map<string, object>,
): Promise<void> {
  if (!ids.length) return;
  await queryRows(
    tx,
    sql`INSERT INTO revisions (entity_type, entity_id, operation, before, after, by)
        SELECT ${sql.value(type)}, r.id, ${sql.value(operation)}, r.before, r.after, ${byOfActingCaller()}
        FROM unnest(${sql.value(ids)}::uuid[], ${sql.value(jsonOf(before, ids))}::jsonb[], ${sql.value(jsonOf(after, ids))}::jsonb[]) AS r(id, before, after)`,
  );
}

/**
 * Records rows as they are now, after they were created: the rows `ids` of `type`, or of every
 * type in a map, in one statement.
 */
export async function recordCreated(tx: Transaction, type: RevisedType, ids: readonly string[]): Promise<void>;
export async function recordCreated(
  tx: Transaction,
  created: ReadonlyMap<RevisedType, readonly string[]>,
): Promise<void>;
export async function recordCreated(
  tx: Transaction,
  typeOrMap: RevisedType | ReadonlyMap<RevisedType, readonly string[]>,
  ids: readonly string[] = [],
): Promise<void> {
  const created = typeof typeOrMap === 'string' ? new Map([[typeOrMap, ids]]) : typeOrMap;
  const selects = [...created]
    .filter(([, typeIds]) => typeIds.length)
    .map(
      ([type, typeIds]) =>
        sql`SELECT ${sql.value(type)}::text, t.id, 'CREATE', ${rowJson(type)}, ${byOfActingCaller()} FROM ${rowsOf(type, typeIds)}`,
    );
  if (!selects.length) return;
  await queryRows(
    tx,
    sql`INSERT INTO revisions (entity_type, entity_id, operation, after, by) ${sql.join(selects, ' UNION ALL ')}`,
  );
}

/** Inserts one row of `entity`, records its CREATE revision, and returns it as stored. */
export async function insertRecorded<T extends ObjectLiteral & { id: string }>(
  tx: Transaction,
  entity: EntityTarget<T> & { name: string },
  values: Partial<T>,
): Promise<T> {
  const { identifiers } = await tx.getRepository(entity).insert(values);
  const id = identifiers[0].id as string;
  // Entity classes are named after their GraphQL types.
  await recordCreated(tx, entity.name as RevisedType, [id]);
  return tx.getRepository(entity).findOneByOrFail({ id } as never);
}

type ChangeOf<T> = () => Promise<T>;

/**
 * Runs `change` and records one revision for each of `ids` of `type`, or of every type in a map
 * (a delete and what cascades from it): UPDATE with the row before and after, or DELETE when the
 * row is gone afterwards. Revisions are written type by type, in the map's order.
 */
export async function recordChanges<T>(
  tx: Transaction,
  type: RevisedType,
  ids: readonly string[],
  change: ChangeOf<T>,
): Promise<T>;
export async function recordChanges<T>(
  tx: Transaction,
  changed: ReadonlyMap<RevisedType, readonly string[]>,
  change: ChangeOf<T>,
): Promise<T>;
export async function recordChanges<T>(
  tx: Transaction,
  ...args: [RevisedType, readonly string[], ChangeOf<T>] | [ReadonlyMap<RevisedType, readonly string[]>, ChangeOf<T>]
): Promise<T> {
  const [changed, change] = args.length === 3 ? [new Map([[args[0], args[1]]]), args[2]] : args;
  const before = new Map<RevisedType, Map<string, object>>();
  for (const [type, ids] of changed) before.set(type, await snapshot(tx, type, ids));
  const result = await change();
  for (const [type, ids] of changed) {
    const was = before.get(type) as Map<string, object>;
    const after = await snapshot(tx, type, ids);
    const existed = ids.filter((id) => was.has(id));
    await writeRevisions(
      tx,
      type,
      'UPDATE',
      existed.filter((id) => after.has(id)),
      was,
      after,
    );
    await writeRevisions(
      tx,
      type,
      'DELETE',
      existed.filter((id) => !after.has(id)),
      was,
      after,
    );
  }
  return result;
}

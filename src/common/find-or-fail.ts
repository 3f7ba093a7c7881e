import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { Transaction } from '../database/transaction';
import { AppError } from '../errors/app-error';
import { uuidOf } from './global-id';

/**
 * The row a mutation argument names by global id: BAD_USER_INPUT for an id of another type,
 * NOT_FOUND when no such row exists. Locks the row for the rest of the transaction.
 */
export async function findOrFail<T extends ObjectLiteral>(
  tx: Transaction,
  entity: EntityTarget<T> & { name: string },
  globalId: string,
  field: string,
): Promise<T> {
  const id = uuidOf(globalId, entity.name, field);
  const row = await tx.getRepository(entity).findOne({ where: { id } as never, lock: { mode: 'pessimistic_write' } });
  if (!row) throw AppError.notFound(`no ${entity.name} with id ${globalId}`, field);
  return row;
}

/** Every row a list argument names, in order; the field of an error names the item (`fromIds[2]`). */
export async function findAllOrFail<T extends ObjectLiteral>(
  tx: Transaction,
  entity: EntityTarget<T> & { name: string },
  globalIds: readonly string[],
  field: string,
): Promise<T[]> {
  const rows: T[] = [];
  for (const [i, globalId] of globalIds.entries()) rows.push(await findOrFail(tx, entity, globalId, `${field}[${i}]`));
  return rows;
}

/** The survivor and the merged rows of a merge: at least one to merge, and never the survivor itself. */
export async function findMergeRows<T extends ObjectLiteral & { id: string }>(
  tx: Transaction,
  entity: EntityTarget<T> & { name: string },
  intoGlobalId: string,
  fromGlobalIds: readonly string[],
  noun: string,
): Promise<{ into: T; from: T[] }> {
  if (!fromGlobalIds.length) throw AppError.badInput(`fromIds must name at least one ${noun}`, 'fromIds');
  const into = await findOrFail(tx, entity, intoGlobalId, 'intoId');
  const rows = await findAllOrFail(tx, entity, fromGlobalIds, 'fromIds');
  // An id given twice is merged once.
  const from = rows.filter((row, i) => rows.findIndex((other) => other.id === row.id) === i);
  if (from.some((row) => row.id === into.id)) throw AppError.badInput('intoId cannot also be in fromIds', 'fromIds');
  return { into, from };
}

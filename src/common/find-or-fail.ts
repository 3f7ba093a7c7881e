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

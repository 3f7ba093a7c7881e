import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { AppError } from '../errors/app-error';
import { uuidOf } from './global-id';

/**
 * The row a mutation argument names by global id: BAD_USER_INPUT for an id of another type,
 * NOT_FOUND when no such row exists. Locks the row for the rest of the transaction.
 */
export async function findOrFail<T extends ObjectLiteral>(
  db: EntityManager,
  entity: EntityTarget<T> & { name: string },
  globalId: string,
  field: string,
): Promise<T> {
  const id = uuidOf(globalId, entity.name, field);
  const row = await db.getRepository(entity).findOne({ where: { id } as never, lock: { mode: 'pessimistic_write' } });
  if (!row) throw AppError.notFound(`no ${entity.name} with id ${globalId}`, field);
  return row;
}

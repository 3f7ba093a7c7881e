// Writes run inside one transaction that the caller opens: a resolver for its mutation, a CLI for
// its batch, a test for its setup. Services take the `Transaction` handle and never open one, so any
// two of them compose into one unit that commits or rolls back whole.
import type { EntityManager } from 'typeorm';
import { AppError } from '../errors/app-error';

declare const transactionBrand: unique symbol;

/** An entity manager inside an open transaction: the handle every writing service asks for. */
export type Transaction = EntityManager & { readonly [transactionBrand]: true };

/** Deadlock, serialization failure: PostgreSQL undid the transaction, and running it again can succeed. */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

function isRetryable(error: unknown): boolean {
  const code = (error as { driverError?: { code?: string }; code?: string } | null)?.driverError?.code;
  return code !== undefined && RETRYABLE.has(code);
}

/**
 * Runs `work` in a transaction on `db` and commits when it resolves (rolls back when it throws).
 * Inside a transaction already, `work` joins it: nesting never commits early. A transaction that
 * PostgreSQL undoes for a deadlock or a serialization failure (two concurrent merges of the same
 * actors) runs again, up to three times in all, then fails as CONFLICT: a race, not a fault.
 */
export async function inTransaction<T>(db: EntityManager, work: (tx: Transaction) => Promise<T>): Promise<T> {
  if (db.queryRunner?.isTransactionActive) return work(db as Transaction);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction((tx) => work(tx as Transaction));
    } catch (error) {
      if (!isRetryable(error)) throw error;
      if (attempt >= ATTEMPTS)
        throw AppError.conflict(
          `the change collided with concurrent changes ${ATTEMPTS} times (deadlock or serialization failure): try again`,
        );
    }
  }
}

// Writes run inside one transaction that the caller opens: a resolver for its mutation, a CLI for
// its batch, a test for its setup. Services take the `Transaction` handle and never open one, so any
// two of them compose into one unit that commits or rolls back whole.
import type { EntityManager } from 'typeorm';

declare const transactionBrand: unique symbol;

/** An entity manager inside an open transaction: the handle every writing service asks for. */
export type Transaction = EntityManager & { readonly [transactionBrand]: true };

/**
 * Runs `work` in a transaction on `db` and commits when it resolves (rolls back when it throws).
 * Inside a transaction already, `work` joins it: nesting never commits early.
 */
export function inTransaction<T>(db: EntityManager, work: (tx: Transaction) => Promise<T>): Promise<T> {
  if (db.queryRunner?.isTransactionActive) return work(db as Transaction);
  return db.transaction((tx) => work(tx as Transaction));
}

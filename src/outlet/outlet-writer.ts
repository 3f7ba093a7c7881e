// Finding the outlet an article belongs to, creating it when it is new: by web domain when one is
// known (the unique domain decides under concurrent imports), else by name with case and accents
// ignored. A name given with the domain wins over an outlet that holds the domain under another
// name (a HuffPost article syndicated on another site's domain is HuffPost's): the article goes to
// the outlet of that name, which never takes a domain another outlet holds. A domain nobody holds,
// given with a name, goes to the outlet of that name known without a domain, if there is one, rather
// than to a second outlet of that name. A new outlet, or one given a domain, leaves its revision.
import { QueryFailedError } from 'typeorm';
import { queryRow, sql } from '../database/sql';
import type { Transaction } from '../database/transaction';
import { recordChanges, recordCreated } from '../revision/revision.service';

export interface OutletRef {
  /** The web domain, lower case, without www. */
  readonly domain: string | null;
  readonly name: string | null;
}

async function created(tx: Transaction, row: { id: string } | undefined): Promise<string | undefined> {
  if (row) await recordCreated(tx, 'Outlet', [row.id]);
  return row?.id;
}

async function byDomain(tx: Transaction, domain: string, name: string | null): Promise<string> {
  const inserted = await queryRow<{ id: string }>(
    tx,
    sql`INSERT INTO outlets (name, domain) VALUES (${sql.value(name || domain)}, ${sql.value(domain)})
        ON CONFLICT ("domain") DO NOTHING RETURNING id`,
  );
  const existing = async () =>
    (await queryRow<{ id: string }>(tx, sql`SELECT id FROM outlets WHERE domain = ${sql.value(domain)}`))?.id;
  return ((await created(tx, inserted)) ?? (await existing())) as string;
}

async function byName(tx: Transaction, name: string): Promise<string> {
  const find = async () =>
    (
      await queryRow<{ id: string }>(
        tx,
        sql`SELECT id FROM outlets WHERE normalise_key(name) = normalise_key(${sql.value(name)}) ORDER BY domain NULLS FIRST, id LIMIT 1`,
      )
    )?.id;
  const found = await find();
  if (found) return found;
  // The unique folded name among outlets without a domain settles a concurrent creation.
  const inserted = await queryRow<{ id: string }>(
    tx,
    sql`INSERT INTO outlets (name) VALUES (${sql.value(name)}) ON CONFLICT DO NOTHING RETURNING id`,
  );
  return ((await created(tx, inserted)) ?? (await find())) as string;
}

interface DomainHolder {
  readonly id: string;
  readonly name: string;
  /** The holder's name folds to the name given (case, accents and spacing ignored). */
  readonly sameName: boolean;
}

function domainHolder(tx: Transaction, domain: string, name: string): Promise<DomainHolder | undefined> {
  return queryRow<DomainHolder>(
    tx,
    sql`SELECT id, name, normalise_key(name) = normalise_key(${sql.value(name)}) AS "sameName"
        FROM outlets WHERE domain = ${sql.value(domain)}`,
  );
}

/**
 * The outlet known without a domain whose name folds to `name`, locked until the transaction ends
 * so that nobody else gives it a domain meanwhile (the folded name is unique among such outlets).
 */
async function lockedWithoutDomain(tx: Transaction, name: string): Promise<string | undefined> {
  const row = await queryRow<{ id: string }>(
    tx,
    sql`SELECT id FROM outlets WHERE domain IS NULL AND normalise_key(name) = normalise_key(${sql.value(name)})
        FOR UPDATE`,
  );
  return row?.id;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';
}

/**
 * Gives the outlet `id` (locked, without a domain) the domain, with its revision; false when another
 * writer took the domain meanwhile. The unique domain decides: the statement runs in a savepoint so
 * that losing the race undoes only it, not the caller's transaction.
 */
async function giveDomain(tx: Transaction, id: string, domain: string): Promise<boolean> {
  try {
    await tx.transaction((savepoint) =>
      recordChanges(savepoint as Transaction, 'Outlet', [id], () =>
        queryRow(
          savepoint,
          sql`UPDATE outlets SET domain = ${sql.value(domain)} WHERE id = ${sql.value(id)} AND domain IS NULL`,
        ),
      ),
    );
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

async function byDomainAndName(tx: Transaction, domain: string, name: string): Promise<string> {
  const holder = await domainHolder(tx, domain, name);
  if (holder) return holder.sameName ? holder.id : byName(tx, name);
  const named = await lockedWithoutDomain(tx, name);
  if (!named) return byDomain(tx, domain, name);
  // Taken meanwhile: decide again, now that the domain has a holder.
  return (await giveDomain(tx, named, domain)) ? named : byDomainAndName(tx, domain, name);
}

/** The outlet's id, or null when neither a domain nor a name is given. */
export async function findOrCreateOutlet(tx: Transaction, outlet: OutletRef): Promise<string | null> {
  const name = outlet.name?.trim() || null;
  if (!outlet.domain) return name ? byName(tx, name) : null;
  if (!name) return byDomain(tx, outlet.domain, null);
  return byDomainAndName(tx, outlet.domain, name);
}

/**
 * Why an article written with `outlet` is not under the outlet that holds its domain, when a
 * name given with the domain took it elsewhere (see findOrCreateOutlet); null otherwise.
 */
export async function outletDomainWarning(
  tx: Transaction,
  outlet: OutletRef,
  outletId: string | null,
): Promise<string | null> {
  const name = outlet.name?.trim() || null;
  if (!outlet.domain || !name) return null;
  const holder = await domainHolder(tx, outlet.domain, name);
  if (!holder || holder.id === outletId) return null;
  return `the domain ${outlet.domain} belongs to the outlet "${holder.name}"; the article is filed under "${name}" as outletName says (mergeOutlets joins the two if they are one)`;
}

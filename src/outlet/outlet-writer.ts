// Finding the outlet an article belongs to, creating it when it is new: by web domain when one is
// known (the unique domain decides under concurrent imports), else by name with case and accents
// ignored. A name given with the domain wins over an outlet that holds the domain under another
// name (a HuffPost article syndicated on another site's domain is HuffPost's): the article goes to
// the outlet of that name, which never takes a domain another outlet holds. A new outlet leaves its revision.
import { queryRow, sql } from '../database/sql';
import type { Transaction } from '../database/transaction';
import { recordCreated } from '../revision/revision.service';

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

/** The outlet's id, or null when neither a domain nor a name is given. */
export async function findOrCreateOutlet(tx: Transaction, outlet: OutletRef): Promise<string | null> {
  const name = outlet.name?.trim() || null;
  if (!outlet.domain) return name ? byName(tx, name) : null;
  if (!name) return byDomain(tx, outlet.domain, null);
  const holder = await domainHolder(tx, outlet.domain, name);
  return holder && !holder.sameName ? byName(tx, name) : byDomain(tx, outlet.domain, name);
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

// Finding the outlet an article belongs to, creating it when it is new: by web domain when one is
// known (the unique domain decides under concurrent imports), else by name with case and accents
// ignored. A new outlet leaves its revision.
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

/** The outlet's id, or null when neither a domain nor a name is given. */
export function findOrCreateOutlet(tx: Transaction, outlet: OutletRef): Promise<string | null> {
  const name = outlet.name?.trim() || null;
  if (outlet.domain) return byDomain(tx, outlet.domain, name);
  return name ? byName(tx, name) : Promise.resolve(null);
}

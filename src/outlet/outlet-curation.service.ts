// Curating outlets: merging the outlets that are one publisher, with the revisions of every
// article moved and every outlet changed, in the caller's transaction.
import { In } from 'typeorm';
import { findMergeRows } from '../common/find-or-fail';
import { queryRows, sql } from '../database/sql';
import type { Transaction } from '../database/transaction';
import { Article } from '../article/article.entity';
import { recordChanges } from '../revision/revision.service';
import { Outlet } from './outlet.entity';

/**
 * Merges outlets into one: their articles move to the survivor, which keeps its name and domain,
 * and they are deleted. An outlet has one domain, so a survivor without one takes the first merged
 * outlet's that has one; the other merged domains go with their outlets (their revisions keep them).
 */
export async function mergeOutlets(
  tx: Transaction,
  intoGlobalId: string,
  fromGlobalIds: readonly string[],
): Promise<Outlet> {
  const { into, from } = await findMergeRows(tx, Outlet, intoGlobalId, fromGlobalIds, 'outlet');
  const fromIds = from.map((outlet) => outlet.id);
  const moved = await queryRows<{ id: string }>(
    tx,
    sql`SELECT id FROM articles WHERE outlet_id = ANY(${sql.value(fromIds)}::uuid[]) ORDER BY id`,
  );
  const domain = into.domain ?? from.find((outlet) => outlet.domain)?.domain ?? null;
  const changed = new Map([
    ['Article' as const, moved.map((row) => row.id)],
    ['Outlet' as const, [into.id, ...fromIds]],
  ]);
  await recordChanges(tx, changed, async () => {
    await tx.getRepository(Article).update({ outletId: In(fromIds) }, { outletId: into.id });
    // The merged outlets go first: the domain is unique, and the survivor may take one of theirs.
    await tx.getRepository(Outlet).delete({ id: In(fromIds) });
    if (domain !== into.domain) await tx.getRepository(Outlet).update(into.id, { domain });
  });
  return tx.getRepository(Outlet).findOneByOrFail({ id: into.id });
}

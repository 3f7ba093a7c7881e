import { findOrFail } from '../common/find-or-fail';
import { queryRows, sql } from '../database/sql';
import type { Transaction } from '../database/transaction';
import { recordChanges, type RevisedType, TABLE_OF_TYPE } from '../revision/revision.service';
import { Article } from './article.entity';

/** What the database deletes with an article, in the order their revisions are written. */
const ON_ARTICLE = ['Stance', 'Quote', 'Mention', 'Source'] as const;

/** Deletes an article and, by cascade, everything annotated on it; each row leaves a revision. */
export async function deleteArticle(tx: Transaction, id: string): Promise<string> {
  const article = await findOrFail(tx, Article, id, 'id');
  const deleted = new Map<RevisedType, string[]>();
  for (const type of ON_ARTICLE) {
    const rows = await queryRows<{ id: string }>(
      tx,
      sql`SELECT id FROM ${sql.identifier(TABLE_OF_TYPE[type])} WHERE article_id = ${sql.value(article.id)}`,
    );
    deleted.set(
      type,
      rows.map((row) => row.id),
    );
  }
  deleted.set('Article', [article.id]);
  await recordChanges(tx, deleted, () => tx.getRepository(Article).delete(article.id));
  return id;
}

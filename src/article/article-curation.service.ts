import { findOrFail } from '../common/find-or-fail';
import type { Transaction } from '../database/transaction';
import { TABLE_OF_TYPE } from '../revision/revision.service';
import { Article } from './article.entity';

/** Deletes an article and, by cascade, everything annotated on it; each row leaves a revision. */
export async function deleteArticle(tx: Transaction, id: string): Promise<string> {
  const article = await findOrFail(tx, Article, id, 'id');
  for (const type of ['Stance', 'Quote', 'Mention', 'Source'] as const) {
    await tx.query(
      `INSERT INTO revisions (entity_type, entity_id, operation, before)
       SELECT $1, t.id, 'DELETE', to_jsonb(t) - 'search' FROM ${TABLE_OF_TYPE[type]} t WHERE t.article_id = $2`,
      [type, article.id],
    );
  }
  await tx.query(
    `INSERT INTO revisions (entity_type, entity_id, operation, before) SELECT 'Article', a.id, 'DELETE', to_jsonb(a) - 'search' FROM articles a WHERE a.id = $1`,
    [article.id],
  );
  await tx.getRepository(Article).delete(article.id);
  return id;
}

// Curating articles: their metadata corrected (never the body, which every offset points into),
// or the article deleted with everything annotated on it, each change with its revisions.
import { given } from '../common/curation';
import { findOrFail } from '../common/find-or-fail';
import { queryRow, queryRows, sql } from '../database/sql';
import type { Transaction } from '../database/transaction';
import { AppError } from '../errors/app-error';
import { Outlet } from '../outlet/outlet.entity';
import { recordChanges, type RevisedType, TABLE_OF_TYPE } from '../revision/revision.service';
import { Article } from './article.entity';
import type { UpdateArticleInput } from './article.inputs';

/** The URL is an article's identity, and without one its text is: either taken by another article is a CONFLICT. */
async function checkIdentityFree(tx: Transaction, article: Article, url: string | null): Promise<void> {
  const other = await queryRow<{ id: string; title: string }>(
    tx,
    url === null
      ? sql`SELECT id, title FROM articles WHERE url IS NULL AND content_hash = ${sql.value(article.contentHash)} AND id <> ${sql.value(article.id)}`
      : sql`SELECT id, title FROM articles WHERE url = ${sql.value(url)} AND id <> ${sql.value(article.id)}`,
  );
  if (!other) return;
  const what = url === null ? 'the same text and no URL' : `the URL ${url}`;
  throw AppError.conflict(`another article ("${other.title}") has ${what}`, 'input.url', { articleId: other.id });
}

async function outletIdOf(tx: Transaction, globalId: string | null | undefined): Promise<string | null | undefined> {
  if (!given(globalId) || globalId === null) return globalId;
  return (await findOrFail(tx, Outlet, globalId, 'input.outletId')).id;
}

/** Corrects title, URL, publication date, outlet or language; the revision keeps what they were. */
export async function updateArticle(tx: Transaction, input: UpdateArticleInput): Promise<Article> {
  const article = await findOrFail(tx, Article, input.id, 'input.id');
  if (given(input.url)) await checkIdentityFree(tx, article, input.url);
  const outletId = await outletIdOf(tx, input.outletId);
  const title = input.title?.trim();
  const changes = {
    ...(title ? { title } : {}),
    ...(given(input.url) ? { url: input.url } : {}),
    ...(given(input.publishedAt) ? { publishedAt: input.publishedAt } : {}),
    ...(given(outletId) ? { outletId } : {}),
    ...(given(input.language) ? { language: input.language } : {}),
  };
  // An input that names no field changes nothing and leaves no revision.
  if (Object.keys(changes).length) {
    await recordChanges(tx, 'Article', [article.id], () => tx.getRepository(Article).update(article.id, changes));
  }
  return tx.getRepository(Article).findOneByOrFail({ id: article.id });
}

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

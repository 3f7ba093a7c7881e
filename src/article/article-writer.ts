// The one way an article is written, by import, the example corpus and the test corpora alike:
// its outlet found or created, the article inserted unless it is already there, and its revision.
import { IsNull } from 'typeorm';
import { queryRow, sql } from '../database/sql';
import type { Transaction } from '../database/transaction';
import { findOrCreateOutlet, type OutletRef } from '../outlet/outlet-writer';
import { recordCreated } from '../revision/revision.service';
import { contentHashOf } from './article-body';
import { Article } from './article.entity';

/** An article as it is stored; `body` must already be normalised (see normaliseBody). */
export interface ArticleRecord {
  readonly url: string | null;
  readonly title: string;
  readonly body: string;
  readonly publishedAt: Date | null;
  readonly language: string | null;
  readonly authors: readonly string[];
  readonly outlet: OutletRef;
}

export interface WrittenArticle {
  readonly article: Article;
  /** False when the same URL (or, without a URL, the same text) was already stored: nothing changed. */
  readonly created: boolean;
}

export async function writeArticle(tx: Transaction, record: ArticleRecord): Promise<WrittenArticle> {
  const outletId = await findOrCreateOutlet(tx, record.outlet);
  const contentHash = contentHashOf(record.body);
  // The unique URL and the unique hash of URL-less articles decide, so that two concurrent writes
  // of one article store it once: the second waits, then finds the first.
  const inserted = await queryRow<{ id: string }>(
    tx,
    sql`INSERT INTO articles (url, title, body, content_hash, published_at, language, authors, outlet_id)
        VALUES (${sql.value(record.url)}, ${sql.value(record.title)}, ${sql.value(record.body)}, ${sql.value(contentHash)},
                ${sql.value(record.publishedAt?.toISOString() ?? null)}, ${sql.value(record.language)}, ${sql.value([...record.authors])},
                ${sql.value(outletId)})
        ON CONFLICT DO NOTHING RETURNING id`,
  );
  const articles = tx.getRepository(Article);
  if (!inserted) {
    const where = record.url ? { url: record.url } : { contentHash, url: IsNull() };
    return { article: await articles.findOneOrFail({ where }), created: false };
  }
  await recordCreated(tx, 'Article', [inserted.id]);
  return { article: await articles.findOneByOrFail({ id: inserted.id }), created: true };
}

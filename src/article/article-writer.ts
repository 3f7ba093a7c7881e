// The one way an article is written, by import, the example corpus and the test corpora alike:
// its outlet found or created, the article inserted unless it is already there, and its revision.
// A batch of articles (bulk import) is written the same way in a few statements for them all.
import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { queryRows, sql } from '../database/sql';
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
  const [written] = await writeArticles(tx, [{ record, outletId }]);
  return written;
}

/** An article of a batch, its outlet already found (see findOrCreateOutlet). */
export interface OutletArticle {
  readonly record: ArticleRecord;
  readonly outletId: string | null;
}

/** What decides whether an article is stored already: its URL, else the hash of its text. */
function identityOf(url: string | null, contentHash: string): string {
  return url === null ? `hash:${contentHash}` : `url:${url}`;
}

/** Inserts the rows, each with the id given, unless its article is stored; returns the ids inserted. */
async function insertArticles(
  tx: Transaction,
  rows: readonly (OutletArticle & { id: string; contentHash: string })[],
): Promise<Set<string>> {
  const column = <T extends string | null>(pick: (row: (typeof rows)[number]) => T) => sql.value(rows.map(pick));
  // The unique URL and the unique hash of URL-less articles decide, so that two concurrent writes
  // of one article store it once: the second waits, then finds the first. Authors go as JSON, as
  // unnest would flatten an array of arrays.
  const inserted = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO articles (id, url, title, body, content_hash, published_at, language, authors, outlet_id)
        SELECT a.id, a.url, a.title, a.body, a.content_hash, a.published_at, a.language,
               ARRAY(SELECT jsonb_array_elements_text(a.authors)), a.outlet_id
        FROM unnest(
          ${column((r) => r.id)}::uuid[], ${column((r) => r.record.url)}::text[], ${column((r) => r.record.title)}::text[],
          ${column((r) => r.record.body)}::text[], ${column((r) => r.contentHash)}::text[],
          ${column((r) => r.record.publishedAt?.toISOString() ?? null)}::timestamptz[], ${column((r) => r.record.language)}::text[],
          ${column((r) => JSON.stringify(r.record.authors))}::jsonb[], ${column((r) => r.outletId)}::uuid[]
        ) WITH ORDINALITY AS a(id, url, title, body, content_hash, published_at, language, authors, outlet_id, ord)
        ORDER BY a.ord
        ON CONFLICT DO NOTHING RETURNING id::text AS id`,
  );
  return new Set(inserted.map((row) => row.id));
}

/** The ids of the stored articles with these identities (see identityOf). */
async function storedIds(
  tx: Transaction,
  wanted: readonly { record: ArticleRecord; contentHash: string }[],
): Promise<Map<string, string>> {
  if (!wanted.length) return new Map();
  const urls = wanted.flatMap(({ record }) => (record.url === null ? [] : [record.url]));
  const hashes = wanted.flatMap(({ record, contentHash }) => (record.url === null ? [contentHash] : []));
  const rows = await queryRows<{ id: string; url: string | null; content_hash: string }>(
    tx,
    sql`SELECT id::text AS id, url, content_hash FROM articles WHERE url = ANY(${sql.value(urls)}::text[])
        UNION ALL
        SELECT id::text AS id, url, content_hash FROM articles WHERE url IS NULL AND content_hash = ANY(${sql.value(hashes)}::text[])`,
  );
  return new Map(rows.map((row) => [identityOf(row.url, row.content_hash), row.id]));
}

/**
 * Writes a batch of articles in a few statements whatever their number, each as writeArticle
 * would one after another: an article already stored, or given earlier in the batch, is found and
 * not changed. The rows are inserted in the order of their identities, so that two importers
 * whose batches share articles wait for each other rather than deadlock.
 */
export async function writeArticles(tx: Transaction, articles: readonly OutletArticle[]): Promise<WrittenArticle[]> {
  const hashed = articles.map((article) => ({ ...article, contentHash: contentHashOf(article.record.body) }));
  const identities = hashed.map(({ record, contentHash }) => identityOf(record.url, contentHash));
  // The first article of each identity is the one written; the later ones find it.
  const firsts = new Map<string, (typeof hashed)[number] & { id: string; index: number }>();
  hashed.forEach((article, index) => {
    if (!firsts.has(identities[index])) firsts.set(identities[index], { ...article, id: randomUUID(), index });
  });
  const rows = [...firsts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
  const inserted = await insertArticles(tx, rows);
  const stored = await storedIds(
    tx,
    rows.filter((row) => !inserted.has(row.id)),
  );
  const ids = identities.map((identity) => {
    const row = firsts.get(identity) as (typeof rows)[number];
    const id = inserted.has(row.id) ? row.id : stored.get(identity);
    if (!id) throw new Error(`the article ${identity} was neither inserted nor found`);
    return id;
  });
  await recordCreated(tx, 'Article', [...inserted]);
  const loaded = await tx.getRepository(Article).findBy({ id: In([...new Set(ids)]) });
  const byId = new Map(loaded.map((article) => [article.id, article]));
  return ids.map((id, index) => ({
    article: byId.get(id) as Article,
    created: inserted.has(id) && firsts.get(identities[index])?.index === index,
  }));
}

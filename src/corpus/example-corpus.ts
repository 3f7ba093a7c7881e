// The example corpus shipped with the app: one real news article with its hand annotation (MANUAL),
// and 24 Wikinews articles (2006–2023) annotated by extraction as an import would (EXTRACTED).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { queryRow, sql } from '../database/sql';
import { readGoldDocument } from './gold-annotation';
import { loadGoldDocument, type GoldLoadResult } from './load-gold-document';
import { loadNewsArticle, type NewsArticleFile, readNewsArticle } from './load-news-article';

// Copied next to the compiled code by `npm run build`, and read from src/ under the tests.
const DATA_FOLDER = path.join(__dirname, 'data');
const NEWS_FOLDER = path.join(DATA_FOLDER, 'wikinews');
const HAND_ANNOTATED_ARTICLES = ['storm-shadow-victory-plan'] as const;

/** The Wikinews articles, oldest first, so that article ids follow publication order. */
export function readNewsArticles(folder = NEWS_FOLDER): NewsArticleFile[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .map((file) => readNewsArticle(folder, path.basename(file, '.json')))
    .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id));
}

/** Only the hand-annotated article: for tests whose counts are those of its annotation. */
export async function loadHandAnnotatedExample(dataSource: DataSource): Promise<GoldLoadResult[]> {
  const results: GoldLoadResult[] = [];
  for (const name of HAND_ANNOTATED_ARTICLES)
    results.push(await loadGoldDocument(dataSource, readGoldDocument(DATA_FOLDER, name)));
  return results;
}

/**
 * Loads the hand-annotated article first (its curated actors are then the ones extraction links
 * the news articles' names to), then the news articles; an article already stored is skipped.
 */
export async function loadExampleCorpus(dataSource: DataSource): Promise<GoldLoadResult[]> {
  const results = await loadHandAnnotatedExample(dataSource);
  for (const file of readNewsArticles()) results.push(await loadNewsArticle(dataSource, file));
  return results;
}

/** True when the database holds no article yet: the first start of a new installation. */
export async function isCorpusEmpty(dataSource: DataSource): Promise<boolean> {
  const row = await queryRow<{ empty: boolean }>(
    dataSource.manager,
    sql`SELECT NOT EXISTS (SELECT 1 FROM articles) AS empty`,
  );
  return row?.empty ?? true;
}

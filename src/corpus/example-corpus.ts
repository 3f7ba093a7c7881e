// The example corpus shipped with the app: one real news article with its hand annotation.
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { queryRow, sql } from '../database/sql';
import { readGoldDocument } from './gold-annotation';
import { loadGoldDocument, type GoldLoadResult } from './load-gold-document';

// Copied next to the compiled code by `npm run build`, and read from src/ under the tests.
const DATA_FOLDER = path.join(__dirname, 'data');
export const EXAMPLE_ARTICLES = ['storm-shadow-victory-plan'] as const;

export async function loadExampleCorpus(dataSource: DataSource): Promise<GoldLoadResult[]> {
  const results: GoldLoadResult[] = [];
  for (const name of EXAMPLE_ARTICLES)
    results.push(await loadGoldDocument(dataSource, readGoldDocument(DATA_FOLDER, name)));
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

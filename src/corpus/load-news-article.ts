// Loads a news article of the example corpus (a Wikinews JSON file) the way `importArticle` does:
// prepared and validated like an API import, then written with extraction on, so its quotes,
// sources and mentions are EXTRACTED. Loading the same file twice changes nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { inTransaction } from '../database/transaction';
import type { ImportArticleInput } from '../import/import-article.input';
import { importArticle, prepareImport } from '../import/import.service';
import type { GoldLoadResult } from './load-gold-document';

/** One `<id>.json` of `data/wikinews/` (see the README there for the format and its licence). */
export interface NewsArticleFile {
  readonly id: string;
  readonly title: string;
  readonly url: string;
  readonly publishedAt: string;
  readonly outlet: string;
  readonly body: string;
}

// The bundled articles are at most ~10 KB; the server's own IMPORT_MAX_BODY_BYTES need not apply.
const SETTINGS = { maxBodyBytes: 1_000_000 } as const;

export function readNewsArticle(folder: string, id: string): NewsArticleFile {
  return JSON.parse(readFileSync(path.join(folder, `${id}.json`), 'utf8')) as NewsArticleFile;
}

/** The import input of a news file: its URL, date and outlet name; the URL gives the outlet's domain. */
function importInputOf(file: NewsArticleFile): ImportArticleInput {
  return {
    url: file.url,
    title: file.title,
    body: file.body,
    publishedAt: new Date(file.publishedAt),
    language: 'en',
    outletName: file.outlet,
    extract: true,
  };
}

export async function loadNewsArticle(dataSource: DataSource, file: NewsArticleFile): Promise<GoldLoadResult> {
  const prepared = prepareImport(importInputOf(file), SETTINGS);
  const { article, created } = await inTransaction(dataSource.manager, (tx) => importArticle(tx, prepared));
  return { articleId: article.id, created };
}

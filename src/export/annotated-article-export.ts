// POST /export of whole annotated articles: `json` streams JSON Lines of `importArticle` inputs
// (annotations included), `brat` and `webanno` stream a zip of one folder's files per article
// (`.txt`, `.ann` or `.jsonld`, `.json`). Articles are read a page at a time, in import order, so
// memory stays flat and `npm run import` of the result rebuilds the corpus as it was built.
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { ZipFile } from 'yazl';
import type { AnnotatedArticleData } from '../import/annotated-article';
import {
  ANNOTATION_FILE_EXTENSION,
  annotationFileOf,
  AnnotationFileFormat,
  articleFieldsOf,
} from '../formats/annotation-files';
import { articleIdPages, readAnnotatedArticles } from './annotated-article-reader';
import { drainedOrClosed } from './drained';

export const ARTICLE_FORMATS = {
  json: null,
  brat: AnnotationFileFormat.BRAT,
  webanno: AnnotationFileFormat.WEB_ANNOTATION,
};
export type ArticleFormat = keyof typeof ARTICLE_FORMATS;

export function isArticleFormat(format: unknown): format is ArticleFormat {
  return typeof format === 'string' && Object.hasOwn(ARTICLE_FORMATS, format);
}

/** A file name that sorts in import order and says what the article is: 0001-zelensky-presents-his-plan. */
export function fileStemOf(position: number, title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${String(position).padStart(4, '0')}${slug ? `-${slug}` : ''}`;
}

/** An article's three files, as `npm run import -- --format brat|webanno folder/` reads them. */
export function articleFiles(article: AnnotatedArticleData, format: AnnotationFileFormat, stem: string) {
  return [
    { name: `${stem}.txt`, content: article.body },
    { name: `${stem}${ANNOTATION_FILE_EXTENSION[format]}`, content: annotationFileOf(article, format) },
    { name: `${stem}.json`, content: `${JSON.stringify(articleFieldsOf(article), null, 2)}\n` },
  ];
}

/**
 * Every article, read in one REPEATABLE READ transaction: the export is one snapshot of the
 * corpus, and an import that commits meanwhile is neither half in it nor skipped by the paging.
 */
async function* annotatedArticles(dataSource: DataSource, pageSize: number): AsyncIterable<AnnotatedArticleData> {
  const snapshot = dataSource.createQueryRunner();
  try {
    await snapshot.startTransaction('REPEATABLE READ');
    await snapshot.query('SET TRANSACTION READ ONLY');
    for await (const ids of articleIdPages(snapshot.manager, pageSize))
      for (const article of await readAnnotatedArticles(snapshot.manager, ids)) if (article) yield article;
    await snapshot.commitTransaction();
  } finally {
    if (snapshot.isTransactionActive) await snapshot.rollbackTransaction().catch(() => undefined);
    await snapshot.release();
  }
}

export async function streamAnnotatedArticles(
  res: Response,
  dataSource: DataSource,
  format: ArticleFormat,
  pageSize: number,
): Promise<void> {
  const fileFormat = ARTICLE_FORMATS[format];
  const zip = fileFormat ? new ZipFile() : null;
  res.status(200).type(zip ? 'application/zip' : 'application/x-ndjson; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="corpus-${format}.${zip ? 'zip' : 'jsonl'}"`);
  zip?.outputStream.pipe(res);
  let position = 0;
  for await (const article of annotatedArticles(dataSource, pageSize)) {
    if (res.destroyed) return;
    position += 1;
    if (zip && fileFormat) {
      const folder = `corpus-${format}/`;
      for (const file of articleFiles(article, fileFormat, fileStemOf(position, article.title)))
        zip.addBuffer(Buffer.from(file.content, 'utf8'), folder + file.name);
    } else {
      res.write(`${JSON.stringify(article)}\n`);
    }
    if (res.writableNeedDrain && !res.destroyed) await drainedOrClosed(res, res);
  }
  if (zip) zip.end();
  else res.end();
}

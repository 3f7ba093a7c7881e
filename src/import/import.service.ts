// Importing articles: validate and normalise before any transaction opens (the input's own
// annotations included), extract on a worker thread, then write the article (outlet and revision
// included) and, for a new one, its annotations and what extraction drafted, in the caller's transaction.
import { InvalidBodyError, normaliseBody } from '../article/article-body';
import type { Article } from '../article/article.entity';
import { type ArticleRecord, writeArticle } from '../article/article-writer';
import type { Transaction } from '../database/transaction';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';
import { fromPostgresError } from '../errors/format-error';
import { outletDomainWarning } from '../outlet/outlet-writer';
import { type ArticleDraft, extractArticle } from '../extraction/extract-article';
import { extractArticleInPool } from '../extraction-pool/extraction-pool';
import { type AnnotationCounts, writeAnnotations } from './annotation-writer';
import type { AnnotationSet } from './annotation-set';
import { completeAnnotations } from './complete-annotations';
import { annotationsOfDraft } from './draft-annotations';
import { fillFromExtraction } from './fill-from-extraction';
import type { ImportArticleInput } from './import-article.input';
import { type PreparedAnnotations, prepareAnnotations } from './prepare-annotations';

export interface ImportSettings {
  readonly maxBodyBytes: number;
}

export interface ImportResult {
  readonly article: Article;
  readonly created: boolean;
  readonly extraction: AnnotationCounts | null;
  /** What a client should know about how the article was filed, such as an outlet that holds its domain. */
  readonly warnings: string[];
}

export interface ImportItemResult {
  readonly index: number;
  readonly result?: ImportResult;
  readonly error?: { code: string; field: string | null; message: string };
}

/** The web domain an article's outlet is known by: outletDomain, else the URL's host, without www. */
export function outletDomainOf(input: Pick<ImportArticleInput, 'url' | 'outletDomain'>): string | null {
  const host = input.outletDomain ?? (input.url ? new URL(input.url).hostname : null);
  return host
    ? host
        .toLowerCase()
        .replace(/^www\./, '')
        .replace(/\.$/, '')
    : null;
}

export interface PreparedImport {
  readonly record: ArticleRecord;
  readonly extract: boolean;
  /** The input's own annotations, checked and converted to the stored body. */
  readonly annotations: PreparedAnnotations | null;
  /**
   * What extraction drafted from the body, when `extractForImport` found it before the transaction
   * opened; without it, `importArticle` extracts on the calling thread (the example corpus's loader).
   */
  readonly draft?: ArticleDraft;
}

/** Normalises a validated input before any transaction opens; a body that cannot be stored is BAD_USER_INPUT naming it. */
export function prepareImport(input: ImportArticleInput, settings: ImportSettings): PreparedImport {
  if (Buffer.byteLength(input.body, 'utf8') > settings.maxBodyBytes) {
    throw AppError.badInput(`body must be at most ${settings.maxBodyBytes} bytes of UTF-8`, 'body');
  }
  let body: string;
  try {
    body = normaliseBody(input.body);
  } catch (error) {
    if (error instanceof InvalidBodyError) throw AppError.badInput(`body ${error.message}`, 'body');
    throw error;
  }
  const record: ArticleRecord = {
    url: input.url ?? null,
    title: input.title.trim(),
    body,
    publishedAt: input.publishedAt ?? null,
    language: input.language ?? null,
    authors: (input.authors ?? []).map((a) => a.trim()),
    outlet: { domain: outletDomainOf(input), name: input.outletName ?? null },
  };
  const annotations = input.annotations ? prepareAnnotations(input.annotations, input.body, body) : null;
  return { record, extract: input.extract ?? true, annotations };
}

/**
 * The prepared import with extraction's draft of its body, when extraction is asked for: found on
 * a worker thread, so that neither the event loop nor a transaction waits on it. An article that
 * proves to be stored already is extracted for nothing; its import writes no annotations.
 */
export async function extractForImport(
  prepared: PreparedImport,
  extract: (body: string) => Promise<ArticleDraft> = extractArticleInPool,
): Promise<PreparedImport> {
  if (!prepared.extract || prepared.draft) return prepared;
  return { ...prepared, draft: await extract(prepared.record.body) };
}

/** Writes a prepared article and, when it is new, its own annotations and what extraction finds, as asked. */
export async function importArticle(tx: Transaction, prepared: PreparedImport): Promise<ImportResult> {
  const { article, created } = await writeArticle(tx, prepared.record);
  // An existing article keeps its outlet and annotations whatever this import says, so only a new one is warned about.
  const warning = created ? await outletDomainWarning(tx, prepared.record.outlet, article.outletId) : null;
  const warnings = warning ? [warning] : [];
  if (!created && prepared.annotations)
    warnings.push('the article was already stored: it keeps its annotations, and those given were not written');
  if (!created || (!prepared.extract && !prepared.annotations)) return { article, created, extraction: null, warnings };
  // A new article's body is the record's, which extractForImport read.
  const draft = prepared.extract ? (prepared.draft ?? extractArticle(article.body)) : null;
  const extracted = draft ? annotationsOfDraft(draft, article.body) : null;
  const given = prepared.annotations ? await completeAnnotations(tx, prepared.annotations) : null;
  const set = given && extracted ? fillFromExtraction(given, extracted) : ((given ?? extracted) as AnnotationSet);
  const extraction = await writeAnnotations(tx, article.id, set);
  return { article, created, extraction, warnings };
}

export function importErrorOf(error: unknown): { code: string; field: string | null; message: string } {
  const known =
    error instanceof AppError ? error : fromPostgresError((error as { driverError?: object })?.driverError ?? {});
  if (known) return { code: known.code, field: known.field ?? null, message: known.message };
  console.error('quotegraph: import failed', error);
  return { code: ErrorCode.Internal, field: null, message: 'Internal server error' };
}

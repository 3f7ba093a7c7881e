// Importing articles: validate and normalise before any transaction opens (the input's own
// annotations included), extract on a worker thread, then write the article (outlet and revision
// included) and, for a new one, its annotations and what extraction drafted, in the caller's
// transaction; one article at a time, or a batch of them with the same results in fewer statements.
import { InvalidBodyError, normaliseBody } from '../article/article-body';
import type { Article } from '../article/article.entity';
import { type ArticleRecord, writeArticle, writeArticles, type WrittenArticle } from '../article/article-writer';
import type { Transaction } from '../database/transaction';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';
import { fromPostgresError } from '../errors/format-error';
import { findOrCreateOutlet, outletDomainWarning, type OutletRef } from '../outlet/outlet-writer';
import { type ArticleDraft, extractArticle } from '../extraction/extract-article';
import { extractArticleInPool } from '../extraction-pool/extraction-pool';
import { type AnnotationCounts, writeAnnotations } from './annotation-writer';
import type { AnnotationSet } from './annotation-set';
import { type ArticleAnnotations, writeAnnotationsOfArticles } from './annotation-batch-writer';
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
  /** The draft as annotations of the stored body, worked out with it, before any transaction opens. */
  readonly extracted?: AnnotationSet;
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
  const draft = await extract(prepared.record.body);
  return { ...prepared, draft, extracted: annotationsOfDraft(draft, prepared.record.body) };
}

/** What a client should know about how an article was filed (see ImportResult.warnings). */
async function warningsOf(
  prepared: PreparedImport,
  { article, created }: WrittenArticle,
  domainWarning: (outlet: OutletRef, outletId: string | null) => Promise<string | null>,
): Promise<string[]> {
  // An existing article keeps its outlet and annotations whatever this import says, so only a new one is warned about.
  const warning = created ? await domainWarning(prepared.record.outlet, article.outletId) : null;
  const warnings = warning ? [warning] : [];
  if (!created && prepared.annotations)
    warnings.push('the article was already stored: it keeps its annotations, and those given were not written');
  return warnings;
}

/** Whether anything is written for the article beside it: only for a new one, with annotations or extraction asked for. */
const annotates = (prepared: PreparedImport, { created }: WrittenArticle) =>
  created && (prepared.extract || prepared.annotations !== null);

/** The annotations to write for a new article: its own, completed, and what extraction drafted of its body. */
async function annotationSetOf(tx: Transaction, prepared: PreparedImport, body: string): Promise<AnnotationSet> {
  // A new article's body is the record's, which extractForImport read.
  const extracted = prepared.extract
    ? (prepared.extracted ?? annotationsOfDraft(prepared.draft ?? extractArticle(body), body))
    : null;
  const given = prepared.annotations ? await completeAnnotations(tx, prepared.annotations) : null;
  return given && extracted ? fillFromExtraction(given, extracted) : ((given ?? extracted) as AnnotationSet);
}

/** Writes a prepared article and, when it is new, its own annotations and what extraction finds, as asked. */
export async function importArticle(tx: Transaction, prepared: PreparedImport): Promise<ImportResult> {
  const written = await writeArticle(tx, prepared.record);
  const { article, created } = written;
  const warnings = await warningsOf(prepared, written, (outlet, outletId) => outletDomainWarning(tx, outlet, outletId));
  if (!annotates(prepared, written)) return { article, created, extraction: null, warnings };
  const extraction = await writeAnnotations(tx, article.id, await annotationSetOf(tx, prepared, article.body));
  return { article, created, extraction, warnings };
}

/** Each distinct outlet of the batch found or created once, in the order the batch first names them. */
async function outletIdsOf(tx: Transaction, prepared: readonly PreparedImport[]): Promise<(string | null)[]> {
  const keyOf = ({ record }: PreparedImport) => JSON.stringify([record.outlet.domain, record.outlet.name]);
  const ids = new Map<string, string | null>();
  for (const item of prepared)
    if (!ids.has(keyOf(item))) ids.set(keyOf(item), await findOrCreateOutlet(tx, item.record.outlet));
  return prepared.map((item) => ids.get(keyOf(item)) as string | null);
}

/**
 * Imports a batch of prepared articles in the caller's transaction, with the results importArticle
 * would give for each in turn (an article given twice is created by the first, found by the
 * second), in a few statements for the whole batch: outlets once each, articles in one insert, and
 * the annotations of the new ones through annotation-batch-writer. Only actors differ from one by
 * one: they are resolved once for the batch, full names before single words (see writeActorStages).
 */
export async function importBatch(tx: Transaction, prepared: readonly PreparedImport[]): Promise<ImportResult[]> {
  const outletIds = await outletIdsOf(tx, prepared);
  const written = await writeArticles(
    tx,
    prepared.map((item, i) => ({ record: item.record, outletId: outletIds[i] })),
  );
  // The domain's holder never changes once it has one, so each outlet's warning is asked once.
  const domainWarnings = new Map<string, Promise<string | null>>();
  const domainWarning = (outlet: OutletRef, outletId: string | null) => {
    const key = JSON.stringify([outlet.domain, outlet.name, outletId]);
    if (!domainWarnings.has(key)) domainWarnings.set(key, outletDomainWarning(tx, outlet, outletId));
    return domainWarnings.get(key) as Promise<string | null>;
  };
  const warnings: string[][] = [];
  for (const [i, item] of prepared.entries()) warnings.push(await warningsOf(item, written[i], domainWarning));
  const annotated: (ArticleAnnotations & { index: number })[] = [];
  for (const [index, item] of prepared.entries()) {
    const { article } = written[index];
    if (annotates(item, written[index]))
      annotated.push({
        index,
        articleId: article.id,
        body: article.body,
        set: await annotationSetOf(tx, item, article.body),
      });
  }
  const counts = await writeAnnotationsOfArticles(tx, annotated);
  const extraction = new Map(annotated.map(({ index }, n) => [index, counts[n]]));
  return written.map(({ article, created }, i) => ({
    article,
    created,
    extraction: extraction.get(i) ?? null,
    warnings: warnings[i],
  }));
}

export function importErrorOf(error: unknown): { code: string; field: string | null; message: string } {
  const known =
    error instanceof AppError ? error : fromPostgresError((error as { driverError?: object })?.driverError ?? {});
  if (known) return { code: known.code, field: known.field ?? null, message: known.message };
  console.error('quotegraph: import failed', error);
  return { code: ErrorCode.Internal, field: null, message: 'Internal server error' };
}

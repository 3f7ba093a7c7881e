// Importing articles: validate, normalise, then in one transaction find or create the outlet,
// insert the article unless it is already there (the unique constraints decide), record the
// revision and run the extraction pipeline.
import { type EntityManager, IsNull } from 'typeorm';
import { contentHashOf, InvalidBodyError, normaliseBody } from '../article/article-body';
import { Article } from '../article/article.entity';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';
import { fromPostgresError } from '../errors/format-error';
import { checkInput } from '../errors/validation';
import { defaultExtractionPipeline } from '../extraction/default-pipeline';
import type { ExtractionCounts, ExtractionPipeline } from '../extraction/extraction-pipeline';
import { recordCreated } from '../revision/revision.service';
import type { ImportArticleInput } from './import-article.input';

export interface ImportSettings {
  readonly maxBodyBytes: number;
  readonly pipeline?: ExtractionPipeline;
}

export interface ImportResult {
  readonly article: Article;
  readonly created: boolean;
  readonly extraction: ExtractionCounts | null;
}

export interface ImportItemResult {
  readonly index: number;
  readonly result?: ImportResult;
  readonly error?: { code: string; field: string | null; message: string };
}

/** The web domain an article's outlet is known by: outletDomain, else the URL's host, without www. */
export function outletDomainOf(input: Pick<ImportArticleInput, 'url' | 'outletDomain'>): string | null {
  const host = input.outletDomain ?? (input.url ? new URL(input.url).hostname : null);
  return host ? host.toLowerCase().replace(/^www\./, '').replace(/\.$/, '') : null;
}

async function findOrCreateOutlet(db: EntityManager, domain: string | null, name: string | null): Promise<string | null> {
  if (domain) {
    const [created] = await db.query(
      `INSERT INTO outlets (name, domain) VALUES ($1, $2) ON CONFLICT ("domain") DO NOTHING RETURNING id`,
      [name?.trim() || domain, domain],
    );
    if (created) {
      await recordCreated(db, 'Outlet', [created.id]);
      return created.id;
    }
    const [existing] = await db.query(`SELECT id FROM outlets WHERE domain = $1`, [domain]);
    return existing.id;
  }
  if (!name) return null;
  const find = () => db.query(`SELECT id FROM outlets WHERE normalise_key(name) = normalise_key($1) ORDER BY domain NULLS FIRST, id LIMIT 1`, [name]);
  const [found] = await find();
  if (found) return found.id;
  const [created] = await db.query(`INSERT INTO outlets (name) VALUES ($1) ON CONFLICT DO NOTHING RETURNING id`, [name.trim()]);
  if (created) {
    await recordCreated(db, 'Outlet', [created.id]);
    return created.id;
  }
  return (await find())[0].id;
}

/** Checks and normalises an input; every problem is BAD_USER_INPUT naming the field (within the item). */
async function prepare(input: ImportArticleInput, settings: ImportSettings) {
  await checkInput(input);
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
  return {
    url: input.url ?? null,
    title: input.title.trim(),
    body,
    contentHash: contentHashOf(body),
    publishedAt: input.publishedAt ?? null,
    language: input.language ?? null,
    authors: (input.authors ?? []).map((a) => a.trim()),
    domain: outletDomainOf(input),
    outletName: input.outletName?.trim() ?? null,
    extract: input.extract ?? true,
  };
}

export async function importArticle(manager: EntityManager, input: ImportArticleInput, settings: ImportSettings): Promise<ImportResult> {
  const article = await prepare(input, settings);
  return manager.transaction(async (db) => {
    const outletId = await findOrCreateOutlet(db, article.domain, article.outletName);
    // The unique URL and the unique hash of URL-less articles decide, so that two concurrent
    // imports of one article store it once: the second waits, then finds the first.
    const [inserted] = await db.query(
      `INSERT INTO articles (url, title, body, content_hash, published_at, language, authors, outlet_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING id`,
      [article.url, article.title, article.body, article.contentHash, article.publishedAt, article.language, article.authors, outletId],
    );
    if (!inserted) {
      const existing = await db.getRepository(Article).findOneOrFail({
        where: article.url ? { url: article.url } : { contentHash: article.contentHash, url: IsNull() },
      });
      return { article: existing, created: false, extraction: null };
    }
    await recordCreated(db, 'Article', [inserted.id]);
    const stored = await db.getRepository(Article).findOneByOrFail({ id: inserted.id });
    const extraction = article.extract ? await (settings.pipeline ?? defaultExtractionPipeline).run(db, stored) : null;
    return { article: stored, created: true, extraction };
  });
}

/** Each item is validated and imported on its own transaction: a bad item fails alone. */
export async function importArticles(manager: EntityManager, inputs: ImportArticleInput[], settings: ImportSettings): Promise<ImportItemResult[]> {
  const results: ImportItemResult[] = [];
  for (const [index, input] of inputs.entries()) {
    try {
      results.push({ index, result: await importArticle(manager, input, settings) });
    } catch (error) {
      results.push({ index, error: importErrorOf(error) });
    }
  }
  return results;
}

export function importErrorOf(error: unknown): { code: string; field: string | null; message: string } {
  const known = error instanceof AppError ? error : fromPostgresError((error as { driverError?: object })?.driverError ?? {});
  if (known) return { code: known.code, field: known.field ?? null, message: known.message };
  console.error('quotegraph: import failed', error);
  return { code: ErrorCode.Internal, field: null, message: 'Internal server error' };
}

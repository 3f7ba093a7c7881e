// Curating quotes: create, correct and delete, each in one transaction with its revisions.
import type { EntityManager } from 'typeorm';
import { Article } from '../article/article.entity';
import { CURATED, given } from '../common/curation';
import { findOrFail } from '../common/find-or-fail';
import { checkSpan } from '../common/span-input';
import { AppError } from '../errors/app-error';
import { insertRecorded, recordChanges } from '../revision/revision.service';
import { Source } from '../source/source.entity';
import { Quote, QuoteKind } from './quote.entity';
import type { CreateQuoteInput, UpdateQuoteInput } from './quote.inputs';

/** The source a quote is attributed to must be one of the same article. */
async function sourceOfArticle(db: EntityManager, sourceId: string, articleId: string, field: string): Promise<string> {
  const source = await findOrFail(db, Source, sourceId, field);
  if (source.articleId !== articleId) throw AppError.badInput(`${field} must be a source of the quote's article`, field);
  return source.id;
}

export function createQuote(manager: EntityManager, input: CreateQuoteInput): Promise<Quote> {
  return manager.transaction(async (db) => {
    const article = await findOrFail(db, Article, input.articleId, 'input.articleId');
    await checkSpan(db, article.id, input.span, 'input.span');
    const sourceId = input.sourceId ? await sourceOfArticle(db, input.sourceId, article.id, 'input.sourceId') : null;
    return insertRecorded(db, Quote, {
      articleId: article.id,
      spanStart: input.span.start,
      spanEnd: input.span.end,
      kind: input.kind ?? QuoteKind.DIRECT,
      sourceId,
      cue: input.cue ?? null,
      ...CURATED,
    });
  });
}

export function updateQuote(manager: EntityManager, input: UpdateQuoteInput): Promise<Quote> {
  return manager.transaction(async (db) => {
    const quote = await findOrFail(db, Quote, input.id, 'input.id');
    if (input.span) await checkSpan(db, quote.articleId, input.span, 'input.span');
    const sourceId = given(input.sourceId) ? input.sourceId && (await sourceOfArticle(db, input.sourceId, quote.articleId, 'input.sourceId')) : undefined;
    await recordChanges(db, 'Quote', [quote.id], () =>
      db.getRepository(Quote).update(quote.id, {
        ...(input.span ? { spanStart: input.span.start, spanEnd: input.span.end } : {}),
        ...(input.kind ? { kind: input.kind } : {}),
        ...(given(sourceId) ? { sourceId } : {}),
        ...(given(input.cue) ? { cue: input.cue } : {}),
        ...CURATED,
      }),
    );
    return db.getRepository(Quote).findOneByOrFail({ id: quote.id });
  });
}

/** Stances that cite the quote keep their evidence span and lose the link (the database sets it null). */
export function deleteQuote(manager: EntityManager, id: string): Promise<string> {
  return manager.transaction(async (db) => {
    const quote = await findOrFail(db, Quote, id, 'id');
    const citing: { id: string }[] = await db.query(`SELECT id FROM stances WHERE quote_id = $1`, [quote.id]);
    await recordChanges(db, 'Stance', citing.map((s) => s.id), () =>
      recordChanges(db, 'Quote', [quote.id], () => db.getRepository(Quote).delete(quote.id)),
    );
    return id;
  });
}

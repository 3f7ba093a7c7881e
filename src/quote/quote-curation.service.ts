// Curating quotes: create, correct and delete, each with its revisions, in the caller's transaction.
import { Article } from '../article/article.entity';
import { CURATED, given } from '../common/curation';
import { findOrFail } from '../common/find-or-fail';
import { checkSpan } from '../common/span-input';
import type { Transaction } from '../database/transaction';
import { AppError } from '../errors/app-error';
import { insertRecorded, recordChanges } from '../revision/revision.service';
import { Source } from '../source/source.entity';
import { Stance } from '../stance/stance.entity';
import { Quote, QuoteKind } from './quote.entity';
import type { CreateQuoteInput, UpdateQuoteInput } from './quote.inputs';

/** The source a quote is attributed to must be one of the same article. */
async function sourceOfArticle(tx: Transaction, sourceId: string, articleId: string, field: string): Promise<string> {
  const source = await findOrFail(tx, Source, sourceId, field);
  if (source.articleId !== articleId)
    throw AppError.badInput(`${field} must be a source of the quote's article`, field);
  return source.id;
}

export async function createQuote(tx: Transaction, input: CreateQuoteInput): Promise<Quote> {
  const article = await findOrFail(tx, Article, input.articleId, 'input.articleId');
  await checkSpan(tx, article.id, input.span, 'input.span');
  const sourceId = input.sourceId ? await sourceOfArticle(tx, input.sourceId, article.id, 'input.sourceId') : null;
  return insertRecorded(tx, Quote, {
    articleId: article.id,
    spanStart: input.span.start,
    spanEnd: input.span.end,
    kind: input.kind ?? QuoteKind.DIRECT,
    sourceId,
    cue: input.cue ?? null,
    ...CURATED,
  });
}

export async function updateQuote(tx: Transaction, input: UpdateQuoteInput): Promise<Quote> {
  const quote = await findOrFail(tx, Quote, input.id, 'input.id');
  if (input.span) await checkSpan(tx, quote.articleId, input.span, 'input.span');
  const sourceId = given(input.sourceId)
    ? input.sourceId && (await sourceOfArticle(tx, input.sourceId, quote.articleId, 'input.sourceId'))
    : undefined;
  await recordChanges(tx, 'Quote', [quote.id], () =>
    tx.getRepository(Quote).update(quote.id, {
      ...(input.span ? { spanStart: input.span.start, spanEnd: input.span.end } : {}),
      ...(input.kind ? { kind: input.kind } : {}),
      ...(given(sourceId) ? { sourceId } : {}),
      ...(given(input.cue) ? { cue: input.cue } : {}),
      ...CURATED,
    }),
  );
  return tx.getRepository(Quote).findOneByOrFail({ id: quote.id });
}

/** Stances that cite the quote keep their evidence span and lose the link (the database sets it null). */
export async function deleteQuote(tx: Transaction, id: string): Promise<string> {
  const quote = await findOrFail(tx, Quote, id, 'id');
  const citing = await tx.getRepository(Stance).find({ select: { id: true }, where: { quoteId: quote.id } });
  await recordChanges(
    tx,
    'Stance',
    citing.map((s) => s.id),
    () => recordChanges(tx, 'Quote', [quote.id], () => tx.getRepository(Quote).delete(quote.id)),
  );
  return id;
}

import { CURATED } from '../common/curation';
import { findOrFail } from '../common/find-or-fail';
import { checkSpan } from '../common/span-input';
import type { Transaction } from '../database/transaction';
import { AppError } from '../errors/app-error';
import { PolicyQuestion } from '../policy-question/policy-question.entity';
import { Quote } from '../quote/quote.entity';
import { insertRecorded, recordChanges } from '../revision/revision.service';
import { Source } from '../source/source.entity';
import { Stance } from './stance.entity';
import type { SetStanceInput } from './stance.inputs';

/** One stance per source and question: creates it, or replaces the one there is. */
export async function setStance(tx: Transaction, input: SetStanceInput): Promise<Stance> {
  const question = await findOrFail(tx, PolicyQuestion, input.questionId, 'input.questionId');
  const source = await findOrFail(tx, Source, input.sourceId, 'input.sourceId');
  if (input.evidence) await checkSpan(tx, source.articleId, input.evidence, 'input.evidence');
  let quoteId: string | null = null;
  if (input.quoteId) {
    const quote = await findOrFail(tx, Quote, input.quoteId, 'input.quoteId');
    if (quote.articleId !== source.articleId)
      throw AppError.badInput("input.quoteId must be a quote of the source's article", 'input.quoteId');
    quoteId = quote.id;
  }
  const values = {
    position: input.position,
    evidenceStart: input.evidence?.start ?? null,
    evidenceEnd: input.evidence?.end ?? null,
    quoteId,
    note: input.note ?? null,
    ...CURATED,
  };
  const existing = await tx
    .getRepository(Stance)
    .findOne({ where: { sourceId: source.id, questionId: question.id }, lock: { mode: 'pessimistic_write' } });
  if (existing) {
    await recordChanges(tx, 'Stance', [existing.id], () => tx.getRepository(Stance).update(existing.id, values));
    return tx.getRepository(Stance).findOneByOrFail({ id: existing.id });
  }
  return insertRecorded(tx, Stance, {
    questionId: question.id,
    sourceId: source.id,
    articleId: source.articleId,
    ...values,
  });
}

export async function deleteStance(tx: Transaction, id: string): Promise<string> {
  const stance = await findOrFail(tx, Stance, id, 'id');
  await recordChanges(tx, 'Stance', [stance.id], () => tx.getRepository(Stance).delete(stance.id));
  return id;
}

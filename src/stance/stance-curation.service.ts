import type { EntityManager } from 'typeorm';
import { CURATED } from '../common/curation';
import { findOrFail } from '../common/find-or-fail';
import { checkSpan } from '../common/span-input';
import { AppError } from '../errors/app-error';
import { PolicyQuestion } from '../policy-question/policy-question.entity';
import { Quote } from '../quote/quote.entity';
import { insertRecorded, recordChanges } from '../revision/revision.service';
import { Source } from '../source/source.entity';
import { Stance } from './stance.entity';
import type { SetStanceInput } from './stance.inputs';

/** One stance per source and question: creates it, or replaces the one there is. */
export function setStance(manager: EntityManager, input: SetStanceInput): Promise<Stance> {
  return manager.transaction(async (db) => {
    const question = await findOrFail(db, PolicyQuestion, input.questionId, 'input.questionId');
    const source = await findOrFail(db, Source, input.sourceId, 'input.sourceId');
    if (input.evidence) await checkSpan(db, source.articleId, input.evidence, 'input.evidence');
    let quoteId: string | null = null;
    if (input.quoteId) {
      const quote = await findOrFail(db, Quote, input.quoteId, 'input.quoteId');
      if (quote.articleId !== source.articleId) throw AppError.badInput("input.quoteId must be a quote of the source's article", 'input.quoteId');
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
    const existing = await db.getRepository(Stance).findOne({ where: { sourceId: source.id, questionId: question.id }, lock: { mode: 'pessimistic_write' } });
    if (existing) {
      await recordChanges(db, 'Stance', [existing.id], () => db.getRepository(Stance).update(existing.id, values));
      return db.getRepository(Stance).findOneByOrFail({ id: existing.id });
    }
    return insertRecorded(db, Stance, { questionId: question.id, sourceId: source.id, articleId: source.articleId, ...values });
  });
}

export function deleteStance(manager: EntityManager, id: string): Promise<string> {
  return manager.transaction(async (db) => {
    const stance = await findOrFail(db, Stance, id, 'id');
    await recordChanges(db, 'Stance', [stance.id], () => db.getRepository(Stance).delete(stance.id));
    return id;
  });
}

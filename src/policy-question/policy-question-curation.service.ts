import type { EntityManager } from 'typeorm';
import { given } from '../common/curation';
import { findOrFail } from '../common/find-or-fail';
import { AppError } from '../errors/app-error';
import { insertRecorded, recordChanges } from '../revision/revision.service';
import { PolicyQuestion } from './policy-question.entity';
import type { CreatePolicyQuestionInput, UpdatePolicyQuestionInput } from './policy-question.inputs';

async function checkSlugFree(db: EntityManager, slug: string, exceptId?: string): Promise<void> {
  const [taken] = await db.query(`SELECT id FROM policy_questions WHERE slug = $1 AND id IS DISTINCT FROM $2`, [slug, exceptId ?? null]);
  if (taken) throw AppError.conflict(`a policy question with slug ${slug} already exists`, 'input.slug');
}

export function createPolicyQuestion(manager: EntityManager, input: CreatePolicyQuestionInput): Promise<PolicyQuestion> {
  return manager.transaction(async (db) => {
    await checkSlugFree(db, input.slug);
    return insertRecorded(db, PolicyQuestion, { slug: input.slug, text: input.text.trim(), description: input.description ?? null });
  });
}

export function updatePolicyQuestion(manager: EntityManager, input: UpdatePolicyQuestionInput): Promise<PolicyQuestion> {
  return manager.transaction(async (db) => {
    const question = await findOrFail(db, PolicyQuestion, input.id, 'input.id');
    if (input.slug) await checkSlugFree(db, input.slug, question.id);
    await recordChanges(db, 'PolicyQuestion', [question.id], () =>
      db.getRepository(PolicyQuestion).update(question.id, {
        ...(input.slug ? { slug: input.slug } : {}),
        ...(input.text ? { text: input.text.trim() } : {}),
        ...(given(input.description) ? { description: input.description } : {}),
      }),
    );
    return db.getRepository(PolicyQuestion).findOneByOrFail({ id: question.id });
  });
}

import { Not } from 'typeorm';
import { given } from '../common/curation';
import { findOrFail } from '../common/find-or-fail';
import type { Transaction } from '../database/transaction';
import { AppError } from '../errors/app-error';
import { insertRecorded, recordChanges } from '../revision/revision.service';
import { PolicyQuestion } from './policy-question.entity';
import type { CreatePolicyQuestionInput, UpdatePolicyQuestionInput } from './policy-question.inputs';

async function checkSlugFree(tx: Transaction, slug: string, exceptId?: string): Promise<void> {
  const taken = await tx
    .getRepository(PolicyQuestion)
    .exists({ where: { slug, ...(exceptId ? { id: Not(exceptId) } : {}) } });
  if (taken) throw AppError.conflict(`a policy question with slug ${slug} already exists`, 'input.slug');
}

export async function createPolicyQuestion(tx: Transaction, input: CreatePolicyQuestionInput): Promise<PolicyQuestion> {
  await checkSlugFree(tx, input.slug);
  return insertRecorded(tx, PolicyQuestion, {
    slug: input.slug,
    text: input.text.trim(),
    description: input.description ?? null,
  });
}

export async function updatePolicyQuestion(tx: Transaction, input: UpdatePolicyQuestionInput): Promise<PolicyQuestion> {
  const question = await findOrFail(tx, PolicyQuestion, input.id, 'input.id');
  if (input.slug) await checkSlugFree(tx, input.slug, question.id);
  await recordChanges(tx, 'PolicyQuestion', [question.id], () =>
    tx.getRepository(PolicyQuestion).update(question.id, {
      ...(input.slug ? { slug: input.slug } : {}),
      ...(input.text ? { text: input.text.trim() } : {}),
      ...(given(input.description) ? { description: input.description } : {}),
    }),
  );
  return tx.getRepository(PolicyQuestion).findOneByOrFail({ id: question.id });
}

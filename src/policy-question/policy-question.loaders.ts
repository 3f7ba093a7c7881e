import type DataLoader from 'dataloader';
import { entitiesById } from '../common/by-id.loader';
import type { Context } from '../common/context';
import type { EntityRead } from '../common/entity-read';
import { nodeType } from '../common/node-type';
import { PolicyQuestion } from './policy-question.entity';

/** PolicyQuestions are read whole. */
export const POLICY_QUESTION_READ: EntityRead<PolicyQuestion> = { entity: PolicyQuestion };

export function policyQuestionsById(ctx: Context): DataLoader<string, PolicyQuestion | undefined> {
  return entitiesById(ctx, POLICY_QUESTION_READ);
}

/** `node(id:)` finds PolicyQuestions through their by-id loader. */
export const policyQuestionNodeType = nodeType('PolicyQuestion', policyQuestionsById);

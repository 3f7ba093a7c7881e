import type DataLoader from 'dataloader';
import { entitiesById } from '../common/by-id.loader';
import type { Context } from '../common/context';
import { nodeType } from '../common/node-type';
import { PolicyQuestion } from './policy-question.entity';

export function policyQuestionsById(ctx: Context): DataLoader<string, PolicyQuestion | undefined> {
  return entitiesById(ctx, PolicyQuestion);
}

/** `node(id:)` finds PolicyQuestions through their by-id loader. */
export const policyQuestionNodeType = nodeType('PolicyQuestion', policyQuestionsById);

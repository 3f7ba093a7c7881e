import type DataLoader from 'dataloader';
import { entitiesById } from '../common/by-id.loader';
import type { Context } from '../common/context';
import { PolicyQuestion } from './policy-question.entity';

export function policyQuestionsById(ctx: Context): DataLoader<string, PolicyQuestion | undefined> {
  return entitiesById(ctx, PolicyQuestion);
}

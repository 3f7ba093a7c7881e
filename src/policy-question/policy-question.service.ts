import type { EntityManager } from 'typeorm';
import type { Connection } from '../common/connection';
import type { PageRequest } from '../common/keyset';
import { listConnection } from '../common/list-connection';
import { SqlQuery } from '../common/sql-query';
import type { Context } from '../common/context';
import { PolicyQuestion } from './policy-question.entity';
import { policyQuestionsById } from './policy-question.loaders';

export function findPolicyQuestionBySlug(db: EntityManager, slug: string): Promise<PolicyQuestion | null> {
  return db.getRepository(PolicyQuestion).findOneBy({ slug });
}

export function listPolicyQuestions(ctx: Context, page: PageRequest): Promise<Connection<PolicyQuestion>> {
  const query = new SqlQuery('policy_questions pq');
  const keys = [
    { sql: 'pq.slug COLLATE "C"', type: 'text', descending: false },
    { sql: 'pq.id', type: 'uuid', descending: false },
  ] as const;
  return listConnection(ctx, query, 'pq.id', keys, page, policyQuestionsById(ctx));
}

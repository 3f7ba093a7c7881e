import type { EntityManager } from 'typeorm';
import type { Connection } from '../common/connection';
import type { PageRequest } from '../common/keyset';
import { listConnection } from '../common/list-connection';
import { rowSet } from '../common/row-set';
import type { Context } from '../common/context';
import { sql } from '../database/sql';
import { PolicyQuestion } from './policy-question.entity';
import { POLICY_QUESTION_READ } from './policy-question.loaders';

export function findPolicyQuestionBySlug(db: EntityManager, slug: string): Promise<PolicyQuestion | null> {
  return db.getRepository(PolicyQuestion).findOneBy({ slug });
}

export function listPolicyQuestions(ctx: Context, page: PageRequest): Promise<Connection<PolicyQuestion>> {
  const keys = [
    { sql: sql`pq.slug COLLATE "C"`, type: 'text', descending: false },
    { sql: sql`pq.id`, type: 'uuid', descending: false },
  ] as const;
  return listConnection(ctx, rowSet(sql`policy_questions pq`), sql`pq.id`, keys, page, {
    read: POLICY_QUESTION_READ,
    alias: 'pq',
  });
}

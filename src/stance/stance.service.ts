// Reading stances: the stances on each policy question, newest article first.
import { toConnection, type Connection } from '../common/connection';
import type { PageRequest } from '../common/keyset';
import { countsByParent, pagesByParent, type ChildList } from '../common/nested-page.loader';
import { SqlQuery } from '../common/sql-query';
import type { Context } from '../context';
import type { Stance } from './stance.entity';
import { stancesById } from './stance.loaders';
import { STANCE_ORDER_KEYS } from './stance.types';

const stancesOfQuestion: ChildList = {
  name: 'PolicyQuestion.stances',
  query: () => new SqlQuery('stances st JOIN articles a ON a.id = st.article_id'),
  parentSql: 'st.question_id',
  idSql: 'st.id',
  keys: STANCE_ORDER_KEYS,
};

export async function listStancesOfQuestion(ctx: Context, questionId: string, page: PageRequest): Promise<Connection<Stance>> {
  const found = await pagesByParent(ctx, stancesOfQuestion, page).load(questionId);
  return toConnection(found, page.after, stancesById(ctx), () => countsByParent(ctx, stancesOfQuestion).load(questionId));
}

// Reading stances: per policy question and per actor, newest article first, and their counts.
import DataLoader from 'dataloader';
import type { Connection } from '../common/connection';
import { childConnection } from '../common/list-connection';
import type { PageRequest } from '../common/keyset';
import type { ChildList } from '../common/nested-page.loader';
import { SqlQuery } from '../common/sql-query';
import type { Context } from '../common/context';
import { Position, type Stance } from './stance.entity';
import { applyStanceFilter, STANCE_FROM, type StanceFilter } from './stance.filter';
import { stancesById } from './stance.loaders';
import { type PositionCount, STANCE_ORDER_KEYS } from './stance.types';

function listChildStances(ctx: Context, list: ChildList, parentId: string, page: PageRequest): Promise<Connection<Stance>> {
  return childConnection(ctx, list, parentId, page, stancesById(ctx));
}

export function listStancesOfQuestion(ctx: Context, questionId: string, page: PageRequest, filter: StanceFilter | null | undefined): Promise<Connection<Stance>> {
  return listChildStances(
    ctx,
    {
      name: `PolicyQuestion.stances:${JSON.stringify(filter ?? null)}`,
      query: () => applyStanceFilter(new SqlQuery(STANCE_FROM), filter),
      parentSql: 'st.question_id',
      idSql: 'st.id',
      keys: STANCE_ORDER_KEYS,
    },
    questionId,
    page,
  );
}

/** The stances of the sources that are this actor, on one question or all. */
export function listStancesOfActor(ctx: Context, actorId: string, page: PageRequest, questionId: string | null): Promise<Connection<Stance>> {
  return listChildStances(
    ctx,
    {
      name: `Actor.stances:${questionId ?? ''}`,
      query: () => {
        const query = new SqlQuery(STANCE_FROM);
        if (questionId) query.where(`st.question_id = ${query.param(questionId)}`);
        return query;
      },
      parentSql: 's.actor_id',
      idSql: 'st.id',
      keys: STANCE_ORDER_KEYS,
    },
    actorId,
    page,
  );
}

/** How many stances take each position, every position listed (zeros included), per question. */
export function positionCountsByQuestionId(ctx: Context, filter: StanceFilter | null | undefined): DataLoader<string, PositionCount[]> {
  return ctx.loaders.get(`positionCountsByQuestionId:${JSON.stringify(filter ?? null)}`, () =>
    new DataLoader<string, PositionCount[]>(async (questionIds) => {
      const query = applyStanceFilter(new SqlQuery(STANCE_FROM), filter);
      query.where(`st.question_id = ANY(${query.param(questionIds)}::uuid[])`);
      const rows: { question_id: string; position: Position; count: number }[] = await ctx.db.query(
        `SELECT st.question_id::text AS question_id, st.position, count(*)::int AS count FROM ${query.from} ${query.whereClause()} GROUP BY 1, 2`,
        query.params,
      );
      return questionIds.map((questionId) =>
        Object.values(Position).map((position) => ({
          position,
          count: rows.find((row) => row.question_id === questionId && row.position === position)?.count ?? 0,
        })),
      );
    }),
  );
}

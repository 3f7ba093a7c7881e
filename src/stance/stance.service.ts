// Reading stances: per policy question and per actor, newest article first, and their counts.
import DataLoader from 'dataloader';
import type { Connection } from '../common/connection';
import { childConnection } from '../common/list-connection';
import type { PageRequest } from '../common/keyset';
import type { ChildList } from '../common/nested-page.loader';
import { fromWhere, where } from '../common/row-set';
import type { Context } from '../common/context';
import { queryRows, sql } from '../database/sql';
import { Position, type Stance } from './stance.entity';
import { applyStanceFilter, STANCE_ROWS, type StanceFilter } from './stance.filter';
import { STANCE_READ } from './stance.loaders';
import { type PositionCount, STANCE_ORDER_KEYS } from './stance.types';

/** The stances under each parent (a question, an actor), newest article first. */
function listChildStances(
  ctx: Context,
  list: Pick<ChildList<Stance>, 'name' | 'rows' | 'parent'>,
  parentId: string,
  page: PageRequest,
): Promise<Connection<Stance>> {
  const nodes = { read: STANCE_READ, alias: 'st' };
  return childConnection(ctx, { ...list, id: sql`st.id`, keys: STANCE_ORDER_KEYS, nodes }, parentId, page);
}

export function listStancesOfQuestion(
  ctx: Context,
  questionId: string,
  page: PageRequest,
  filter: StanceFilter | null | undefined,
): Promise<Connection<Stance>> {
  return listChildStances(
    ctx,
    {
      name: `PolicyQuestion.stances:${JSON.stringify(filter ?? null)}`,
      rows: () => applyStanceFilter(STANCE_ROWS, filter),
      parent: sql`st.question_id`,
    },
    questionId,
    page,
  );
}

/** The stances of the sources that are this actor, on one question or all. */
export function listStancesOfActor(
  ctx: Context,
  actorId: string,
  page: PageRequest,
  questionId: string | null,
): Promise<Connection<Stance>> {
  return listChildStances(
    ctx,
    {
      name: `Actor.stances:${questionId ?? ''}`,
      rows: () => where(STANCE_ROWS, questionId ? sql`st.question_id = ${sql.value(questionId)}` : null),
      parent: sql`s.actor_id`,
    },
    actorId,
    page,
  );
}

/** How many stances take each position, every position listed (zeros included), per question. */
export function positionCountsByQuestionId(
  ctx: Context,
  filter: StanceFilter | null | undefined,
): DataLoader<string, PositionCount[]> {
  return ctx.loaders.get(
    `positionCountsByQuestionId:${JSON.stringify(filter ?? null)}`,
    () =>
      new DataLoader<string, PositionCount[]>(async (questionIds) => {
        const stances = where(
          applyStanceFilter(STANCE_ROWS, filter),
          sql`st.question_id = ANY(${sql.value(questionIds)}::uuid[])`,
        );
        const rows = await queryRows<{ question_id: string; position: Position; count: number }>(
          ctx.db,
          sql`SELECT st.question_id::text AS question_id, st.position, count(*)::int AS count ${fromWhere(stances)} GROUP BY 1, 2`,
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

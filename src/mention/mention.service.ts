// Reading mentions: those of each actor, and the actors mentioned alongside it.
import DataLoader from 'dataloader';
import type { Actor } from '../actor/actor.entity';
import { actorsById } from '../actor/actor.loaders';
import type { Connection } from '../common/connection';
import { childConnection } from '../common/list-connection';
import { publishedWithin } from '../common/filter-sql';
import type { PageRequest } from '../common/keyset';
import type { ChildList } from '../common/nested-page.loader';
import { fromWhere, rowSet, type RowSet, where } from '../common/row-set';
import type { Context } from '../common/context';
import { queryRows, sql } from '../database/sql';
import type { Mention } from './mention.entity';
import { MENTION_READ } from './mention.loaders';
import { MENTION_ORDER_KEYS, type CoMention } from './mention.types';

const mentionsOfActor: ChildList<Mention> = {
  name: 'Actor.mentions',
  rows: () => rowSet(sql`mentions m JOIN articles a ON a.id = m.article_id`),
  parent: sql`m.actor_id`,
  id: sql`m.id`,
  keys: MENTION_ORDER_KEYS,
  nodes: { read: MENTION_READ, alias: 'm' },
};

export function listMentionsOfActor(ctx: Context, actorId: string, page: PageRequest): Promise<Connection<Mention>> {
  return childConnection(ctx, mentionsOfActor, actorId, page);
}

export interface CoMentionOptions {
  readonly first: number;
  readonly publishedAfter?: Date | null;
  readonly publishedBefore?: Date | null;
}

/** Pairs of mentions of two actors in one article, for the actors asked about and the dates given. */
function coMentionRows(actorIds: readonly string[], options: CoMentionOptions): RowSet {
  const pairs = rowSet(
    sql`mentions m1 JOIN mentions m2 ON m2.article_id = m1.article_id AND m2.actor_id <> m1.actor_id
        JOIN articles a ON a.id = m1.article_id JOIN actors other ON other.id = m2.actor_id`,
  );
  return where(
    pairs,
    sql`m1.actor_id = ANY(${sql.value(actorIds)}::uuid[])`,
    publishedWithin(sql`a.published_at`, options.publishedAfter, options.publishedBefore),
  );
}

/**
 * For each actor, the actors mentioned in the same articles, most shared articles first (then by
 * name), in one statement for every actor asked about.
 */
export function coMentionsByActorId(ctx: Context, options: CoMentionOptions): DataLoader<string, CoMention[]> {
  return ctx.loaders.get(
    `coMentionsByActorId:${JSON.stringify(options)}`,
    () =>
      new DataLoader<string, CoMention[]>(async (actorIds) => {
        const rows = await queryRows<{ actor_id: string; other_id: string; article_count: number }>(
          ctx.db,
          sql`SELECT actor_id, other_id, article_count FROM (
              SELECT m1.actor_id::text AS actor_id, m2.actor_id::text AS other_id, count(DISTINCT m1.article_id)::int AS article_count,
                     row_number() OVER (PARTITION BY m1.actor_id ORDER BY count(DISTINCT m1.article_id) DESC, min(other.name_key), m2.actor_id) AS rank
              ${fromWhere(coMentionRows(actorIds, options))}
              GROUP BY m1.actor_id, m2.actor_id
            ) ranked WHERE rank <= ${sql.literal(options.first)} ORDER BY actor_id, rank`,
        );
        const actors = await actorsById(ctx).loadMany(rows.map((row) => row.other_id));
        return actorIds.map((actorId) =>
          rows.flatMap((row, i) =>
            row.actor_id === actorId ? [{ actor: actors[i] as Actor, articleCount: row.article_count }] : [],
          ),
        );
      }),
  );
}

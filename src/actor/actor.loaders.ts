import DataLoader from 'dataloader';
import { entitiesById, groupBy } from '../common/by-id.loader';
import { rowsByColumn } from '../common/rows-by-column.loader';
import type { Context } from '../common/context';
import type { EntityRead } from '../common/entity-read';
import { nodeType } from '../common/node-type';
import { queryRows, sql } from '../database/sql';
import { ActorAlias } from './actor-alias.entity';
import { Actor } from './actor.entity';

/** How Actors are read: the columns each field that is not a column reads. */
export const ACTOR_READ: EntityRead<Actor> = {
  entity: Actor,
  toOne: [{ field: 'affiliation', key: 'affiliationId', read: () => ACTOR_READ }],
  fieldColumns: {
    aliases: [],
    affiliation: ['affiliationId'],
    memberOf: [],
    members: [],
    quotes: [],
    stances: [],
    mentions: [],
    coMentioned: [],
  },
};

export function actorsById(ctx: Context): DataLoader<string, Actor | undefined> {
  return entitiesById(ctx, ACTOR_READ);
}

export function aliasesByActorId(ctx: Context): DataLoader<string, ActorAlias[]> {
  return rowsByColumn(ctx, { entity: ActorAlias }, 'actorId', { alias: 'ASC' });
}

/** The actors on one side of actor_memberships for each actor on the other, ordered by name. */
function membershipLoader(
  ctx: Context,
  name: string,
  keyColumn: string,
  otherColumn: string,
): DataLoader<string, Actor[]> {
  return ctx.loaders.get(
    name,
    () =>
      new DataLoader<string, Actor[]>(async (ids) => {
        const [key, other] = [sql.identifier('m', keyColumn), sql.identifier('m', otherColumn)];
        const rows = await queryRows<{ key: string; id: string }>(
          ctx.db,
          sql`SELECT ${key}::text AS key, ${other}::text AS id
            FROM actor_memberships m JOIN actors o ON o.id = ${other}
            WHERE ${key} = ANY(${sql.value(ids)}::uuid[]) ORDER BY o.name, o.id`,
        );
        const actors = await actorsById(ctx).loadMany(rows.map((row) => row.id));
        const found = rows
          .map((row, i) => ({ key: row.key, actor: actors[i] }))
          .filter((r): r is { key: string; actor: Actor } => r.actor instanceof Actor);
        return groupBy(ids, found, (r) => r.key).map((group) => group.map((r) => r.actor));
      }),
  );
}

export function organisationsByMemberId(ctx: Context): DataLoader<string, Actor[]> {
  return membershipLoader(ctx, 'organisationsByMemberId', 'member_id', 'organisation_id');
}

export function membersByOrganisationId(ctx: Context): DataLoader<string, Actor[]> {
  return membershipLoader(ctx, 'membersByOrganisationId', 'organisation_id', 'member_id');
}

/** `node(id:)` finds Actors through their by-id loader. */
export const actorNodeType = nodeType('Actor', actorsById);

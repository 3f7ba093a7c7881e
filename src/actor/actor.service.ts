// Reading actors: lookup by name or alias, and the list by name.
import type { EntityManager } from 'typeorm';
import type { Connection } from '../common/connection';
import type { PageRequest } from '../common/keyset';
import { listConnection } from '../common/list-connection';
import { rowSet } from '../common/row-set';
import type { Context } from '../common/context';
import { queryRows, type SQL, sql } from '../database/sql';
import { AppError } from '../errors/app-error';
import { Actor } from './actor.entity';
import { applyActorFilter, type ActorFilter } from './actor.filter';
import { ACTOR_READ } from './actor.loaders';
import { ACTOR_ORDER_KEYS } from './actor.types';

/** Every column of `ac` under its property name, so the rows become entities without a second statement. */
function actorColumns(db: EntityManager): SQL {
  const { columns } = db.getRepository(Actor).metadata;
  return sql.join(
    columns.map(
      (column) => sql`${sql.identifier('ac', column.databaseName)} AS ${sql.identifier(column.propertyName)}`,
    ),
    ', ',
  );
}

/** The actor whose name or alias is `name`, ignoring case, accents and spacing; several is an error. */
export async function findActorByName(db: EntityManager, name: string): Promise<Actor | null> {
  const key = sql`normalise_key(${sql.value(name)})`;
  const rows = await queryRows<Partial<Actor>>(
    db,
    sql`SELECT ${actorColumns(db)} FROM actors ac
        WHERE ac.name_key = ${key} OR ac.id IN (SELECT al.actor_id FROM actor_aliases al WHERE al.alias_key = ${key})
        ORDER BY ac.name LIMIT 10`,
  );
  const actors = db.getRepository(Actor).create(rows);
  if (actors.length > 1) {
    throw AppError.badInput(
      `name "${name}" matches several actors: ${actors.map((a) => a.name).join(', ')}; ask by id`,
      'name',
      {
        actors: actors.map((a) => a.name),
      },
    );
  }
  return actors[0] ?? null;
}

export function listActors(
  ctx: Context,
  page: PageRequest,
  filter: ActorFilter | null | undefined,
): Promise<Connection<Actor>> {
  const rows = applyActorFilter(rowSet(sql`actors ac`), filter);
  return listConnection(ctx, rows, sql`ac.id`, ACTOR_ORDER_KEYS, page, { read: ACTOR_READ, alias: 'ac' });
}

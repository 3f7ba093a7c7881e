import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Connection } from '../common/connection';
import { fromGlobalId, toGlobalId } from '../common/global-id';
import { listConnection } from '../common/list-connection';
import { pageRequest } from '../common/page-request';
import { rowSet, where } from '../common/row-set';
import type { Context } from '../common/context';
import { sql } from '../database/sql';
import { Revision } from './revision.entity';
import { REVISION_READ } from './revision.loaders';
import { REVISION_ORDER_KEYS, RevisionConnection } from './revision.types';

@Resolver(() => Revision)
export class RevisionResolver {
  @Query(() => RevisionConnection, { description: 'The changes made to an entity (also a deleted one), oldest first.' })
  async revisions(
    @Ctx() ctx: Context,
    @Arg('entityId', () => ID) entityId: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<Revision>> {
    const page = pageRequest(ctx, first, after, 50);
    const { type, id } = fromGlobalId(entityId, 'entityId');
    const rows = where(
      rowSet(sql`revisions r`),
      sql`r.entity_id = ${sql.value(id)}`,
      sql`r.entity_type = ${sql.value(type)}`,
    );
    return listConnection(ctx, rows, sql`r.id`, REVISION_ORDER_KEYS, page, { read: REVISION_READ, alias: 'r' });
  }

  @FieldResolver(() => ID, { description: 'The global id of the entity that changed.' })
  entityId(@Root() revision: Revision): string {
    return toGlobalId(revision.entityType, revision.entityId);
  }
}

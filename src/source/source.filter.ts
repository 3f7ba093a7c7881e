import { Field, ID, InputType } from 'type-graphql';
import { selfAndMembersSql, whereIn } from '../common/filter-sql';
import type { SqlQuery } from '../common/sql-query';
import { Anonymity } from './source.entity';

@InputType({ description: 'Every field given must hold (AND); a list matches any of its items (OR).' })
export class SourceFilter {
  @Field(() => Anonymity, { nullable: true })
  anonymity?: Anonymity | null;

  @Field(() => [ID], { nullable: true })
  actorIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Affiliated with one of these actors or a member of one of them, transitively.' })
  affiliationIds?: string[] | null;

  @Field(() => String, { nullable: true, description: "Role words containing this text, ignoring case and accents: 'official'." })
  roleContains?: string | null;
}

export function applySourceFilter(query: SqlQuery, filter: SourceFilter | null | undefined, field = 'filter'): SqlQuery {
  if (!filter) return query;
  if (filter.anonymity) query.where(`s.anonymity = ${query.param(filter.anonymity)}`);
  whereIn(query, 's.actor_id', filter.actorIds, 'Actor', `${field}.actorIds`);
  if (filter.affiliationIds) query.where(`s.affiliation_id IN (${selfAndMembersSql(query, filter.affiliationIds, `${field}.affiliationIds`)})`);
  if (filter.roleContains) {
    // LIKE's wildcards in the text are matched literally.
    const pattern = query.param(filter.roleContains.replace(/[\\%_]/g, '\\$&'));
    query.where(`normalise_key(s.role) LIKE '%' || normalise_key(${pattern}) || '%'`);
  }
  return query;
}

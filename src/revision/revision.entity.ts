import { Field, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from '../common/node.interface';
import { DateTimeScalar, JSONScalar } from '../common/scalars';

/** The audit trail: one append-only row per entity a mutation changed (a trigger refuses edits). */
@Entity({ name: 'revisions' })
@ObjectType({
  implements: Node,
  description: 'One change to one entity: what it was before, what it became, when and by whom.',
})
@Index('IDX_revisions_entity_id_at', ['entityId', 'at', 'id'])
@Check('CHK_revisions_operation', `"operation" IN ('CREATE', 'UPDATE', 'DELETE')`)
export class Revision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'The GraphQL type of the entity: Article, Quote, Source, Actor...' })
  @Column({ name: 'entity_type', type: 'text' })
  entityType: string;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  @Field({ description: 'CREATE, UPDATE or DELETE.' })
  @Column({ type: 'text' })
  operation: string;

  @Field(() => JSONScalar, { nullable: true, description: 'The row before the change, as stored (null for CREATE).' })
  @Column({ type: 'jsonb', nullable: true })
  before: object | null;

  @Field(() => JSONScalar, { nullable: true, description: 'The row after the change, as stored (null for DELETE).' })
  @Column({ type: 'jsonb', nullable: true })
  after: object | null;

  // clock_timestamp(), not now(): the changes of one transaction keep their order.
  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  at: Date;

  @Field(() => String, {
    nullable: true,
    description:
      'Who made the change: `key:<API key id>`, or `local:<user>@<host>` for a command run on the server; null for changes made before keys.',
  })
  @Column({ type: 'text', nullable: true })
  by: string | null;
}

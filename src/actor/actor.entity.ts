import { Field, ObjectType, registerEnumType } from 'type-graphql';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Origin } from '../common/annotation';
import { Node } from '../common/node.interface';

export enum ActorKind {
  PERSON = 'PERSON',
  ORGANIZATION = 'ORGANIZATION',
  STATE = 'STATE',
  MEDIA = 'MEDIA',
  GROUP = 'GROUP',
}

registerEnumType(ActorKind, { name: 'ActorKind' });

@Entity({ name: 'actors' })
@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description:
    'A real-world entity that persists across articles: a person, an organisation, a state, a media organisation.',
})
@Unique('UQ_actors_wikidata_id', ['wikidataId'])
// Trigram index on name_key, for searching part of a name.
@Index('IDX_actors_name_key_trigram', { synchronize: false })
@Check('CHK_actors_name_not_blank', `btrim("name") <> ''`)
@Check('CHK_actors_wikidata_id', `"wikidata_id" ~ '^Q[1-9][0-9]*$'`)
@Check('CHK_actors_not_own_affiliation', `"affiliation_id" <> "id"`)
export class Actor {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'text' })
  name: string;

  /** The name folded for matching (case, accents and spacing ignored), kept by the database. */
  @Index('IDX_actors_name_key')
  @Column({
    name: 'name_key',
    type: 'text',
    generatedType: 'STORED',
    asExpression: 'normalise_key("name")',
    insert: false,
    update: false,
  })
  nameKey: string;

  @Field(() => ActorKind)
  @Index('IDX_actors_kind')
  @Column({ type: 'enum', enum: ActorKind, enumName: 'actor_kind' })
  kind: ActorKind;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true, description: 'Wikidata item id, such as Q3874799.' })
  @Column({ name: 'wikidata_id', type: 'text', nullable: true })
  wikidataId: string | null;

  @Field({
    description:
      'True when extraction made this actor for a single word (a surname, an acronym) that several known actors carry: it may stand for any of them.',
  })
  @Column({ type: 'boolean', default: false })
  ambiguous: boolean;

  @Field(() => Origin, {
    description:
      'EXTRACTED when extraction created the actor (pruneOrphanActors may delete it once nothing cites it), else MANUAL.',
  })
  @Column({ type: 'enum', enum: Origin, enumName: 'origin', default: Origin.MANUAL })
  origin: Origin;

  @Index('IDX_actors_affiliation_id')
  @ForeignKey(() => Actor, { onDelete: 'RESTRICT' })
  @Column({ name: 'affiliation_id', type: 'uuid', nullable: true })
  affiliationId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

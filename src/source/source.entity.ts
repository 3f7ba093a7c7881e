import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Actor } from '../actor/actor.entity';
import { Article } from '../article/article.entity';
import { Annotation } from '../common/annotation';
import { Node } from '../common/node.interface';

export enum Anonymity {
  NAMED = 'NAMED',
  ANONYMOUS = 'ANONYMOUS',
}

registerEnumType(Anonymity, { name: 'Anonymity' });

/** What kind of party a source is, spelled as ActorKind spells its kinds. */
export enum SourceKind {
  PERSON = 'PERSON',
  GROUP = 'GROUP',
  ORGANIZATION = 'ORGANIZATION',
  DOCUMENT = 'DOCUMENT',
}

registerEnumType(SourceKind, {
  name: 'SourceKind',
  description:
    'PERSON and GROUP sources can be anonymous (a name withheld); ORGANIZATION speaks as an institution ("the White House"); DOCUMENT is a text that speaks ("the report").',
  valuesConfig: {
    PERSON: { description: '"Sir Keir Starmer", "a Ukrainian defense source".' },
    GROUP: { description: 'Several people: "officials familiar with the discussions", "analysts".' },
    ORGANIZATION: { description: 'An institution, a state or a media organisation: "the White House".' },
    DOCUMENT: { description: 'A report, letter, statement, filing or study.' },
  },
});

@Entity({ name: 'sources' })
@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description:
    'A party that one article cites, in the journalistic sense: "Sir Keir Starmer", "a Ukrainian defense source".',
})
// Lets quotes and stances require, through composite foreign keys, a source of their own article.
@Unique('UQ_sources_id_article_id', ['id', 'articleId'])
// Trigram index on normalise_key(role), for roleContains.
@Index('IDX_sources_role_trigram', { synchronize: false })
@Check('CHK_sources_descriptor_not_blank', `btrim("descriptor") <> ''`)
@Check(
  'CHK_sources_span',
  `("span_start" IS NULL) = ("span_end" IS NULL) AND "span_start" >= 0 AND "span_end" > "span_start"`,
)
export class Source extends Annotation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_sources_article_id')
  @ForeignKey(() => Article, { onDelete: 'CASCADE' })
  @Column({ name: 'article_id', type: 'uuid' })
  articleId: string;

  @Field({ description: "The noun phrase as written, without the reporting verb: 'a Ukrainian defense source'." })
  @Column({ type: 'text' })
  descriptor: string;

  @Column({ name: 'span_start', type: 'integer', nullable: true })
  spanStart: number | null;

  @Column({ name: 'span_end', type: 'integer', nullable: true })
  spanEnd: number | null;

  @Field(() => Anonymity)
  @Index('IDX_sources_anonymity')
  @Column({ type: 'enum', enum: Anonymity, enumName: 'anonymity' })
  anonymity: Anonymity;

  @Field(() => SourceKind)
  @Index('IDX_sources_kind')
  @Column({ type: 'enum', enum: SourceKind, enumName: 'source_kind', default: SourceKind.PERSON })
  kind: SourceKind;

  @Index('IDX_sources_actor_id')
  @ForeignKey(() => Actor, { onDelete: 'RESTRICT' })
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Index('IDX_sources_affiliation_id')
  @ForeignKey(() => Actor, { onDelete: 'RESTRICT' })
  @Column({ name: 'affiliation_id', type: 'uuid', nullable: true })
  affiliationId: string | null;

  @Field(() => String, { nullable: true, description: "The role words: 'defense source', 'military official'." })
  @Column({ type: 'text', nullable: true })
  role: string | null;
}

import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Article } from '../article/article.entity';
import { Annotation } from '../common/annotation';
import { Node } from '../common/node.interface';
import { PolicyQuestion } from '../policy-question/policy-question.entity';
import { Quote } from '../quote/quote.entity';
import { Source } from '../source/source.entity';

export enum Position {
  SUPPORT = 'SUPPORT',
  OPPOSE = 'OPPOSE',
  CONDITIONAL = 'CONDITIONAL',
  NEUTRAL = 'NEUTRAL',
  UNCLEAR = 'UNCLEAR',
}

registerEnumType(Position, { name: 'Position' });

@Entity({ name: 'stances' })
@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description: "A source's position on a policy question, anchored to evidence in its article.",
})
// One stance per source and question: setting it again updates it.
@Unique('UQ_stances_source_question', ['sourceId', 'questionId'])
@Index('IDX_stances_question_id', ['questionId'])
@Index('IDX_stances_article_id', ['articleId'])
@Index('IDX_stances_quote_id', ['quoteId'])
@Index('IDX_stances_position', ['position'])
@Index('IDX_stances_origin', ['origin'])
@ForeignKey(() => Source, ['sourceId', 'articleId'], ['id', 'articleId'], {
  name: 'FK_stances_source_of_same_article',
  onDelete: 'CASCADE',
})
// The migration narrows this to SET NULL ("quote_id"): a deleted quote leaves the stance and its evidence.
@ForeignKey(() => Quote, ['quoteId', 'articleId'], ['id', 'articleId'], {
  name: 'FK_stances_quote_of_same_article',
  onDelete: 'SET NULL',
})
@Check(
  'CHK_stances_evidence',
  `("evidence_start" IS NULL) = ("evidence_end" IS NULL) AND "evidence_start" >= 0 AND "evidence_end" > "evidence_start"`,
)
export class Stance extends Annotation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => PolicyQuestion, { onDelete: 'CASCADE' })
  @Column({ name: 'question_id', type: 'uuid' })
  questionId: string;

  @ForeignKey(() => Article, { onDelete: 'CASCADE' })
  @Column({ name: 'article_id', type: 'uuid' })
  articleId: string;

  @Column({ name: 'source_id', type: 'uuid' })
  sourceId: string;

  @Field(() => Position)
  @Column({ type: 'enum', enum: Position, enumName: 'stance_position' })
  position: Position;

  @Column({ name: 'evidence_start', type: 'integer', nullable: true })
  evidenceStart: number | null;

  @Column({ name: 'evidence_end', type: 'integer', nullable: true })
  evidenceEnd: number | null;

  @Column({ name: 'quote_id', type: 'uuid', nullable: true })
  quoteId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}

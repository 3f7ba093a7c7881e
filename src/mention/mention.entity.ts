import { ObjectType } from 'type-graphql';
import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Actor } from '../actor/actor.entity';
import { Article } from '../article/article.entity';
import { Annotation } from '../common/annotation';
import { Node } from '../common/node.interface';

@Entity({ name: 'mentions' })
@ObjectType({ simpleResolvers: true, implements: Node, description: 'An actor named at a span of an article.' })
@Unique('UQ_mentions_article_actor_span', ['articleId', 'spanStart', 'spanEnd', 'actorId'])
@Check('CHK_mentions_span', `"span_start" >= 0 AND "span_end" > "span_start"`)
export class Mention extends Annotation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => Article, { onDelete: 'CASCADE' })
  @Column({ name: 'article_id', type: 'uuid' })
  articleId: string;

  @Index('IDX_mentions_actor_id')
  @ForeignKey(() => Actor, { onDelete: 'RESTRICT' })
  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  @Column({ name: 'span_start', type: 'integer' })
  spanStart: number;

  @Column({ name: 'span_end', type: 'integer' })
  spanEnd: number;
}

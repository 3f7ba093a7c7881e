import { Field, ObjectType } from 'type-graphql';
import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Node } from '../common/node.interface';

@Entity({ name: 'policy_questions' })
@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description: 'A yes/no-style question researchers track across articles.',
})
@Unique('UQ_policy_questions_slug', ['slug'])
@Check('CHK_policy_questions_slug_kebab_case', `"slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)
@Check('CHK_policy_questions_text_not_blank', `btrim("text") <> ''`)
export class PolicyQuestion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Stable kebab-case handle, such as long-range-strikes-inside-russia.' })
  @Column({ type: 'text' })
  slug: string;

  @Field()
  @Column({ type: 'text' })
  text: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

import { Field, ObjectType } from 'type-graphql';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Node } from '../common/node.interface';

@Entity({ name: 'outlets' })
@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description: 'Who published an article (The Telegraph, Associated Press).',
})
@Unique('UQ_outlets_domain', ['domain'])
// Outlets known only by name are unique by folded name: normalise_key(name) WHERE domain IS NULL.
@Index('UQ_outlets_name_key_without_domain', { synchronize: false })
@Check('CHK_outlets_name_not_blank', `btrim("name") <> ''`)
@Check('CHK_outlets_domain_lower_case', `"domain" = lower("domain")`)
export class Outlet {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Index('IDX_outlets_name')
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { nullable: true, description: 'The web domain, lower case, without www.' })
  @Column({ type: 'text', nullable: true })
  domain: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

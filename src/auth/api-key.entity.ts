import { Field, ObjectType } from 'type-graphql';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar } from '../common/scalars';
import { Role } from '../common/role';

/** An API key, kept only as the SHA-256 of its secret: a stolen table opens nothing. */
@Entity({ name: 'api_keys' })
@ObjectType({ description: 'An API key, without its secret.' })
@Check('CHK_api_keys_name_not_blank', `btrim("name") <> ''`)
export class ApiKey {
  @Field()
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field(() => Role)
  @Column({ type: 'enum', enum: Role, enumName: 'api_key_role' })
  role: Role;

  /** Hex SHA-256 of the whole key. */
  @Index('UQ_api_keys_key_hash', { unique: true })
  @Column({ name: 'key_hash', type: 'text' })
  keyHash: string;

  @Field({ description: 'The first characters of the key, to tell keys apart: qg_AbC123…' })
  @Column({ type: 'text' })
  prefix: string;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}

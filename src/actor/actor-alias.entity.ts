import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Origin } from '../common/annotation';
import { Actor } from './actor.entity';

/** Other names of an actor. One table, so that a folded alias names at most one actor anywhere. */
@Entity({ name: 'actor_aliases' })
@Check('CHK_actor_aliases_not_blank', `btrim("alias") <> ''`)
// Trigram index on alias_key, for searching part of an alias.
@Index('IDX_actor_aliases_alias_key_trigram', { synchronize: false })
export class ActorAlias {
  @PrimaryColumn({ name: 'actor_id', type: 'uuid' })
  @ForeignKey(() => Actor, { onDelete: 'CASCADE' })
  actorId: string;

  @PrimaryColumn({ type: 'text' })
  alias: string;

  @Index('UQ_actor_aliases_alias_key', { unique: true })
  @Column({
    name: 'alias_key',
    type: 'text',
    generatedType: 'STORED',
    asExpression: 'normalise_key("alias")',
    insert: false,
    update: false,
  })
  aliasKey: string;

  /** EXTRACTED when extraction added the alias (a surface form it linked to the actor), else MANUAL. */
  @Column({ type: 'enum', enum: Origin, enumName: 'origin', default: Origin.MANUAL })
  origin: Origin;
}

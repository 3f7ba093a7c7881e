import { Check, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Actor } from './actor.entity';

/** Membership of one actor in an organisation (France in NATO), which affiliation filters follow. */
@Entity({ name: 'actor_memberships' })
@Check('CHK_actor_memberships_not_self', `"member_id" <> "organisation_id"`)
export class ActorMembership {
  @PrimaryColumn({ name: 'member_id', type: 'uuid' })
  @ForeignKey(() => Actor, { onDelete: 'CASCADE' })
  memberId: string;

  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  @Index('IDX_actor_memberships_organisation_id')
  @ForeignKey(() => Actor, { onDelete: 'CASCADE' })
  organisationId: string;
}

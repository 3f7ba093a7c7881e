import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Connection } from '../common/connection';
import { uuidOf } from '../common/global-id';
import { pageRequest } from '../common/page-request';
import type { Context } from '../context';
import { AppError } from '../errors/app-error';
import { Actor } from './actor.entity';
import { actorsById, aliasesByActorId, membersByOrganisationId, organisationsByMemberId } from './actor.loaders';
import { findActorByName, listActors } from './actor.service';
import { ActorConnection } from './actor.types';

@Resolver(() => Actor)
export class ActorResolver {
  @Query(() => Actor, {
    nullable: true,
    description: 'Exactly one of id or name; name matches the name or an alias exactly (case and accents ignored).',
  })
  async actor(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true }) id?: string | null,
    @Arg('name', () => String, { nullable: true }) name?: string | null,
  ): Promise<Actor | null> {
    if ((id == null) === (name == null)) throw AppError.badInput('give exactly one of id or name', id == null ? 'id' : 'name');
    if (id != null) return (await actorsById(ctx).load(uuidOf(id, 'Actor', 'id'))) ?? null;
    return findActorByName(ctx.db, name as string);
  }

  @Query(() => ActorConnection, { description: 'By name.' })
  actors(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<Actor>> {
    return listActors(ctx, pageRequest(ctx, first, after, 50));
  }

  @FieldResolver(() => [String])
  async aliases(@Root() actor: Actor, @Ctx() ctx: Context): Promise<string[]> {
    return (await aliasesByActorId(ctx).load(actor.id)).map((a) => a.alias);
  }

  @FieldResolver(() => Actor, {
    nullable: true,
    description: "The state or organisation this actor belongs to (a person's country, a ministry's state).",
  })
  async affiliation(@Root() actor: Actor, @Ctx() ctx: Context): Promise<Actor | null> {
    return actor.affiliationId ? ((await actorsById(ctx).load(actor.affiliationId)) ?? null) : null;
  }

  @FieldResolver(() => [Actor], { description: 'Organisations this actor is a member of (France -> NATO, EU).' })
  memberOf(@Root() actor: Actor, @Ctx() ctx: Context): Promise<Actor[]> {
    return organisationsByMemberId(ctx).load(actor.id);
  }

  @FieldResolver(() => [Actor])
  members(@Root() actor: Actor, @Ctx() ctx: Context): Promise<Actor[]> {
    return membersByOrganisationId(ctx).load(actor.id);
  }
}

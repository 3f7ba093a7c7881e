import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { findByIdOrKey } from '../common/by-id-or-key';
import type { Connection } from '../common/connection';
import { uuidOf } from '../common/global-id';
import { pageRequest } from '../common/page-request';
import type { Context } from '../common/context';
import { relatedRow } from '../common/entity-rows';
import { inTransaction } from '../database/transaction';
import { DateTimeScalar } from '../common/scalars';
import { Mention } from '../mention/mention.entity';
import { coMentionsByActorId, listMentionsOfActor } from '../mention/mention.service';
import { CoMention, MentionConnection } from '../mention/mention.types';
import { Quote } from '../quote/quote.entity';
import { QuoteFilter } from '../quote/quote.filter';
import { listQuotesOfActor } from '../quote/quote.service';
import { QuoteConnection } from '../quote/quote.types';
import { Stance } from '../stance/stance.entity';
import { listStancesOfActor } from '../stance/stance.service';
import { StanceConnection } from '../stance/stance.types';
import { Actor } from './actor.entity';
import { ActorFilter } from './actor.filter';
import { actorsById, aliasesByActorId, membersByOrganisationId, organisationsByMemberId } from './actor.loaders';
import { findActorByName, listActors } from './actor.service';
import { ActorConnection } from './actor.types';
import { createActor, deleteActor, mergeActors, pruneOrphanActors, updateActor } from './actor-curation.service';
import { PrunePayload } from './actor-curation.types';
import { CreateActorInput, UpdateActorInput } from './actor.inputs';

@Resolver(() => Actor)
export class ActorResolver {
  @Query(() => Actor, {
    nullable: true,
    description: 'Exactly one of id or name; name matches the name or an alias exactly (case and accents ignored).',
  })
  actor(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true }) id?: string | null,
    @Arg('name', () => String, { nullable: true }) name?: string | null,
  ): Promise<Actor | null> {
    return findByIdOrKey('Actor', id, actorsById(ctx), {
      name: 'name',
      value: name,
      find: (value) => findActorByName(ctx.db, value),
    });
  }

  @Query(() => ActorConnection, { description: 'By name.' })
  actors(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => ActorFilter, { nullable: true }) filter: ActorFilter | null,
  ): Promise<Connection<Actor>> {
    return listActors(ctx, pageRequest(ctx, first, after, 50), filter);
  }

  @FieldResolver(() => [String])
  async aliases(@Root() actor: Actor, @Ctx() ctx: Context): Promise<string[]> {
    return (await aliasesByActorId(ctx).load(actor.id)).map((a) => a.alias);
  }

  @FieldResolver(() => Actor, {
    nullable: true,
    description: "The state or organisation this actor belongs to (a person's country, a ministry's state).",
  })
  affiliation(@Root() actor: Actor, @Ctx() ctx: Context): Actor | null | Promise<Actor | null> {
    return relatedRow(actor, 'affiliation', actor.affiliationId, (id) => actorsById(ctx).load(id));
  }

  @FieldResolver(() => [Actor], { description: 'Organisations this actor is a member of (France -> NATO, EU).' })
  memberOf(@Root() actor: Actor, @Ctx() ctx: Context): Promise<Actor[]> {
    return organisationsByMemberId(ctx).load(actor.id);
  }

  @FieldResolver(() => [Actor])
  members(@Root() actor: Actor, @Ctx() ctx: Context): Promise<Actor[]> {
    return membersByOrganisationId(ctx).load(actor.id);
  }

  @FieldResolver(() => QuoteConnection, { description: 'Quotes whose source is this actor, newest article first.' })
  quotes(
    @Root() actor: Actor,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => QuoteFilter, { nullable: true }) filter: QuoteFilter | null,
  ): Promise<Connection<Quote>> {
    return listQuotesOfActor(ctx, actor.id, pageRequest(ctx, first, after, 50), filter);
  }

  @FieldResolver(() => StanceConnection, { description: "The stances of this actor's sources, newest article first." })
  stances(
    @Root() actor: Actor,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('questionId', () => ID, { nullable: true }) questionId: string | null,
  ): Promise<Connection<Stance>> {
    const question = questionId == null ? null : uuidOf(questionId, 'PolicyQuestion', 'questionId');
    return listStancesOfActor(ctx, actor.id, pageRequest(ctx, first, after, 50), question);
  }

  @FieldResolver(() => MentionConnection, { description: 'Newest article first.' })
  mentions(
    @Root() actor: Actor,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<Mention>> {
    return listMentionsOfActor(ctx, actor.id, pageRequest(ctx, first, after, 50));
  }

  @FieldResolver(() => [CoMention], {
    description: 'Actors mentioned in the same articles, by the number of articles they share.',
  })
  coMentioned(
    @Root() actor: Actor,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first: number | null,
    @Arg('publishedAfter', () => DateTimeScalar, { nullable: true }) publishedAfter: Date | null,
    @Arg('publishedBefore', () => DateTimeScalar, { nullable: true }) publishedBefore: Date | null,
  ): Promise<CoMention[]> {
    const size = pageRequest(ctx, first, null, 10).first;
    return coMentionsByActorId(ctx, { first: size, publishedAfter, publishedBefore }).load(actor.id);
  }

  @Mutation(() => Actor)
  createActor(@Ctx() ctx: Context, @Arg('input', () => CreateActorInput) input: CreateActorInput): Promise<Actor> {
    return inTransaction(ctx.db, (tx) => createActor(tx, input));
  }

  @Mutation(() => Actor)
  updateActor(@Ctx() ctx: Context, @Arg('input', () => UpdateActorInput) input: UpdateActorInput): Promise<Actor> {
    return inTransaction(ctx.db, (tx) => updateActor(tx, input));
  }

  @Mutation(() => Actor, {
    description: 'Moves sources, mentions, stances, memberships and aliases of fromIds to intoId, then deletes them.',
  })
  mergeActors(
    @Ctx() ctx: Context,
    @Arg('intoId', () => ID) intoId: string,
    @Arg('fromIds', () => [ID]) fromIds: string[],
  ): Promise<Actor> {
    return inTransaction(ctx.db, (tx) => mergeActors(tx, intoId, fromIds));
  }

  // Editor-only once issue 14's keys arrive.
  @Mutation(() => ID, {
    description:
      'Deletes an actor nothing cites, with its aliases; returns its id. CONFLICT while a source, mention, membership or affiliated actor cites it: merge it instead.',
  })
  deleteActor(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<string> {
    return inTransaction(ctx.db, (tx) => deleteActor(tx, id));
  }

  // Editor-only once issue 14's keys arrive.
  @Mutation(() => PrunePayload, {
    description:
      'Deletes the actors extraction created that nothing cites (no source, mention, membership or affiliated actor) and no curator named.',
  })
  async pruneOrphanActors(@Ctx() ctx: Context): Promise<PrunePayload> {
    const actors = await inTransaction(ctx.db, (tx) => pruneOrphanActors(tx));
    return Object.assign(new PrunePayload(), { count: actors.length, actors });
  }
}

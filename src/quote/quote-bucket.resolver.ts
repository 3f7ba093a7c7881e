import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Actor } from '../actor/actor.entity';
import { actorsById } from '../actor/actor.loaders';
import type { Context } from '../common/context';
import { Outlet } from '../outlet/outlet.entity';
import { outletsById } from '../outlet/outlet.loaders';
import { QuoteBucket } from './quote-stats';

@Resolver(() => QuoteBucket)
export class QuoteBucketResolver {
  @FieldResolver(() => Outlet, { nullable: true })
  async outlet(@Root() bucket: QuoteBucket, @Ctx() ctx: Context): Promise<Outlet | null> {
    return bucket.outletId ? ((await outletsById(ctx).load(bucket.outletId)) ?? null) : null;
  }

  @FieldResolver(() => Actor, { nullable: true })
  async actor(@Root() bucket: QuoteBucket, @Ctx() ctx: Context): Promise<Actor | null> {
    return bucket.actorId ? ((await actorsById(ctx).load(bucket.actorId)) ?? null) : null;
  }

  @FieldResolver(() => Actor, { nullable: true })
  async affiliation(@Root() bucket: QuoteBucket, @Ctx() ctx: Context): Promise<Actor | null> {
    return bucket.affiliationId ? ((await actorsById(ctx).load(bucket.affiliationId)) ?? null) : null;
  }
}

import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Article } from '../article/article.entity';
import { listArticlesOfOutlet } from '../article/article.service';
import { ArticleConnection } from '../article/article.types';
import type { Connection } from '../common/connection';
import { pageRequest } from '../common/page-request';
import type { Context } from '../common/context';
import { inTransaction } from '../database/transaction';
import { Outlet } from './outlet.entity';
import { OutletFilter } from './outlet.filter';
import { articleCountsByOutletId } from './outlet.loaders';
import { listOutlets } from './outlet.service';
import { OutletConnection } from './outlet.types';
import { mergeOutlets } from './outlet-curation.service';

@Resolver(() => Outlet)
export class OutletResolver {
  @Query(() => OutletConnection, { description: 'By name.' })
  outlets(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => OutletFilter, { nullable: true }) filter: OutletFilter | null,
  ): Promise<Connection<Outlet>> {
    return listOutlets(ctx, pageRequest(ctx, first, after, 50), filter);
  }

  @FieldResolver(() => Int, { description: 'How many articles the outlet published.' })
  articleCount(@Root() outlet: Outlet, @Ctx() ctx: Context): Promise<number> {
    return articleCountsByOutletId(ctx).load(outlet.id);
  }

  @FieldResolver(() => ArticleConnection, { description: 'Newest first.' })
  articles(
    @Root() outlet: Outlet,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<Article>> {
    return listArticlesOfOutlet(ctx, outlet.id, pageRequest(ctx, first, after, 20));
  }

  // Editor-only once issue 14's keys arrive.
  @Mutation(() => Outlet, {
    description:
      "Moves the articles of fromIds to intoId, which keeps its name and domain (or takes a merged outlet's domain when it has none), then deletes them.",
  })
  mergeOutlets(
    @Ctx() ctx: Context,
    @Arg('intoId', () => ID) intoId: string,
    @Arg('fromIds', () => [ID]) fromIds: string[],
  ): Promise<Outlet> {
    return inTransaction(ctx.db, (tx) => mergeOutlets(tx, intoId, fromIds));
  }
}

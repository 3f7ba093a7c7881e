import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Article } from '../article/article.entity';
import { listArticlesOfOutlet } from '../article/article.service';
import { ArticleConnection } from '../article/article.types';
import type { Connection } from '../common/connection';
import { pageRequest } from '../common/page-request';
import type { Context } from '../common/context';
import { Outlet } from './outlet.entity';

@Resolver(() => Outlet)
export class OutletResolver {
  @FieldResolver(() => ArticleConnection, { description: 'Newest first.' })
  articles(
    @Root() outlet: Outlet,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<Article>> {
    return listArticlesOfOutlet(ctx, outlet.id, pageRequest(ctx, first, after, 20));
  }
}

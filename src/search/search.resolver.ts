import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { ArticleFilter } from '../article/article.filter';
import type { Connection } from '../common/connection';
import { pageRequest } from '../common/page-request';
import type { Context } from '../common/context';
import { search } from './search.service';
import { SearchHitType, SearchResult, SearchResultConnection } from './search.types';

@Resolver(() => SearchResult)
export class SearchResolver {
  @Query(() => SearchResultConnection, {
    description:
      'Full-text search over articles and quotes, best first. Websearch syntax: "quoted phrase", or, -exclusion.',
  })
  search(
    @Ctx() ctx: Context,
    @Arg('query', () => String) query: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('types', () => [SearchHitType], { nullable: true, description: 'Only these kinds of hits; both when absent.' })
    types: SearchHitType[] | null,
    @Arg('filter', () => ArticleFilter, { nullable: true, description: 'Only hits in (or of) articles that match.' })
    filter: ArticleFilter | null,
  ): Promise<Connection<SearchResult>> {
    return search(ctx, query, pageRequest(ctx, first, after, 20), types, filter);
  }
}

import { Arg, Ctx, Int, Mutation, Resolver } from 'type-graphql';
import type { Article } from '../article/article.entity';
import { ArticleFilter } from '../article/article.filter';
import { articlesById } from '../article/article.loaders';
import type { Context } from '../common/context';
import { toGlobalId, uuidOf } from '../common/global-id';
import { AppError } from '../errors/app-error';
import { changed, emptyTally, type ReextractItem, reextractPage, tallyItems } from './reextract-batch';
import { ReextractArticleResult, ReextractPayload } from './reextract.types';

async function resultOf(ctx: Context, item: ReextractItem): Promise<ReextractArticleResult> {
  return Object.assign(new ReextractArticleResult(), {
    article: (await articlesById(ctx).load(item.articleId)) as Article,
    changed: item.report ? changed(item.report) : false,
    quotes: item.report?.quotes ?? null,
    sources: item.report?.sources ?? null,
    mentions: item.report?.mentions ?? null,
    stancesRemoved: item.report?.stancesRemoved ?? 0,
    newActors: item.report?.newActors ?? 0,
    error: item.error ?? null,
  });
}

@Resolver(() => ReextractPayload)
export class ReextractResolver {
  @Mutation(() => ReextractPayload, {
    description:
      'Runs the current extractor again on stored articles, in id order, each in its own transaction: EXTRACTED quotes, sources, mentions and stances are replaced by what it finds (rows it finds again unchanged stay as they are); MANUAL rows and the EXTRACTED rows curated work links to are kept. Every change leaves a revision; running it twice changes nothing the second time.',
  })
  async reextractArticles(
    @Ctx() ctx: Context,
    @Arg('filter', () => ArticleFilter, { nullable: true }) filter: ArticleFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 100 }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' })
    after: string | null,
  ): Promise<ReextractPayload> {
    if (!Number.isInteger(first) || first < 1 || first > ctx.config.importMaxBatch)
      throw AppError.badInput(`first must be between 1 and ${ctx.config.importMaxBatch}`, 'first');
    const afterId = after ? uuidOf(after, 'Article', 'after') : null;
    const { items, hasMore } = await reextractPage(ctx.db, filter, afterId, first);
    const last = items[items.length - 1];
    return Object.assign(new ReextractPayload(), {
      articles: await Promise.all(items.map((item) => resultOf(ctx, item))),
      total: tallyItems(emptyTally(), items),
      endCursor: hasMore && last ? toGlobalId('Article', last.articleId) : null,
    });
  }
}

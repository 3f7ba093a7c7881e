import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { findByIdOrKey } from '../common/by-id-or-key';
import type { Connection } from '../common/connection';
import { pageRequest } from '../common/page-request';
import type { Context } from '../common/context';
import { relatedRow } from '../common/entity-rows';
import { inTransaction } from '../database/transaction';
import { Mention } from '../mention/mention.entity';
import { mentionsByArticleId } from '../mention/mention.loaders';
import { Outlet } from '../outlet/outlet.entity';
import { outletsById } from '../outlet/outlet.loaders';
import { Quote } from '../quote/quote.entity';
import { listQuotesOfArticle } from '../quote/quote.service';
import { QuoteConnection } from '../quote/quote.types';
import { Source } from '../source/source.entity';
import { sourcesByArticleId } from '../source/source.loaders';
import { Stance } from '../stance/stance.entity';
import { stancesByArticleId } from '../stance/stance.loaders';
import { Article } from './article.entity';
import { ArticleFilter } from './article.filter';
import { articleBodiesById, articlesById } from './article.loaders';
import { findArticleByUrl, listArticles } from './article.service';
import { ArticleConnection, ArticleOrder } from './article.types';
import { deleteArticle, updateArticle } from './article-curation.service';
import { UpdateArticleInput } from './article.inputs';

@Resolver(() => Article)
export class ArticleResolver {
  @Query(() => Article, { nullable: true, description: 'Exactly one of id or url.' })
  article(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true }) id?: string | null,
    @Arg('url', () => String, { nullable: true }) url?: string | null,
  ): Promise<Article | null> {
    return findByIdOrKey('Article', id, articlesById(ctx), {
      name: 'url',
      value: url,
      find: (value) => findArticleByUrl(ctx.db, value),
    });
  }

  @Query(() => ArticleConnection)
  articles(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => ArticleFilter, { nullable: true }) filter: ArticleFilter | null,
    @Arg('orderBy', () => ArticleOrder, { nullable: true, defaultValue: ArticleOrder.PUBLISHED_AT_DESC })
    orderBy: ArticleOrder | null,
  ): Promise<Connection<Article>> {
    return listArticles(ctx, pageRequest(ctx, first, after, 20), filter, orderBy ?? undefined);
  }

  /** Read here unless the article was loaded with it: the by-id loader leaves bodies out. */
  @FieldResolver(() => String)
  async body(@Root() article: Article, @Ctx() ctx: Context): Promise<string> {
    const body = (article.body as string | undefined) ?? (await articleBodiesById(ctx).load(article.id));
    if (body === undefined) throw new Error(`article ${article.id} vanished while its body was read`);
    return body;
  }

  @FieldResolver(() => Outlet, { nullable: true })
  outlet(@Root() article: Article, @Ctx() ctx: Context): Outlet | null | Promise<Outlet | null> {
    return relatedRow(article, 'outlet', article.outletId, (id) => outletsById(ctx).load(id));
  }

  @FieldResolver(() => QuoteConnection, { description: 'In reading order.' })
  quotes(
    @Root() article: Article,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<Quote>> {
    return listQuotesOfArticle(ctx, article.id, pageRequest(ctx, first, after, 50));
  }

  @FieldResolver(() => [Source])
  sources(@Root() article: Article, @Ctx() ctx: Context): Promise<Source[]> {
    return sourcesByArticleId(ctx).load(article.id);
  }

  @FieldResolver(() => [Mention])
  mentions(@Root() article: Article, @Ctx() ctx: Context): Promise<Mention[]> {
    return mentionsByArticleId(ctx).load(article.id);
  }

  @FieldResolver(() => [Stance])
  stances(@Root() article: Article, @Ctx() ctx: Context): Promise<Stance[]> {
    return stancesByArticleId(ctx).load(article.id);
  }

  // Editor-only once issue 14's keys arrive.
  @Mutation(() => Article, {
    description:
      'Corrects title, url, publishedAt, outlet or language (the body never changes); the revision keeps what they were.',
  })
  updateArticle(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateArticleInput) input: UpdateArticleInput,
  ): Promise<Article> {
    return inTransaction(ctx.db, (tx) => updateArticle(tx, input));
  }

  @Mutation(() => ID, { description: 'Deletes the article and everything annotated on it; returns its id.' })
  deleteArticle(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<string> {
    return inTransaction(ctx.db, (tx) => deleteArticle(tx, id));
  }
}

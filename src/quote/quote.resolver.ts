import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Article } from '../article/article.entity';
import { articlesById } from '../article/article.loaders';
import type { Connection } from '../common/connection';
import { pageRequest } from '../common/page-request';
import { relatedRow } from '../common/entity-rows';
import { Span, spanOf } from '../common/span';
import type { Context } from '../common/context';
import { inTransaction } from '../database/transaction';
import { Source } from '../source/source.entity';
import { sourcesById } from '../source/source.loaders';
import { Stance } from '../stance/stance.entity';
import { stancesByQuoteId } from '../stance/stance.loaders';
import { Quote } from './quote.entity';
import { QuoteBucket, QuoteDimension, quoteStats } from './quote-stats';
import { QuoteFilter } from './quote.filter';
import { listQuotes } from './quote.service';
import { QuoteConnection, QuoteOrder } from './quote.types';
import { createQuote, deleteQuote, updateQuote } from './quote-curation.service';
import { CreateQuoteInput, UpdateQuoteInput } from './quote.inputs';

@Resolver(() => Quote)
export class QuoteResolver {
  @Query(() => QuoteConnection, {
    description: 'Quotes across the corpus; by default newest article first, in reading order within it.',
  })
  quotes(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => QuoteFilter, { nullable: true }) filter: QuoteFilter | null,
    @Arg('orderBy', () => QuoteOrder, { nullable: true, defaultValue: QuoteOrder.PUBLISHED_AT_DESC })
    orderBy: QuoteOrder | null,
  ): Promise<Connection<Quote>> {
    return listQuotes(ctx, pageRequest(ctx, first, after, 50), filter, orderBy ?? undefined);
  }

  @Query(() => [QuoteBucket], {
    description: 'Quote counts grouped by the dimensions asked for, biggest groups first.',
  })
  quoteStats(
    @Ctx() ctx: Context,
    @Arg('groupBy', () => [QuoteDimension]) groupBy: QuoteDimension[],
    @Arg('filter', () => QuoteFilter, { nullable: true }) filter: QuoteFilter | null,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 1000 }) limit: number | null,
  ): Promise<QuoteBucket[]> {
    return quoteStats(ctx, groupBy, filter, limit ?? 1000);
  }

  @FieldResolver(() => Article)
  article(@Root() quote: Quote, @Ctx() ctx: Context): Article | Promise<Article> {
    return relatedRow(quote, 'article', quote.articleId, (id) => articlesById(ctx).load(id)) as
      Article | Promise<Article>;
  }

  @FieldResolver(() => Span)
  span(@Root() quote: Quote): Span {
    return spanOf(quote.articleId, quote.spanStart, quote.spanEnd, quote.text) as Span;
  }

  @FieldResolver(() => Span, { nullable: true, description: 'Where the cue stands, when an annotation marked it.' })
  cueSpan(@Root() quote: Quote): Span | null {
    return spanOf(quote.articleId, quote.cueStart, quote.cueEnd);
  }

  @FieldResolver(() => Source, { nullable: true })
  source(@Root() quote: Quote, @Ctx() ctx: Context): Source | null | Promise<Source | null> {
    return relatedRow(quote, 'source', quote.sourceId, (id) => sourcesById(ctx).load(id));
  }

  @FieldResolver(() => [Stance], { description: 'Stances whose evidence is this quote.' })
  stances(@Root() quote: Quote, @Ctx() ctx: Context): Promise<Stance[]> {
    return stancesByQuoteId(ctx).load(quote.id);
  }

  @Mutation(() => Quote, { description: 'A MANUAL quote at a span; its text is read from the body.' })
  createQuote(@Ctx() ctx: Context, @Arg('input', () => CreateQuoteInput) input: CreateQuoteInput): Promise<Quote> {
    return inTransaction(ctx.db, (tx) => createQuote(tx, input));
  }

  @Mutation(() => Quote, { description: 'Corrects a quote; an extracted quote becomes MANUAL.' })
  updateQuote(@Ctx() ctx: Context, @Arg('input', () => UpdateQuoteInput) input: UpdateQuoteInput): Promise<Quote> {
    return inTransaction(ctx.db, (tx) => updateQuote(tx, input));
  }

  @Mutation(() => ID, { description: 'A stance that cites the quote keeps its evidence span and loses the link.' })
  deleteQuote(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<string> {
    return inTransaction(ctx.db, (tx) => deleteQuote(tx, id));
  }
}

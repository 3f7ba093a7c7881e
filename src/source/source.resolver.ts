import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Actor } from '../actor/actor.entity';
import { actorsById } from '../actor/actor.loaders';
import { Article } from '../article/article.entity';
import { articlesById } from '../article/article.loaders';
import type { Connection } from '../common/connection';
import { pageRequest } from '../common/page-request';
import { relatedRow } from '../common/entity-rows';
import { Span, spanOf } from '../common/span';
import type { Context } from '../common/context';
import { inTransaction } from '../database/transaction';
import { Quote } from '../quote/quote.entity';
import { quotesBySourceId } from '../quote/quote.loaders';
import { Stance } from '../stance/stance.entity';
import { stancesBySourceId } from '../stance/stance.loaders';
import { Source } from './source.entity';
import { SourceFilter } from './source.filter';
import { listSources } from './source.service';
import { SourceConnection } from './source.types';
import { createSource, deleteSource, updateSource } from './source-curation.service';
import { CreateSourceInput, UpdateSourceInput } from './source.inputs';

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => SourceConnection, { description: 'Sources across the corpus, newest article first.' })
  sources(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => SourceFilter, { nullable: true }) filter: SourceFilter | null,
  ): Promise<Connection<Source>> {
    return listSources(ctx, pageRequest(ctx, first, after, 50), filter);
  }

  @FieldResolver(() => Article)
  article(@Root() source: Source, @Ctx() ctx: Context): Article | Promise<Article> {
    return relatedRow(source, 'article', source.articleId, (id) => articlesById(ctx).load(id)) as
      Article | Promise<Article>;
  }

  @FieldResolver(() => Span, { nullable: true, description: 'Where the descriptor stands in the body.' })
  span(@Root() source: Source): Span | null {
    return spanOf(source.articleId, source.spanStart, source.spanEnd);
  }

  @FieldResolver(() => Actor, { nullable: true, description: 'The actor a named source is.' })
  actor(@Root() source: Source, @Ctx() ctx: Context): Actor | null | Promise<Actor | null> {
    return relatedRow(source, 'actor', source.actorId, (id) => actorsById(ctx).load(id));
  }

  @FieldResolver(() => Actor, { nullable: true, description: 'The state or organisation the text ties the source to.' })
  affiliation(@Root() source: Source, @Ctx() ctx: Context): Actor | null | Promise<Actor | null> {
    return relatedRow(source, 'affiliation', source.affiliationId, (id) => actorsById(ctx).load(id));
  }

  @FieldResolver(() => [Quote])
  quotes(@Root() source: Source, @Ctx() ctx: Context): Promise<Quote[]> {
    return quotesBySourceId(ctx).load(source.id);
  }

  @FieldResolver(() => [Stance])
  stances(@Root() source: Source, @Ctx() ctx: Context): Promise<Stance[]> {
    return stancesBySourceId(ctx).load(source.id);
  }

  @Mutation(() => Source)
  createSource(@Ctx() ctx: Context, @Arg('input', () => CreateSourceInput) input: CreateSourceInput): Promise<Source> {
    return inTransaction(ctx.db, (tx) => createSource(tx, input));
  }

  @Mutation(() => Source, { description: 'Corrects a source; an extracted source becomes MANUAL.' })
  updateSource(@Ctx() ctx: Context, @Arg('input', () => UpdateSourceInput) input: UpdateSourceInput): Promise<Source> {
    return inTransaction(ctx.db, (tx) => updateSource(tx, input));
  }

  @Mutation(() => ID, { description: 'Its quotes stay, unattributed; its stances are deleted with it.' })
  deleteSource(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<string> {
    return inTransaction(ctx.db, (tx) => deleteSource(tx, id));
  }
}

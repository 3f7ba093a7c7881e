import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Actor } from '../actor/actor.entity';
import { actorsById } from '../actor/actor.loaders';
import { Article } from '../article/article.entity';
import { articlesById } from '../article/article.loaders';
import { Span, spanOf } from '../common/span';
import type { Context } from '../common/context';
import { inTransaction } from '../database/transaction';
import { Mention } from './mention.entity';
import { createMention, deleteMention } from './mention-curation.service';
import { CreateMentionInput } from './mention.inputs';

@Resolver(() => Mention)
export class MentionResolver {
  @FieldResolver(() => Article)
  async article(@Root() mention: Mention, @Ctx() ctx: Context): Promise<Article> {
    return (await articlesById(ctx).load(mention.articleId)) as Article;
  }

  @FieldResolver(() => Actor)
  async actor(@Root() mention: Mention, @Ctx() ctx: Context): Promise<Actor> {
    return (await actorsById(ctx).load(mention.actorId)) as Actor;
  }

  @FieldResolver(() => Span)
  span(@Root() mention: Mention): Span {
    return spanOf(mention.articleId, mention.spanStart, mention.spanEnd) as Span;
  }

  @Mutation(() => Mention)
  createMention(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateMentionInput) input: CreateMentionInput,
  ): Promise<Mention> {
    return inTransaction(ctx.db, (tx) => createMention(tx, input));
  }

  @Mutation(() => ID)
  deleteMention(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<string> {
    return inTransaction(ctx.db, (tx) => deleteMention(tx, id));
  }
}

import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Article } from '../article/article.entity';
import { articlesById } from '../article/article.loaders';
import { Span, spanOf } from '../common/span';
import type { Context } from '../common/context';
import { inTransaction } from '../database/transaction';
import { PolicyQuestion } from '../policy-question/policy-question.entity';
import { policyQuestionsById } from '../policy-question/policy-question.loaders';
import { Quote } from '../quote/quote.entity';
import { quotesById } from '../quote/quote.loaders';
import { Source } from '../source/source.entity';
import { sourcesById } from '../source/source.loaders';
import { Stance } from './stance.entity';
import { deleteStance, setStance } from './stance-curation.service';
import { SetStanceInput } from './stance.inputs';

@Resolver(() => Stance)
export class StanceResolver {
  @FieldResolver(() => PolicyQuestion)
  async question(@Root() stance: Stance, @Ctx() ctx: Context): Promise<PolicyQuestion> {
    return (await policyQuestionsById(ctx).load(stance.questionId)) as PolicyQuestion;
  }

  @FieldResolver(() => Source)
  async source(@Root() stance: Stance, @Ctx() ctx: Context): Promise<Source> {
    return (await sourcesById(ctx).load(stance.sourceId)) as Source;
  }

  @FieldResolver(() => Article)
  async article(@Root() stance: Stance, @Ctx() ctx: Context): Promise<Article> {
    return (await articlesById(ctx).load(stance.articleId)) as Article;
  }

  @FieldResolver(() => Span, { nullable: true, description: 'The words that show the position.' })
  evidence(@Root() stance: Stance): Span | null {
    return spanOf(stance.articleId, stance.evidenceStart, stance.evidenceEnd);
  }

  @FieldResolver(() => Quote, { nullable: true, description: 'The quote the evidence is, when it is one.' })
  async quote(@Root() stance: Stance, @Ctx() ctx: Context): Promise<Quote | null> {
    return stance.quoteId ? ((await quotesById(ctx).load(stance.quoteId)) ?? null) : null;
  }

  @Mutation(() => Stance, { description: 'One stance per source and question: setting it again replaces it.' })
  setStance(@Ctx() ctx: Context, @Arg('input', () => SetStanceInput) input: SetStanceInput): Promise<Stance> {
    return inTransaction(ctx.db, (tx) => setStance(tx, input));
  }

  @Mutation(() => ID)
  deleteStance(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<string> {
    return inTransaction(ctx.db, (tx) => deleteStance(tx, id));
  }
}

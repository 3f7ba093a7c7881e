import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { actorsById } from '../actor/actor.loaders';
import { articlesById } from '../article/article.loaders';
import type { Context } from './context';
import { mentionsById } from '../mention/mention.loaders';
import { outletsById } from '../outlet/outlet.loaders';
import { policyQuestionsById } from '../policy-question/policy-question.loaders';
import { quotesById } from '../quote/quote.loaders';
import { sourcesById } from '../source/source.loaders';
import { stancesById } from '../stance/stance.loaders';
import { Revision } from '../revision/revision.entity';
import { entitiesById } from './by-id.loader';
import { fromGlobalId, toGlobalId } from './global-id';
import { Node } from './node.interface';

const loaderOfType: Record<string, (ctx: Context) => { load(id: string): Promise<object | undefined> }> = {
  Article: articlesById,
  Outlet: outletsById,
  Actor: actorsById,
  Source: sourcesById,
  Quote: quotesById,
  Mention: mentionsById,
  PolicyQuestion: policyQuestionsById,
  Stance: stancesById,
  Revision: (ctx) => entitiesById(ctx, Revision),
};

@Resolver(() => Node)
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global id; null when no such object exists.' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<object | null> {
    const decoded = fromGlobalId(id, 'id');
    const loader = loaderOfType[decoded.type];
    return loader ? ((await loader(ctx).load(decoded.id)) ?? null) : null;
  }

  /** Every Node's id: the row's uuid wrapped with the GraphQL type it is served as. */
  @FieldResolver(() => ID)
  id(@Root() node: { id: string }, @Info() info: GraphQLResolveInfo): string {
    return toGlobalId(info.parentType.name, node.id);
  }
}

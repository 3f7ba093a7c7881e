import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from './context';
import { fromGlobalId, toGlobalId } from './global-id';
import { Node } from './node.interface';

@Resolver(() => Node)
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global id; null when no such object exists.' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<object | null> {
    const decoded = fromGlobalId(id, 'id');
    const type = ctx.nodeTypes.get(decoded.type);
    return type ? ((await type.load(ctx, decoded.id)) ?? null) : null;
  }

  /** Every Node's id: the row's uuid wrapped with the GraphQL type it is served as. */
  @FieldResolver(() => ID)
  id(@Root() node: { id: string }, @Info() info: GraphQLResolveInfo): string {
    return toGlobalId(info.parentType.name, node.id);
  }
}

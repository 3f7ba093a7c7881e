import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from './context';
import { fromGlobalId } from './global-id';
import { Node } from './node.interface';

// Each Node's `id` is resolved by resolveGlobalIds (node-id.ts), on the built schema.
@Resolver(() => Node)
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global id; null when no such object exists.' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<object | null> {
    const decoded = fromGlobalId(id, 'id');
    const type = ctx.nodeTypes.get(decoded.type);
    return type ? ((await type.load(ctx, decoded.id)) ?? null) : null;
  }
}

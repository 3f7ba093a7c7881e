// Every Node's `id`: the row's uuid wrapped with the GraphQL type it is served as. Set on the built
// schema as a plain resolver rather than a type-graphql field resolver: `id` is the most often
// resolved field of all, and type-graphql's per-call argument handling cost more than the
// encoding itself (a third of the CPU of a page of 200 quotes).
import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import { toGlobalId } from './global-id';

const globalIdOf: GraphQLFieldResolver<{ id: string }, unknown> = (node, _args, _ctx, info) =>
  toGlobalId(info.parentType.name, node.id);

/** Makes every type that implements Node answer `id` with its global id. */
export function resolveGlobalIds(schema: GraphQLSchema): GraphQLSchema {
  const node = schema.getType('Node');
  for (const type of Object.values(schema.getTypeMap()))
    if (isObjectType(type) && type.getInterfaces().some((i) => i === node)) type.getFields().id.resolve = globalIdOf;
  return schema;
}

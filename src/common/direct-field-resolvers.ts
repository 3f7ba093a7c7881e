// Field resolvers that take no arguments (Quote.source, Source.actor, Article.outlet…) are called
// straight from the built schema instead of through type-graphql's handler, which on every call
// looks up the resolver instance, sorts and maps its parameter list and runs an (empty) middleware
// chain. With no middleware, no roles and no arguments to validate, the call is the same; a page
// of 200 quotes with their sources and actors makes 400 such calls.
import { type GraphQLSchema, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type Param = { kind: string; index: number; propertyName?: string };
/** A resolver class, as type-graphql's metadata names it. */
type ResolverClass = abstract new (...args: never[]) => object;

const DIRECT_KINDS = new Set(['root', 'context', 'info']);

/** Sets a plain resolver on every argument-free field resolver of `resolverClasses` (see above). */
export function resolveFieldsDirectly(schema: GraphQLSchema, resolverClasses: readonly ResolverClass[]): GraphQLSchema {
  const storage = getMetadataStorage();
  const instances = new Map<unknown, object>();
  for (const field of storage.fieldResolvers) {
    const params = [...((field.params ?? []) as Param[])].sort((a, b) => a.index - b.index);
    const direct =
      resolverClasses.includes(field.target as ResolverClass) &&
      !field.middlewares?.length &&
      !field.roles?.length &&
      params.every((p) => DIRECT_KINDS.has(p.kind) && !(p.kind === 'root' && p.propertyName));
    const objectClass = field.getObjectType?.();
    const typeName = storage.objectTypes.find((type) => type.target === objectClass)?.name;
    const type = typeName ? schema.getType(typeName) : undefined;
    if (!direct || !isObjectType(type) || !type.getFields()[field.schemaName]) continue;
    const instance = instances.get(field.target) ?? new (field.target as new () => object)();
    instances.set(field.target, instance);
    const method = (instance as Record<string, (...args: unknown[]) => unknown>)[field.methodName].bind(instance);
    type.getFields()[field.schemaName].resolve = (root: unknown, _args, context: Record<string, unknown>, info) =>
      method(
        ...params.map((p): unknown =>
          p.kind === 'root' ? root : p.kind === 'info' ? info : p.propertyName ? context[p.propertyName] : context,
        ),
      );
  }
  return schema;
}

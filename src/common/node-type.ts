// How `node(id:)` finds an object without common/ knowing the features: each feature registers the
// GraphQL types it serves as nodes with the loader that finds them by uuid, and the server hands
// the list to every request's context.
import type { Context } from './context';

export interface NodeType {
  /** The GraphQL type name that global ids carry. */
  readonly typeName: string;
  readonly load: (ctx: Context, id: string) => Promise<object | undefined>;
}

/** A registration for a type whose by-id loader is `loader`. */
export function nodeType(
  typeName: string,
  loader: (ctx: Context) => { load(id: string): Promise<object | undefined> },
): NodeType {
  return { typeName, load: (ctx, id) => loader(ctx).load(id) };
}

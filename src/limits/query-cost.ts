// What an operation would cost to run, weighed before it runs (graphql-query-complexity): rows are
// what cost, so an object costs 1, a scalar 0 (it comes with its object's row), and a connection or
// list multiplies what it selects by the number of items it may return; nested pages multiply.
import {
  type DocumentNode,
  getNamedType,
  getNullableType,
  getOperationAST,
  type GraphQLField,
  type GraphQLNamedType,
  GraphQLError,
  type GraphQLSchema,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
} from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { QueryLimitError } from './query-limit-error';

export interface CostLimit {
  readonly maxCost: number;
}

/** Items a connection is taken to return when `first` is null and the field declares no default. */
export const DEFAULT_PAGE_SIZE = 50;
/** Items a list without `first` or `limit` is taken to hold (an article's sources, an actor's memberships). */
export const ASSUMED_LIST_SIZE = 10;
/** Selections weighed at most; more (fragments spread into one another) is refused without finishing. */
export const MAX_WEIGHED_NODES = 10_000;

function isConnection(type: GraphQLNamedType): boolean {
  return isObjectType(type) && 'edges' in type.getFields() && 'pageInfo' in type.getFields();
}

/** How many items the field may return: its `first` (or `limit`), else an assumption by its type. */
function itemsOf(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  const requested = args.first ?? args.limit;
  if (typeof requested === 'number') return Math.max(requested, 0);
  if (isConnection(getNamedType(field.type))) return DEFAULT_PAGE_SIZE;
  return isListType(getNullableType(field.type)) ? ASSUMED_LIST_SIZE : 1;
}

const rowEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  // Introspection reads the schema in memory, bounded by its size: GraphiQL's query must pass.
  if (field.name === '__schema' || field.name === '__type') return 1;
  if (isLeafType(getNamedType(field.type))) return 0;
  // A connection's edges are the page its connection already paid for.
  if (isConnection(type)) return 1 + childComplexity;
  return 1 + itemsOf(field, args) * childComplexity;
};

/** The document with only the operation that will run (and every fragment). */
function withOnlyOperation(document: DocumentNode, operationName: string | null | undefined): DocumentNode | null {
  const operation = getOperationAST(document, operationName);
  if (!operation) return null;
  return {
    ...document,
    definitions: document.definitions.filter((d) => d.kind !== Kind.OPERATION_DEFINITION || d === operation),
  };
}

/**
 * The operation's cost. Undefined when it cannot be weighed because its variables do not fit it:
 * execution coerces the same variables and refuses them before any resolver runs.
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  operationName?: string | null,
): number | undefined {
  const query = withOnlyOperation(document, operationName);
  if (!query) return undefined;
  try {
    return getComplexity({
      schema,
      query,
      variables: variables ?? {},
      estimators: [rowEstimator],
      maxQueryNodes: MAX_WEIGHED_NODES,
    });
  } catch (error) {
    // The library's own refusal to weigh more nodes (a fragment spread into itself, many times over).
    if (error instanceof GraphQLError && error.message.startsWith('Query exceeds the maximum allowed number of nodes'))
      throw new QueryLimitError('cost', `the query selects more than ${MAX_WEIGHED_NODES} fields to weigh`);
    if (error instanceof GraphQLError) return undefined;
    throw error;
  }
}

/** Throws the cost refusal when the operation costs more than the limit. */
export function checkQueryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  operationName: string | null | undefined,
  { maxCost }: CostLimit,
): void {
  const cost = queryCost(schema, document, variables, operationName);
  if (cost !== undefined && cost > maxCost) throw QueryLimitError.exceeded('cost', 'query cost', cost, maxCost);
}

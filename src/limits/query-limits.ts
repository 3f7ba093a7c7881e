// The limits every GraphQL document meets before any SQL runs, in one place: their defaults, and how
// Apollo Server (/graphql) and POST /export apply them, so that both refuse the same queries alike.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ParseOptions,
  validate,
  type ValidationRule,
} from 'graphql';
import { documentLimitRules, type DocumentLimits } from './document-limit-rules';
import { suggestionsFilter } from './field-suggestions';
import { checkQueryCost, type CostLimit } from './query-cost';
import { QueryLimitError } from './query-limit-error';
import { queryLimitsPlugin } from './query-limits-plugin';
import { tokenLimitParseOptions, tokenLimitRefusalFrom, type TokenLimit } from './token-limit';
import { checkVariables, type VariablesLimits } from './variables-limit';

export interface QueryLimits extends DocumentLimits, TokenLimit, CostLimit, VariablesLimits {
  /** Whether error messages may carry GraphQL's "Did you mean …?" hints. */
  readonly fieldSuggestions: boolean;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = Object.freeze({
  maxDepth: 10,
  maxAliases: 30,
  maxDirectives: 50,
  maxTokens: 5000,
  // The cookbook's recipes cost at most 1,001, the README's queries 3,501, an export page of the
  // default query 4,001 and tests/api/statement-count.test.ts's nested query for 100 articles 32,401;
  // 500 articles of 500 quotes each cost 501,501.
  maxCost: 50_000,
  // Room for one article of MAX_BODY_BYTES (2 MiB) with its annotations, sent as a variable.
  maxVariablesBytes: 4 * 1024 * 1024,
  maxVariablesDepth: 20,
  fieldSuggestions: true,
});

export type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** The refusal inside an error as formatError receives it: itself, or wrapped by a parse or validation stage. */
function queryLimitErrorIn(error: unknown): QueryLimitError | undefined {
  let current = error;
  while (current instanceof Error) {
    if (current instanceof QueryLimitError) return current;
    const tokens = tokenLimitRefusalFrom(current);
    if (tokens) return tokens;
    const inner: unknown = (current as { originalError?: unknown }).originalError;
    if (inner === current) return undefined;
    current = inner;
  }
  return undefined;
}

/** A refusal's HTTP status rides in `extensions.http` for Apollo to set; it is not for clients to read. */
function withoutHttp(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('http' in formatted.extensions)) return formatted;
  const { http, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}

/**
 * Wraps formatError: a refusal reaches it as the QueryLimitError itself (BAD_USER_INPUT, limit),
 * not as the GRAPHQL_VALIDATION_FAILED or GRAPHQL_PARSE_FAILED Apollo wraps it in; and GraphQL's
 * suggestions are cut from every message unless limits.fieldSuggestions.
 */
export function formatErrorWithLimits(
  formatError: FormatError,
  limits: Pick<QueryLimits, 'fieldSuggestions'>,
): FormatError {
  const filterSuggestions = suggestionsFilter(limits.fieldSuggestions);
  return (formatted, error) => {
    const refusal = queryLimitErrorIn(error);
    return withoutHttp(
      filterSuggestions(refusal ? formatError(refusal.toJSON(), refusal) : formatError(formatted, error)),
    );
  };
}

export interface ApolloLimitOptions<TContext extends BaseContext> {
  readonly validationRules: ValidationRule[];
  readonly parseOptions: ParseOptions;
  readonly plugins: ApolloServerPlugin<TContext>[];
  readonly formatError: FormatError;
}

/** Options to spread into `new ApolloServer({...})`: add its other plugins to `plugins`. */
export function apolloLimitOptions<TContext extends BaseContext>(
  limits: QueryLimits,
  formatError: FormatError = (formatted) => formatted,
): ApolloLimitOptions<TContext> {
  return {
    validationRules: documentLimitRules(limits),
    parseOptions: tokenLimitParseOptions(limits),
    plugins: [queryLimitsPlugin<TContext>(limits)],
    formatError: formatErrorWithLimits(formatError, limits),
  };
}

/**
 * What /graphql checks after parsing, for a caller that runs graphql-js itself (POST /export): the
 * document's depth, aliases and directives, the variables, then the cost. Throws the first refusal.
 * Call it once the document has passed graphql-js validation (the cost is weighed on a valid one).
 */
export function checkExportQuery(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  limits: QueryLimits,
): void {
  const [refusal] = validate(schema, document, documentLimitRules(limits));
  if (refusal) throw refusal;
  checkVariables(variables, limits);
  checkQueryCost(schema, document, variables, undefined, limits);
}

// Depth, aliases and directives: graphql-armor's validation rules, made to report a QueryLimitError
// (BAD_USER_INPUT, extensions.limit) instead of throwing their own error out of validate(), so that
// Apollo Server's `validationRules` and graphql-js `validate(schema, document, rules)` refuse alike.
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import { QueryLimitError, type QueryLimitName } from './query-limit-error';

export interface DocumentLimits {
  /** Fields nested in one another, the leaf included: `{ quotes { totalCount } }` is 2 deep. */
  readonly maxDepth: number;
  /** Aliased fields in an operation, its fragments counted where they are spread. */
  readonly maxAliases: number;
  /** Directives in an operation, its fragments counted where they are spread. */
  readonly maxDirectives: number;
}

/**
 * The armor's callbacks: report our refusal, and do not throw (a rule that throws aborts validate()
 * with the bare error, which Apollo would answer as an internal error).
 */
function reportedAs(limit: QueryLimitName, measure: string, max: number) {
  const onReject = (context: ValidationContext | null, error: GraphQLError): void => {
    // The armor writes "Syntax Error: Query depth limit of 10 exceeded, found 11."
    const found = /found (\d+)/.exec(error.message);
    context?.reportError(
      found
        ? QueryLimitError.exceeded(limit, measure, Number(found[1]), max)
        : new QueryLimitError(limit, error.message.replace(/^Syntax Error: /, '')),
    );
  };
  return { n: max, exposeLimits: true, propagateOnRejection: false, onReject: [onReject] };
}

export function documentLimitRules(limits: DocumentLimits): ValidationRule[] {
  return [
    // Fragments count by the fields they hold, not as a level of their own (`... on Quote` adds none).
    maxDepthRule({ ...reportedAs('depth', 'query depth', limits.maxDepth), flattenFragments: true }),
    maxAliasesRule(reportedAs('aliases', 'the number of aliases', limits.maxAliases)),
    maxDirectivesRule(reportedAs('directives', 'the number of directives', limits.maxDirectives)),
  ];
}

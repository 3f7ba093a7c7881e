// The limits that need the request's variables, checked once Apollo has chosen the operation and
// before anything runs: the variables' size and nesting, then the operation's cost. An error thrown
// here becomes the response (an earlier hook's would be answered as an internal error).
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { checkQueryCost, type CostLimit } from './query-cost';
import { QueryLimitError } from './query-limit-error';
import { checkVariables, type VariablesLimits } from './variables-limit';

export function queryLimitsPlugin<TContext extends BaseContext>(
  limits: CostLimit & VariablesLimits,
): ApolloServerPlugin<TContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        async didResolveOperation({ schema, document, operationName, request, response }) {
          try {
            checkVariables(request.variables, limits);
            checkQueryCost(schema, document, request.variables, operationName, limits);
          } catch (error) {
            // Apollo answers a thrown error with 500 unless something set a status.
            if (error instanceof QueryLimitError) response.http.status = 400;
            throw error;
          }
        },
      }),
  };
}

// A query refused by a limit checked before it runs. The caller sent it, so the code is
// BAD_USER_INPUT, and extensions.limit names the limit, whichever stage of a pipeline refused it.
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';

export type QueryLimitName = 'depth' | 'aliases' | 'directives' | 'tokens' | 'cost' | 'variables';

export class QueryLimitError extends AppError {
  constructor(
    readonly limit: QueryLimitName,
    message: string,
  ) {
    super(ErrorCode.BadUserInput, message);
    // AppError builds its extensions from its own arguments; the limit's name rides beside the code.
    this.extensions.limit = limit;
    this.name = 'QueryLimitError';
  }

  /** "query depth is 11, over the limit of 10": what was measured, its figure and the limit's. */
  static exceeded(limit: QueryLimitName, measure: string, found: number, max: number): QueryLimitError {
    return new QueryLimitError(limit, `${measure} is ${found}, over the limit of ${max}`);
  }
}

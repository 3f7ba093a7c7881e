import { GraphQLError } from 'graphql';
import { ErrorCode } from './error-code';

/**
 * The one error class the services throw: a code, a message meant for the client, and the input
 * field at fault. formatError passes these through and masks everything else.
 */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    details?: Record<string, unknown>,
  ) {
    super(message, {
      extensions: { code, ...(field ? { field } : {}), ...(details ? { details } : {}) },
    });
    this.name = 'AppError';
  }

  static badInput(message: string, field?: string, details?: Record<string, unknown>): AppError {
    return new AppError(ErrorCode.BadUserInput, message, field, details);
  }

  static notFound(message: string, field?: string): AppError {
    return new AppError(ErrorCode.NotFound, message, field);
  }

  static conflict(message: string, field?: string, details?: Record<string, unknown>): AppError {
    return new AppError(ErrorCode.Conflict, message, field, details);
  }
}

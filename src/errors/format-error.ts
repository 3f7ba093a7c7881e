// The one place errors become what a client sees: coded errors pass through, PostgreSQL errors are
// mapped by SQLSTATE, and everything else is masked (no stack, no SQL) and logged here instead.
import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { AppError } from './app-error';
import { ErrorCode } from './error-code';

interface PgError {
  code?: string;
  constraint?: string;
  column?: string;
  message?: string;
}

/** Maps a PostgreSQL error to a coded error a client can act on, or undefined to mask it. */
export function fromPostgresError(error: PgError): AppError | undefined {
  switch (error.code) {
    case '23505':
      return AppError.conflict(`already exists (${error.constraint ?? 'unique constraint'})`, undefined, {
        constraint: error.constraint,
      });
    case '23503':
      return AppError.badInput(
        `refers to a row that does not exist or is still referred to (${error.constraint ?? 'foreign key'})`,
        undefined,
        {
          constraint: error.constraint,
        },
      );
    case '23514':
    case '23502':
      // Our own triggers write messages meant for people; check names say what they check.
      return AppError.badInput(error.message ?? 'violates a check', error.column, { constraint: error.constraint });
    case '57014':
      return new AppError(ErrorCode.Timeout, 'the query took longer than the statement timeout');
    // The arguments are checked before they reach SQL; these are the net under those checks.
    case '22021':
      return AppError.badInput('a value holds a character that cannot be stored as text (such as NUL)');
    case '54001':
      return AppError.badInput('the request is too complex for the database: make it shorter or simpler');
    default:
      return undefined;
  }
}

/**
 * An error Apollo raises about the request itself before any operation runs (a persisted query
 * whose hash does not match its text, an unsupported persisted query version): it carries an HTTP
 * 4xx status but no code, and nothing was thrown by our code or a library underneath it.
 */
function isRequestError(error: unknown): error is GraphQLError {
  if (!(error instanceof GraphQLError) || error.originalError || error.extensions.code !== undefined) return false;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

export const POOL_BUSY_MESSAGE = 'the database is busy: no connection came free in time; retry shortly';

/** pg-pool's own words when no connection came free within the wait (DATABASE_CONNECT_TIMEOUT_MS). */
export function isPoolWaitTimeout(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return (
    message === 'timeout exceeded when trying to connect' ||
    message === 'Connection terminated due to connection timeout'
  );
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof AppError) {
    return { ...base, message: original.message, extensions: { ...original.extensions } };
  }
  if (original instanceof QueryFailedError) {
    const mapped = fromPostgresError(original.driverError as PgError);
    if (mapped) return { ...base, message: mapped.message, extensions: { ...mapped.extensions } };
  }
  // Apollo's own code for a request it cannot run, as it answers a body that is not JSON.
  if (isRequestError(original)) return { ...base, extensions: { code: ApolloServerErrorCode.BAD_REQUEST } };
  if (isPoolWaitTimeout(original))
    return {
      ...base,
      message: POOL_BUSY_MESSAGE,
      extensions: { code: ErrorCode.Unavailable },
    };
  const code = formatted.extensions?.code;
  // Errors of GraphQL itself (parse, validation, variable coercion) are safe and useful as they are.
  if (typeof code === 'string' && code !== String(ErrorCode.Internal)) {
    return { ...base, extensions: { code } };
  }
  console.error('quotegraph: unexpected error', original);
  return { ...base, message: 'Internal server error', extensions: { code: ErrorCode.Internal } };
}

/** The codes a client sees in `extensions.code`. */
export enum ErrorCode {
  BadUserInput = 'BAD_USER_INPUT',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  Forbidden = 'FORBIDDEN',
  Unauthenticated = 'UNAUTHENTICATED',
  Timeout = 'TIMEOUT',
  /** Too many requests from one key or address: retry after `extensions.retryAfterSeconds`. */
  RateLimited = 'RATE_LIMITED',
  /** The server cannot serve now (no database connection in time, draining): retry later. */
  Unavailable = 'UNAVAILABLE',
  Internal = 'INTERNAL_SERVER_ERROR',
}

// Who a request is: the API key it presents (`Authorization: Bearer <key>`, or `X-API-Key: <key>`
// as the clients send it), checked against the stored hashes. A request without a key is
// anonymous, and may read unless reads need a key; a key that is unknown or revoked is refused
// outright (a client that sends a wrong key should hear so, not be served as anonymous).
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import { ANONYMOUS, type Caller, keyCaller } from '../common/caller';
import { ErrorCode } from '../errors/error-code';
import { isPoolWaitTimeout, POOL_BUSY_MESSAGE } from '../errors/format-error';
import { findLiveKey } from './api-key.service';
import { sendHttpError } from './http-error';

/** The key a request presents, or undefined; a malformed Authorization header is null. */
export function presentedKey(req: Request): string | null | undefined {
  const authorization = req.get('authorization');
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match ? match[1] : null;
  }
  return req.get('x-api-key')?.trim() || undefined;
}

export function callerOf(res: Response): Caller {
  return (res.locals.caller as Caller | undefined) ?? ANONYMOUS;
}

export function authenticate(dataSource: DataSource, config: Config): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const key = presentedKey(req);
    if (key === null)
      return sendHttpError(res, 401, ErrorCode.Unauthenticated, 'the Authorization header must be: Bearer <key>');
    if (key === undefined) {
      if (config.readAccess === 'key')
        return sendHttpError(
          res,
          401,
          ErrorCode.Unauthenticated,
          'this server needs an API key: send Authorization: Bearer <key>',
        );
      res.locals.caller = ANONYMOUS;
      return next();
    }
    findLiveKey(dataSource.manager, key).then(
      (record) => {
        if (!record)
          return sendHttpError(res, 401, ErrorCode.Unauthenticated, 'the API key is not valid: unknown or revoked');
        // Read by callerOf; the routes that write re-enter it as the acting caller once their body is read.
        res.locals.caller = keyCaller(record.id, record.role);
        next();
      },
      (error: unknown) =>
        isPoolWaitTimeout(error) ? sendHttpError(res, 503, ErrorCode.Unavailable, POOL_BUSY_MESSAGE) : next(error),
    );
  };
}

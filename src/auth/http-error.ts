// An error answered before GraphQL runs (a key refused, a host not served), in the shape GraphQL
// errors have, so that clients read every refusal the same way.
import type { Response } from 'express';
import type { ErrorCode } from '../errors/error-code';

export function sendHttpError(res: Response, status: number, code: ErrorCode, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

// Serves only the host names the server is meant to be reached by: a page on another site that
// rebinds its own name to 127.0.0.1 (DNS rebinding) sends its own name as Host, and is refused.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ErrorCode } from '../errors/error-code';
import { sendHttpError } from './http-error';

/** The Host header's name without its port, lower case; IPv6 literals keep their brackets. */
function hostNameOf(req: Request): string {
  const host = (req.get('host') ?? '').toLowerCase();
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
}

export function checkHost(allowedHosts: readonly string[]): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!allowedHosts.length || allowedHosts.includes(hostNameOf(req))) return next();
    sendHttpError(res, 421, ErrorCode.Forbidden, `this server does not serve the host ${hostNameOf(req) || '(none)'}`);
  };
}

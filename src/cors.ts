// Which web pages may call the API from another origin: notebooks (Jupyter on localhost:8888),
// local pages, and the origins CORS_ORIGINS lists.
import cors from 'cors';
import type { RequestHandler } from 'express';

const LOCALHOST = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

export function isAllowedOrigin(origin: string, allowed: readonly string[]): boolean {
  return allowed.some(
    (entry) => entry === '*' || entry === origin || (entry === 'localhost' && LOCALHOST.test(origin)),
  );
}

export function corsFor(allowed: readonly string[]): RequestHandler {
  return cors({
    origin: (origin, callback) => callback(null, origin === undefined || isAllowedOrigin(origin, allowed)),
    maxAge: 600,
  });
}

// Each HTTP request runs inside a scope that carries its id and its SQL statement counter, found
// through AsyncLocalStorage so that code with no request in hand (TypeORM's logger) still reaches it.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** Ids a proxy or a client may choose (UUIDs, ULIDs, hex trace ids); anything else is replaced. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export interface StatementCounter {
  readonly count: number;
  increment(): void;
}

export function createStatementCounter(): StatementCounter {
  let count = 0;
  return {
    get count() {
      return count;
    },
    increment: () => {
      count += 1;
    },
  };
}

export interface RequestScope {
  readonly requestId: string;
  readonly statements: StatementCounter;
  /** performance.now() when the request arrived. */
  readonly startedAt: number;
  /** Set once a GraphQL log line covers the request, so the HTTP line is not written twice. */
  loggedAsGraphQL: boolean;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/** The incoming id when it looks like one, else a fresh UUID. */
export function requestIdFrom(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** The scope of the request this code runs for; undefined outside one (start-up, a CLI). */
export function currentRequestScope(): RequestScope | undefined {
  return scopes.getStore();
}

/** Runs `work` inside a new scope: for work that is not an HTTP request but should be counted alike. */
export function runInRequestScope<T>(requestId: string, work: () => T): T {
  const scope: RequestScope = {
    requestId,
    statements: createStatementCounter(),
    startedAt: performance.now(),
    loggedAsGraphQL: false,
  };
  return scopes.run(scope, work);
}

/**
 * Express middleware, mounted first: gives the request its id (echoed in X-Request-Id) and runs
 * everything after it inside the request's scope.
 */
export function requestScopeMiddleware(): (req: Request, res: Response, next: NextFunction) => void {
  return (req, res, next) => {
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER.toLowerCase()]);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    runInRequestScope(requestId, next);
  };
}

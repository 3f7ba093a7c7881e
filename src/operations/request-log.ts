// Structured request logs: one JSON line per request on stdout (pino), with its id, the caller's key,
// its duration, its SQL statement count and, for GraphQL, its operation and error codes.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import pino, { type DestinationStream, type LevelWithSilent, type Logger } from 'pino';
import { currentRequestScope, type RequestScope } from './request-scope';

export const LOG_LEVELS: readonly LevelWithSilent[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
export const DEFAULT_LOG_LEVEL: LevelWithSilent = 'info';

export interface LoggerOptions {
  readonly level?: LevelWithSilent;
  /** Where lines go; stdout (written synchronously, so no line is lost at exit) by default. */
  readonly destination?: DestinationStream;
  /** false writes nothing: for tests. */
  readonly enabled?: boolean;
}

export function createLogger({ level = DEFAULT_LOG_LEVEL, destination, enabled = true }: LoggerOptions = {}): Logger {
  return pino(
    {
      level,
      enabled,
      timestamp: pino.stdTimeFunctions.isoTime,
      // "info" rather than 30: the lines are read by people as much as by machines.
      formatters: { level: (label) => ({ level: label }) },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

function elapsedMs(scope: RequestScope | undefined, startedAt: number): number {
  return Math.round((performance.now() - (scope?.startedAt ?? startedAt)) * 10) / 10;
}

function errorCodesOf(errors: readonly GraphQLFormattedError[] | undefined): string[] {
  const codes = (errors ?? []).map((error) => error.extensions?.code).filter((code) => typeof code === 'string');
  return [...new Set(codes)];
}

export interface GraphQLRequestLogOptions<TContext extends BaseContext> {
  readonly logger: Logger;
  /** The caller's API key id, from the context the server built; undefined for an anonymous call. */
  readonly keyIdOf?: (context: TContext) => string | null | undefined;
}

/**
 * An Apollo plugin writing one line per GraphQL operation. Duration and statements cover the whole
 * HTTP request (its scope), which is one operation since batched requests are off.
 */
export function graphqlRequestLogPlugin<TContext extends BaseContext>({
  logger,
  keyIdOf,
}: GraphQLRequestLogOptions<TContext>): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart(started) {
      const startedAt = performance.now();
      const scope = currentRequestScope();
      const keyId = keyIdOf?.(started.contextValue) ?? null;
      return {
        async willSendResponse({ response, operationName, request }) {
          const result = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
          if (scope) scope.loggedAsGraphQL = true;
          logger.info(
            {
              requestId: scope?.requestId ?? null,
              operationName: operationName ?? request.operationName ?? null,
              keyId,
              status: response.http.status ?? 200,
              durationMs: elapsedMs(scope, startedAt),
              statements: scope?.statements.count ?? null,
              errorCodes: errorCodesOf(result.errors),
            },
            'graphql request',
          );
        },
      };
    },
  };
}

export interface HttpRequestLogOptions {
  readonly logger: Logger;
  readonly keyIdOf?: (req: Request, res: Response) => string | null | undefined;
}

/**
 * Express middleware writing one line per request when it ends (answered or abandoned by the client),
 * unless the GraphQL plugin already wrote one: mount it after requestScopeMiddleware, on every route
 * but the probes, and a request that never reaches Apollo (a malformed body) is still logged.
 */
export function httpRequestLogMiddleware({
  logger,
  keyIdOf,
}: HttpRequestLogOptions): (req: Request, res: Response, next: NextFunction) => void {
  return (req, res, next) => {
    const startedAt = performance.now();
    const scope = currentRequestScope();
    const path = req.originalUrl.split('?')[0]?.slice(0, 200) ?? '';
    res.once('close', () => {
      if (scope?.loggedAsGraphQL) return;
      logger.info(
        {
          requestId: scope?.requestId ?? null,
          method: req.method,
          path,
          keyId: keyIdOf?.(req, res) ?? null,
          status: res.statusCode,
          // false when the client went away before the whole answer was sent.
          completed: res.writableFinished,
          durationMs: elapsedMs(scope, startedAt),
          statements: scope?.statements.count ?? null,
        },
        'http request',
      );
    });
    next();
  };
}

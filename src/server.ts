// The HTTP server without listen(): main.ts listens, tests drive it in-process.
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { DataSource, QueryRunner } from 'typeorm';
import { type Config, isLoopbackHost } from './config';
import { createContext, type Context } from './common/context';
import { NODE_TYPES } from './node-types';
import { formatError, isPoolWaitTimeout, POOL_BUSY_MESSAGE } from './errors/format-error';
import { ErrorCode } from './errors/error-code';
import { corsFor } from './cors';
import { createExportRouter } from './export/export.router';
import { createPlaygroundRouter } from './playground/playground.router';
import { accessPlugin } from './auth/access.plugin';
import { selectionPlugin } from './common/selection.plugin';
import { isBodyTooLarge, jsonBody } from './limits/json-body';
import { apolloLimitOptions, checkExportQuery } from './limits/query-limits';
import { authenticate, callerOf } from './auth/authenticate';
import { checkHost } from './auth/host-check';
import { liveLocalKey } from './auth/local-key';
import { actAs } from './common/caller';
import { canActAs, Role } from './common/role';
import { createHealthRouter } from './operations/health.router';
import { createLogger, graphqlRequestLogPlugin, httpRequestLogMiddleware } from './operations/request-log';
import { currentRequestScope, requestScopeMiddleware } from './operations/request-scope';
import type { Logger } from 'pino';

export interface ServerDependencies {
  readonly config: Config;
  readonly dataSource: DataSource;
  readonly schema: GraphQLSchema;
  /** The JSON request log; by default one at config.logLevel on stdout. */
  readonly logger?: Logger;
  /** True once the server is stopping: /readyz then answers 503. */
  readonly isDraining?: () => boolean;
}

export interface QuotegraphServer {
  readonly httpServer: http.Server;
  readonly apollo: ApolloServer<Context>;
  /** Stops Apollo and closes the HTTP server (after in-flight requests end). */
  stop(): Promise<void>;
}

// Errors outside GraphQL (malformed JSON, a body over the limit): a JSON error, never a stack.
function answerHttpError(
  error: { status?: number; type?: string },
  _req: express.Request,
  res: express.Response,
  _next: express.NextFunction,
): void {
  if (isPoolWaitTimeout(error)) {
    res.status(503).json({ errors: [{ message: POOL_BUSY_MESSAGE, extensions: { code: ErrorCode.Unavailable } }] });
    return;
  }
  const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
  if (status === 500) console.error('quotegraph: request failed', error);
  const message = isBodyTooLarge(error)
    ? `the request body is larger than ${error.limit.setting} (${error.limit.bytes} bytes) allows`
    : status === 500
      ? 'Internal server error'
      : 'the request is malformed (is it JSON?)';
  res.status(status).json({
    errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }],
  });
}

/**
 * A connection that runs its statements one after another: a request's loaders ask for several at
 * once, and a PostgreSQL connection answers one statement at a time (pg only queues them, warning).
 */
function oneQueryAtATime(runner: QueryRunner): QueryRunner {
  const query = runner.query.bind(runner);
  let previous: Promise<unknown> = Promise.resolve();
  runner.query = ((...args: Parameters<QueryRunner['query']>) => {
    const next = previous.then(() => query(...args));
    previous = next.catch(() => undefined);
    return next;
  }) as QueryRunner['query'];
  return runner;
}

/**
 * A request's context. Its statements share one connection, taken at its first statement and given
 * back when the response ends: one request (a thousand aliases, a deep query) holds one connection
 * of the pool at most, and cannot starve the others.
 */
function contextOf(req: express.Request, res: express.Response, { dataSource, config }: ServerDependencies): Context {
  const connection = oneQueryAtATime(dataSource.createQueryRunner());
  res.once('close', () => void connection.release());
  return createContext(connection.manager, config, NODE_TYPES, {
    caller: callerOf(res),
    // req.ip: the proxy's X-Forwarded-For when TRUST_PROXY says whom to trust, else the socket's address.
    clientAddress: req.ip ?? req.socket.remoteAddress ?? null,
    requestId: currentRequestScope()?.requestId,
  });
}

/** The JSON body, up to MAX_REQUEST_BYTES for an editor's imports and MAX_READ_REQUEST_BYTES for anyone else. */
function bodyFor(config: Config): express.RequestHandler {
  return jsonBody((_req, res) =>
    canActAs(callerOf(res).role, Role.EDITOR)
      ? { bytes: config.maxRequestBytes, setting: 'MAX_REQUEST_BYTES' }
      : { bytes: config.maxReadRequestBytes, setting: 'MAX_READ_REQUEST_BYTES' },
  );
}

/** The HTTP server: a client that takes longer than HEADERS_TIMEOUT_MS to send its headers is dropped (slowloris). */
function httpServerOf(app: express.Express, config: Config): http.Server {
  return http.createServer(
    {
      headersTimeout: config.headersTimeoutMs,
      // Node looks for expired headers this often (30 s by default): a shorter timeout is kept to closely.
      connectionsCheckingInterval: Math.min(30_000, Math.max(50, Math.floor(config.headersTimeoutMs / 4))),
    },
    app,
  );
}

export async function createServer(dependencies: ServerDependencies): Promise<QuotegraphServer> {
  const { config, dataSource, schema } = dependencies;
  const logger = dependencies.logger ?? createLogger({ level: config.logLevel });
  const app = express();
  const httpServer = httpServerOf(app, config);
  // Depth, aliases, directives, tokens, variables and cost, all checked before any resolver runs.
  const limits = apolloLimitOptions<Context>(config.queryLimits, formatError);
  const apollo = new ApolloServer<Context>({
    schema,
    ...limits,
    includeStacktraceInErrorResponses: false,
    introspection: config.graphqlIntrospection,
    // Apollo's landing page loads from a CDN; GET /graphql serves our offline playground instead.
    plugins: [
      ...limits.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      accessPlugin(config),
      selectionPlugin(),
      // No field has cache hints: without this, Apollo wraps every field's resolution to collect them.
      ApolloServerPluginCacheControlDisabled(),
      graphqlRequestLogPlugin<Context>({ logger, keyIdOf: (context) => context.caller.keyId }),
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(requestScopeMiddleware());
  // Probes come before the Host check: an orchestrator asks by the pod's address.
  app.use(createHealthRouter({ dataSource, isDraining: dependencies.isDraining ?? (() => false) }));
  app.use(httpRequestLogMiddleware({ logger, keyIdOf: (_req, res) => callerOf(res).keyId }));
  app.use(checkHost(config.allowedHosts));
  // A browser opened at the server's root lands in the playground.
  app.get('/', (_req, res) => res.redirect(302, '/graphql'));
  app.use(['/graphql', '/export'], corsFor(config.corsOrigins));
  // The local key goes into the page only where nobody but this machine can reach it: listening on
  // loopback, with the Host checked (DNS rebinding).
  const servesLocalKey = isLoopbackHost(config.host) && config.allowedHosts.length > 0;
  app.use(
    createPlaygroundRouter(dataSource, {
      localKey: servesLocalKey ? () => liveLocalKey(dataSource, config.apiKeyFile) : undefined,
    }),
  );
  app.use('/export', authenticate(dataSource, config));
  app.use(
    createExportRouter(schema, dataSource, config, {
      limits: { maxRows: config.exportMaxRows },
      checkQuery: (document, variables) => checkExportQuery(schema, document, variables, config.queryLimits),
    }),
  );
  app.use(
    '/graphql',
    authenticate(dataSource, config),
    bodyFor(config),
    // The body was read in stream events: the key's identity is carried on from here explicitly.
    (_req: express.Request, res: express.Response, next: express.NextFunction) => actAs(callerOf(res), next),
    expressMiddleware(apollo, { context: async ({ req, res }) => contextOf(req, res, dependencies) }),
  );
  app.use(answerHttpError);

  return {
    httpServer,
    apollo,
    stop: async () => {
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

// The HTTP server without listen(): main.ts listens, tests drive it in-process.
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Config } from './config';
import { createContext, type Context } from './common/context';
import { NODE_TYPES } from './node-types';
import { formatError } from './errors/format-error';
import { corsFor } from './cors';
import { createExportRouter } from './export/export.router';
import { createPlaygroundRouter } from './playground/playground.router';

export interface ServerDependencies {
  readonly config: Config;
  readonly dataSource: DataSource;
  readonly schema: GraphQLSchema;
}

export interface QuotegraphServer {
  readonly httpServer: http.Server;
  readonly apollo: ApolloServer<Context>;
  /** Stops Apollo and closes the HTTP server (after in-flight requests end). */
  stop(): Promise<void>;
}

export async function createServer({ config, dataSource, schema }: ServerDependencies): Promise<QuotegraphServer> {
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // Apollo's landing page loads from a CDN; GET /graphql serves our offline playground instead.
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  app.disable('x-powered-by');
  // A browser opened at the server's root lands in the playground.
  app.get('/', (_req, res) => res.redirect(302, '/graphql'));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(['/graphql', '/export'], corsFor(config.corsOrigins));
  app.use(createPlaygroundRouter(dataSource));
  app.use(createExportRouter(schema, dataSource, config));
  app.use(
    '/graphql',
    // Imports carry whole articles: the default leaves room for batches of long ones.
    express.json({ limit: config.maxRequestBytes }),
    expressMiddleware(apollo, { context: async () => createContext(dataSource.manager, config, NODE_TYPES) }),
  );
  // Errors outside GraphQL (malformed JSON, a body over the limit): a JSON error, never a stack.
  app.use(
    (
      error: { status?: number; type?: string },
      _req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
      if (status === 500) console.error('quotegraph: request failed', error);
      const message =
        status === 413
          ? 'the request body is larger than MAX_REQUEST_BYTES'
          : status === 500
            ? 'Internal server error'
            : 'the request is malformed (is it JSON?)';
      res.status(status).json({
        errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }],
      });
    },
  );

  return {
    httpServer,
    apollo,
    stop: async () => {
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

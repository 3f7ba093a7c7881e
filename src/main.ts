// Start-up: configuration -> database (migrated, seeded on first start) -> server -> listen.
// SIGINT and SIGTERM stop the server, then the database, embedded PostgreSQL included.
import 'reflect-metadata';
import { ensureLocalEditorKey } from './auth/local-key';
import { actAs, localCaller } from './common/caller';
import { ConfigError, loadConfig } from './config';
import { isCorpusEmpty, loadExampleCorpus } from './corpus/example-corpus';
import { openDatabase, type OpenDatabase } from './database/database';
import { exitWithFailure } from './errors/command-failure';
import { closeExtractionPool, configureExtractionPool } from './extraction-pool/extraction-pool';
import { GracefulShutdown } from './operations/graceful-shutdown';
import { createLogger } from './operations/request-log';
import { createStatementCountingLogger } from './operations/statement-counting-logger';
import { createSchema } from './schema';
import { createServer, type QuotegraphServer } from './server';

/** One line, never a stack: a start that fails says why and stops. */
function fail(error: unknown): never {
  exitWithFailure('quotegraph: cannot start', error, false);
}

function listen(server: QuotegraphServer, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.httpServer.once('error', reject);
    server.httpServer.listen(port, host, () => resolve());
  });
}

/** Stops accepting, lets requests in flight finish within the grace, then closes Apollo and the database. */
function gracefulShutdownOf(
  server: QuotegraphServer,
  database: OpenDatabase,
  graceMs: number,
  logger: ReturnType<typeof createLogger>,
): GracefulShutdown {
  return new GracefulShutdown({
    httpServer: server.httpServer,
    stopApollo: () => server.apollo.stop(),
    endCutWork: async () => {
      // The pool refuses new work from now (an importArticles cut between two items starts no
      // third), and the sessions still busy end now rather than whenever their statements finish.
      const closing = database.dataSource.destroy();
      const ended = await database.endBusySessions();
      await closing;
      logger.warn({ sessions: ended }, `shutting down: ended ${ended} database session(s) of the cut requests`);
    },
    closeDatabase: async () => {
      await closeExtractionPool();
      await database.close();
    },
    graceMs,
    log: logger,
  });
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    fail(error);
  }

  const logger = createLogger({ level: config.logLevel });
  let database: OpenDatabase | undefined;
  let server: QuotegraphServer | undefined;
  let shutdown: GracefulShutdown | undefined;
  let stopping = false;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    // Once serving, the graceful shutdown answers every signal (a second one cuts the grace short).
    if (shutdown) return void shutdown.shutdown(signal);
    if (stopping) return;
    stopping = true;
    console.log(`quotegraph: ${signal}: stopping`);
    await server?.stop().catch((error) => console.error('quotegraph: stopping the server failed:', error));
    await database?.close().catch((error) => console.error('quotegraph: closing the database failed:', error));
    process.exit(0);
  };
  // Registered before the database starts, so that Ctrl-C during start-up also stops PostgreSQL.
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));

  try {
    database = await openDatabase(config, { migrate: true, logger: createStatementCountingLogger });
    if (config.seedExampleCorpus && (await isCorpusEmpty(database.dataSource))) {
      const results = await actAs(localCaller(), () => loadExampleCorpus((database as OpenDatabase).dataSource));
      console.log(
        `quotegraph: loaded the example corpus (${results.length} article${results.length === 1 ? '' : 's'})`,
      );
    }
    // The zero-config start: the first one makes an editor key for this machine's playground and clients.
    const newKey = config.databaseUrl ? null : await ensureLocalEditorKey(database.dataSource, config.apiKeyFile);
    if (newKey)
      console.log(
        `quotegraph: made an editor API key, kept in ${config.apiKeyFile} for the playground and clients on this machine; it is shown only now:\n${newKey}`,
      );
    await configureExtractionPool({ threads: config.extractionThreads, maxQueue: config.extractionMaxQueue });
    server = await createServer({
      config,
      dataSource: database.dataSource,
      schema: await createSchema(),
      logger,
      isDraining: () => shutdown?.isDraining() ?? false,
    });
    // Before listening: it counts the requests in flight from the first one.
    shutdown = gracefulShutdownOf(server, database, config.shutdownGraceMs, logger);
    await listen(server, config.host, config.port);
  } catch (error) {
    await server?.stop().catch(() => undefined);
    await database?.close().catch(() => undefined);
    if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
      fail(new ConfigError('PORT', `is already in use on ${config.host}`, String(config.port)));
    }
    fail(error);
  }
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`quotegraph: listening on http://${config.host}:${port}/graphql, database: ${database.description}`);
}

void main();

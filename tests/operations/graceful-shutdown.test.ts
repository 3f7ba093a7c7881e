// A shutdown lets the requests in flight finish and exits 0; one that outlasts the grace period has
// its connection cut and the exit code says so. The slow handler waits on a promise the test
// releases, so nothing depends on timing but the grace period chosen here.
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GracefulShutdown, type ShutdownLog } from '../../src/operations/graceful-shutdown';

interface Reply {
  status: number;
  connection: string | undefined;
  body: string;
}

function get(port: number): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/import', agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, body }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/** A server whose every request waits until the test releases it. */
async function startSlowServer() {
  let markStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const server = http.createServer((_req, res) => {
    markStarted();
    void released.then(() => res.end('imported 3 articles'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, started, release };
}

function recorder() {
  const steps: string[] = [];
  const lines: { level: string; details: object; message: string }[] = [];
  const log: ShutdownLog = {
    info: (details, message) => lines.push({ level: 'info', details, message }),
    warn: (details, message) => lines.push({ level: 'warn', details, message }),
    error: (details, message) => lines.push({ level: 'error', details, message }),
  };
  let exited: (code: number) => void = () => undefined;
  const exitCode = new Promise<number>((resolve) => (exited = resolve));
  const exit = (code: number) => {
    steps.push(`exit ${code}`);
    exited(code);
  };
  const endCutWork = async () => void steps.push('end cut work');
  const stopApollo = async () => void steps.push('stop apollo');
  const closeDatabase = async () => void steps.push('close database');
  return { steps, lines, log, exit, exitCode, endCutWork, stopApollo, closeDatabase };
}

describe('graceful shutdown', () => {
  test('on SIGTERM an in-flight request gets its whole reply, then Apollo and the database stop and the exit code is 0', async () => {
    const slow = await startSlowServer();
    const record = recorder();
    const shutdown = new GracefulShutdown({ httpServer: slow.server, graceMs: 60_000, ...record });
    const signals = new EventEmitter();
    shutdown.listenForSignals(signals);

    const reply = get(slow.port);
    await slow.started;
    signals.emit('SIGTERM', 'SIGTERM');

    expect(shutdown.isDraining()).toBe(true);
    expect(slow.server.listening).toBe(false);
    await expect(get(slow.port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(record.steps).toEqual([]);

    slow.release();
    expect(await reply).toEqual({ status: 200, connection: 'close', body: 'imported 3 articles' });
    expect(await record.exitCode).toBe(0);
    expect(record.steps).toEqual(['stop apollo', 'close database', 'exit 0']);
    expect(record.lines.map((line) => line.level)).toEqual(['info', 'info']);
    expect(record.lines[0]).toEqual({
      level: 'info',
      details: { reason: 'SIGTERM', requestsInFlight: 1, graceMs: 60_000 },
      message: 'shutting down: draining',
    });
  });

  test('a GraphQL mutation in flight gets its answer before Apollo, with its own drain plugin, stops', async () => {
    let markStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const app = express();
    const httpServer = http.createServer(app);
    const apollo = new ApolloServer({
      typeDefs: 'type Query { ok: Boolean } type Mutation { importArticles: Int! }',
      resolvers: {
        Mutation: {
          importArticles: async () => {
            markStarted();
            await released;
            return 3;
          },
        },
      },
      plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
    });
    await apollo.start();
    app.use('/graphql', express.json(), expressMiddleware(apollo));
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    const record = recorder();
    const shutdown = new GracefulShutdown({
      ...record,
      httpServer,
      graceMs: 60_000,
      stopApollo: async () => {
        await apollo.stop();
        record.steps.push('stop apollo');
      },
    });

    const answer = fetch(`http://127.0.0.1:${(httpServer.address() as AddressInfo).port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { importArticles }' }),
    });
    await started;
    const code = shutdown.shutdown('SIGTERM');
    release();

    const response = await answer;
    expect(response.headers.get('connection')).toBe('close');
    expect(await response.json()).toEqual({ data: { importArticles: 3 } });
    expect(await code).toBe(0);
    expect(record.steps).toEqual(['stop apollo', 'close database', 'exit 0']);
  });

  test('a request that outlasts the grace period is cut, the rest still stops, and the exit code is 1', async () => {
    const slow = await startSlowServer();
    const record = recorder();
    const shutdown = new GracefulShutdown({ httpServer: slow.server, graceMs: 200, ...record });

    const reply = get(slow.port);
    await slow.started;
    const code = shutdown.shutdown('SIGTERM');

    await expect(reply).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(await code).toBe(1);
    // The cut requests' database work ends first: none of them goes on to commit while Apollo stops.
    expect(record.steps).toEqual(['end cut work', 'stop apollo', 'close database', 'exit 1']);
    expect(record.lines.find((line) => line.level === 'warn')).toEqual({
      level: 'warn',
      details: { cut: 1, graceMs: 200 },
      message: 'shutting down: cut 1 request(s) still running after the grace period',
    });
    slow.release();
  });

  test('a second signal ends the grace period at once and cuts what is still running', async () => {
    const slow = await startSlowServer();
    const record = recorder();
    const shutdown = new GracefulShutdown({ httpServer: slow.server, graceMs: 60_000, ...record });
    const signals = new EventEmitter();
    shutdown.listenForSignals(signals);

    const reply = get(slow.port);
    await slow.started;
    signals.emit('SIGTERM', 'SIGTERM');
    signals.emit('SIGINT', 'SIGINT');

    await expect(reply).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(await record.exitCode).toBe(1);
    expect(record.steps).toEqual(['end cut work', 'stop apollo', 'close database', 'exit 1']);
    slow.release();
  });

  test('with nothing in flight, an idle kept-alive connection does not hold the shutdown', async () => {
    const slow = await startSlowServer();
    slow.release();
    const record = recorder();
    const shutdown = new GracefulShutdown({ httpServer: slow.server, graceMs: 60_000, ...record });
    const agent = new http.Agent({ keepAlive: true });
    const body = await new Promise<string>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: slow.port, path: '/', agent }, (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => resolve(text));
        })
        .on('error', reject);
    });
    expect(body).toBe('imported 3 articles');

    expect(await shutdown.shutdown('SIGTERM')).toBe(0);
    expect(record.steps).toEqual(['stop apollo', 'close database', 'exit 0']);
    agent.destroy();
  });

  test('a database that fails to close is logged and makes the exit code 1', async () => {
    const slow = await startSlowServer();
    const record = recorder();
    const shutdown = new GracefulShutdown({
      ...record,
      httpServer: slow.server,
      closeDatabase: () => Promise.reject(new Error('pool already ended')),
    });

    expect(await shutdown.shutdown('SIGINT')).toBe(1);
    expect(record.steps).toEqual(['stop apollo', 'exit 1']);
    expect(record.lines.find((line) => line.level === 'error')).toEqual({
      level: 'error',
      details: { error: 'pool already ended' },
      message: 'shutting down: closing the database failed',
    });
    slow.release();
  });
});

// The compiled app as a user starts it (`npm test` builds it first): configuration errors, the
// embedded database, signals and restarts.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { killChildren, postgresProcessesOf, startChild, type ChildRun } from '../setup/child-process';
import { freePort } from '../setup/free-port';

const MAIN = path.join(__dirname, '../../dist/src/main.js');

function startApp(env: Record<string, string>): ChildRun {
  const { DATABASE_URL: _ignored, TEST_DATABASE_URL: _alsoIgnored, ...inherited } = process.env;
  return startChild(process.execPath, [MAIN], { env: { ...inherited, ...env } });
}

/** A server that accepts connections and never answers, as a database behind a dropping firewall looks. */
async function silentServer(): Promise<{ port: number; connections(): number; close(): void }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    sockets.push(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    connections: () => sockets.length,
    close: () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

async function query(port: number, text: string, key?: string): Promise<any> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query: text }),
  });
  return response.json();
}

beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` (npm test does)`);
});

afterEach(killChildren);

describe('starting the app', () => {
  test('PORT=abc stops the start with one line naming PORT', async () => {
    const run = startApp({ PORT: 'abc' });
    expect((await run.exited).code).toBe(1);
    expect(run.output().trim().split('\n')).toEqual([
      'quotegraph: cannot start: PORT must be a whole number from 0 to 65535 (got "abc")',
    ]);
  });

  // Not a wall-clock bound: a server that never answers holds a start that ignores the connect
  // timeout forever, and a start that retries opens a second connection.
  test('an unreachable DATABASE_URL stops the start after one connection attempt, with one line naming the database', async () => {
    const silent = await silentServer();
    try {
      const run = startApp({
        DATABASE_URL: `postgres://postgres:secret@127.0.0.1:${silent.port}/quotegraph`,
        DATABASE_CONNECT_TIMEOUT_MS: '2000',
      });
      expect((await run.exited).code).toBe(1);
      const lines = run.output().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        new RegExp(
          `^quotegraph: cannot start: cannot use the database at postgres://postgres@127\\.0\\.0\\.1:${silent.port}/quotegraph: `,
        ),
      );
      expect(lines[0]).not.toContain('secret');
      expect(silent.connections()).toBe(1);
    } finally {
      silent.close();
    }
  });

  test('with no configuration: embedded PostgreSQL, the example corpus, a clean stop on SIGINT, and the same data on restart', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'quotegraph-start-'));
    const env = {
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      EMBEDDED_POSTGRES_DIR: dataDir,
      API_KEY_FILE: path.join(dataDir, '..', `${path.basename(dataDir)}.api-key`),
    };
    const quotesQuery = `{ articles { totalCount } quotes(first: 20) { totalCount edges { node { kind text } } } }`;
    try {
      const first = startApp(env);
      await first.waitForOutput(/listening on/);
      expect(first.output()).toContain('loaded the example corpus');
      expect(first.output()).toContain(`embedded PostgreSQL in ${dataDir}`);
      const answer = await query(Number(env.PORT), quotesQuery);
      // The example corpus: 25 articles; its quote count follows the extractors, so only its presence is checked.
      expect(answer.data.articles.totalCount).toBe(25);
      expect(answer.data.quotes.totalCount).toBeGreaterThan(25);
      expect(postgresProcessesOf(dataDir)).not.toEqual([]);

      // The first start made an editor key, printed it once and kept it for this machine's clients.
      const key = readFileSync(env.API_KEY_FILE, 'utf8').trim();
      expect(first.output()).toContain(`it is shown only now:\n${key}\n`);
      expect(statSync(env.API_KEY_FILE).mode & 0o777).toBe(0o600);
      const IMPORT = `mutation { importArticle(input: { title: "Kept", body: "The key works.", extract: false }) { created } }`;
      expect((await query(Number(env.PORT), IMPORT)).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect((await query(Number(env.PORT), IMPORT, key)).data.importArticle.created).toBe(true);
      answer.data.articles.totalCount += 1;

      first.child.kill('SIGINT');
      expect((await first.exited).code).toBe(0);
      expect(postgresProcessesOf(dataDir)).toEqual([]);

      const second = startApp(env);
      await second.waitForOutput(/listening on/);
      expect(second.output()).not.toContain('loaded the example corpus');
      expect(second.output()).not.toContain('made an editor API key');
      expect(await query(Number(env.PORT), quotesQuery)).toEqual(answer);
      second.child.kill('SIGTERM');
      expect((await second.exited).code).toBe(0);
      expect(postgresProcessesOf(dataDir)).toEqual([]);
    } finally {
      // After a failure: the app first, then a PostgreSQL it may have left behind.
      await killChildren();
      for (const pid of postgresProcessesOf(dataDir)) process.kill(Number(pid), 'SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(env.API_KEY_FILE, { force: true });
    }
  });
});

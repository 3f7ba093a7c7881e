// SIGTERM while importArticles runs, through the compiled server as `npm start` runs it (`npm test`
// builds it first). Within the grace period the import finishes and its client gets the answer;
// cut at the end of it, its transaction is ended and rolls back, and the exit code is 1.
// The import is held at a table lock the test takes, and the test goes on once PostgreSQL shows the
// server's session waiting for it: no verdict depends on timing.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createApiKey } from '../../src/auth/api-key.service';
import { Role } from '../../src/common/role';
import { killChildren, startChild, type ChildRun } from '../setup/child-process';
import { holdArticleInserts } from '../setup/article-insert-lock';
import { freePort } from '../setup/free-port';
import { createTestDatabase, type TestDatabase } from '../setup/test-database';

const MAIN = path.join(__dirname, '../../dist/src/main.js');

const IMPORT = `mutation ($inputs: [ImportArticleInput!]!) {
  importArticles(inputs: $inputs) { createdCount failedCount items { created } }
}`;
const INPUTS = [1, 2, 3].map((n) => ({
  url: `https://shutdown.example/${n}`,
  title: `Held import ${n}`,
  body: `Article ${n} of an import that a shutdown meets.`,
  extract: false,
}));

interface Server {
  readonly run: ChildRun;
  readonly port: number;
  readonly key: string;
}

async function startServer(database: TestDatabase, graceMs: number, folder: string): Promise<Server> {
  const { key } = await createApiKey(database.dataSource.manager, 'shutdown test', Role.EDITOR);
  const port = await freePort();
  const { TEST_DATABASE_URL: _ignored, ...inherited } = process.env;
  const run = startChild(process.execPath, [MAIN], {
    env: {
      ...inherited,
      DATABASE_URL: database.url,
      HOST: '127.0.0.1',
      PORT: String(port),
      SEED_EXAMPLE_CORPUS: 'false',
      SHUTDOWN_GRACE_MS: String(graceMs),
      API_KEY_FILE: path.join(folder, 'api-key'),
      LOG_LEVEL: 'info',
    },
  });
  await run.waitForOutput(/listening on/);
  return { run, port, key };
}

/** Resolves once a session of the server (application_name "quotegraph …") waits for a lock. */
async function serverWaitsForALock(blocker: Client, database: string): Promise<void> {
  for (;;) {
    const { rows } = await blocker.query(
      `SELECT 1 FROM pg_stat_activity
       WHERE datname = $1 AND application_name LIKE 'quotegraph %' AND wait_event_type = 'Lock'`,
      [database],
    );
    if (rows.length) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function sendImport(server: Server): Promise<Response> {
  return fetch(`http://127.0.0.1:${server.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.key}` },
    body: JSON.stringify({ query: IMPORT, variables: { inputs: INPUTS } }),
  });
}

async function storedImports(database: TestDatabase): Promise<number> {
  const [{ n }] = await database.dataSource.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM articles WHERE url LIKE 'https://shutdown.example/%'`,
  );
  return n;
}

describe('SIGTERM while importArticles runs', () => {
  let database: TestDatabase;
  let folder: string;

  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` (npm test does)`);
  });

  beforeEach(async () => {
    database = await createTestDatabase();
    folder = mkdtempSync(path.join(os.tmpdir(), 'quotegraph-shutdown-'));
  });

  /** The server with this grace period, and its importArticles waiting at a lock the test holds. */
  async function importHeldAtALock(graceMs: number) {
    const server = await startServer(database, graceMs, folder);
    const blocker = await holdArticleInserts(database.url);
    const answer = sendImport(server);
    await serverWaitsForALock(blocker, database.name);
    return { server, blocker, answer };
  }

  afterEach(async () => {
    await killChildren();
    await database.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  test('within the grace period the import finishes, its client gets the answer, and the exit code is 0', async () => {
    const { server, blocker, answer } = await importHeldAtALock(60_000);
    server.run.child.kill('SIGTERM');
    await server.run.waitForOutput(/shutting down: draining/);
    await blocker.query('COMMIT');
    await blocker.end();

    const response = await answer;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: {
        importArticles: {
          createdCount: 3,
          failedCount: 0,
          items: [{ created: true }, { created: true }, { created: true }],
        },
      },
    });
    expect((await server.run.exited).code).toBe(0);
    expect(await storedImports(database)).toBe(3);
  });

  test('cut at the end of the grace period, the import’s transaction is ended, nothing of it is stored, and the exit code is 1', async () => {
    const { server, blocker, answer } = await importHeldAtALock(300);
    server.run.child.kill('SIGTERM');
    await expect(answer).rejects.toThrow();
    expect((await server.run.exited).code).toBe(1);
    expect(server.run.output()).toContain('cut 1 request(s) still running after the grace period');
    expect(server.run.output()).toContain('ended 1 database session(s) of the cut requests');

    // With the lock released, nothing of the import is there: its transaction was ended, not left to finish.
    await blocker.query('COMMIT');
    await blocker.end();
    expect(await storedImports(database)).toBe(0);
  });
});

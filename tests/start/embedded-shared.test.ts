// The command-line scripts and the server share one embedded PostgreSQL per data folder: a script
// run while the server runs uses the server's PostgreSQL (and leaves it running), a script run alone
// starts its own and stops it when done. Runs the compiled app (`npm test` builds dist/ first;
// QUOTEGRAPH_DIST points at another build, to check one without touching dist/).
import { execFileSync } from 'node:child_process';
import { closeSync, constants, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { killChildren, postgresProcessesOf, startChild, type ChildRun } from '../setup/child-process';
import { freePort } from '../setup/free-port';

const DIST = process.env.QUOTEGRAPH_DIST ?? path.join(__dirname, '../../dist');
const MAIN = path.join(DIST, 'src/main.js');
const IMPORT = path.join(DIST, 'src/import/import.cli.js');
const MIGRATE = path.join(DIST, 'src/database/migrate.js');

interface Folder {
  readonly dataDir: string;
  readonly env: Record<string, string>;
}

async function newFolder(): Promise<Folder> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'quotegraph-shared-'));
  const env = {
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    EMBEDDED_POSTGRES_PORT: String(await freePort()),
    EMBEDDED_POSTGRES_DIR: dataDir,
    API_KEY_FILE: path.join(dataDir, '..', `${path.basename(dataDir)}.api-key`),
    // Only the imported articles, so that the answers below are exactly them.
    SEED_EXAMPLE_CORPUS: 'false',
  };
  return { dataDir, env };
}

function run(script: string, args: string[], folder: Folder): ChildRun {
  const { DATABASE_URL: _ignored, TEST_DATABASE_URL: _alsoIgnored, ...inherited } = process.env;
  return startChild(process.execPath, [script, ...args], { env: { ...inherited, ...folder.env } });
}

function articleFile(folder: Folder, title: string): string {
  const file = path.join(folder.dataDir, '..', `${path.basename(folder.dataDir)}-${title.replace(/\W+/g, '-')}.jsonl`);
  const body = `${title}. "We will keep the bridge open," the mayor said on Tuesday.`;
  writeFileSync(
    file,
    `${JSON.stringify({ title, body, url: `https://shared.example/${encodeURIComponent(title)}`, language: 'en' })}\n`,
  );
  return file;
}

async function articleTitles(folder: Folder): Promise<string[]> {
  const response = await fetch(`http://127.0.0.1:${folder.env.PORT}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ articles(first: 50) { edges { node { title } } } }' }),
  });
  const answer = (await response.json()) as { data: { articles: { edges: { node: { title: string } }[] } } };
  return answer.data.articles.edges.map((edge) => edge.node.title).sort();
}

/** Waits (up to 30 s) until PostgreSQL on the folder reports itself ready in its lock file. */
async function waitForReadyPostgres(folder: Folder): Promise<void> {
  const lockFile = path.join(folder.dataDir, 'postmaster.pid');
  for (let tries = 0; tries < 300; tries += 1) {
    if (existsSync(lockFile) && readFileSync(lockFile, 'utf8').split('\n')[7]?.trim() === 'ready') return;
    await sleep(100);
  }
  throw new Error(`PostgreSQL on ${folder.dataDir} did not become ready`);
}

async function cleanUp(folder: Folder, files: string[]): Promise<void> {
  await killChildren();
  for (const pid of postgresProcessesOf(folder.dataDir)) process.kill(Number(pid), 'SIGKILL');
  rmSync(folder.dataDir, { recursive: true, force: true });
  for (const file of files)
    for (const suffix of ['', '.failures.jsonl', '.checkpoint.json']) rmSync(file + suffix, { force: true });
}

beforeAll(() => {
  for (const file of [MAIN, IMPORT, MIGRATE]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` (npm test does)`);
  }
});

afterEach(killChildren);

describe('one embedded PostgreSQL per data folder', () => {
  test('import and migrate beside the running server use its PostgreSQL, and the server serves the imported article', async () => {
    const folder = await newFolder();
    const file = articleFile(folder, 'Bridge stays open');
    try {
      const server = run(MAIN, [], folder);
      await server.waitForOutput(/listening on/);
      expect(await articleTitles(folder)).toEqual([]);
      const serverPostgres = postgresProcessesOf(folder.dataDir);
      expect(serverPostgres).not.toEqual([]);

      const migrate = run(MIGRATE, [], folder);
      expect(await migrate.exited).toEqual({ code: 0, signal: null });
      expect(migrate.output()).toMatch(
        /no pending migration on embedded PostgreSQL in .*already running as PostgreSQL process \d+/,
      );

      const importer = run(IMPORT, [file, '--no-extract'], folder);
      expect(await importer.exited).toEqual({ code: 0, signal: null });
      expect(importer.output()).not.toContain('postmaster.pid');
      expect(importer.output()).toMatch(/created: +1\n/);

      // The importer left the server's PostgreSQL running: the server answers with the article.
      expect(postgresProcessesOf(folder.dataDir)).toEqual(serverPostgres);
      expect(await articleTitles(folder)).toEqual(['Bridge stays open']);

      server.child.kill('SIGINT');
      expect((await server.exited).code).toBe(0);
      expect(postgresProcessesOf(folder.dataDir)).toEqual([]);
    } finally {
      await cleanUp(folder, [file]);
    }
  });

  test('import with no server running starts PostgreSQL, stops it when done, and the server started later serves the article', async () => {
    const folder = await newFolder();
    const file = articleFile(folder, 'Ferry timetable changes');
    try {
      const importer = run(IMPORT, [file, '--no-extract'], folder);
      expect(await importer.exited).toEqual({ code: 0, signal: null });
      expect(importer.output()).toMatch(/created: +1\n/);
      expect(postgresProcessesOf(folder.dataDir)).toEqual([]);

      const server = run(MAIN, [], folder);
      await server.waitForOutput(/listening on/);
      expect(server.output()).not.toContain('already running');
      expect(await articleTitles(folder)).toEqual(['Ferry timetable changes']);
      server.child.kill('SIGTERM');
      expect((await server.exited).code).toBe(0);
      expect(postgresProcessesOf(folder.dataDir)).toEqual([]);
    } finally {
      await cleanUp(folder, [file]);
    }
  });

  test('import that started PostgreSQL leaves it running when done while another client is still connected', async () => {
    const folder = await newFolder();
    // A named pipe as the input: the import opens the database (starting PostgreSQL) and then waits
    // for the article, so the test can connect before the import ends.
    const fifo = `${folder.dataDir}-input.jsonl`;
    execFileSync('mkfifo', [fifo]);
    const connect = (database: string) => {
      const connection = new Client({
        user: 'postgres',
        password: 'quotegraph',
        host: '127.0.0.1',
        port: Number(folder.env.EMBEDDED_POSTGRES_PORT),
        database,
      });
      connection.on('error', () => undefined);
      return connection;
    };
    // The maintenance database exists once PostgreSQL is ready; the import creates its own database
    // after that, so the connection held beside the import uses the former.
    const client = connect('postgres');
    let writerOpened = false;
    try {
      const importer = run(IMPORT, [fifo, '--no-extract'], folder);
      await Promise.race([
        waitForReadyPostgres(folder),
        importer.exited.then(() => Promise.reject(new Error(`the import exited early:\n${importer.output()}`))),
      ]);
      await client.connect();

      const writer = await Promise.race([
        open(fifo, 'w'),
        importer.exited.then(() => Promise.reject(new Error(`the import exited early:\n${importer.output()}`))),
      ]);
      writerOpened = true;
      const body = 'Harbour dredging starts. "We begin in May," the harbour master said on Monday.';
      await writer.write(
        `${JSON.stringify({ title: 'Harbour dredging starts', body, url: 'https://shared.example/harbour', language: 'en' })}\n`,
      );
      await writer.close();

      expect(await importer.exited).toEqual({ code: 0, signal: null });
      expect(importer.output()).toMatch(/created: +1\n/);
      expect(importer.output()).toMatch(/leaving embedded PostgreSQL in .* running/);

      // The connection opened beside the import still works after the import exited, and the
      // PostgreSQL it kept running serves the imported article.
      expect((await client.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      const reader = connect('quotegraph');
      try {
        await reader.connect();
        const { rows } = await reader.query<{ title: string }>('SELECT title FROM articles');
        expect(rows.map((row) => row.title)).toEqual(['Harbour dredging starts']);
      } finally {
        await reader.end().catch(() => undefined);
      }
      expect(postgresProcessesOf(folder.dataDir)).not.toEqual([]);
    } finally {
      await client.end().catch(() => undefined);
      // A writer's open still waiting for a reader (the import failed first) ends when a reader opens.
      if (!writerOpened) closeSync(openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK));
      await cleanUp(folder, [fifo]);
    }
  });
});

// The bulk import CLI as a user runs it (`npm test` builds it first): a file killed in the middle of
// a batch and run again ends with exactly its articles. The kill comes at a known point: the test
// holds a URL of the fourth batch in an open transaction, so the CLI commits lines 1-30, says so on
// stdout, and then waits on that row's lock until it is killed; nothing depends on how fast the
// machine is. A batch is one transaction: nothing of the batch that waits is stored before the kill.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { QueryRunner } from 'typeorm';
import { killChildren, startChild, type ChildRun } from '../setup/child-process';
import { createTestDatabase, type TestDatabase } from '../setup/test-database';

const CLI = path.join(__dirname, '../../dist/src/import/import.cli.js');
const ARTICLES = 60;
const BATCH = 10;
const INVALID_LINE = 45;
const HELD_LINE = 31; // the first line of the fourth batch

function runCli(file: string, databaseUrl: string): ChildRun {
  return startChild(process.execPath, [CLI, file, '--batch', String(BATCH)], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
}

describe('import CLI', () => {
  let database: TestDatabase;
  let folder: string;
  let holder: QueryRunner | undefined;
  const articleCount = async () =>
    (await database.dataSource.query(`SELECT count(*)::int AS n FROM articles`))[0].n as number;

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` (npm test does)`);
    database = await createTestDatabase();
    folder = mkdtempSync(path.join(os.tmpdir(), 'quotegraph-cli-'));
  });

  beforeEach(async () => {
    await database.dataSource.query('TRUNCATE articles, outlets CASCADE');
  });

  afterEach(async () => {
    await killChildren();
    if (holder?.isTransactionActive) await holder.rollbackTransaction();
    await holder?.release();
    holder = undefined;
  });

  afterAll(async () => {
    await database?.drop();
  });

  /** The input: ARTICLES articles, and an invalid item at INVALID_LINE; its lines. */
  function writeInput(file: string): string[] {
    const url = (i: number) => `https://news${i % 7}.example/${i}`;
    const lines = Array.from({ length: ARTICLES }, (_, i) =>
      JSON.stringify({
        title: `Article ${i}`,
        body: `Article ${i} body. The minister said “maybe” on Monday.`,
        url: url(i),
        language: 'en',
      }),
    );
    lines.splice(INVALID_LINE - 1, 0, '{"title": "", "body": "an invalid item"}');
    writeFileSync(file, `${lines.join('\n')}\n`);
    return lines;
  }

  /** An uncommitted article with the URL of the line: the CLI's insert of that line waits on its lock. */
  async function holdLine(lines: readonly string[], line: number): Promise<QueryRunner> {
    const runner = database.dataSource.createQueryRunner();
    holder = runner;
    await runner.startTransaction();
    const held = JSON.parse(lines[line - 1]);
    await runner.query(`INSERT INTO articles (title, body, url, content_hash) VALUES ('held', 'held', $1, $2)`, [
      held.url,
      createHash('sha256').update(held.url).digest('hex'),
    ]);
    return runner;
  }

  /** Resolves once a session of the CLI (application_name "quotegraph …") waits for a lock. */
  async function cliWaitsForALock(): Promise<void> {
    for (;;) {
      const [{ n }] = await database.dataSource.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND application_name LIKE 'quotegraph %' AND wait_event_type = 'Lock'`,
      );
      if (n) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  test('killed in the middle of a file and run again, it ends with exactly the articles of the file', async () => {
    const file = path.join(folder, 'articles.jsonl');
    const lines = writeInput(file);
    const checkpoint = `${file}.checkpoint.json`;
    const held = await holdLine(lines, HELD_LINE);

    const first = runCli(file, database.url);
    await first.waitForOutput(new RegExp(`committed through line ${HELD_LINE - 1} `));
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    await held.rollbackTransaction();
    expect(await articleCount()).toBe(HELD_LINE - 1);
    expect(JSON.parse(readFileSync(checkpoint, 'utf8')).committedThrough).toBe(HELD_LINE - 1);

    const second = runCli(file, database.url);
    expect(await second.exited).toEqual({ code: 0, signal: null });
    const output = second.output();
    expect(Number(/skipped:\s+(\d+)/.exec(output)?.[1])).toBe(HELD_LINE - 1);
    expect(output).toMatch(/failed:\s+1 /);
    expect(output).toContain(`line ${INVALID_LINE}: BAD_USER_INPUT title: title must not be empty`);
    expect(await articleCount()).toBe(ARTICLES);
    expect(existsSync(checkpoint)).toBe(false);
    expect(readFileSync(`${file}.failures.jsonl`, 'utf8')).toContain(`"position":${INVALID_LINE}`);
  });

  test('killed while a batch waits in its transaction, none of that batch is stored and the rerun stores it whole', async () => {
    const file = path.join(folder, 'batch.jsonl');
    const lines = writeInput(file);
    const checkpoint = `${file}.checkpoint.json`;
    // A line in the middle of the fourth batch (31-40): the lines before it are in the same transaction.
    const middle = HELD_LINE + 4;
    const held = await holdLine(lines, middle);

    const first = runCli(file, database.url);
    await first.waitForOutput(new RegExp(`committed through line ${HELD_LINE - 1} `));
    await cliWaitsForALock();
    expect(await articleCount()).toBe(HELD_LINE - 1);
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    await held.rollbackTransaction();
    const stored = await database.dataSource.query(`SELECT url FROM articles`);
    expect(stored.map((row: { url: string }) => row.url).sort()).toEqual(
      lines
        .slice(0, HELD_LINE - 1)
        .map((line) => JSON.parse(line).url)
        .sort(),
    );
    expect(JSON.parse(readFileSync(checkpoint, 'utf8')).committedThrough).toBe(HELD_LINE - 1);

    const second = runCli(file, database.url);
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(Number(/skipped:\s+(\d+)/.exec(second.output())?.[1])).toBe(HELD_LINE - 1);
    expect(second.output()).toMatch(/already present:\s+0\n/);
    expect(await articleCount()).toBe(ARTICLES);
  });
});

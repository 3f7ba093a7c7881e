// The bulk import CLI as a user runs it (`npm test` builds it first): a 10,000-article file,
// killed in the middle and run again, ends with exactly 10,000 articles.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../setup/test-database';

const CLI = path.join(__dirname, '../../dist/src/import/import.cli.js');
const ARTICLES = 10_000;

function runCli(file: string, databaseUrl: string, options: { killWhen?: () => boolean } = {}): Promise<{ code: number | null; signal: string | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, file, '--batch', '200'], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const watch = options.killWhen
      ? setInterval(() => {
          if (options.killWhen?.()) child.kill('SIGKILL');
        }, 20)
      : undefined;
    child.on('exit', (code, signal) => {
      if (watch) clearInterval(watch);
      resolve({ code, signal, output });
    });
  });
}

describe('import CLI', () => {
  let database: TestDatabase;
  let folder: string;

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` (npm test does)`);
    database = await createTestDatabase();
    folder = mkdtempSync(path.join(os.tmpdir(), 'quotegraph-cli-'));
  });

  afterAll(async () => {
    await database.drop();
  });

  test('killed in the middle of a 10,000-article file and run again, it ends with exactly 10,000 articles', async () => {
    const file = path.join(folder, 'articles.jsonl');
    const lines = Array.from({ length: ARTICLES }, (_, i) =>
      JSON.stringify({ title: `Article ${i}`, body: `Article ${i} body. The minister said “maybe” on Monday.`, url: `https://news${i % 7}.example/${i}`, language: 'en' }),
    );
    lines.splice(8999, 0, '{"title": "", "body": "an invalid item"}');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const checkpoint = `${file}.checkpoint.json`;
    const committed = () => (existsSync(checkpoint) ? JSON.parse(readFileSync(checkpoint, 'utf8')).committedThrough : 0);

    const first = await runCli(file, database.url, { killWhen: () => committed() >= 3000 });
    expect(first.signal).toBe('SIGKILL');
    const [{ n: afterKill }] = await database.dataSource.query(`SELECT count(*)::int AS n FROM articles`);
    expect(afterKill).toBeGreaterThanOrEqual(3000);
    expect(afterKill).toBeLessThan(ARTICLES);

    const second = await runCli(file, database.url);
    expect(second.code).toBe(0);
    const skipped = Number(/skipped:\s+(\d+)/.exec(second.output)?.[1]);
    expect(skipped).toBeGreaterThanOrEqual(3000);
    expect(second.output).toMatch(/failed:\s+1 /);
    expect(second.output).toContain(`line 9000: BAD_USER_INPUT title: title must not be empty`);
    const [{ n }] = await database.dataSource.query(`SELECT count(*)::int AS n FROM articles`);
    expect(n).toBe(ARTICLES);
    expect(existsSync(checkpoint)).toBe(false);
    expect(readFileSync(`${file}.failures.jsonl`, 'utf8')).toContain('"position":9000');
  }, 180_000);
});

// The compiled app as a user starts it (`npm test` builds it first): configuration errors, the
// embedded database, signals and restarts.
import { spawn, type ChildProcess, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../setup/free-port';

const MAIN = path.join(__dirname, '../../dist/src/main.js');

interface Run {
  readonly child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}


function startApp(env: Record<string, string>): Run {
  const { DATABASE_URL: _ignored, TEST_DATABASE_URL: _alsoIgnored, ...inherited } = process.env;
  const child = spawn(process.execPath, [MAIN], { env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForOutput(run: Run, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(run.output())) {
    if (run.child.exitCode !== null) throw new Error(`the app exited: ${run.output()}`);
    if (Date.now() > deadline) throw new Error(`no ${pattern} in: ${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function postgresProcessesOf(dataDir: string): string[] {
  try {
    return execFileSync('pgrep', ['-f', `postgres -D ${dataDir}`], { encoding: 'utf8' }).split('\n').filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

async function query(port: number, text: string): Promise<any> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: text }),
  });
  return response.json();
}

beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` (npm test does)`);
});

describe('starting the app', () => {
  test('PORT=abc stops the start with one line naming PORT', async () => {
    const run = startApp({ PORT: 'abc' });
    expect(await run.exited).toBe(1);
    expect(run.output().trim().split('\n')).toEqual(['quotegraph: cannot start: PORT must be a whole number from 0 to 65535 (got "abc")']);
  });

  test('an unreachable DATABASE_URL stops the start quickly with one line naming the database', async () => {
    const port = await freePort(); // nothing listens there
    const started = Date.now();
    const run = startApp({ DATABASE_URL: `postgres://postgres:secret@127.0.0.1:${port}/quotegraph`, DATABASE_CONNECT_TIMEOUT_MS: '2000' });
    expect(await run.exited).toBe(1);
    const lines = run.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^quotegraph: cannot start: cannot use the database at postgres://postgres@127\\.0\\.0\\.1:${port}/quotegraph: `));
    expect(lines[0]).not.toContain('secret');
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  test('with no configuration: embedded PostgreSQL, the example corpus, a clean stop on SIGINT, and the same data on restart', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'quotegraph-start-'));
    const env = { PORT: String(await freePort()), HOST: '127.0.0.1', EMBEDDED_POSTGRES_PORT: String(await freePort()), EMBEDDED_POSTGRES_DIR: dataDir };
    const quotesQuery = `{ articles { totalCount } quotes(first: 20) { totalCount edges { node { kind text } } } }`;
    try {
      const first = startApp(env);
      await waitForOutput(first, /listening on/);
      expect(first.output()).toContain('loaded the example corpus');
      expect(first.output()).toContain(`embedded PostgreSQL in ${dataDir}`);
      const answer = await query(Number(env.PORT), quotesQuery);
      expect(answer.data.articles.totalCount).toBe(1);
      expect(answer.data.quotes.totalCount).toBe(10);
      expect(postgresProcessesOf(dataDir)).not.toEqual([]);

      first.child.kill('SIGINT');
      expect(await first.exited).toBe(0);
      expect(postgresProcessesOf(dataDir)).toEqual([]);

      const second = startApp(env);
      await waitForOutput(second, /listening on/);
      expect(second.output()).not.toContain('loaded the example corpus');
      expect(await query(Number(env.PORT), quotesQuery)).toEqual(answer);
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
      expect(postgresProcessesOf(dataDir)).toEqual([]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

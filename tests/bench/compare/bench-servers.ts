// The three servers `npm run bench` compares, each in a process of its own (its own event loop, as
// in production), started on a free port against the bench database.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../../setup/free-port';
import type { ServerName } from './report';

export interface RunningServer {
  readonly name: ServerName;
  /** Where its GraphQL (or, for the limit server, its scenario paths) is served. */
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../../../..');
export const POSTGRAPHILE_FOLDER = path.join(ROOT, 'bench/postgraphile');

/** Installs the bench-only PostGraphile package from its lockfile, once. */
export function installPostgraphile(): void {
  if (existsSync(path.join(POSTGRAPHILE_FOLDER, 'node_modules/postgraphile/package.json'))) return;
  console.log('installing bench/postgraphile (npm ci; PostGraphile 5 declares Node >= 22, hence its own folder)…');
  const run = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: POSTGRAPHILE_FOLDER,
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error('npm ci in bench/postgraphile failed');
}

export function postgraphileVersion(): string {
  const file = path.join(POSTGRAPHILE_FOLDER, 'node_modules/postgraphile/package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** Starts a command and waits for the `listening on <url>` line it prints when ready. */
function startProcess(name: ServerName, args: string[], env: Record<string, string>): Promise<RunningServer> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const url = /listening on (http:\/\/[^\s,]+)/.exec(output)?.[1];
      if (!url) return;
      child.stdout?.off('data', onData);
      child.stdout?.resume();
      resolve({ name, url, pid: child.pid as number, stop: () => stopProcess(child) });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before it listened:\n${output}`)));
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** The three servers over `databaseUrl`, each with a pool of `poolSize` connections. */
export async function startServers(databaseUrl: string, poolSize: number): Promise<RunningServer[]> {
  const quotegraph = await startProcess('quotegraph', [path.join(ROOT, 'dist/src/main.js')], {
    DATABASE_URL: databaseUrl,
    PORT: String(await freePort()),
    DATABASE_POOL_SIZE: String(poolSize),
    // The production build as deployed (the Dockerfile sets it too): graphql-js skips its development checks.
    NODE_ENV: 'production',
    SEED_EXAMPLE_CORPUS: 'false',
    LOG_LEVEL: 'warn',
  });
  const postgraphile = await startProcess('postgraphile', [path.join(POSTGRAPHILE_FOLDER, 'server.mjs')], {
    DATABASE_URL: databaseUrl,
    PORT: '0',
    POOL_SIZE: String(poolSize),
    NODE_ENV: 'production',
  });
  const limit = await startProcess('limit', [path.join(__dirname, 'limit-server.js')], {
    DATABASE_URL: databaseUrl,
    PORT: '0',
    POOL_SIZE: String(poolSize),
  });
  return [quotegraph, postgraphile, limit];
}

export async function stopServers(servers: readonly RunningServer[]): Promise<void> {
  await Promise.all(servers.map((server) => server.stop()));
}

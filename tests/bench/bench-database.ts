// The benchmarks' database: a fresh one on DATABASE_URL's server, or on an embedded PostgreSQL
// started in a temporary folder, dropped (and stopped) when the benchmark ends.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { freePort } from '../setup/free-port';

export interface BenchDatabases {
  readonly kind: 'embedded PostgreSQL' | 'DATABASE_URL';
  /** Creates a new empty database and returns its URL. */
  create(name: string): Promise<string>;
  drop(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openBenchDatabases(): Promise<BenchDatabases> {
  // The folder itself is the data folder: embedded-postgres hands it to the postgres user.
  const folder = mkdtempSync(path.join(os.tmpdir(), 'quotegraph-bench-pg-'));
  const embedded = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: folder, port: await freePort() }, 'postgres');
  // The embedded server runs exactly when DATABASE_URL is unset, so one of the two is a URL.
  const serverUrl: string = process.env.DATABASE_URL ?? (embedded?.url as string);
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  const created = new Set<string>();
  const drop = async (name: string) => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    created.delete(name);
  };
  return {
    kind: embedded ? 'embedded PostgreSQL' : 'DATABASE_URL',
    create: async (name) => {
      await admin.query(`CREATE DATABASE "${name}"`);
      created.add(name);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    drop,
    close: async () => {
      for (const name of [...created]) await drop(name);
      await admin.end();
      await embedded?.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

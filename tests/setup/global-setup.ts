// Once per `npm test`: pick the server (or start an embedded one), create a migrated template
// database, and tell the workers about both through the environment.
import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createDataSource } from '../../src/database/data-source';
import { startEmbeddedPostgres, type RunningPostgres } from '../../src/database/embedded-postgres';
import { freePort } from './free-port';
import { configuredServerUrl, databaseUrl, TEST_ENV } from './test-server-url';

declare global {
  // Kept for the global teardown, which runs in the same process.
  var __QUOTEGRAPH_EMBEDDED__: (RunningPostgres & { dataDir: string }) | undefined;
}

export default async function globalSetup(): Promise<void> {
  let serverUrl = configuredServerUrl();
  if (!serverUrl) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'quotegraph-test-pg-'));
    const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort() }, 'postgres');
    globalThis.__QUOTEGRAPH_EMBEDDED__ = { ...embedded, dataDir };
    serverUrl = embedded.url;
  }

  const template = `quotegraph_template_${process.pid}_${Date.now()}`;
  const admin = new Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${template}"`);
  } finally {
    await admin.end();
  }
  const dataSource = createDataSource({ url: databaseUrl(serverUrl, template) });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }

  process.env[TEST_ENV.serverUrl] = serverUrl;
  process.env[TEST_ENV.template] = template;
}

// Each test file works in a fresh database copied from the migrated template, so files run in
// parallel and never see each other's rows.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource, LoggerOptions } from 'typeorm';
import { createDataSource } from '../../src/database/data-source';
import { databaseUrl, TEST_ENV } from './test-server-url';

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  readonly dataSource: DataSource;
  drop(): Promise<void>;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run the tests through jest, whose global setup prepares the database server`);
  return value;
}

async function onServer<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: required(TEST_ENV.serverUrl) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(options: { logging?: LoggerOptions } = {}): Promise<TestDatabase> {
  const name = `quotegraph_test_${randomBytes(6).toString('hex')}`;
  const template = required(TEST_ENV.template);
  await onServer((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  const url = databaseUrl(required(TEST_ENV.serverUrl), name);
  const dataSource = createDataSource({ url, logging: options.logging ?? false, poolSize: 5 });
  await dataSource.initialize();
  // TypeORM keys its generated-column records by database name; the copy has the template's.
  await dataSource.query(`UPDATE typeorm_metadata SET "database" = current_database()`);
  return {
    name,
    url,
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await onServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

// `npm run migrate`: applies pending migrations to the configured database, then exits.
import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config';
import { DatabaseUnavailableError, openDatabase } from './database';

async function migrate(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config, { migrate: false });
  try {
    const applied = await database.dataSource.runMigrations();
    console.log(`quotegraph: ${applied.length ? `applied ${applied.map((m) => m.name).join(', ')}` : 'no pending migration'} on ${database.description}`);
  } finally {
    await database.close();
  }
}

migrate().catch((error) => {
  const known = error instanceof ConfigError || error instanceof DatabaseUnavailableError;
  console.error(`quotegraph: ${known ? error.message : error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});

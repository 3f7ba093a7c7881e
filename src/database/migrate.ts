// `npm run migrate`: applies pending migrations to the configured database, then exits.
import 'reflect-metadata';
import { loadConfig } from '../config';
import { exitWithFailure } from '../errors/command-failure';
import { openDatabase } from './database';

async function migrate(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config, { migrate: false });
  try {
    const applied = await database.dataSource.runMigrations();
    console.log(
      `quotegraph: ${applied.length ? `applied ${applied.map((m) => m.name).join(', ')}` : 'no pending migration'} on ${database.description}`,
    );
  } finally {
    await database.close();
  }
}

migrate().catch((error) => exitWithFailure('quotegraph', error));

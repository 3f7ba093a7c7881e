// `npm run seed`: loads the example corpus into the configured database; a second run changes nothing.
import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config';
import { DatabaseUnavailableError, openDatabase } from '../database/database';
import { loadExampleCorpus } from './example-corpus';

async function seed(): Promise<void> {
  const database = await openDatabase(loadConfig(), { migrate: true });
  try {
    const results = await loadExampleCorpus(database.dataSource);
    const created = results.filter((r) => r.created).length;
    console.log(`quotegraph: example corpus: ${created} article(s) loaded, ${results.length - created} already present (${database.description})`);
  } finally {
    await database.close();
  }
}

seed().catch((error) => {
  const known = error instanceof ConfigError || error instanceof DatabaseUnavailableError;
  console.error(`quotegraph: ${known ? error.message : error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});

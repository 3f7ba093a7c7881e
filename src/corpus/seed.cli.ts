// `npm run seed`: loads the example corpus into the configured database; a second run changes nothing.
import 'reflect-metadata';
import { actAs, localCaller } from '../common/caller';
import { loadConfig } from '../config';
import { openDatabase } from '../database/database';
import { exitWithFailure } from '../errors/command-failure';
import { loadExampleCorpus } from './example-corpus';

async function seed(): Promise<void> {
  const database = await openDatabase(loadConfig(), { migrate: true });
  try {
    const results = await loadExampleCorpus(database.dataSource);
    const created = results.filter((r) => r.created).length;
    console.log(
      `quotegraph: example corpus: ${created} article(s) loaded, ${results.length - created} already present (${database.description})`,
    );
  } finally {
    await database.close();
  }
}

// Revisions record the command's user as who loaded the corpus.
actAs(localCaller(), seed).catch((error) => exitWithFailure('quotegraph', error));

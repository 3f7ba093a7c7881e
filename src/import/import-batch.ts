// A batch of imports, as the importArticles mutation and the import CLI run it: like a resolver,
// this is where transactions open, one per item, so that a bad item fails alone and is reported
// with its index instead of stopping the batch.
import type { EntityManager } from 'typeorm';
import { inTransaction } from '../database/transaction';
import { checkInput } from '../errors/validation';
import type { ImportArticleInput } from './import-article.input';
import {
  extractForImport,
  importArticle,
  importErrorOf,
  type ImportItemResult,
  type ImportSettings,
  prepareImport,
} from './import.service';

/** Each item is validated (the argument is validated per item), extracted, then imported in its own transaction. */
export async function importEach(
  db: EntityManager,
  inputs: readonly ImportArticleInput[],
  settings: ImportSettings,
): Promise<ImportItemResult[]> {
  const results: ImportItemResult[] = [];
  for (const [index, input] of inputs.entries()) {
    try {
      await checkInput(input);
      const prepared = await extractForImport(prepareImport(input, settings));
      results.push({ index, result: await inTransaction(db, (tx) => importArticle(tx, prepared)) });
    } catch (error) {
      results.push({ index, error: importErrorOf(error) });
    }
  }
  return results;
}

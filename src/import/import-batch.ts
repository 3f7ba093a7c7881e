// A batch of imports, as the importArticles mutation and the import CLI run it, in two stages that
// a caller may overlap (the CLI prepares the next batch while it writes this one): preparing, where
// every item is validated and normalised and its extraction runs on the pool's threads, several at
// once; and writing, where, like a resolver, the transaction opens: one for the whole batch. A bad
// item fails alone and is reported with its index instead of stopping the batch: an item refused
// while preparing never reaches the transaction, and when the batch's transaction fails, the good
// items are written again each in a savepoint of one transaction, so that only the one at fault fails.
import type { EntityManager } from 'typeorm';
import { inTransaction, type Transaction } from '../database/transaction';
import { checkInput } from '../errors/validation';
import { extractArticleInPool, extractionPoolConcurrency } from '../extraction-pool/extraction-pool';
import type { ArticleDraft } from '../extraction/extract-article';
import type { ImportArticleInput } from './import-article.input';
import {
  extractForImport,
  importArticle,
  importBatch,
  importErrorOf,
  type ImportItemResult,
  type ImportSettings,
  type PreparedImport,
  prepareImport,
} from './import.service';

/** An item of a batch once prepared: ready to write, or refused with the error reported for it. */
export interface PreparedItem {
  readonly index: number;
  readonly prepared?: PreparedImport;
  readonly error?: ImportItemResult['error'];
}

export interface PrepareOptions {
  /** Extraction of one body; the process's extraction pool unless given. */
  readonly extract?: (body: string) => Promise<ArticleDraft>;
  /** Extractions asked for at once; enough to keep the pool's threads busy unless given. */
  readonly concurrency?: number;
}

/** Runs `work` on every item, at most `limit` at once. */
async function forEachAtMost<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/**
 * Validates (the argument is validated per item) and normalises each item, then extracts those that
 * ask for it on the extraction pool, a few at a time so that every thread stays busy while the
 * queue other callers share stays short. Never throws: an item's failure is its error.
 */
export async function prepareEach(
  inputs: readonly ImportArticleInput[],
  settings: ImportSettings,
  options: PrepareOptions = {},
): Promise<PreparedItem[]> {
  const items: PreparedItem[] = await Promise.all(
    inputs.map(async (input, index) => {
      try {
        await checkInput(input);
        return { index, prepared: prepareImport(input, settings) };
      } catch (error) {
        return { index, error: importErrorOf(error) };
      }
    }),
  );
  const extract = options.extract ?? extractArticleInPool;
  const toExtract = items.filter((item) => item.prepared?.extract);
  // Asked only when there is something to extract: the pool's threads start on first use.
  if (!toExtract.length) return items;
  await forEachAtMost(toExtract, options.concurrency ?? extractionPoolConcurrency(), async (item) => {
    try {
      items[item.index] = { index: item.index, prepared: await extractForImport(item.prepared!, extract) };
    } catch (error) {
      items[item.index] = { index: item.index, error: importErrorOf(error) };
    }
  });
  return items;
}

/** Deadlock, serialization failure: what inTransaction runs again, so an item's savepoint must not swallow it. */
function isRetryable(error: unknown): boolean {
  const code = (error as { driverError?: { code?: string } } | null)?.driverError?.code;
  return code === '40P01' || code === '40001';
}

/** Each prepared item in a transaction of its own: a lone item, and the last way back when even a batch's savepoints fail. */
async function writeOneByOne(db: EntityManager, items: readonly PreparedItem[]): Promise<ImportItemResult[]> {
  const results: ImportItemResult[] = [];
  for (const { index, prepared } of items) {
    try {
      results.push({ index, result: await inTransaction(db, (tx) => importArticle(tx, prepared!)) });
    } catch (error) {
      results.push({ index, error: importErrorOf(error) });
    }
  }
  return results;
}

/**
 * The batch again in one transaction, each item in a savepoint of its own: an item that fails is
 * undone alone and reported, and the others are committed together.
 */
async function writeSavepointed(db: EntityManager, items: readonly PreparedItem[]): Promise<ImportItemResult[]> {
  return inTransaction(db, async (tx) => {
    const results: ImportItemResult[] = [];
    for (const { index, prepared } of items) {
      try {
        results.push({
          index,
          result: await tx.transaction((savepoint) => importArticle(savepoint as Transaction, prepared!)),
        });
      } catch (error) {
        if (isRetryable(error)) throw error;
        results.push({ index, error: importErrorOf(error) });
      }
    }
    return results;
  });
}

/** The items in one transaction, in a few statements for them all (see importBatch). */
async function writeBatched(db: EntityManager, items: readonly PreparedItem[]): Promise<ImportItemResult[]> {
  const results = await inTransaction(db, (tx) =>
    importBatch(
      tx,
      items.map((item) => item.prepared!),
    ),
  );
  return items.map(({ index }, i) => ({ index, result: results[i] }));
}

/**
 * Writes the prepared items that were not refused in one transaction for them all. Should it fail
 * (a span or a value the database refuses, an unknown policy question, a collision retried to no
 * avail), the batch is written again item by item in savepoints of one transaction, so that the
 * others are committed together and only the bad one fails; should that fail too, in a transaction
 * each. Results come back in the items' order, the refused ones with their errors.
 */
export async function writeEach(db: EntityManager, items: readonly PreparedItem[]): Promise<ImportItemResult[]> {
  const good = items.filter((item) => item.prepared);
  let written: ImportItemResult[];
  try {
    // A lone item is written as importArticle writes it.
    written = good.length > 1 ? await writeBatched(db, good) : await writeOneByOne(db, good);
  } catch {
    try {
      written = await writeSavepointed(db, good);
    } catch {
      written = await writeOneByOne(db, good);
    }
  }
  const byIndex = new Map(written.map((result) => [result.index, result]));
  return items.map((item) => byIndex.get(item.index) ?? { index: item.index, error: item.error });
}

/** Prepares the items, then writes them: one transaction for the batch, and a bad item fails alone. */
export async function importEach(
  db: EntityManager,
  inputs: readonly ImportArticleInput[],
  settings: ImportSettings,
): Promise<ImportItemResult[]> {
  return writeEach(db, await prepareEach(inputs, settings));
}

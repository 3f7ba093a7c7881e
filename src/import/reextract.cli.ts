// `npm run reextract [-- --article-id ID] [--page N]`: runs the current extractor again on the
// stored articles of the configured database (or on one), through the same batch as the
// reextractArticles mutation: one transaction per article, MANUAL rows and what they link to kept.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { uuidOf } from '../common/global-id';
import { loadConfig } from '../config';
import { openDatabase } from '../database/database';
import { runCommand } from '../errors/command-failure';
import {
  changed,
  emptyTally,
  type ReextractItem,
  type ReextractPage,
  reextractEach,
  reextractPage,
  tallyItems,
} from './reextract-batch';
import type { ChangeCounts } from './reextract.service';
import { actAs, localCaller } from '../common/caller';

const USAGE = 'usage: npm run reextract [-- --article-id ID] [--page N]';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Options {
  readonly articleId: string | null;
  readonly pageSize: number;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({ args: argv, options: { 'article-id': { type: 'string' }, page: { type: 'string' } } });
  const pageSize = Number(values.page ?? 100);
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error(`--page must be a positive whole number\n${USAGE}`);
  const given = values['article-id'];
  // Both the row's uuid and the API's global id are accepted.
  const articleId = given === undefined ? null : UUID.test(given) ? given : uuidOf(given, 'Article', '--article-id');
  return { articleId, pageSize };
}

function describe(counts: ChangeCounts): string {
  return `-${counts.removed} +${counts.added} =${counts.kept}${counts.keptLinked ? ` (${counts.keptLinked} kept for curated work)` : ''}`;
}

function printItem(item: ReextractItem): void {
  if (item.error) console.log(`  ${item.articleId}: failed: ${item.error.code}: ${item.error.message}`);
  else if (item.report && changed(item.report)) {
    const { quotes, sources, mentions, stancesRemoved, newActors } = item.report;
    console.log(
      `  ${item.articleId}: quotes ${describe(quotes)}, sources ${describe(sources)}, mentions ${describe(mentions)}, stances -${stancesRemoved}, new actors ${newActors}`,
    );
  }
}

async function run(options: Options): Promise<void> {
  const database = await openDatabase(loadConfig(), { migrate: true });
  const db = database.dataSource.manager;
  let tally = emptyTally();
  try {
    let afterId: string | null = null;
    for (;;) {
      const { items, hasMore }: ReextractPage = options.articleId
        ? { items: await reextractEach(db, [options.articleId]), hasMore: false }
        : await reextractPage(db, null, afterId, options.pageSize);
      items.forEach(printItem);
      tally = tallyItems(tally, items);
      if (!hasMore) break;
      afterId = items[items.length - 1].articleId;
    }
  } finally {
    await database.close();
  }
  console.log(
    [
      'quotegraph reextract:',
      `  articles: ${tally.articles} (${tally.changedArticles} changed, ${tally.failedArticles} failed)`,
      `  quotes:   ${describe(tally.quotes)}`,
      `  sources:  ${describe(tally.sources)}`,
      `  mentions: ${describe(tally.mentions)}`,
      `  stances removed: ${tally.stancesRemoved}; new actors: ${tally.newActors}`,
    ].join('\n'),
  );
  if (tally.failedArticles) process.exitCode = 1;
}

// Revisions record the command's user as who made the changes.
runCommand('quotegraph reextract', parseOptions, (options) => actAs(localCaller(), () => run(options)));

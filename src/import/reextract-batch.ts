// A page of re-extraction, as the reextractArticles mutation and the reextract CLI run it: like a
// resolver, this is where transactions open, one per article, so that a failing article is
// reported and rolled back alone.
import type { EntityManager } from 'typeorm';
import { applyArticleFilter, type ArticleFilter } from '../article/article.filter';
import { fromWhere, rowSet, where } from '../common/row-set';
import { queryRows, sql } from '../database/sql';
import { inTransaction } from '../database/transaction';
import { importErrorOf } from './import.service';
import { type ChangeCounts, reextractArticle, type ReextractReport } from './reextract.service';

export interface ReextractItem {
  readonly articleId: string;
  readonly report?: ReextractReport;
  readonly error?: { code: string; field: string | null; message: string };
}

export interface ReextractTally {
  articles: number;
  changedArticles: number;
  failedArticles: number;
  quotes: ChangeCounts;
  sources: ChangeCounts;
  mentions: ChangeCounts;
  stancesRemoved: number;
  newActors: number;
}

/** Up to `first` articles matching the filter, in id order after `afterId`, and whether more are left. */
async function articlesToReextract(
  db: EntityManager,
  filter: ArticleFilter | null | undefined,
  afterId: string | null,
  first: number,
): Promise<{ ids: string[]; hasMore: boolean }> {
  const rows = where(
    applyArticleFilter(rowSet(sql`articles a`), filter),
    afterId ? sql`a.id > ${sql.value(afterId)}::uuid` : null,
  );
  const found = await queryRows<{ id: string }>(
    db,
    sql`SELECT a.id::text AS id ${fromWhere(rows)} ORDER BY a.id LIMIT ${sql.value(first + 1)}`,
  );
  return { ids: found.slice(0, first).map((row) => row.id), hasMore: found.length > first };
}

export async function reextractEach(db: EntityManager, articleIds: readonly string[]): Promise<ReextractItem[]> {
  const items: ReextractItem[] = [];
  for (const articleId of articleIds) {
    try {
      items.push({ articleId, report: await inTransaction(db, (tx) => reextractArticle(tx, articleId)) });
    } catch (error) {
      items.push({ articleId, error: importErrorOf(error) });
    }
  }
  return items;
}

export interface ReextractPage {
  readonly items: ReextractItem[];
  readonly hasMore: boolean;
}

/** Re-extracts the page of articles `articlesToReextract` finds, each in its own transaction. */
export async function reextractPage(
  db: EntityManager,
  filter: ArticleFilter | null | undefined,
  afterId: string | null,
  first: number,
): Promise<ReextractPage> {
  const page = await articlesToReextract(db, filter, afterId, first);
  return { items: await reextractEach(db, page.ids), hasMore: page.hasMore };
}

export function changed(report: ReextractReport): boolean {
  const { quotes, sources, mentions } = report;
  return (
    [quotes, sources, mentions].some((c) => c.added || c.removed) || report.stancesRemoved > 0 || report.newActors > 0
  );
}

const NO_CHANGE: ChangeCounts = { removed: 0, added: 0, kept: 0, keptLinked: 0 };

function plus(a: ChangeCounts, b: ChangeCounts): ChangeCounts {
  return {
    removed: a.removed + b.removed,
    added: a.added + b.added,
    kept: a.kept + b.kept,
    keptLinked: a.keptLinked + b.keptLinked,
  };
}

export function emptyTally(): ReextractTally {
  return {
    articles: 0,
    changedArticles: 0,
    failedArticles: 0,
    quotes: NO_CHANGE,
    sources: NO_CHANGE,
    mentions: NO_CHANGE,
    stancesRemoved: 0,
    newActors: 0,
  };
}

/** Adds the items to the tally (the CLI sums page after page). */
export function tallyItems(tally: ReextractTally, items: readonly ReextractItem[]): ReextractTally {
  return items.reduce((sum, item) => {
    const report = item.report;
    if (!report) return { ...sum, articles: sum.articles + 1, failedArticles: sum.failedArticles + 1 };
    return {
      ...sum,
      articles: sum.articles + 1,
      changedArticles: sum.changedArticles + (changed(report) ? 1 : 0),
      quotes: plus(sum.quotes, report.quotes),
      sources: plus(sum.sources, report.sources),
      mentions: plus(sum.mentions, report.mentions),
      stancesRemoved: sum.stancesRemoved + report.stancesRemoved,
      newActors: sum.newActors + report.newActors,
    };
  }, tally);
}

// The annotations of a batch of new articles, written as annotation-writer writes one article's but
// in a few statements for the whole batch: the actors of every article resolved together (full
// names, then single words), then the sources, quotes and mentions of all of them in one statement
// each, and one revision statement.
import { randomUUID } from 'node:crypto';
import { queryRows, sql } from '../database/sql';
import type { Transaction } from '../database/transaction';
import { recordCreated, type RevisedType } from '../revision/revision.service';
import { writeActorStages } from './actor-writer';
import type { ActorRecord, AnnotationSet } from './annotation-set';
import { provenanceColumns } from './annotation-set';
import {
  type AnnotationCounts,
  arrayColumnOf,
  mentionColumnsOf,
  quoteColumnsOf,
  quoteTextOf,
  sourceColumnsOf,
  writeStances,
} from './annotation-writer';

/** A new article's annotations: `body` is its stored text, which the spans refer to. */
export interface ArticleAnnotations {
  readonly articleId: string;
  readonly body: string;
  readonly set: AnnotationSet;
}

/** Keys are local to a set; in a batch, the n-th set's keys are prefixed with `n:`, which no other set's can be. */
const keyIn = (n: number) => (key: string) => `${n}:${key}`;

/** A name as normalise_key folds it (spaces trimmed and collapsed, accents dropped, lower case), near enough. */
function foldName(name: string): string {
  return name
    .replace(/^ +| +$/g, '')
    .replace(/\s+/g, ' ')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

/**
 * The actors of every set with batch-wide keys, in two stages: names of several words first, then
 * single words ("Biden"), which then find the actors the full names of other articles created, as
 * they would had those articles been imported before. A name an earlier article of the batch
 * spells otherwise ("HIllary Clinton" after "Hillary Clinton") takes that spelling: imported after
 * it, it would have found that actor by its folded name (and not kept its own spelling as an alias).
 */
function actorStages(articles: readonly ArticleAnnotations[]): ActorRecord[][] {
  // Spellings of earlier articles only: within an article, records are resolved as writeActors resolves them.
  const spellings = new Map<string, string>();
  const records = articles.flatMap(({ set }, n) => {
    const key = keyIn(n);
    const spellingOf = (actor: ActorRecord) =>
      actor.wikidataId ? actor.name : (spellings.get(foldName(actor.name)) ?? actor.name);
    const renamed = set.actors.map((actor): ActorRecord => ({
      ...actor,
      key: key(actor.key),
      name: spellingOf(actor),
      affiliation: actor.affiliation === undefined ? undefined : key(actor.affiliation),
      memberOf: actor.memberOf?.map(key),
    }));
    for (const actor of renamed)
      if (!actor.wikidataId && !spellings.has(foldName(actor.name))) spellings.set(foldName(actor.name), actor.name);
    return renamed;
  });
  return [
    records.filter((record) => record.name.includes(' ')),
    records.filter((record) => !record.name.includes(' ')),
  ];
}

/** The id of a key the batch wrote; a key the set does not define is a bug in its maker. */
function lookup(ids: ReadonlyMap<string, string>, what: string) {
  return (key: string | undefined): string | null => {
    if (key === undefined) return null;
    const id = ids.get(key);
    if (!id) throw new Error(`the annotation set refers to the ${what} "${key}", which it does not define`);
    return id;
  };
}

/** Inserts the sources of every set in one statement; returns their ids by batch-wide key. */
async function writeBatchSources(
  tx: Transaction,
  articles: readonly ArticleAnnotations[],
  actorIds: ReadonlyMap<string, string>,
): Promise<Map<string, string>> {
  const rows = articles.flatMap(({ articleId, set }, n) => {
    const columns = sourceColumnsOf(set, (key) => lookup(actorIds, 'actor')(key === undefined ? key : keyIn(n)(key)));
    return set.sources.map((source, i) => ({
      key: keyIn(n)(source.key),
      id: randomUUID(),
      articleId,
      ...columns[i],
      ...provenanceColumns(source.provenance),
    }));
  });
  if (!rows.length) return new Map();
  const column = arrayColumnOf(rows);
  await queryRows(
    tx,
    sql`INSERT INTO sources (id, article_id, descriptor, span_start, span_end, anonymity, kind, actor_id, affiliation_id, role,
                             origin, extractor, extractor_version, confidence)
        SELECT * FROM unnest(
          ${column((r) => r.id)}::uuid[], ${column((r) => r.articleId)}::uuid[], ${column((r) => r.descriptor)}::text[],
          ${column((r) => r.spanStart)}::int[], ${column((r) => r.spanEnd)}::int[], ${column((r) => r.anonymity)}::anonymity[],
          ${column((r) => r.kind)}::source_kind[], ${column((r) => r.actorId)}::uuid[], ${column((r) => r.affiliationId)}::uuid[],
          ${column((r) => r.role)}::text[], ${column((r) => r.origin)}::origin[], ${column((r) => r.extractor)}::text[],
          ${column((r) => r.extractorVersion)}::text[], ${column((r) => r.confidence)}::real[]
        )`,
  );
  return new Map(rows.map((row) => [row.key, row.id]));
}

/** Inserts the quotes of every set in one statement, their text cut from the body in memory; returns their ids, per article. */
async function writeBatchQuotes(
  tx: Transaction,
  articles: readonly ArticleAnnotations[],
  sourceIds: ReadonlyMap<string, string>,
): Promise<{ all: string[][]; byKey: Map<string, string> }> {
  const perArticle = articles.map(({ articleId, body, set }, n) => {
    const columns = quoteColumnsOf(set.quotes, (key) =>
      lookup(sourceIds, 'source')(key === undefined ? key : keyIn(n)(key)),
    );
    const textAt = quoteTextOf(body);
    return set.quotes.map((quote, i) => ({
      key: quote.key === undefined ? undefined : keyIn(n)(quote.key),
      id: randomUUID(),
      articleId,
      ...columns[i],
      text: textAt(quote.span) ?? null,
      ...provenanceColumns(quote.provenance),
    }));
  });
  const rows = perArticle.flat();
  const all = perArticle.map((quotes) => quotes.map((quote) => quote.id));
  const byKey = new Map(rows.flatMap((row) => (row.key === undefined ? [] : [[row.key, row.id] as const])));
  if (!rows.length) return { all, byKey };
  const column = arrayColumnOf(rows);
  await queryRows(
    tx,
    sql`INSERT INTO quotes (id, article_id, span_start, span_end, text, kind, source_id, cue, cue_start, cue_end,
                            attribution_method, origin, extractor, extractor_version, confidence)
        SELECT * FROM unnest(
          ${column((r) => r.id)}::uuid[], ${column((r) => r.articleId)}::uuid[], ${column((r) => r.spanStart)}::int[],
          ${column((r) => r.spanEnd)}::int[], ${column((r) => r.text)}::text[], ${column((r) => r.kind)}::quote_kind[],
          ${column((r) => r.sourceId)}::uuid[], ${column((r) => r.cue)}::text[], ${column((r) => r.cueStart)}::int[],
          ${column((r) => r.cueEnd)}::int[], ${column((r) => r.attributionMethod)}::attribution_method[],
          ${column((r) => r.origin)}::origin[], ${column((r) => r.extractor)}::text[], ${column((r) => r.extractorVersion)}::text[],
          ${column((r) => r.confidence)}::real[]
        )`,
  );
  return { all, byKey };
}

/**
 * Inserts the mentions of every set in one statement; returns their ids, per article. A mention
 * given twice (same actor, same span) is written once, as writeMentions skips it: these articles
 * are new in this transaction, so no other can hold a mention of theirs, and the duplicates are
 * left out here rather than by ON CONFLICT, which costs the database a speculative insert each row.
 */
async function writeBatchMentions(
  tx: Transaction,
  articles: readonly ArticleAnnotations[],
  actorIds: ReadonlyMap<string, string>,
): Promise<string[][]> {
  const seen = new Set<string>();
  const rows = articles.flatMap(({ articleId, set }, n) => {
    const columns = mentionColumnsOf(set.mentions, (key) => lookup(actorIds, 'actor')(keyIn(n)(key)));
    return set.mentions.flatMap((mention, i) => {
      const unique = `${n} ${columns[i].actorId} ${columns[i].spanStart} ${columns[i].spanEnd}`;
      if (seen.has(unique)) return [];
      seen.add(unique);
      return [{ n, id: randomUUID(), articleId, ...columns[i], ...provenanceColumns(mention.provenance) }];
    });
  });
  const ids = articles.map((): string[] => []);
  for (const row of rows) ids[row.n].push(row.id);
  if (!rows.length) return ids;
  const column = arrayColumnOf(rows);
  await queryRows(
    tx,
    sql`INSERT INTO mentions (id, article_id, actor_id, span_start, span_end, origin, extractor, extractor_version, confidence)
        SELECT * FROM unnest(
          ${column((r) => r.id)}::uuid[], ${column((r) => r.articleId)}::uuid[], ${column((r) => r.actorId)}::uuid[],
          ${column((r) => r.spanStart)}::int[], ${column((r) => r.spanEnd)}::int[], ${column((r) => r.origin)}::origin[],
          ${column((r) => r.extractor)}::text[], ${column((r) => r.extractorVersion)}::text[], ${column((r) => r.confidence)}::real[]
        )`,
  );
  return ids;
}

/** How many new actors each article made: each counts for the article of the record it was made from. */
function newActorsPerArticle(articles: readonly ArticleAnnotations[], createdKeys: readonly string[]): number[] {
  const counts = articles.map(() => 0);
  for (const key of createdKeys) counts[Number(key.slice(0, key.indexOf(':')))] += 1;
  return counts;
}

/**
 * Writes the annotations of new articles, as writeAnnotations would for each of them in turn but
 * for how actors are resolved (see actorStages), in a fixed number of statements for the whole
 * batch (stances, which only imports' own annotations carry, one article at a time). Returns what
 * each article gained, in their order.
 */
export async function writeAnnotationsOfArticles(
  tx: Transaction,
  articles: readonly ArticleAnnotations[],
): Promise<AnnotationCounts[]> {
  if (!articles.length) return [];
  const actors = await writeActorStages(tx, actorStages(articles));
  const sourceIds = await writeBatchSources(tx, articles, actors.ids);
  const quotes = await writeBatchQuotes(tx, articles, sourceIds);
  const stances: string[] = [];
  for (const [n, { articleId, set }] of articles.entries()) {
    if (!set.stances.length) continue;
    const local = (ids: ReadonlyMap<string, string>) =>
      new Map([...ids].filter(([key]) => key.startsWith(`${n}:`)).map(([key, id]) => [key.slice(`${n}:`.length), id]));
    stances.push(...(await writeStances(tx, articleId, set, local(sourceIds), local(quotes.byKey))));
  }
  const mentions = await writeBatchMentions(tx, articles, actors.ids);
  await recordCreated(
    tx,
    new Map<RevisedType, string[]>([
      ['Source', [...sourceIds.values()]],
      ['Quote', quotes.all.flat()],
      ['Stance', stances],
      ['Mention', mentions.flat()],
    ]),
  );
  const newActors = newActorsPerArticle(articles, actors.createdKeys);
  return articles.map(({ set }, n) => ({
    quotes: quotes.all[n].length,
    sources: new Set(set.sources.map((source) => source.key)).size,
    mentions: mentions[n].length,
    newActors: newActors[n],
  }));
}

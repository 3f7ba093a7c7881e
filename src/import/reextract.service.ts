// Re-extraction of one stored article, in the caller's transaction: the current extractor runs on
// its body and its EXTRACTED quotes, sources, mentions and stances are replaced by what it finds,
// as a diff (reextract-diff.ts), so that rows it finds again stay untouched and a second run
// changes nothing. MANUAL rows, and EXTRACTED rows curated work links to (the source of a MANUAL
// quote or stance, the quote a MANUAL stance cites), stay. Actors resolve through the one writer,
// so a curator's actors and aliases are reused; actors left unreferenced are not deleted.
import { Origin } from '../common/annotation';
import { queryRow, sql } from '../database/sql';
import type { Transaction } from '../database/transaction';
import { AppError } from '../errors/app-error';
import { extractArticle } from '../extraction/extract-article';
import { Mention } from '../mention/mention.entity';
import { Quote } from '../quote/quote.entity';
import { recordChanges, recordCreated, type RevisedType } from '../revision/revision.service';
import { Source } from '../source/source.entity';
import { Stance } from '../stance/stance.entity';
import { writeActors } from './actor-writer';
import { type AnnotationSet, provenanceColumns, type SourceRecord } from './annotation-set';
import {
  type MentionColumns,
  mentionColumnsOf,
  type QuoteColumns,
  quoteColumnsOf,
  type SourceColumns,
  sourceColumnsOf,
  writeMentions,
  writeQuotes,
  writeSources,
} from './annotation-writer';
import { annotationsOfDraft } from './draft-annotations';
import {
  diffRows,
  type FreshRow,
  roundedConfidence,
  type RowDiff,
  signatureOf,
  type StoredRow,
} from './reextract-diff';

export interface ChangeCounts {
  readonly removed: number;
  readonly added: number;
  /** Stored rows left as they were, MANUAL ones included. */
  readonly kept: number;
  /** Of those, EXTRACTED rows extraction no longer finds, kept because curated work links them. */
  readonly keptLinked: number;
}

export interface ReextractReport {
  readonly articleId: string;
  readonly quotes: ChangeCounts;
  readonly sources: ChangeCounts;
  readonly mentions: ChangeCounts;
  readonly stancesRemoved: number;
  readonly newActors: number;
}

interface Stored {
  readonly sources: Source[];
  readonly quotes: Quote[];
  readonly mentions: Mention[];
  readonly stances: Stance[];
}

type Provenanced = {
  origin: Origin;
  extractor: string | null;
  extractorVersion: string | null;
  confidence: number | null;
};

function provenanceSignature(row: Provenanced): (string | number | null)[] {
  return [row.extractor, row.extractorVersion, roundedConfidence(row.confidence)];
}

/** The body, with the article locked so that two re-extractions of it run one after the other. */
async function lockedBody(tx: Transaction, articleId: string): Promise<string> {
  const row = await queryRow<{ body: string }>(
    tx,
    sql`SELECT body FROM articles WHERE id = ${sql.value(articleId)}::uuid FOR UPDATE`,
  );
  if (!row) throw AppError.notFound(`no article ${articleId}`, 'articleId');
  return row.body;
}

async function storedAnnotations(tx: Transaction, articleId: string): Promise<Stored> {
  return {
    sources: await tx.getRepository(Source).find({ where: { articleId }, order: { id: 'ASC' } }),
    quotes: await tx.getRepository(Quote).find({ where: { articleId }, order: { id: 'ASC' } }),
    mentions: await tx.getRepository(Mention).find({ where: { articleId }, order: { id: 'ASC' } }),
    stances: await tx.getRepository(Stance).find({ where: { articleId }, order: { id: 'ASC' } }),
  };
}

/** EXTRACTED rows curated work links to: the quotes MANUAL stances cite, and the sources of those and of MANUAL rows. */
function linkedRows(stored: Stored): { quotes: Set<string>; sources: Set<string> } {
  const manualStances = stored.stances.filter((stance) => stance.origin === Origin.MANUAL);
  const quotes = new Set(manualStances.flatMap((stance) => (stance.quoteId ? [stance.quoteId] : [])));
  const sources = new Set([
    ...manualStances.map((stance) => stance.sourceId),
    ...stored.quotes
      .filter((quote) => quote.origin === Origin.MANUAL || quotes.has(quote.id))
      .flatMap((quote) => (quote.sourceId ? [quote.sourceId] : [])),
  ]);
  return { quotes, sources };
}

function storedRow(
  row: Provenanced & { id: string },
  linked: ReadonlySet<string>,
  span: [number | null, number | null],
  columns: (string | number | null)[],
): StoredRow {
  return {
    id: row.id,
    manual: row.origin === Origin.MANUAL,
    linked: row.origin === Origin.EXTRACTED && linked.has(row.id),
    signature: signatureOf(...columns, ...provenanceSignature(row)),
    start: span[0],
    end: span[1],
  };
}

type Ids = ReadonlyMap<string, string>;

function sourceColumns(source: SourceColumns): (string | number | null)[] {
  const { descriptor, spanStart, spanEnd, anonymity, kind, actorId, affiliationId, role } = source;
  return [descriptor, spanStart, spanEnd, anonymity, kind, actorId, affiliationId, role];
}

function freshSource(record: SourceRecord, columns: SourceColumns): FreshRow {
  return {
    signature: signatureOf(...sourceColumns(columns), ...provenanceSignature(provenanceColumns(record.provenance))),
    start: columns.spanStart,
    end: columns.spanEnd,
  };
}

function diffSources(set: AnnotationSet, stored: Stored, linked: ReadonlySet<string>, actorIds: Ids): RowDiff {
  const fresh = sourceColumnsOf(set, (key) => (key === undefined ? null : (actorIds.get(key) ?? null)));
  return diffRows(
    stored.sources.map((source) =>
      storedRow(source, linked, [source.spanStart, source.spanEnd], sourceColumns(source)),
    ),
    set.sources.map((source, i) => freshSource(source, fresh[i])),
  );
}

function quoteColumns(quote: QuoteColumns): (string | number | null)[] {
  const { spanStart, spanEnd, kind, cue, cueStart, cueEnd, attributionMethod, sourceId } = quote;
  return [spanStart, spanEnd, kind, cue, cueStart, cueEnd, attributionMethod, sourceId];
}

/** A quote whose source is new cannot equal a stored quote: its source id is not known yet. */
function diffQuotes(set: AnnotationSet, stored: Stored, linked: ReadonlySet<string>, sourceIds: Ids): RowDiff {
  const fresh = quoteColumnsOf(set.quotes, (key) =>
    key === undefined ? null : (sourceIds.get(key) ?? `new source ${key}`),
  );
  return diffRows(
    stored.quotes.map((quote) => storedRow(quote, linked, [quote.spanStart, quote.spanEnd], quoteColumns(quote))),
    set.quotes.map((quote, i) => ({
      signature: signatureOf(...quoteColumns(fresh[i]), ...provenanceSignature(provenanceColumns(quote.provenance))),
      start: quote.span.start,
      end: quote.span.end,
    })),
  );
}

function mentionColumns(mention: MentionColumns): (string | number | null)[] {
  const { actorId, spanStart, spanEnd } = mention;
  return [actorId, spanStart, spanEnd];
}

function diffMentions(set: AnnotationSet, stored: Stored, actorIds: Ids): RowDiff {
  const fresh = mentionColumnsOf(set.mentions, (key) => actorIds.get(key) ?? null);
  return diffRows(
    stored.mentions.map((m) => storedRow(m, new Set(), [m.spanStart, m.spanEnd], mentionColumns(m))),
    set.mentions.map((m, i) => ({
      signature: signatureOf(...mentionColumns(fresh[i]), ...provenanceSignature(provenanceColumns(m.provenance))),
      start: m.span.start,
      end: m.span.end,
    })),
  );
}

/** Deletes rows with their DELETE revisions: stances first, then quotes, sources and mentions, so no delete is refused. */
async function deleteRecorded(tx: Transaction, removed: ReadonlyMap<RevisedType, readonly string[]>): Promise<void> {
  const entities = { Stance, Quote, Source, Mention } as const;
  for (const [type, ids] of removed) {
    if (!ids.length) continue;
    const entity = entities[type as keyof typeof entities];
    await recordChanges(tx, type, ids, () => tx.getRepository(entity).delete([...ids]));
  }
}

function counts(diff: RowDiff, added: number): ChangeCounts {
  return { removed: diff.removed.length, added, kept: diff.kept, keptLinked: diff.keptLinked };
}

/** The records the diff found no stored row for: the ones to insert. */
function unmatched<T>(records: readonly T[], diff: RowDiff): T[] {
  return records.filter((_, i) => diff.standsFor[i] === null);
}

function idsByKey(keys: readonly string[], diff: RowDiff): Map<string, string> {
  return new Map(keys.flatMap((key, i) => (diff.standsFor[i] ? [[key, diff.standsFor[i]] as const] : [])));
}

export async function reextractArticle(tx: Transaction, articleId: string): Promise<ReextractReport> {
  const body = await lockedBody(tx, articleId);
  const set = annotationsOfDraft(extractArticle(body), body);
  const stored = await storedAnnotations(tx, articleId);
  const linked = linkedRows(stored);
  const actors = await writeActors(tx, set.actors);
  const sourceDiff = diffSources(set, stored, linked.sources, actors.ids);
  const sourceIds = idsByKey(
    set.sources.map((source) => source.key),
    sourceDiff,
  );
  const quoteDiff = diffQuotes(set, stored, linked.quotes, sourceIds);
  const mentionDiff = diffMentions(set, stored, actors.ids);
  const stancesRemoved = stored.stances
    .filter((stance) => stance.origin === Origin.EXTRACTED)
    .map((stance) => stance.id);
  await deleteRecorded(
    tx,
    new Map<RevisedType, readonly string[]>([
      ['Stance', stancesRemoved],
      ['Quote', quoteDiff.removed],
      ['Source', sourceDiff.removed],
      ['Mention', mentionDiff.removed],
    ]),
  );
  const newSources = await writeSources(
    tx,
    articleId,
    { ...set, sources: unmatched(set.sources, sourceDiff) },
    actors.ids,
  );
  for (const [key, id] of newSources) sourceIds.set(key, id);
  const newQuotes = await writeQuotes(tx, articleId, { ...set, quotes: unmatched(set.quotes, quoteDiff) }, sourceIds);
  const newMentions = await writeMentions(tx, articleId, unmatched(set.mentions, mentionDiff), actors.ids);
  await recordCreated(
    tx,
    new Map<RevisedType, string[]>([
      ['Source', [...newSources.values()]],
      ['Quote', newQuotes.all],
      ['Mention', newMentions],
    ]),
  );
  return {
    articleId,
    sources: counts(sourceDiff, newSources.size),
    quotes: counts(quoteDiff, newQuotes.all.length),
    mentions: counts(mentionDiff, newMentions.length),
    stancesRemoved: stancesRemoved.length,
    newActors: actors.created,
  };
}

// The one writer of an article's annotations: actors resolved or created, then sources, quotes,
// stances (with their policy questions) and mentions, each row with its provenance, and one
// revision per row created, all in the caller's transaction.
import { randomUUID } from 'node:crypto';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Origin } from '../common/annotation';
import { queryRow, queryRows, sql } from '../database/sql';
import type { Transaction } from '../database/transaction';
import { Mention } from '../mention/mention.entity';
import type { AttributionMethod, Quote } from '../quote/quote.entity';
import { recordCreated, type RevisedType } from '../revision/revision.service';
import { defaultSourceKind } from '../source/source-kind';
import { Source } from '../source/source.entity';
import { Stance } from '../stance/stance.entity';
import { writeActors } from './actor-writer';
import {
  type AnnotationSet,
  type MentionRecord,
  provenanceColumns,
  type QuoteRecord,
  type SpanRecord,
} from './annotation-set';
import { offsetWriter } from '../article/body-offsets';
import { codePointLength } from '../common/code-points';
import { OffsetUnit } from './annotated-article';

type Ids = ReadonlyMap<string, string>;

export interface AnnotationCounts {
  readonly quotes: number;
  readonly sources: number;
  readonly mentions: number;
  readonly newActors: number;
}

/** Looks a key up in the ids written so far; a key the set does not define is a bug in its maker. */
function idOf(ids: Ids, key: string | undefined, what: string): string | null {
  if (key === undefined) return null;
  const id = ids.get(key);
  if (!id) throw new Error(`the annotation set refers to the ${what} "${key}", which it does not define`);
  return id;
}

/** A policy question by its slug, created with `text` (and its revision) when it is new. */
export async function findOrCreatePolicyQuestion(
  tx: Transaction,
  slug: string,
  text: string | null,
): Promise<{ id: string; created: boolean }> {
  const inserted =
    text === null
      ? null
      : await queryRow<{ id: string }>(
          tx,
          sql`INSERT INTO policy_questions (slug, text) VALUES (${sql.value(slug)}, ${sql.value(text)}) ON CONFLICT (slug) DO NOTHING RETURNING id`,
        );
  if (inserted) {
    await recordCreated(tx, 'PolicyQuestion', [inserted.id]);
    return { id: inserted.id, created: true };
  }
  const existing = await queryRow<{ id: string }>(
    tx,
    sql`SELECT id FROM policy_questions WHERE slug = ${sql.value(slug)}`,
  );
  if (!existing) throw new Error(`the policy question "${slug}" is neither known nor given a text`);
  return { id: existing.id, created: false };
}

/**
 * The most rows one repository insert writes. It binds a parameter per column of each row, and
 * PostgreSQL takes at most 65,535 in a statement: an import naming 15,000 new actors (six columns
 * each) failed whole. A thousand rows stay below it for any table of fewer than 65 columns.
 */
export const ROWS_PER_INSERT = 1_000;

/** Inserts the rows in statements of at most ROWS_PER_INSERT, and returns their ids in the rows' order. */
export async function insertRows<T extends ObjectLiteral>(
  tx: Transaction,
  entity: EntityTarget<T>,
  rows: QueryDeepPartialEntity<T>[],
): Promise<string[]> {
  const ids: string[] = [];
  for (let from = 0; from < rows.length; from += ROWS_PER_INSERT) {
    const { identifiers } = await tx.getRepository(entity).insert(rows.slice(from, from + ROWS_PER_INSERT));
    for (const identifier of identifiers) ids.push(identifier.id as string);
  }
  return ids;
}

/** A column of `rows` as one array parameter, for `INSERT … SELECT FROM unnest(…)`: one statement for any number of rows. */
export function arrayColumnOf<R>(rows: readonly R[]) {
  return <T extends string | number | null>(pick: (row: R) => T) => sql.value(rows.map(pick));
}

export type MentionColumns = Pick<Mention, 'spanStart' | 'spanEnd'> & { actorId: string | null };

/**
 * The columns each mention is written with, provenance aside, its actor's id looked up by
 * `actorId`: re-extraction compares stored mentions with exactly these.
 */
export function mentionColumnsOf(
  mentions: readonly MentionRecord[],
  actorId: (key: string) => string | null,
): MentionColumns[] {
  return mentions.map((mention) => ({
    actorId: actorId(mention.actor),
    spanStart: mention.span.start,
    spanEnd: mention.span.end,
  }));
}

/** Mentions in one statement whatever their number; a mention already there is skipped. */
export async function writeMentions(
  tx: Transaction,
  articleId: string,
  mentions: readonly MentionRecord[],
  actorIds: Ids,
): Promise<string[]> {
  if (!mentions.length) return [];
  const columns = mentionColumnsOf(mentions, (key) => idOf(actorIds, key, 'actor'));
  const rows = mentions.map((mention, i) => ({ ...columns[i], ...provenanceColumns(mention.provenance) }));
  const column = arrayColumnOf(rows);
  const written = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO mentions (article_id, actor_id, span_start, span_end, origin, extractor, extractor_version, confidence)
        SELECT ${sql.value(articleId)}::uuid, m.* FROM unnest(
          ${column((r) => r.actorId)}::uuid[], ${column((r) => r.spanStart)}::int[], ${column((r) => r.spanEnd)}::int[],
          ${column((r) => r.origin)}::origin[], ${column((r) => r.extractor)}::text[], ${column((r) => r.extractorVersion)}::text[],
          ${column((r) => r.confidence)}::real[]
        ) AS m
        ON CONFLICT DO NOTHING RETURNING id`,
  );
  return written.map((row) => row.id);
}

export type SourceColumns = Pick<
  Source,
  'descriptor' | 'spanStart' | 'spanEnd' | 'anonymity' | 'kind' | 'actorId' | 'affiliationId' | 'role'
>;

/**
 * The columns each source of the set is written with, provenance aside, its actors' ids looked up
 * by `actorId`: re-extraction compares stored sources with exactly these.
 */
export function sourceColumnsOf(
  set: AnnotationSet,
  actorId: (key: string | undefined) => string | null,
): SourceColumns[] {
  const actorKinds = new Map(set.actors.map((actor) => [actor.key, actor.kind]));
  return set.sources.map((source) => ({
    descriptor: source.descriptor,
    spanStart: source.span?.start ?? null,
    spanEnd: source.span?.end ?? null,
    anonymity: source.anonymity,
    kind:
      source.kind ??
      defaultSourceKind(source.anonymity, source.actor === undefined ? null : actorKinds.get(source.actor)),
    actorId: actorId(source.actor),
    affiliationId: actorId(source.affiliation),
    role: source.role,
  }));
}

/** Inserts the sources and returns their ids by key. */
export async function writeSources(
  tx: Transaction,
  articleId: string,
  set: AnnotationSet,
  actorIds: Ids,
): Promise<Map<string, string>> {
  if (!set.sources.length) return new Map();
  const columns = sourceColumnsOf(set, (key) => idOf(actorIds, key, 'actor'));
  const ids = await insertRows(
    tx,
    Source,
    set.sources.map((source, i) => ({ articleId, ...columns[i], ...provenanceColumns(source.provenance) })),
  );
  return new Map(set.sources.map((source, i) => [source.key, ids[i]]));
}

/** Only an extractor's quotes say how they were attributed. */
export function attributionMethodOf(quote: QuoteRecord): AttributionMethod | null {
  return quote.provenance.origin === Origin.EXTRACTED ? (quote.attributionMethod ?? null) : null;
}

export type QuoteColumns = Pick<
  Quote,
  'spanStart' | 'spanEnd' | 'kind' | 'sourceId' | 'cue' | 'cueStart' | 'cueEnd' | 'attributionMethod'
>;

/**
 * The columns each quote is written with, provenance aside, its source's id looked up by
 * `sourceId`: re-extraction compares stored quotes with exactly these.
 */
export function quoteColumnsOf(
  quotes: readonly QuoteRecord[],
  sourceId: (key: string | undefined) => string | null,
): QuoteColumns[] {
  return quotes.map((quote) => ({
    spanStart: quote.span.start,
    spanEnd: quote.span.end,
    kind: quote.kind,
    sourceId: sourceId(quote.source),
    cue: quote.cue,
    cueStart: quote.cueSpan?.start ?? null,
    cueEnd: quote.cueSpan?.end ?? null,
    attributionMethod: attributionMethodOf(quote),
  }));
}

/** The body at a span, in code points; undefined for a span outside the body, which the database then refuses. */
export function quoteTextOf(body: string): (span: SpanRecord) => string | undefined {
  const utf16 = offsetWriter(body, OffsetUnit.UTF16);
  const length = codePointLength(body);
  return (span) =>
    span.start >= 0 && span.end <= length && span.start < span.end
      ? body.slice(utf16(span.start), utf16(span.end))
      : undefined;
}

/** The body at a span, read once for all the article's quotes: the database would read the whole body again for each row. */
async function quoteTextReader(tx: Transaction, articleId: string): Promise<(span: SpanRecord) => string | undefined> {
  const article = await queryRow<{ body: string }>(
    tx,
    sql`SELECT body FROM articles WHERE id = ${sql.value(articleId)}`,
  );
  return quoteTextOf(article?.body ?? '');
}

/**
 * Inserts the quotes and returns every id, and the ids of keyed quotes by key. One statement of
 * a column array each, whatever their number: a row of parameters each would cost the event loop
 * a tenth of a second per thousand quotes to bind. The ids are made here, so none depends on the
 * order RETURNING gives rows back in.
 */
export async function writeQuotes(
  tx: Transaction,
  articleId: string,
  set: AnnotationSet,
  sourceIds: Ids,
): Promise<{ all: string[]; byKey: Map<string, string> }> {
  if (!set.quotes.length) return { all: [], byKey: new Map() };
  const columns = quoteColumnsOf(set.quotes, (key) => idOf(sourceIds, key, 'source'));
  const textAt = await quoteTextReader(tx, articleId);
  const rows = set.quotes.map((quote, i) => ({
    id: randomUUID(),
    ...columns[i],
    text: textAt(quote.span) ?? null,
    ...provenanceColumns(quote.provenance),
  }));
  const column = arrayColumnOf(rows);
  await queryRows(
    tx,
    sql`INSERT INTO quotes (article_id, id, span_start, span_end, text, kind, source_id, cue, cue_start, cue_end,
                            attribution_method, origin, extractor, extractor_version, confidence)
        SELECT ${sql.value(articleId)}::uuid, q.* FROM unnest(
          ${column((r) => r.id)}::uuid[], ${column((r) => r.spanStart)}::int[], ${column((r) => r.spanEnd)}::int[],
          ${column((r) => r.text)}::text[], ${column((r) => r.kind)}::quote_kind[], ${column((r) => r.sourceId)}::uuid[],
          ${column((r) => r.cue)}::text[], ${column((r) => r.cueStart)}::int[], ${column((r) => r.cueEnd)}::int[],
          ${column((r) => r.attributionMethod)}::attribution_method[], ${column((r) => r.origin)}::origin[],
          ${column((r) => r.extractor)}::text[], ${column((r) => r.extractorVersion)}::text[], ${column((r) => r.confidence)}::real[]
        ) AS q`,
  );
  const all = rows.map((row) => row.id);
  return {
    all,
    byKey: new Map(set.quotes.flatMap((quote, i) => (quote.key === undefined ? [] : [[quote.key, all[i]]]))),
  };
}

/** Inserts the stances, creating the policy questions they need, and returns their ids. */
export async function writeStances(
  tx: Transaction,
  articleId: string,
  set: AnnotationSet,
  sourceIds: Ids,
  quoteIds: Ids,
): Promise<string[]> {
  if (!set.stances.length) return [];
  // Each question looked up (or created, with the text of its first stance) once.
  const questionIds = new Map<string, string>();
  for (const { question } of set.stances) {
    if (!questionIds.has(question.slug))
      questionIds.set(question.slug, (await findOrCreatePolicyQuestion(tx, question.slug, question.text)).id);
  }
  const rows = set.stances.map((stance) => ({
    questionId: questionIds.get(stance.question.slug) as string,
    articleId,
    sourceId: idOf(sourceIds, stance.source, 'source') as string,
    position: stance.position,
    evidenceStart: stance.evidence?.start ?? null,
    evidenceEnd: stance.evidence?.end ?? null,
    quoteId: idOf(quoteIds, stance.quote, 'quote'),
    note: stance.note,
    ...provenanceColumns(stance.provenance),
  }));
  return insertRows(tx, Stance, rows);
}

export async function writeAnnotations(
  tx: Transaction,
  articleId: string,
  set: AnnotationSet,
): Promise<AnnotationCounts> {
  const actors = await writeActors(tx, set.actors);
  const sourceIds = await writeSources(tx, articleId, set, actors.ids);
  const quotes = await writeQuotes(tx, articleId, set, sourceIds);
  const stances = await writeStances(tx, articleId, set, sourceIds, quotes.byKey);
  const mentions = await writeMentions(tx, articleId, set.mentions, actors.ids);
  await recordCreated(
    tx,
    new Map<RevisedType, string[]>([
      ['Source', [...sourceIds.values()]],
      ['Quote', quotes.all],
      ['Stance', stances],
      ['Mention', mentions],
    ]),
  );
  return { quotes: quotes.all.length, sources: sourceIds.size, mentions: mentions.length, newActors: actors.created };
}

// Annotations as an import brings them, checked and turned into an annotation set before any
// transaction opens: spans converted from the sender's unit over the body as sent to code points of
// the stored body, keys unique, every reference resolved. Each problem is BAD_USER_INPUT naming its
// path (`annotations.quotes[3].span`). What needs the database (actors by Wikidata id alone, policy
// questions without text) is listed for `completeAnnotations`.
import { ActorKind } from '../actor/actor.entity';
import { normalisedBodyWithOffsets, offsetReader } from '../article/body-offsets';
import { Origin } from '../common/annotation';
import { sliceCodePoints } from '../common/code-points';
import { AppError } from '../errors/app-error';
import { SourceKind } from '../source/source.entity';
import type {
  ActorData,
  ActorRefData,
  AnnotationsData,
  ExtractedData,
  QuoteData,
  SourceData,
  SpanData,
  StanceData,
} from './annotated-article';
import { OffsetUnit } from './annotated-article';
import {
  type ActorRecord,
  type AnnotationSet,
  MANUAL,
  type MentionRecord,
  type Provenance,
  type QuoteRecord,
  type SourceRecord,
  type SpanRecord,
  type StanceRecord,
} from './annotation-set';

/** An actor named only by a Wikidata id that no `actors` entry carries: it must be a known actor. */
export interface WikidataReference {
  readonly key: string;
  readonly wikidataId: string;
  readonly path: string;
}

export interface PreparedAnnotations {
  readonly set: AnnotationSet;
  readonly wikidataReferences: readonly WikidataReference[];
  /** Stances whose question has no text: its slug must be a known question. */
  readonly questionsToFind: readonly { slug: string; path: string }[];
}

const ROOT = 'annotations';

/** Text as the stored body holds it: composed (NFC), without edge white space. */
const clean = (text: string) => text.normalize('NFC').trim();
const cleanOrNull = (text: string | null | undefined) => (text ? clean(text) || null : null);

function provenanceOf(extracted: ExtractedData | null | undefined): Provenance {
  if (!extracted) return MANUAL;
  return {
    origin: Origin.EXTRACTED,
    extractor: extracted.extractor,
    extractorVersion: extracted.version,
    confidence: extracted.confidence,
  };
}

const UNIT_NAMES: Record<OffsetUnit, string> = {
  [OffsetUnit.CODE_POINT]: 'code points',
  [OffsetUnit.UTF16]: 'UTF-16 code units',
  [OffsetUnit.UTF8]: 'UTF-8 bytes',
};

/** Converts spans given over the body as sent, in the sender's unit, to code points of the stored body. */
function spanConverter(rawBody: string, unit: OffsetUnit): (span: SpanData, path: string) => SpanRecord {
  const toCodePoint = offsetReader(rawBody, unit);
  const { offsetOf } = normalisedBodyWithOffsets(rawBody);
  const convert = (offset: number, path: string, side: string): number => {
    const codePoint = toCodePoint(offset);
    if (codePoint === null)
      throw AppError.badInput(
        `${path}.${side} (${offset}) is not a boundary between characters of the body, counted in ${UNIT_NAMES[unit]}`,
        path,
      );
    const stored = offsetOf(codePoint);
    if (stored === null)
      throw AppError.badInput(
        `${path}.${side} (${offset}) falls inside a character that normalisation (NFC) composes: move it before or after the whole character`,
        path,
      );
    return stored;
  };
  return (span, path) => {
    if (!(span.end > span.start))
      throw AppError.badInput(`${path} must be non-empty: start < end (got [${span.start}, ${span.end}))`, path);
    const start = convert(span.start, path, 'start');
    const end = convert(span.end, path, 'end');
    if (end <= start)
      throw AppError.badInput(`${path} holds only white space that the stored body drops (line ends)`, path);
    return { start, end };
  };
}

/** Keys of one list, each once; a key given twice is refused at its second place. */
function keysOf(items: readonly { key?: string | null }[], list: string): Set<string> {
  const keys = new Set<string>();
  items.forEach((item, i) => {
    if (item.key === undefined || item.key === null) return;
    if (keys.has(item.key))
      throw AppError.badInput(`key "${item.key}" is given to two ${list}`, `${ROOT}.${list}[${i}].key`);
    keys.add(item.key);
  });
  return keys;
}

/**
 * The set's key of an input's key. The caller's keys are free text: prefixed, they can never meet
 * the keys made here for actors named only by name or Wikidata id, nor extraction's.
 */
const given = (key: string) => `given:${key}`;

function requireKey(keys: ReadonlySet<string>, key: string, list: string, path: string): string {
  if (!keys.has(key)) throw AppError.badInput(`no entry of ${ROOT}.${list} has the key "${key}"`, path);
  return given(key);
}

/** The actor a source's kind suggests, for an actor named here only by its name. */
const ACTOR_KIND_OF_SOURCE: Record<SourceKind, ActorKind> = {
  [SourceKind.PERSON]: ActorKind.PERSON,
  [SourceKind.GROUP]: ActorKind.GROUP,
  [SourceKind.ORGANIZATION]: ActorKind.ORGANIZATION,
  [SourceKind.DOCUMENT]: ActorKind.ORGANIZATION,
};

/** Resolves actor references to keys of the set, adding the actors named only by name or Wikidata id. */
class ActorReferences {
  readonly named = new Map<string, ActorRecord>();
  readonly byWikidata = new Map<string, WikidataReference>();
  private readonly keys: ReadonlySet<string>;
  private readonly keyOfWikidataId: ReadonlyMap<string, string>;

  constructor(actors: readonly ActorData[]) {
    this.keys = keysOf(actors, 'actors');
    this.keyOfWikidataId = new Map(actors.flatMap((a) => (a.wikidataId ? [[a.wikidataId, a.key] as const] : [])));
  }

  key(key: string, path: string): string {
    return requireKey(this.keys, key, 'actors', path);
  }

  resolve(ref: ActorRefData, path: string, kindIfNew: ActorKind): string {
    const named = [ref.key, ref.name, ref.wikidataId].filter((v) => v !== undefined && v !== null);
    if (named.length !== 1) throw AppError.badInput(`${path} must give exactly one of key, name or wikidataId`, path);
    if (ref.key) return this.key(ref.key, `${path}.key`);
    if (ref.name) {
      const key = `name:${ref.name}`;
      if (!this.named.has(key)) this.named.set(key, { key, name: clean(ref.name), kind: kindIfNew });
      return key;
    }
    const wikidataId = ref.wikidataId as string;
    const listed = this.keyOfWikidataId.get(wikidataId);
    if (listed) return given(listed);
    const key = `wikidata:${wikidataId}`;
    if (!this.byWikidata.has(key)) this.byWikidata.set(key, { key, wikidataId, path: `${path}.wikidataId` });
    return key;
  }
}

function actorRecords(actors: readonly ActorData[], refs: ActorReferences): ActorRecord[] {
  return actors.map((actor, i) => ({
    key: given(actor.key),
    name: clean(actor.name),
    kind: actor.kind,
    description: cleanOrNull(actor.description),
    aliases: (actor.aliases ?? []).map(clean),
    wikidataId: actor.wikidataId ?? undefined,
    affiliation: actor.affiliation ? refs.key(actor.affiliation, `${ROOT}.actors[${i}].affiliation`) : undefined,
    memberOf: (actor.memberOf ?? []).map((key, j) => refs.key(key, `${ROOT}.actors[${i}].memberOf[${j}]`)),
  }));
}

type ToSpan = (span: SpanData, path: string) => SpanRecord;

function sourceRecords(sources: readonly SourceData[], refs: ActorReferences, toSpan: ToSpan): SourceRecord[] {
  return sources.map((source, i) => {
    const path = `${ROOT}.sources[${i}]`;
    const actorKind = ACTOR_KIND_OF_SOURCE[source.kind ?? SourceKind.PERSON];
    return {
      key: given(source.key),
      descriptor: clean(source.descriptor),
      span: source.span ? toSpan(source.span, `${path}.span`) : null,
      anonymity: source.anonymity,
      kind: source.kind ?? undefined,
      actor: source.actor ? refs.resolve(source.actor, `${path}.actor`, actorKind) : undefined,
      affiliation: source.affiliation
        ? refs.resolve(source.affiliation, `${path}.affiliation`, ActorKind.ORGANIZATION)
        : undefined,
      role: cleanOrNull(source.role),
      provenance: provenanceOf(source.extracted),
    };
  });
}

function quoteRecords(quotes: readonly QuoteData[], sourceKeys: ReadonlySet<string>, toSpan: ToSpan, body: string) {
  return quotes.map((quote, i): QuoteRecord => {
    const path = `${ROOT}.quotes[${i}]`;
    const cueSpan = quote.cueSpan ? toSpan(quote.cueSpan, `${path}.cueSpan`) : null;
    return {
      key: quote.key ? given(quote.key) : undefined,
      span: toSpan(quote.span, `${path}.span`),
      kind: quote.kind,
      source: quote.source ? requireKey(sourceKeys, quote.source, 'sources', `${path}.source`) : undefined,
      cue: cleanOrNull(quote.cue) ?? (cueSpan ? sliceCodePoints(body, cueSpan.start, cueSpan.end) : null),
      cueSpan,
      attributionMethod: quote.attributionMethod ?? undefined,
      provenance: provenanceOf(quote.extracted),
    };
  });
}

function stanceRecords(
  stances: readonly StanceData[],
  keys: { sources: ReadonlySet<string>; quotes: ReadonlySet<string>; quoteSpans: ReadonlyMap<string, SpanRecord> },
  toSpan: ToSpan,
): StanceRecord[] {
  return stances.map((stance, i) => {
    const path = `${ROOT}.stances[${i}]`;
    const quote = stance.quote ? requireKey(keys.quotes, stance.quote, 'quotes', `${path}.quote`) : undefined;
    return {
      question: { slug: stance.question, text: cleanOrNull(stance.questionText) },
      source: requireKey(keys.sources, stance.source, 'sources', `${path}.source`),
      position: stance.position,
      evidence: stance.evidence
        ? toSpan(stance.evidence, `${path}.evidence`)
        : (keys.quoteSpans.get(quote ?? '') ?? null),
      quote,
      note: cleanOrNull(stance.note),
      provenance: provenanceOf(stance.extracted),
    };
  });
}

/** The annotations of an input, checked against the body as sent (`rawBody`) and converted to the stored body (`body`). */
export function prepareAnnotations(annotations: AnnotationsData, rawBody: string, body: string): PreparedAnnotations {
  const toSpan = spanConverter(rawBody, annotations.offsets ?? OffsetUnit.CODE_POINT);
  const refs = new ActorReferences(annotations.actors ?? []);
  const actors = actorRecords(annotations.actors ?? [], refs);
  const sources = sourceRecords(annotations.sources ?? [], refs, toSpan);
  const sourceKeys = keysOf(annotations.sources ?? [], 'sources');
  const quoteKeys = keysOf(annotations.quotes ?? [], 'quotes');
  const quotes = quoteRecords(annotations.quotes ?? [], sourceKeys, toSpan, body);
  const mentions = (annotations.mentions ?? []).map((mention, i): MentionRecord => ({
    actor: refs.resolve(mention.actor, `${ROOT}.mentions[${i}].actor`, ActorKind.PERSON),
    span: toSpan(mention.span, `${ROOT}.mentions[${i}].span`),
    provenance: provenanceOf(mention.extracted),
  }));
  const quoteSpans = new Map(quotes.flatMap((quote) => (quote.key ? [[quote.key, quote.span] as const] : [])));
  const stances = stanceRecords(
    annotations.stances ?? [],
    { sources: sourceKeys, quotes: quoteKeys, quoteSpans },
    toSpan,
  );
  return {
    set: { actors: [...actors, ...refs.named.values()], sources, quotes, mentions, stances },
    wikidataReferences: [...refs.byWikidata.values()],
    questionsToFind: stances.flatMap((stance, i) =>
      stance.question.text === null ? [{ slug: stance.question.slug, path: `${ROOT}.stances[${i}].question` }] : [],
    ),
  };
}

// Writes an article's annotations as one W3C Web Annotation AnnotationPage (JSON-LD), in the terms
// web-annotation-vocabulary.ts describes. Pure: the caller serialises and serves the object.
import { offsetReader } from '../article/body-offsets';
import type {
  ActorData,
  ActorRefData,
  AnnotatedArticleData,
  ExtractedData,
  QuoteData,
  SourceData,
  SpanData,
  StanceData,
} from '../import/annotated-article';
import { OffsetUnit } from '../import/annotated-article';
import {
  ACTOR_IRI_PREFIX,
  ACTOR_NAME_IRI_PREFIX,
  BodyType,
  extractorIri,
  iriOf,
  Motivation,
  QUOTE_CONTEXT_LENGTH,
  QUOTE_IRI_PREFIX,
  SOURCE_IRI_PREFIX,
  STANCE_IRI_PREFIX,
  TEXT_POSITION_SELECTOR,
  TEXT_QUOTE_SELECTOR,
  WEB_ANNOTATION_CONTEXT,
  WIKIDATA_ENTITY_IRI_PREFIX,
} from './web-annotation-vocabulary';

type JsonObject = Record<string, unknown>;

interface PendingAnnotation {
  readonly motivation: string;
  readonly body: JsonObject;
  readonly target: string | JsonObject;
  readonly extracted?: ExtractedData | null;
}

interface WriteContext {
  readonly articleIri: string;
  readonly bodyCodePoints: readonly string[];
  /** From the article's offset unit to code points; null for an offset that is no boundary. */
  readonly codePointOffsetOf: (offset: number) => number | null;
  readonly actors: readonly ActorData[];
  readonly actorIndexByKey: ReadonlyMap<string, number>;
}

/** Drops the entries whose value is absent, so that optional terms are left out rather than written as null. */
function withoutAbsent(entries: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined && value !== null));
}

function codePointSpan(context: WriteContext, span: SpanData, path: string): SpanData {
  const start = context.codePointOffsetOf(span.start);
  const end = context.codePointOffsetOf(span.end);
  if (start === null || end === null || end < start) {
    throw new RangeError(`${path}: [${span.start}, ${span.end}) is not a span of the body`);
  }
  return { start, end };
}

/** A SpecificResource with both selectors, or the bare article IRI for a record without a span. */
function targetOf(context: WriteContext, span: SpanData | null | undefined, path: string): string | JsonObject {
  if (!span) return context.articleIri;
  const { start, end } = codePointSpan(context, span, path);
  const text = context.bodyCodePoints;
  const quoteSelector = withoutAbsent({
    type: TEXT_QUOTE_SELECTOR,
    exact: text.slice(start, end).join(''),
    prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT_LENGTH), start).join('') || undefined,
    suffix: text.slice(end, end + QUOTE_CONTEXT_LENGTH).join('') || undefined,
  });
  return {
    source: context.articleIri,
    selector: [{ type: TEXT_POSITION_SELECTOR, start, end }, quoteSelector],
  };
}

function provenanceOf(extracted: ExtractedData | null | undefined): JsonObject {
  if (!extracted) return {};
  return {
    generator: {
      id: extractorIri(extracted.extractor, extracted.version),
      type: 'Software',
      name: extracted.extractor,
    },
    'qg:extractorVersion': extracted.version,
    'qg:confidence': extracted.confidence,
  };
}

function actorIriOf(actor: ActorData): string {
  return actor.wikidataId ? WIKIDATA_ENTITY_IRI_PREFIX + actor.wikidataId : iriOf(ACTOR_IRI_PREFIX, actor.key);
}

/** The index in `actors` of the actor with `key`. */
function knownActorIndex(context: WriteContext, key: string, path: string): number {
  const index = context.actorIndexByKey.get(key);
  if (index === undefined) throw new RangeError(`${path}: no actor has the key "${key}"`);
  return index;
}

function knownActorIri(context: WriteContext, key: string, path: string): string {
  return actorIriOf(context.actors[knownActorIndex(context, key, path)]);
}

function actorEntryBody(context: WriteContext, index: number): JsonObject {
  const actor = context.actors[index];
  const path = `actors[${index}]`;
  return withoutAbsent({
    id: actorIriOf(actor),
    type: BodyType.ACTOR,
    'qg:name': actor.name,
    'qg:actorKind': actor.kind,
    'qg:aliases': actor.aliases?.length ? actor.aliases : undefined,
    'qg:description': actor.description,
    'qg:affiliation': actor.affiliation ? knownActorIri(context, actor.affiliation, `${path}.affiliation`) : undefined,
    'qg:memberOf': actor.memberOf?.length
      ? actor.memberOf.map((key, member) => knownActorIri(context, key, `${path}.memberOf[${member}]`))
      : undefined,
  });
}

/** An actor by key is written in full; one known only by Wikidata id or by name, with just that. */
function actorRefBody(context: WriteContext, ref: ActorRefData, path: string): JsonObject {
  if (ref.key) return actorEntryBody(context, knownActorIndex(context, ref.key, `${path}.key`));
  if (ref.wikidataId) return { id: WIKIDATA_ENTITY_IRI_PREFIX + ref.wikidataId, type: BodyType.ACTOR };
  if (ref.name) return { id: iriOf(ACTOR_NAME_IRI_PREFIX, ref.name), type: BodyType.ACTOR, 'qg:name': ref.name };
  throw new RangeError(`${path}: names no actor (key, wikidataId or name)`);
}

function sourceAnnotation(context: WriteContext, source: SourceData, path: string): PendingAnnotation {
  const body = withoutAbsent({
    id: iriOf(SOURCE_IRI_PREFIX, source.key),
    type: BodyType.SOURCE,
    'qg:descriptor': source.descriptor,
    'qg:anonymity': source.anonymity,
    'qg:sourceKind': source.kind,
    'qg:role': source.role,
    'qg:actor': source.actor ? actorRefBody(context, source.actor, `${path}.actor`) : undefined,
    'qg:affiliation': source.affiliation ? actorRefBody(context, source.affiliation, `${path}.affiliation`) : undefined,
  });
  const target = targetOf(context, source.span, `${path}.span`);
  return { motivation: Motivation.IDENTIFYING, body, target, extracted: source.extracted };
}

function quoteAnnotation(context: WriteContext, quote: QuoteData, key: string, path: string): PendingAnnotation {
  const cueSpan = quote.cueSpan ? codePointSpan(context, quote.cueSpan, `${path}.cueSpan`) : null;
  const body = withoutAbsent({
    id: iriOf(QUOTE_IRI_PREFIX, key),
    type: BodyType.QUOTE,
    'qg:quoteKind': quote.kind,
    'qg:source': quote.source ? iriOf(SOURCE_IRI_PREFIX, quote.source) : undefined,
    'qg:cue': quote.cue,
    'qg:cueStart': cueSpan?.start,
    'qg:cueEnd': cueSpan?.end,
    'qg:attributionMethod': quote.attributionMethod,
  });
  const target = targetOf(context, quote.span, `${path}.span`);
  return { motivation: Motivation.CLASSIFYING, body, target, extracted: quote.extracted };
}

function stanceAnnotation(context: WriteContext, stance: StanceData, index: number): PendingAnnotation {
  const body = withoutAbsent({
    id: iriOf(STANCE_IRI_PREFIX, String(index)),
    type: BodyType.STANCE,
    'qg:question': stance.question,
    'qg:questionText': stance.questionText,
    'qg:position': stance.position,
    'qg:source': iriOf(SOURCE_IRI_PREFIX, stance.source),
    'qg:quote': stance.quote ? iriOf(QUOTE_IRI_PREFIX, stance.quote) : undefined,
    'qg:note': stance.note,
  });
  const target = targetOf(context, stance.evidence, `stances[${index}].evidence`);
  return { motivation: Motivation.ASSESSING, body, target, extracted: stance.extracted };
}

/** A quote without a key still needs an IRI: its index, made unique against the keys in use. */
function quoteKeys(quotes: readonly QuoteData[]): string[] {
  const taken = new Set(quotes.flatMap((quote) => (quote.key ? [quote.key] : [])));
  return quotes.map((quote, index) => {
    if (quote.key) return quote.key;
    let key = String(index);
    while (taken.has(key)) key = `_${key}`;
    taken.add(key);
    return key;
  });
}

/** Keys of the actors some source or mention carries; the rest need an annotation of their own. */
function carriedActorKeys(article: AnnotatedArticleData): Set<string> {
  const { sources, mentions } = article.annotations ?? {};
  const refs = [
    ...(sources ?? []).flatMap((source) => [source.actor, source.affiliation]),
    ...(mentions ?? []).map((mention) => mention.actor),
  ];
  return new Set(refs.flatMap((ref) => (ref?.key ? [ref.key] : [])));
}

function pendingAnnotations(context: WriteContext, article: AnnotatedArticleData): PendingAnnotation[] {
  const { sources, quotes, mentions, stances, actors } = article.annotations ?? {};
  const keys = quoteKeys(quotes ?? []);
  const carried = carriedActorKeys(article);
  return [
    ...(sources ?? []).map((source, index) => sourceAnnotation(context, source, `sources[${index}]`)),
    ...(quotes ?? []).map((quote, index) => quoteAnnotation(context, quote, keys[index], `quotes[${index}]`)),
    ...(mentions ?? []).map((mention, index) => ({
      motivation: Motivation.IDENTIFYING,
      body: actorRefBody(context, mention.actor, `mentions[${index}].actor`),
      target: targetOf(context, mention.span, `mentions[${index}].span`),
      extracted: mention.extracted,
    })),
    ...(stances ?? []).map((stance, index) => stanceAnnotation(context, stance, index)),
    ...(actors ?? []).flatMap((actor, index) =>
      carried.has(actor.key)
        ? []
        : [{ motivation: Motivation.IDENTIFYING, body: actorEntryBody(context, index), target: context.articleIri }],
    ),
  ];
}

/**
 * The article's annotations as an AnnotationPage whose id is `articleIri` (without its fragment)
 * + "#annotations", and whose items are numbered under it. Spans are converted from the article's
 * offset unit to code points, as the model counts them. Throws a RangeError naming the record whose
 * span is not one of the body or whose actor key names no actor.
 */
export function writeWebAnnotations(article: AnnotatedArticleData, articleIri: string): JsonObject {
  const actors = article.annotations?.actors ?? [];
  const context: WriteContext = {
    articleIri,
    bodyCodePoints: Array.from(article.body),
    codePointOffsetOf: offsetReader(article.body, article.annotations?.offsets ?? OffsetUnit.CODE_POINT),
    actors,
    actorIndexByKey: new Map(actors.map((actor, index) => [actor.key, index])),
  };
  const pageIri = `${articleIri.split('#')[0]}#annotations`;
  const items = pendingAnnotations(context, article).map((pending, index) => ({
    id: `${pageIri}/${index}`,
    type: 'Annotation',
    motivation: pending.motivation,
    ...provenanceOf(pending.extracted),
    body: pending.body,
    target: pending.target,
  }));
  return { '@context': WEB_ANNOTATION_CONTEXT, id: pageIri, type: 'AnnotationPage', items };
}

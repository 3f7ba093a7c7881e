// Reads W3C Web Annotations (JSON-LD, in the compact form and `qg:` terms of
// web-annotation-vocabulary.ts) back into an article's annotations, anchoring each target in the body
// by its TextPositionSelector and, when that disagrees with the text, by its TextQuoteSelector.
import { offsetReader } from '../article/body-offsets';
import { ActorKind } from '../actor/actor.entity';
import { codePointIndexer, codePointLength } from '../common/code-points';
import type {
  ActorData,
  ActorRefData,
  AnnotationsData,
  ExtractedData,
  MentionData,
  QuoteData,
  SourceData,
  SpanData,
  StanceData,
} from '../import/annotated-article';
import { OffsetUnit } from '../import/annotated-article';
import { AttributionMethod, QuoteKind } from '../quote/quote.entity';
import { Anonymity, SourceKind } from '../source/source.entity';
import { Position } from '../stance/stance.entity';
import {
  ACTOR_IRI_PREFIX,
  ACTOR_NAME_IRI_PREFIX,
  BodyType,
  EXTRACTOR_IRI_PREFIX,
  extractorOfIri,
  keyOf,
  QUOTE_IRI_PREFIX,
  SOURCE_IRI_PREFIX,
  TEXT_POSITION_SELECTOR,
  TEXT_QUOTE_SELECTOR,
  wikidataIdOfIri,
} from './web-annotation-vocabulary';

/** A document this reader cannot read; the message starts with the path of the offending value. */
export class WebAnnotationFormatError extends Error {
  override name = 'WebAnnotationFormatError';

  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path || 'document'}: ${problem}`);
  }
}

type JsonObject = Record<string, unknown>;

interface TextQuote {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

/** What a target's selectors say, offsets still in the document's unit; both null for the whole article. */
interface TargetSelectors {
  readonly position: SpanData | null;
  readonly quote: TextQuote | null;
}

/** A span in code points, and how far re-anchoring moved it from where the position said. */
interface Anchor {
  readonly span: SpanData;
  readonly shift: number;
}

interface ReadState {
  readonly body: string;
  readonly bodyCodePoints: readonly string[];
  readonly codePointOfUtf16: (utf16Index: number) => number;
  /** From the document's offset unit to code points; null for an offset that is no boundary of the body. */
  readonly codePointOfOffset: (offset: number) => number | null;
  readonly warnings: string[];
  readonly actors: Map<string, ActorData>;
  readonly sources: SourceData[];
  readonly quotes: QuoteData[];
  readonly mentions: MentionData[];
  readonly stances: StanceData[];
}

function at(path: string, field: string | number): string {
  if (typeof field === 'number') return `${path}[${field}]`;
  return path ? `${path}.${field}` : field;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectAt(value: unknown, path: string): JsonObject {
  if (!isObject(value)) throw new WebAnnotationFormatError(path, 'must be an object');
  return value;
}

/** JSON-LD lets a single value stand for a list of one. */
function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function typesOf(object: JsonObject): unknown[] {
  return listOf(object.type ?? object['@type']);
}

function optionalString(object: JsonObject, field: string, path: string): string | undefined {
  const value = object[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new WebAnnotationFormatError(at(path, field), 'must be a string');
  return value;
}

function requiredString(object: JsonObject, field: string, path: string): string {
  const value = optionalString(object, field, path);
  if (value === undefined || !value.trim()) {
    throw new WebAnnotationFormatError(at(path, field), 'is required and must be a non-empty string');
  }
  return value;
}

function optionalEnum<T extends string>(
  allowed: Record<string, T>,
  object: JsonObject,
  field: string,
  path: string,
): T | undefined {
  const value = optionalString(object, field, path);
  if (value === undefined) return undefined;
  const values = Object.values(allowed);
  if (!values.includes(value as T)) {
    throw new WebAnnotationFormatError(at(path, field), `"${value}" is not one of ${values.join(', ')}`);
  }
  return value as T;
}

function requiredEnum<T extends string>(
  allowed: Record<string, T>,
  object: JsonObject,
  field: string,
  path: string,
): T {
  const value = optionalEnum(allowed, object, field, path);
  if (value === undefined) throw new WebAnnotationFormatError(at(path, field), 'is required');
  return value;
}

function offsetAt(object: JsonObject, field: string, path: string): number {
  const value = object[field];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new WebAnnotationFormatError(at(path, field), 'must be a non-negative integer');
  }
  return value;
}

/** Drops the fields left undefined, so that a record carries only what the document said. */
function defined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

function readTextQuote(selector: JsonObject, path: string): TextQuote {
  const exact = optionalString(selector, 'exact', path);
  if (!exact) throw new WebAnnotationFormatError(at(path, 'exact'), 'is required and must be a non-empty string');
  return {
    exact,
    prefix: optionalString(selector, 'prefix', path) ?? '',
    suffix: optionalString(selector, 'suffix', path) ?? '',
  };
}

function readTextPosition(selector: JsonObject, path: string): SpanData {
  const start = offsetAt(selector, 'start', path);
  const end = offsetAt(selector, 'end', path);
  if (end < start) throw new WebAnnotationFormatError(at(path, 'end'), 'must not be less than start');
  return { start, end };
}

/** The first TextPositionSelector and TextQuoteSelector; others (Hypothesis' RangeSelector, XPath, CSS) say nothing about the plain text. */
function readSelectors(target: JsonObject, path: string): TargetSelectors {
  let position: SpanData | null = null;
  let quote: TextQuote | null = null;
  listOf(target.selector).forEach((value, index) => {
    const selectorPath = Array.isArray(target.selector) ? at(at(path, 'selector'), index) : at(path, 'selector');
    const selector = objectAt(value, selectorPath);
    const types = typesOf(selector);
    if (types.includes(TEXT_POSITION_SELECTOR)) position ??= readTextPosition(selector, selectorPath);
    else if (types.includes(TEXT_QUOTE_SELECTOR)) quote ??= readTextQuote(selector, selectorPath);
  });
  return { position, quote };
}

/** The target's selectors; null when the target is the whole article (an IRI, or a resource without a selector). */
function readTarget(value: unknown, path: string, warnings: string[]): TargetSelectors | null {
  if (value === undefined || value === null) throw new WebAnnotationFormatError(path, 'is required');
  if (typeof value === 'string') return null;
  if (Array.isArray(value)) {
    if (value.length === 0) throw new WebAnnotationFormatError(path, 'must name at least one target');
    if (value.length > 1) warnings.push(`${path}: has ${value.length} targets; only the first was read`);
    return readTarget(value[0], at(path, 0), warnings);
  }
  const target = objectAt(value, path);
  if (target.selector === undefined || target.selector === null) return null;
  return readSelectors(target, path);
}

function codePointsAgreeing(given: readonly string[], found: readonly string[], fromEnd: boolean): number {
  let agreeing = 0;
  const length = Math.min(given.length, found.length);
  while (agreeing < length) {
    const offset = fromEnd ? -1 - agreeing : agreeing;
    if (given.at(offset) !== found.at(offset)) break;
    agreeing += 1;
  }
  return agreeing;
}

/** The occurrence of the quoted text whose context agrees best with prefix and suffix; ties go to the nearest to `near`. */
function reanchor(state: ReadState, quote: TextQuote, near: number | null): SpanData | null {
  const length = codePointLength(quote.exact);
  const prefix = Array.from(quote.prefix);
  const suffix = Array.from(quote.suffix);
  let best: { span: SpanData; score: number; distance: number } | null = null;
  for (let index = state.body.indexOf(quote.exact); index !== -1; index = state.body.indexOf(quote.exact, index + 1)) {
    const start = state.codePointOfUtf16(index);
    const before = state.bodyCodePoints.slice(Math.max(0, start - prefix.length), start);
    const after = state.bodyCodePoints.slice(start + length, start + length + suffix.length);
    const score = codePointsAgreeing(prefix, before, true) + codePointsAgreeing(suffix, after, false);
    const distance = near === null ? 0 : Math.abs(start - near);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) {
      best = { span: { start, end: start + length }, score, distance };
    }
  }
  return best?.span ?? null;
}

/** Where the selectors point in the body, in code points; null (with a warning) when nowhere. */
function anchor(state: ReadState, selectors: TargetSelectors, path: string): Anchor | null {
  const { position, quote } = selectors;
  const start = position ? state.codePointOfOffset(position.start) : null;
  const end = position ? state.codePointOfOffset(position.end) : null;
  const span = start !== null && end !== null ? { start, end } : null;
  if (!quote) {
    if (span) return { span, shift: 0 };
    state.warnings.push(
      position
        ? `${path}: [${position.start}, ${position.end}) is not a span of the body and there is no TextQuoteSelector to re-anchor by; skipped`
        : `${path}: no TextPositionSelector or TextQuoteSelector; skipped`,
    );
    return null;
  }
  if (span && state.bodyCodePoints.slice(span.start, span.end).join('') === quote.exact) return { span, shift: 0 };
  const found = reanchor(state, quote, span?.start ?? null);
  if (!found) {
    state.warnings.push(`${path}: the quoted text "${quote.exact}" is not in the body; skipped`);
    return null;
  }
  return { span: found, shift: span ? found.start - span.start : 0 };
}

/** Our generator, with the version and confidence beside it; a generator that is not an extractor of ours marks no extraction. */
function readProvenance(annotation: JsonObject, path: string): ExtractedData | undefined {
  const generators = listOf(annotation.generator);
  const index = generators.findIndex((generator) => {
    const id = isObject(generator) ? generator.id : generator;
    return typeof id === 'string' && id.startsWith(EXTRACTOR_IRI_PREFIX);
  });
  if (index === -1) return undefined;
  const generatorPath = Array.isArray(annotation.generator) ? at(at(path, 'generator'), index) : at(path, 'generator');
  const generator: JsonObject = isObject(generators[index]) ? generators[index] : { id: generators[index] };
  const named = extractorOfIri(generator.id as string);
  const extractor = optionalString(generator, 'name', generatorPath) ?? named?.extractor;
  const version = optionalString(annotation, 'qg:extractorVersion', path) ?? named?.version;
  if (!extractor || !version) {
    throw new WebAnnotationFormatError(at(generatorPath, 'id'), 'must name the extractor and its version');
  }
  const confidence = annotation['qg:confidence'];
  if (typeof confidence !== 'number' || confidence < 0 || confidence > 1) {
    throw new WebAnnotationFormatError(
      at(path, 'qg:confidence'),
      "must be a number from 0 to 1 on an extractor's annotation",
    );
  }
  return { extractor, version, confidence };
}

function actorKeyOfIri(iri: string): string {
  return wikidataIdOfIri(iri) ?? keyOf(ACTOR_IRI_PREFIX, iri);
}

function actorIris(body: JsonObject, field: string, path: string): string[] {
  return listOf(body[field]).map((value, index) => {
    const id = isObject(value) ? value.id : value;
    if (typeof id !== 'string') throw new WebAnnotationFormatError(at(at(path, field), index), 'must be an actor IRI');
    return id;
  });
}

/** An actor body as a reference; an actor with a name and kind also becomes an `actors` entry (the first one read wins). */
function readActor(state: ReadState, body: JsonObject, path: string): ActorRefData {
  const id = requiredString(body, 'id', path);
  if (id.startsWith(ACTOR_NAME_IRI_PREFIX)) {
    return { name: optionalString(body, 'qg:name', path) ?? keyOf(ACTOR_NAME_IRI_PREFIX, id) };
  }
  const wikidataId = wikidataIdOfIri(id);
  if (wikidataId && body['qg:actorKind'] === undefined) return { wikidataId };
  const key = actorKeyOfIri(id);
  if (!state.actors.has(key)) {
    const aliases = listOf(body['qg:aliases']).map((alias, index) => {
      if (typeof alias !== 'string')
        throw new WebAnnotationFormatError(at(at(path, 'qg:aliases'), index), 'must be a string');
      return alias;
    });
    const [affiliation, ...otherAffiliations] = actorIris(body, 'qg:affiliation', path);
    if (otherAffiliations.length)
      throw new WebAnnotationFormatError(at(path, 'qg:affiliation'), 'must be one actor IRI');
    const memberOf = actorIris(body, 'qg:memberOf', path);
    state.actors.set(
      key,
      defined({
        key,
        name: requiredString(body, 'qg:name', path),
        kind: requiredEnum(ActorKind, body, 'qg:actorKind', path),
        description: optionalString(body, 'qg:description', path),
        aliases: aliases.length ? aliases : undefined,
        wikidataId: wikidataId ?? undefined,
        affiliation: affiliation === undefined ? undefined : actorKeyOfIri(affiliation),
        memberOf: memberOf.length ? memberOf.map(actorKeyOfIri) : undefined,
      }),
    );
  }
  return { key };
}

/** A source's actor: embedded (as the writer puts it) or an IRI of an actor described elsewhere. */
function readActorValue(state: ReadState, value: unknown, path: string): ActorRefData | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') {
    const wikidataId = wikidataIdOfIri(value);
    return wikidataId ? { wikidataId } : { key: keyOf(ACTOR_IRI_PREFIX, value) };
  }
  return readActor(state, objectAt(value, path), path);
}

function optionalKey(object: JsonObject, field: string, prefix: string, path: string): string | undefined {
  const iri = optionalString(object, field, path);
  return iri === undefined ? undefined : keyOf(prefix, iri);
}

function readSource(
  state: ReadState,
  body: JsonObject,
  path: string,
  span: SpanData | null,
  extracted: ExtractedData | undefined,
): SourceData {
  return defined({
    key: keyOf(SOURCE_IRI_PREFIX, requiredString(body, 'id', path)),
    descriptor: requiredString(body, 'qg:descriptor', path),
    span: span ?? undefined,
    anonymity: requiredEnum(Anonymity, body, 'qg:anonymity', path),
    kind: optionalEnum(SourceKind, body, 'qg:sourceKind', path),
    role: optionalString(body, 'qg:role', path),
    actor: readActorValue(state, body['qg:actor'], at(path, 'qg:actor')),
    affiliation: readActorValue(state, body['qg:affiliation'], at(path, 'qg:affiliation')),
    extracted,
  });
}

/** The cue's span moves with a re-anchored quote; one that then misses the cue's text is dropped with a warning. */
function readCueSpan(state: ReadState, body: JsonObject, path: string, shift: number): SpanData | undefined {
  if (body['qg:cueStart'] === undefined && body['qg:cueEnd'] === undefined) return undefined;
  const start = state.codePointOfOffset(offsetAt(body, 'qg:cueStart', path));
  const end = state.codePointOfOffset(offsetAt(body, 'qg:cueEnd', path));
  const cue = optionalString(body, 'qg:cue', path);
  const span = start !== null && end !== null ? { start: start + shift, end: end + shift } : null;
  const text = span ? state.bodyCodePoints.slice(span.start, span.end).join('') : '';
  if (!span || span.end <= span.start || span.end > state.bodyCodePoints.length || (cue && text !== cue)) {
    state.warnings.push(
      `${at(path, 'qg:cueStart')}: the cue's span is not ${cue ? `"${cue}"` : 'a span of the body'}; left out`,
    );
    return undefined;
  }
  return span;
}

function readQuote(
  state: ReadState,
  body: JsonObject,
  path: string,
  anchored: Anchor,
  extracted: ExtractedData | undefined,
): QuoteData {
  return defined({
    key: optionalKey(body, 'id', QUOTE_IRI_PREFIX, path),
    span: anchored.span,
    kind: requiredEnum(QuoteKind, body, 'qg:quoteKind', path),
    source: optionalKey(body, 'qg:source', SOURCE_IRI_PREFIX, path),
    cue: optionalString(body, 'qg:cue', path),
    cueSpan: readCueSpan(state, body, path, anchored.shift),
    attributionMethod: optionalEnum(AttributionMethod, body, 'qg:attributionMethod', path),
    extracted,
  });
}

function readStance(
  body: JsonObject,
  path: string,
  evidence: SpanData | null,
  extracted: ExtractedData | undefined,
): StanceData {
  return defined({
    question: requiredString(body, 'qg:question', path),
    questionText: optionalString(body, 'qg:questionText', path),
    source: keyOf(SOURCE_IRI_PREFIX, requiredString(body, 'qg:source', path)),
    position: requiredEnum(Position, body, 'qg:position', path),
    evidence: evidence ?? undefined,
    quote: optionalKey(body, 'qg:quote', QUOTE_IRI_PREFIX, path),
    note: optionalString(body, 'qg:note', path),
    extracted,
  });
}

interface TypedBody {
  readonly body: JsonObject;
  readonly type: (typeof BodyType)[keyof typeof BodyType];
  readonly path: string;
}

/** The bodies of ours among the annotation's; TextualBody comments and plain IRIs are not. */
function ourBodies(annotation: JsonObject, path: string): TypedBody[] {
  const ourTypes: readonly unknown[] = Object.values(BodyType);
  return listOf(annotation.body).flatMap((value, index) => {
    if (!isObject(value)) return [];
    const bodyPath = Array.isArray(annotation.body) ? at(at(path, 'body'), index) : at(path, 'body');
    const type = typesOf(value).find((candidate) => ourTypes.includes(candidate)) as TypedBody['type'] | undefined;
    return type ? [{ body: value, type, path: bodyPath }] : [];
  });
}

/** One annotation's target and provenance, shared by each of its bodies. */
interface AnnotationFrame {
  readonly path: string;
  readonly anchored: Anchor | null;
  readonly extracted: ExtractedData | undefined;
}

function readBody(state: ReadState, typed: TypedBody, frame: AnnotationFrame): void {
  const { body, path } = typed;
  const { anchored, extracted } = frame;
  const span = anchored?.span ?? null;
  switch (typed.type) {
    case BodyType.SOURCE:
      state.sources.push(readSource(state, body, path, span, extracted));
      return;
    case BodyType.QUOTE:
      if (anchored) state.quotes.push(readQuote(state, body, path, anchored, extracted));
      else state.warnings.push(`${frame.path}: a quote needs a span, and the target is the whole article; skipped`);
      return;
    case BodyType.STANCE:
      state.stances.push(readStance(body, path, span, extracted));
      return;
    case BodyType.ACTOR: {
      const actor = readActor(state, body, path);
      if (span) state.mentions.push(defined({ actor, span, extracted }));
      else if (!actor.key) state.warnings.push(`${frame.path}: an actor with neither a span nor a kind; skipped`);
    }
  }
}

function readAnnotation(state: ReadState, value: unknown, path: string): void {
  const annotation = objectAt(value, path);
  const label = path || 'annotation';
  const bodies = ourBodies(annotation, path);
  if (bodies.length === 0) {
    state.warnings.push(`${label}: has no body of type qg:Source, qg:Quote, qg:Stance or qg:Actor; skipped`);
    return;
  }
  const selectors = readTarget(annotation.target, at(path, 'target'), state.warnings);
  const extracted = readProvenance(annotation, path);
  const anchored = selectors ? anchor(state, selectors, label) : null;
  if (selectors && !anchored) return;
  for (const typed of bodies) readBody(state, typed, { path: label, anchored, extracted });
}

/** The annotations of a page, a collection's first page, an array, or a single annotation, each with its path. */
function annotationsOf(document: unknown, warnings: string[]): { value: unknown; path: string }[] {
  if (Array.isArray(document)) return (document as unknown[]).map((value, index) => ({ value, path: `[${index}]` }));
  const object = objectAt(document, '');
  const types = typesOf(object);
  let page = object;
  let pagePath = '';
  if (types.includes('AnnotationCollection')) {
    if (object.first === undefined || object.first === null) return [];
    if (typeof object.first === 'string') {
      throw new WebAnnotationFormatError('first', 'is a link; embed the first page to read the collection');
    }
    page = objectAt(object.first, 'first');
    pagePath = 'first';
  } else if (types.includes('Annotation')) {
    return [{ value: object, path: '' }];
  } else if (!types.includes('AnnotationPage')) {
    throw new WebAnnotationFormatError('type', 'must be AnnotationPage, AnnotationCollection or Annotation');
  }
  if (page.next !== undefined && page.next !== null) {
    warnings.push(`${at(pagePath, 'next')}: only this page was read; the pages after it were not`);
  }
  const items: unknown = page.items;
  if (!Array.isArray(items)) throw new WebAnnotationFormatError(at(pagePath, 'items'), 'must be an array');
  return (items as unknown[]).map((value, index) => ({ value, path: at(at(pagePath, 'items'), index) }));
}

/**
 * Reads Web Annotations about `body` into annotations with code point spans. `offsets` is the unit
 * the document's TextPositionSelectors (and qg:cueStart/qg:cueEnd) count: CODE_POINT as the model
 * says, UTF16 for what Hypothesis and other browser tools write. Annotations that cannot be anchored
 * in the body, or that carry none of our body types, are skipped with a warning; a shape that cannot
 * be read throws WebAnnotationFormatError naming its path.
 */
export function readWebAnnotations(
  body: string,
  document: unknown,
  offsets: OffsetUnit,
): { annotations: AnnotationsData; warnings: string[] } {
  const state: ReadState = {
    body,
    bodyCodePoints: Array.from(body),
    codePointOfUtf16: codePointIndexer(body),
    codePointOfOffset: offsetReader(body, offsets),
    warnings: [],
    actors: new Map(),
    sources: [],
    quotes: [],
    mentions: [],
    stances: [],
  };
  for (const { value, path } of annotationsOf(document, state.warnings)) readAnnotation(state, value, path);
  const { actors, sources, quotes, mentions, stances, warnings } = state;
  return {
    annotations: { offsets: OffsetUnit.CODE_POINT, actors: [...actors.values()], sources, quotes, mentions, stances },
    warnings,
  };
}

// An article with its annotations as plain data: the shape of `importArticle`'s input, which every
// file format (brat, W3C Web Annotation, our JSON Lines) reads into and writes from. Records refer
// to each other by keys local to the article; spans count `annotations.offsets` units (code points
// when absent) of the body exactly as given.
import type { ActorKind } from '../actor/actor.entity';
import type { AttributionMethod, QuoteKind } from '../quote/quote.entity';
import type { Anonymity, SourceKind } from '../source/source.entity';
import type { Position } from '../stance/stance.entity';

/** What an offset counts: code points (Python, brat), UTF-16 code units (JavaScript, browsers, Hypothesis) or UTF-8 bytes. */
export enum OffsetUnit {
  CODE_POINT = 'CODE_POINT',
  UTF16 = 'UTF16',
  UTF8 = 'UTF8',
}

export interface SpanData {
  readonly start: number;
  readonly end: number;
}

/** Present on a row an extractor wrote; a row without it is MANUAL. */
export interface ExtractedData {
  readonly extractor: string;
  readonly version: string;
  readonly confidence: number;
}

/** An actor by the key of an `actors` entry, by name, or by the Wikidata id of a known actor: exactly one of them. */
export interface ActorRefData {
  readonly key?: string | null;
  readonly name?: string | null;
  readonly wikidataId?: string | null;
}

export interface ActorData {
  readonly key: string;
  readonly name: string;
  readonly kind: ActorKind;
  readonly description?: string | null;
  readonly aliases?: readonly string[] | null;
  readonly wikidataId?: string | null;
  /** The key of the actor (in the same list) this one is affiliated with. */
  readonly affiliation?: string | null;
  /** Keys of the organisations (in the same list) this actor is a member of. */
  readonly memberOf?: readonly string[] | null;
}

export interface SourceData {
  readonly key: string;
  readonly descriptor: string;
  readonly span?: SpanData | null;
  readonly anonymity: Anonymity;
  readonly kind?: SourceKind | null;
  readonly role?: string | null;
  readonly actor?: ActorRefData | null;
  readonly affiliation?: ActorRefData | null;
  readonly extracted?: ExtractedData | null;
}

export interface QuoteData {
  readonly key?: string | null;
  readonly span: SpanData;
  readonly kind: QuoteKind;
  /** The key of a `sources` entry. */
  readonly source?: string | null;
  readonly cue?: string | null;
  readonly cueSpan?: SpanData | null;
  readonly attributionMethod?: AttributionMethod | null;
  readonly extracted?: ExtractedData | null;
}

export interface MentionData {
  readonly actor: ActorRefData;
  readonly span: SpanData;
  readonly extracted?: ExtractedData | null;
}

export interface StanceData {
  /** The policy question's slug; a new question needs `questionText`. */
  readonly question: string;
  readonly questionText?: string | null;
  /** The key of a `sources` entry. */
  readonly source: string;
  readonly position: Position;
  readonly evidence?: SpanData | null;
  /** The key of a `quotes` entry the evidence is. */
  readonly quote?: string | null;
  readonly note?: string | null;
  readonly extracted?: ExtractedData | null;
}

export interface AnnotationsData {
  readonly offsets?: OffsetUnit | null;
  readonly actors?: readonly ActorData[] | null;
  readonly sources?: readonly SourceData[] | null;
  readonly quotes?: readonly QuoteData[] | null;
  readonly mentions?: readonly MentionData[] | null;
  readonly stances?: readonly StanceData[] | null;
}

export interface AnnotatedArticleData {
  readonly url?: string | null;
  readonly title: string;
  readonly body: string;
  /** ISO 8601. */
  readonly publishedAt?: string | null;
  readonly language?: string | null;
  readonly authors?: readonly string[] | null;
  readonly outletName?: string | null;
  readonly outletDomain?: string | null;
  readonly extract?: boolean | null;
  readonly annotations?: AnnotationsData | null;
}

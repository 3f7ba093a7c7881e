// An article's annotations as plain data, whoever made them (extraction, the example corpus's
// hand annotation, a test): the one shape the annotation writer turns into rows. Records refer to
// each other by keys local to the set; spans are code points of the stored (normalised) body.
import type { ActorKind } from '../actor/actor.entity';
import { Origin } from '../common/annotation';
import type { AttributionMethod, QuoteKind } from '../quote/quote.entity';
import type { Anonymity, SourceKind } from '../source/source.entity';
import type { Position } from '../stance/stance.entity';

export type Provenance =
  | { readonly origin: Origin.MANUAL }
  | {
      readonly origin: Origin.EXTRACTED;
      readonly extractor: string;
      readonly extractorVersion: string;
      readonly confidence: number;
    };

export const MANUAL: Provenance = { origin: Origin.MANUAL };

export interface SpanRecord {
  readonly start: number;
  readonly end: number;
}

export interface ActorRecord {
  readonly key: string;
  readonly name: string;
  readonly kind: ActorKind;
  readonly description?: string | null;
  readonly aliases?: readonly string[];
  /** Found by it before any name; given to the actor found by name when it has none. */
  readonly wikidataId?: string;
  /** Who named the aliases: EXTRACTED for the surface forms extraction linked; MANUAL when absent. */
  readonly aliasOrigin?: Origin;
  /** The key of the actor this one is affiliated with. */
  readonly affiliation?: string;
  /** Keys of the organisations this actor is a member of. */
  readonly memberOf?: readonly string[];
}

export interface SourceRecord {
  readonly key: string;
  readonly descriptor: string;
  readonly span: SpanRecord | null;
  readonly anonymity: Anonymity;
  /** When absent: the kind of the source's actor, else PERSON (see defaultSourceKind). */
  readonly kind?: SourceKind;
  readonly actor?: string;
  readonly affiliation?: string;
  readonly role: string | null;
  readonly provenance: Provenance;
}

export interface QuoteRecord {
  readonly key?: string;
  readonly span: SpanRecord;
  readonly kind: QuoteKind;
  readonly source?: string;
  readonly cue: string | null;
  readonly cueSpan?: SpanRecord | null;
  /** How an extractor found the source; only EXTRACTED quotes keep it. */
  readonly attributionMethod?: AttributionMethod;
  readonly provenance: Provenance;
}

export interface MentionRecord {
  readonly actor: string;
  readonly span: SpanRecord;
  readonly provenance: Provenance;
}

export interface StanceRecord {
  /** Found by slug, created with this text when new (a new slug without text is refused before writing). */
  readonly question: { readonly slug: string; readonly text: string | null };
  readonly source: string;
  readonly position: Position;
  readonly evidence: SpanRecord | null;
  /** The quote the evidence is, when it is one. */
  readonly quote?: string;
  readonly note: string | null;
  readonly provenance: Provenance;
}

export interface AnnotationSet {
  readonly actors: readonly ActorRecord[];
  readonly sources: readonly SourceRecord[];
  readonly quotes: readonly QuoteRecord[];
  readonly mentions: readonly MentionRecord[];
  readonly stances: readonly StanceRecord[];
}

/** The provenance columns of a row. */
export function provenanceColumns(provenance: Provenance) {
  if (provenance.origin === Origin.MANUAL)
    return { origin: Origin.MANUAL, extractor: null, extractorVersion: null, confidence: null };
  return { ...provenance, confidence: Math.round(provenance.confidence * 1000) / 1000 };
}

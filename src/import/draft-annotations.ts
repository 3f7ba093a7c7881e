// An extraction draft as an annotation set: UTF-16 offsets become code points, every row is
// EXTRACTED with its extractor and confidence, and actors are keyed by their names.
import { ActorKind } from '../actor/actor.entity';
import { Origin } from '../common/annotation';
import { codePointIndexer } from '../common/code-points';
import { draftActors } from '../extraction/draft-actors';
import type { ArticleDraft } from '../extraction/extract-article';
import { EXTRACTORS, type ExtractorName } from '../extraction/extractors';
import { AttributionMethod, QuoteKind } from '../quote/quote.entity';
import { Anonymity, SourceKind } from '../source/source.entity';
import type { AnnotationSet, Provenance } from './annotation-set';

function extractedBy(extractor: ExtractorName, confidence: number): Provenance {
  return { origin: Origin.EXTRACTED, extractor: extractor.name, extractorVersion: extractor.version, confidence };
}

export function annotationsOfDraft(draft: ArticleDraft, body: string): AnnotationSet {
  const toCodePoints = codePointIndexer(body);
  const span = (range: { start: number; end: number }) => ({
    start: toCodePoints(range.start),
    end: toCodePoints(range.end),
  });
  const actors = draftActors(draft).map((actor) => ({
    key: actor.name,
    name: actor.name,
    kind: ActorKind[actor.kind],
    // The writer skips an alias that folds to the actor's own name.
    aliases: [...new Set(actor.aliases)],
    aliasOrigin: Origin.EXTRACTED,
    affiliation: actor.affiliation,
    memberOf: actor.memberOf,
  }));
  const sources = draft.sources.map((source, i) => ({
    key: String(i),
    descriptor: source.descriptor,
    span: span(source),
    anonymity: source.anonymous ? Anonymity.ANONYMOUS : Anonymity.NAMED,
    kind: SourceKind[source.kind],
    actor: source.actor?.name,
    affiliation: source.affiliation?.name,
    role: source.role,
    provenance: extractedBy(EXTRACTORS.attribution, source.confidence),
  }));
  const quotes = draft.quotes.map((quote) => ({
    span: span(quote),
    kind: QuoteKind[quote.kind],
    source: quote.source === null ? undefined : String(quote.source),
    cue: quote.cue,
    attributionMethod: AttributionMethod[quote.attribution],
    // The draft's confidence is the measured accuracy of how the speaker was found: stored as is,
    // so that minConfidence selects by it.
    provenance: extractedBy(EXTRACTORS.quoteFinder, quote.confidence),
  }));
  const mentions = draft.entities.map((entity) => ({
    actor: entity.name,
    span: span(entity),
    provenance: extractedBy(EXTRACTORS.entityLinker, entity.kind === 'PERSON' ? 0.8 : 0.9),
  }));
  return { actors, sources, quotes, mentions, stances: [] };
}

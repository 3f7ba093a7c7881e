// Runs the pure pipeline on one article as the server's import does (the stored body, extraction,
// actors linked across articles) and returns what the judges read back through the API, on the
// original text's offsets. Measures the CPU time of extraction alone.
import { codePointIndexer } from '../common/code-points';
import { draftActors } from '../extraction/draft-actors';
import { type ArticleDraft, extractArticle } from '../extraction/extract-article';
import type { ActorRegistry, RegisteredActor } from './actor-registry';
import type { CodePoints, Span } from './judge-text';
import { storedBody } from './stored-body';

export interface PredictedQuote {
  readonly span: Span;
  /** api_predict.py's speaker: the source's actor name and descriptor, joined by a space. */
  readonly speaker: string | null;
  readonly confidence: number;
  readonly attribution: string;
}

export interface PredictedSource {
  readonly span: Span;
  readonly descriptor: string;
  readonly anonymity: 'NAMED' | 'ANONYMOUS';
}

export interface PredictedMention {
  readonly span: Span;
  readonly actor: RegisteredActor;
}

export interface Prediction {
  readonly quotes: PredictedQuote[];
  readonly sources: PredictedSource[];
  readonly mentions: PredictedMention[];
}

/** CPU microseconds spent in extraction, and the articles it extracted; the first also loads gazetteers and models. */
export const extractionCost = { microseconds: 0, articles: 0, firstMicroseconds: 0 };

function extractTimed(body: string): ArticleDraft {
  const before = process.cpuUsage();
  const draft = extractArticle(body);
  const used = process.cpuUsage(before);
  if (extractionCost.articles === 0) extractionCost.firstMicroseconds = used.user + used.system;
  extractionCost.microseconds += used.user + used.system;
  extractionCost.articles += 1;
  return draft;
}

/** What the API holds for an article after import: direct quotes, sources and mentions (deduplicated as the unique key does). */
export function predictArticle(text: CodePoints, registry: ActorRegistry): Prediction {
  const stored = storedBody(text);
  const draft = extractTimed(stored.body);
  const actors = registry.resolveArticle(draftActors(draft));
  const toCodePoints = codePointIndexer(stored.body);
  const span = (range: { start: number; end: number }): Span => [
    stored.toOriginal(toCodePoints(range.start)),
    stored.toOriginal(toCodePoints(range.end)),
  ];
  const quotes = draft.quotes
    .filter((q) => q.kind === 'DIRECT')
    .map((q) => {
      const source = q.source === null ? undefined : draft.sources[q.source];
      const actorName = source?.actor ? actors.get(source.actor.name)?.name : undefined;
      const speaker = [actorName, source?.descriptor].filter(Boolean).join(' ');
      return { span: span(q), speaker: speaker || null, confidence: q.confidence, attribution: q.attribution };
    });
  const sources = draft.sources.map((s) => ({
    span: span(s),
    descriptor: s.descriptor,
    anonymity: s.anonymous ? ('ANONYMOUS' as const) : ('NAMED' as const),
  }));
  const seen = new Set<string>();
  const mentions: PredictedMention[] = [];
  for (const entity of draft.entities) {
    const actor = actors.get(entity.name) as RegisteredActor;
    const mention = { span: span(entity), actor };
    const key = `${mention.span[0]}:${mention.span[1]}:${actor.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    mentions.push(mention);
  }
  mentions.sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]);
  return { quotes, sources, mentions };
}

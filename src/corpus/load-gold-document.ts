// Loads a hand-annotated article (gold JSON) through the same writers as an import: the article
// with its outlet, then its actors, sources, quotes, policy questions and stances as MANUAL rows,
// plus the mentions found by matching the actors' names. Loading the same text twice changes nothing.
import type { DataSource } from 'typeorm';
import { ActorKind } from '../actor/actor.entity';
import { normaliseBody } from '../article/article-body';
import { writeArticle } from '../article/article-writer';
import { Origin } from '../common/annotation';
import { inTransaction } from '../database/transaction';
import { type AnnotationSet, MANUAL } from '../import/annotation-set';
import { writeAnnotations } from '../import/annotation-writer';
import { matchActorNames } from '../mention/match-actor-names';
import { QuoteKind } from '../quote/quote.entity';
import { Anonymity } from '../source/source.entity';
import { Position } from '../stance/stance.entity';
import type { GoldArticle, GoldDocument } from './gold-annotation';

export const NAME_MATCHER = { name: 'seed-name-matcher', version: '1.0.0' } as const;

export interface GoldLoadResult {
  readonly articleId: string;
  readonly created: boolean;
}

const spanOf = ([start, end]: [number, number]) => ({ start, end });

/** The gold annotation as an annotation set, keyed by the gold file's own ids. */
function goldAnnotations(gold: GoldArticle, body: string): AnnotationSet {
  const names = gold.actors.map((actor) => ({ actorId: actor.id, names: [actor.name, ...actor.aliases] }));
  return {
    actors: gold.actors.map((actor) => ({
      key: actor.id,
      name: actor.name,
      kind: ActorKind[actor.kind],
      description: actor.roles?.join('; ') || null,
      aliases: actor.aliases,
      affiliation: actor.affiliation,
      memberOf: actor.memberOf,
    })),
    sources: gold.sources.map((source) => ({
      key: source.id,
      descriptor: source.descriptor,
      span: spanOf(source.span),
      anonymity: source.anonymous ? Anonymity.ANONYMOUS : Anonymity.NAMED,
      actor: source.actor,
      affiliation: source.affiliation ?? undefined,
      role: source.role ?? null,
      provenance: MANUAL,
    })),
    // Keyed by span: evidence that is exactly a quote cites that quote.
    quotes: gold.quotes.map((quote) => ({
      key: quote.span.join(':'),
      span: spanOf(quote.span),
      kind: QuoteKind[quote.kind],
      source: quote.speaker,
      cue: quote.cue ?? null,
      provenance: MANUAL,
    })),
    stances: gold.policyQuestions.flatMap((question) =>
      question.stances.map((stance) => ({
        question: { slug: question.slug, text: question.text },
        source: stance.source,
        position: Position[stance.position],
        evidence: stance.evidence ? spanOf(stance.evidence) : null,
        quote:
          stance.evidence && gold.quotes.some((q) => q.span.join(':') === stance.evidence?.join(':'))
            ? stance.evidence.join(':')
            : undefined,
        note: stance.note ?? null,
        provenance: MANUAL,
      })),
    ),
    mentions: matchActorNames(body, names).map((match) => ({
      actor: match.actorId,
      span: { start: match.start, end: match.end },
      provenance: {
        origin: Origin.EXTRACTED,
        extractor: NAME_MATCHER.name,
        extractorVersion: NAME_MATCHER.version,
        confidence: 1,
      },
    })),
  };
}

export async function loadGoldDocument(dataSource: DataSource, document: GoldDocument): Promise<GoldLoadResult> {
  const { gold } = document;
  const body = normaliseBody(document.text);
  if (body !== document.text) {
    // The annotation's offsets refer to the text as given; a text that normalisation changes
    // would shift them, so it is refused rather than loaded with wrong spans.
    throw new Error(`${gold.article.file} is not normalised: its annotation offsets would not fit the stored body`);
  }
  return inTransaction(dataSource.manager, async (tx) => {
    const { article, created } = await writeArticle(tx, {
      url: null,
      title: gold.article.title,
      body,
      publishedAt: gold.article.publishedAt ? new Date(gold.article.publishedAt) : null,
      language: gold.article.language ?? null,
      authors: [],
      outlet: { domain: null, name: gold.actors.find((a) => a.id === gold.article.reportedBy)?.name ?? null },
    });
    if (created) await writeAnnotations(tx, article.id, goldAnnotations(gold, body));
    return { articleId: article.id, created };
  });
}

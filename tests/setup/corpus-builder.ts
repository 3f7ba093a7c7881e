// Builds small corpora for tests from a description: each quote becomes a sentence of the body
// ("<descriptor> said: “<text>”"), so spans are computed, never typed by hand.
import type { DataSource } from 'typeorm';
import type { ActorKind } from '../../src/actor/actor.entity';
import { normaliseBody } from '../../src/article/article-body';
import { writeArticle } from '../../src/article/article-writer';
import { Origin } from '../../src/common/annotation';
import { codePointLength } from '../../src/common/code-points';
import { inTransaction } from '../../src/database/transaction';
import { writeActors } from '../../src/import/actor-writer';
import {
  type ActorRecord,
  type AnnotationSet,
  MANUAL,
  type Provenance,
  type QuoteRecord,
  type SourceRecord,
  type StanceRecord,
} from '../../src/import/annotation-set';
import { findOrCreatePolicyQuestion, writeAnnotations } from '../../src/import/annotation-writer';
import { matchActorNames } from '../../src/mention/match-actor-names';
import { findOrCreateOutlet } from '../../src/outlet/outlet-writer';
import { QuoteKind } from '../../src/quote/quote.entity';
import { Anonymity } from '../../src/source/source.entity';
import type { Position } from '../../src/stance/stance.entity';

export interface ActorSpec {
  name: string;
  kind: ActorKind;
  aliases?: string[];
  affiliation?: string;
  memberOf?: string[];
}

export interface QuoteSpec {
  text: string;
  /** A named source is an actor's name; anything else is an anonymous descriptor. */
  source: string;
  affiliation?: string;
  role?: string;
  kind?: QuoteKind;
  extracted?: { confidence: number };
  stance?: { question: string; position: Position };
}

export interface ArticleSpec {
  key: string;
  title: string;
  outlet?: string;
  publishedAt?: string;
  url?: string;
  intro?: string;
  quotes: QuoteSpec[];
}

export interface CorpusSpec {
  outlets: { key: string; name: string; domain: string }[];
  actors: ActorSpec[];
  questions: { slug: string; text: string }[];
  articles: ArticleSpec[];
}

export interface BuiltCorpus {
  outletIds: Record<string, string>;
  actorIds: Record<string, string>;
  questionIds: Record<string, string>;
  articleIds: Record<string, string>;
}

function actorRecords(actors: readonly ActorSpec[]): ActorRecord[] {
  return actors.map((actor) => ({
    key: actor.name,
    name: actor.name,
    kind: actor.kind,
    aliases: actor.aliases,
    affiliation: actor.affiliation,
    memberOf: actor.memberOf,
  }));
}

/** A quote's source, at its first descriptor in the body: named when the descriptor is an actor's name. */
function sourceRecord(quote: QuoteSpec, descriptorStart: number, actorNames: ReadonlySet<string>): SourceRecord {
  const named = actorNames.has(quote.source);
  return {
    key: quote.source,
    descriptor: quote.source,
    span: { start: descriptorStart, end: descriptorStart + codePointLength(quote.source) },
    anonymity: named ? Anonymity.NAMED : Anonymity.ANONYMOUS,
    actor: named ? quote.source : undefined,
    affiliation: quote.affiliation,
    role: quote.role ?? null,
    provenance: MANUAL,
  };
}

/** The article's body, one sentence per quote, and its annotations with computed spans. */
function articleAnnotations(
  spec: CorpusSpec,
  article: ArticleSpec,
  questions: ReadonlyMap<string, string>,
): { body: string; annotations: AnnotationSet } {
  let body = article.intro ? `${article.intro}\n` : '';
  const sources: SourceRecord[] = [];
  const quotes: QuoteRecord[] = [];
  const stances: StanceRecord[] = [];
  const actorNames = new Set(spec.actors.map((actor) => actor.name));
  for (const [i, quote] of article.quotes.entries()) {
    const descriptorStart = codePointLength(body);
    const prefix = `${body}${quote.source} said: “`;
    const start = codePointLength(prefix);
    body = `${prefix}${quote.text}”\n`;
    const span = { start, end: start + codePointLength(quote.text) };
    if (!sources.some((source) => source.key === quote.source))
      sources.push(sourceRecord(quote, descriptorStart, actorNames));
    const provenance: Provenance = quote.extracted
      ? { origin: Origin.EXTRACTED, extractor: 'test', extractorVersion: '1', confidence: quote.extracted.confidence }
      : MANUAL;
    quotes.push({
      key: String(i),
      span,
      kind: quote.kind ?? QuoteKind.DIRECT,
      source: quote.source,
      cue: 'said',
      provenance,
    });
    if (quote.stance) {
      const text = questions.get(quote.stance.question) as string;
      stances.push({
        question: { slug: quote.stance.question, text },
        source: quote.source,
        position: quote.stance.position,
        evidence: span,
        quote: String(i),
        note: null,
        provenance: MANUAL,
      });
    }
  }
  body = normaliseBody(body);
  const names = spec.actors.map((actor) => ({ actorId: actor.name, names: [actor.name, ...(actor.aliases ?? [])] }));
  const mentions = matchActorNames(body, names).map((match) => ({
    actor: match.actorId,
    span: { start: match.start, end: match.end },
    provenance: MANUAL,
  }));
  return { body, annotations: { actors: actorRecords(spec.actors), sources, quotes, mentions, stances } };
}

/** Writes the corpus through the writers imports use, so it carries revisions like any import. */
export async function buildCorpus(dataSource: DataSource, spec: CorpusSpec): Promise<BuiltCorpus> {
  return inTransaction(dataSource.manager, async (tx) => {
    const built: BuiltCorpus = { outletIds: {}, actorIds: {}, questionIds: {}, articleIds: {} };
    const outlets = new Map(spec.outlets.map((outlet) => [outlet.key, outlet]));
    for (const outlet of spec.outlets) {
      built.outletIds[outlet.key] = (await findOrCreateOutlet(tx, {
        domain: outlet.domain,
        name: outlet.name,
      })) as string;
    }
    const actors = await writeActors(tx, actorRecords(spec.actors));
    for (const actor of spec.actors) built.actorIds[actor.name] = actors.ids.get(actor.name) as string;
    for (const question of spec.questions)
      built.questionIds[question.slug] = (await findOrCreatePolicyQuestion(tx, question.slug, question.text)).id;
    const questionTexts = new Map(spec.questions.map((question) => [question.slug, question.text]));

    for (const article of spec.articles) {
      const { body, annotations } = articleAnnotations(spec, article, questionTexts);
      const outlet = article.outlet ? outlets.get(article.outlet) : undefined;
      const { article: saved } = await writeArticle(tx, {
        url: article.url ?? null,
        title: article.title,
        body,
        publishedAt: article.publishedAt ? new Date(article.publishedAt) : null,
        language: 'en',
        authors: [],
        outlet: { domain: outlet?.domain ?? null, name: outlet?.name ?? null },
      });
      built.articleIds[article.key] = saved.id;
      await writeAnnotations(tx, saved.id, annotations);
    }
    return built;
  });
}

/** Empties the corpus tables, then builds `spec`: a test that mutates starts from it alone. */
export async function rebuildCorpus(dataSource: DataSource, spec: CorpusSpec): Promise<BuiltCorpus> {
  await dataSource.query('TRUNCATE articles, outlets, actors, policy_questions, revisions CASCADE');
  return buildCorpus(dataSource, spec);
}

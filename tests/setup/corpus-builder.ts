// Builds small corpora for tests from a description: each quote becomes a sentence of the body
// ("<descriptor> said: “<text>”"), so spans are computed, never typed by hand.
import type { DataSource } from 'typeorm';
import { ActorAlias } from '../../src/actor/actor-alias.entity';
import { ActorMembership } from '../../src/actor/actor-membership.entity';
import { Actor, type ActorKind } from '../../src/actor/actor.entity';
import { contentHashOf, normaliseBody } from '../../src/article/article-body';
import { Article } from '../../src/article/article.entity';
import { Origin } from '../../src/common/annotation';
import { codePointLength } from '../../src/common/code-points';
import { Mention } from '../../src/mention/mention.entity';
import { matchActorNames } from '../../src/mention/match-actor-names';
import { Outlet } from '../../src/outlet/outlet.entity';
import { PolicyQuestion } from '../../src/policy-question/policy-question.entity';
import { Quote, QuoteKind } from '../../src/quote/quote.entity';
import { Anonymity, Source } from '../../src/source/source.entity';
import { type Position, Stance } from '../../src/stance/stance.entity';

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

export async function buildCorpus(dataSource: DataSource, spec: CorpusSpec): Promise<BuiltCorpus> {
  return dataSource.transaction(async (db) => {
    const built: BuiltCorpus = { outletIds: {}, actorIds: {}, questionIds: {}, articleIds: {} };
    for (const outlet of spec.outlets) {
      built.outletIds[outlet.key] = (await db.save(db.create(Outlet, { name: outlet.name, domain: outlet.domain }))).id;
    }
    for (const actor of spec.actors) {
      built.actorIds[actor.name] = (await db.save(db.create(Actor, { name: actor.name, kind: actor.kind }))).id;
    }
    for (const actor of spec.actors) {
      const id = built.actorIds[actor.name];
      if (actor.affiliation) await db.update(Actor, id, { affiliationId: built.actorIds[actor.affiliation] });
      for (const alias of actor.aliases ?? []) await db.insert(ActorAlias, { actorId: id, alias });
      for (const org of actor.memberOf ?? []) await db.insert(ActorMembership, { memberId: id, organisationId: built.actorIds[org] });
    }
    for (const question of spec.questions) {
      built.questionIds[question.slug] = (await db.save(db.create(PolicyQuestion, question))).id;
    }

    for (const article of spec.articles) {
      let body = article.intro ? `${article.intro}\n` : '';
      const placed = article.quotes.map((quote) => {
        const prefix = `${body}${quote.source} said: “`;
        const start = codePointLength(prefix);
        const descriptorStart = codePointLength(body);
        body = `${prefix}${quote.text}”\n`;
        return { quote, start, end: start + codePointLength(quote.text), descriptorStart };
      });
      body = normaliseBody(body);
      const saved = await db.save(
        db.create(Article, {
          title: article.title,
          body,
          url: article.url ?? null,
          contentHash: contentHashOf(body),
          publishedAt: article.publishedAt ? new Date(article.publishedAt) : null,
          outletId: article.outlet ? built.outletIds[article.outlet] : null,
          language: 'en',
          authors: [],
        }),
      );
      built.articleIds[article.key] = saved.id;

      const sourceIds = new Map<string, string>();
      for (const { quote, start, end, descriptorStart } of placed) {
        let sourceId = sourceIds.get(quote.source);
        if (!sourceId) {
          const actorId = built.actorIds[quote.source] ?? null;
          const source = await db.save(
            db.create(Source, {
              articleId: saved.id,
              descriptor: quote.source,
              spanStart: descriptorStart,
              spanEnd: descriptorStart + codePointLength(quote.source),
              anonymity: actorId ? Anonymity.NAMED : Anonymity.ANONYMOUS,
              actorId,
              affiliationId: quote.affiliation ? built.actorIds[quote.affiliation] : null,
              role: quote.role ?? null,
              origin: Origin.MANUAL,
            }),
          );
          sourceId = source.id;
          sourceIds.set(quote.source, sourceId);
        }
        const provenance = quote.extracted
          ? { origin: Origin.EXTRACTED, extractor: 'test', extractorVersion: '1', confidence: quote.extracted.confidence }
          : { origin: Origin.MANUAL };
        const savedQuote = await db.save(
          db.create(Quote, { articleId: saved.id, spanStart: start, spanEnd: end, kind: quote.kind ?? QuoteKind.DIRECT, sourceId, cue: 'said', ...provenance }),
        );
        if (quote.stance) {
          await db.insert(Stance, {
            questionId: built.questionIds[quote.stance.question],
            articleId: saved.id,
            sourceId,
            position: quote.stance.position,
            evidenceStart: start,
            evidenceEnd: end,
            quoteId: savedQuote.id,
            origin: Origin.MANUAL,
          });
        }
      }

      const names = spec.actors.map((a) => ({ actorId: built.actorIds[a.name], names: [a.name, ...(a.aliases ?? [])] }));
      const mentions = matchActorNames(body, names);
      if (mentions.length) {
        await db.insert(
          Mention,
          mentions.map((m) => ({ articleId: saved.id, actorId: m.actorId, spanStart: m.start, spanEnd: m.end, origin: Origin.MANUAL })),
        );
      }
    }
    return built;
  });
}

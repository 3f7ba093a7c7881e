// Loads a hand-annotated article (gold JSON) as MANUAL rows in one transaction: its actors,
// outlet, article, sources, quotes, policy questions and stances, plus the mentions found by
// matching actor names. Loading the same text twice changes nothing.
import type { DataSource, EntityManager } from 'typeorm';
import { ActorAlias } from '../actor/actor-alias.entity';
import { ActorMembership } from '../actor/actor-membership.entity';
import { Actor, ActorKind } from '../actor/actor.entity';
import { contentHashOf, normaliseBody } from '../article/article-body';
import { Article } from '../article/article.entity';
import { Origin } from '../common/annotation';
import { Mention } from '../mention/mention.entity';
import { matchActorNames } from '../mention/match-actor-names';
import { Outlet } from '../outlet/outlet.entity';
import { PolicyQuestion } from '../policy-question/policy-question.entity';
import { Quote, QuoteKind } from '../quote/quote.entity';
import { Anonymity, Source } from '../source/source.entity';
import { Position, Stance } from '../stance/stance.entity';
import type { GoldArticle, GoldDocument } from './gold-annotation';

export const NAME_MATCHER = { name: 'seed-name-matcher', version: '1.0.0' } as const;

export interface GoldLoadResult {
  readonly articleId: string;
  readonly created: boolean;
}

export async function loadGoldDocument(dataSource: DataSource, document: GoldDocument): Promise<GoldLoadResult> {
  const body = normaliseBody(document.text);
  if (body !== document.text) {
    // The annotation's offsets refer to the text as given; a text that normalisation changes
    // would shift them, so it is refused rather than loaded with wrong spans.
    throw new Error(`${document.gold.article.file} is not normalised: its annotation offsets would not fit the stored body`);
  }
  const contentHash = contentHashOf(body);
  return dataSource.transaction(async (db) => {
    const existing = await db.getRepository(Article).findOneBy({ contentHash });
    if (existing) return { articleId: existing.id, created: false };
    const articleId = await insertAnnotatedArticle(db, document.gold, body, contentHash);
    return { articleId, created: true };
  });
}

async function insertAnnotatedArticle(db: EntityManager, gold: GoldArticle, body: string, contentHash: string): Promise<string> {
  const actorIds = await findOrCreateActors(db, gold);
  const outletName = gold.actors.find((a) => a.id === gold.article.reportedBy)?.name;

  const article = await db.getRepository(Article).save(
    db.getRepository(Article).create({
      title: gold.article.title,
      body,
      contentHash,
      language: gold.article.language ?? null,
      publishedAt: gold.article.publishedAt ? new Date(gold.article.publishedAt) : null,
      authors: [],
      outletId: outletName ? await findOrCreateOutlet(db, outletName) : null,
    }),
  );

  const sourceIds = new Map<string, string>();
  for (const source of gold.sources) {
    const saved = await db.getRepository(Source).save(
      db.getRepository(Source).create({
        articleId: article.id,
        descriptor: source.descriptor,
        spanStart: source.span[0],
        spanEnd: source.span[1],
        anonymity: source.anonymous ? Anonymity.ANONYMOUS : Anonymity.NAMED,
        actorId: source.actor ? actorIds.get(source.actor) : null,
        affiliationId: source.affiliation ? actorIds.get(source.affiliation) : null,
        role: source.role ?? null,
        origin: Origin.MANUAL,
      }),
    );
    sourceIds.set(source.id, saved.id);
  }

  const quoteIdsBySpan = new Map<string, string>();
  for (const quote of gold.quotes) {
    const saved = await db.getRepository(Quote).save(
      db.getRepository(Quote).create({
        articleId: article.id,
        spanStart: quote.span[0],
        spanEnd: quote.span[1],
        kind: QuoteKind[quote.kind],
        sourceId: sourceIds.get(quote.speaker) ?? null,
        cue: quote.cue ?? null,
        origin: Origin.MANUAL,
      }),
    );
    quoteIdsBySpan.set(quote.span.join(':'), saved.id);
  }

  for (const question of gold.policyQuestions) {
    const questionId = await findOrCreatePolicyQuestion(db, question.slug, question.text);
    for (const stance of question.stances) {
      await db.getRepository(Stance).insert({
        questionId,
        articleId: article.id,
        sourceId: sourceIds.get(stance.source),
        position: Position[stance.position],
        evidenceStart: stance.evidence?.[0] ?? null,
        evidenceEnd: stance.evidence?.[1] ?? null,
        // Evidence that is exactly a quote cites that quote.
        quoteId: stance.evidence ? (quoteIdsBySpan.get(stance.evidence.join(':')) ?? null) : null,
        note: stance.note ?? null,
        origin: Origin.MANUAL,
      });
    }
  }

  const names = await actorNames(db, [...new Set(actorIds.values())]);
  const mentions = matchActorNames(body, names).map((match) => ({
    articleId: article.id,
    actorId: match.actorId,
    spanStart: match.start,
    spanEnd: match.end,
    origin: Origin.EXTRACTED,
    extractor: NAME_MATCHER.name,
    extractorVersion: NAME_MATCHER.version,
    confidence: 1,
  }));
  if (mentions.length) await db.getRepository(Mention).insert(mentions);
  return article.id;
}

/** Reuses an actor already known by the same name; creates the others with aliases and memberships. */
async function findOrCreateActors(db: EntityManager, gold: GoldArticle): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const created: GoldArticle['actors'] = [];
  for (const actor of gold.actors) {
    const [found] = await db.query(`SELECT id FROM actors WHERE name_key = normalise_key($1) LIMIT 1`, [actor.name]);
    if (found) {
      ids.set(actor.id, found.id);
      continue;
    }
    const saved = await db.getRepository(Actor).save(
      db.getRepository(Actor).create({
        name: actor.name,
        kind: ActorKind[actor.kind],
        description: actor.roles?.join('; ') || null,
      }),
    );
    ids.set(actor.id, saved.id);
    created.push(actor);
  }
  for (const actor of created) {
    const actorId = ids.get(actor.id) as string;
    if (actor.affiliation) await db.getRepository(Actor).update(actorId, { affiliationId: ids.get(actor.affiliation) });
    const aliases = [...new Set(actor.aliases)];
    if (aliases.length) await db.getRepository(ActorAlias).insert(aliases.map((alias) => ({ actorId, alias })));
    const memberships = (actor.memberOf ?? []).map((org) => ({ memberId: actorId, organisationId: ids.get(org) as string }));
    if (memberships.length) await db.getRepository(ActorMembership).insert(memberships);
  }
  return ids;
}

async function actorNames(db: EntityManager, actorIds: string[]): Promise<{ actorId: string; names: string[] }[]> {
  const rows: { id: string; name: string; aliases: string[] }[] = await db.query(
    `SELECT ac.id, ac.name, coalesce(array_agg(al.alias) FILTER (WHERE al.alias IS NOT NULL), '{}') AS aliases
     FROM actors ac LEFT JOIN actor_aliases al ON al.actor_id = ac.id
     WHERE ac.id = ANY($1::uuid[]) GROUP BY ac.id, ac.name`,
    [actorIds],
  );
  return rows.map((row) => ({ actorId: row.id, names: [row.name, ...row.aliases] }));
}

async function findOrCreateOutlet(db: EntityManager, name: string): Promise<string> {
  const found = await db.getRepository(Outlet).findOneBy({ name });
  return found ? found.id : (await db.getRepository(Outlet).save(db.getRepository(Outlet).create({ name }))).id;
}

async function findOrCreatePolicyQuestion(db: EntityManager, slug: string, text: string): Promise<string> {
  const found = await db.getRepository(PolicyQuestion).findOneBy({ slug });
  return found ? found.id : (await db.getRepository(PolicyQuestion).save(db.getRepository(PolicyQuestion).create({ slug, text }))).id;
}

// Stored articles with everything annotated on them, as `importArticle` takes them: the one reader
// every annotation export (JSON Lines, brat, Web Annotation) writes from. A page of articles loads
// in a fixed number of statements; keys are local to each article (a1, s1, q1).
import type { ActorKind } from '../actor/actor.entity';
import { Origin } from '../common/annotation';
import { queryRows, sql } from '../database/sql';
import type {
  ActorData,
  AnnotatedArticleData,
  ExtractedData,
  QuoteData,
  SourceData,
  SpanData,
  StanceData,
} from '../import/annotated-article';
import { OffsetUnit } from '../import/annotated-article';
import type { AttributionMethod, QuoteKind } from '../quote/quote.entity';
import type { Anonymity, SourceKind } from '../source/source.entity';
import type { Position } from '../stance/stance.entity';
import type { EntityManager } from 'typeorm';

interface Provenanced {
  origin: Origin;
  extractor: string | null;
  extractor_version: string | null;
  confidence: number | null;
}

interface ArticleRow {
  id: string;
  url: string | null;
  title: string;
  body: string;
  published_at: Date | null;
  language: string | null;
  authors: string[];
  outlet_name: string | null;
  outlet_domain: string | null;
}

interface SourceRow extends Provenanced {
  id: string;
  article_id: string;
  descriptor: string;
  span_start: number | null;
  span_end: number | null;
  anonymity: Anonymity;
  kind: SourceKind;
  actor_id: string | null;
  affiliation_id: string | null;
  role: string | null;
}

interface QuoteRow extends Provenanced {
  id: string;
  article_id: string;
  span_start: number;
  span_end: number;
  kind: QuoteKind;
  source_id: string | null;
  cue: string | null;
  cue_start: number | null;
  cue_end: number | null;
  attribution_method: AttributionMethod | null;
}

interface MentionRow extends Provenanced {
  article_id: string;
  actor_id: string;
  span_start: number;
  span_end: number;
}

interface StanceRow extends Provenanced {
  article_id: string;
  slug: string;
  question_text: string;
  source_id: string;
  position: Position;
  evidence_start: number | null;
  evidence_end: number | null;
  quote_id: string | null;
  note: string | null;
}

interface ActorRow {
  id: string;
  name: string;
  kind: ActorKind;
  description: string | null;
  wikidata_id: string | null;
  affiliation_id: string | null;
  aliases: string[];
  member_of: string[];
}

interface Rows {
  readonly articles: ArticleRow[];
  readonly sources: SourceRow[];
  readonly quotes: QuoteRow[];
  readonly mentions: MentionRow[];
  readonly stances: StanceRow[];
  readonly actors: Map<string, ActorRow>;
}

const ofArticles = (ids: readonly string[]) => sql`article_id = ANY(${sql.value([...ids])}::uuid[])`;

/** The actors the rows cite, with the actors those are affiliated with or members of, to any depth. */
async function actorRows(db: EntityManager, ids: readonly string[]): Promise<Map<string, ActorRow>> {
  const rows = await queryRows<ActorRow>(
    db,
    sql`WITH RECURSIVE cited(id) AS (
          SELECT unnest(${sql.value([...ids])}::uuid[])
          UNION
          SELECT next.id FROM cited c JOIN actors ac ON ac.id = c.id
          CROSS JOIN LATERAL (
            SELECT ac.affiliation_id WHERE ac.affiliation_id IS NOT NULL
            UNION SELECT m.organisation_id FROM actor_memberships m WHERE m.member_id = ac.id
          ) AS next(id)
        )
        SELECT ac.id::text, ac.name, ac.kind, ac.description, ac.wikidata_id, ac.affiliation_id::text,
          ARRAY(SELECT al.alias FROM actor_aliases al WHERE al.actor_id = ac.id ORDER BY al.alias) AS aliases,
          ARRAY(SELECT m.organisation_id::text FROM actor_memberships m WHERE m.member_id = ac.id ORDER BY 1) AS member_of
        FROM actors ac WHERE ac.id IN (SELECT id FROM cited)`,
  );
  return new Map(rows.map((row) => [row.id, row]));
}

async function loadRows(db: EntityManager, ids: readonly string[]): Promise<Rows> {
  const articles = await queryRows<ArticleRow>(
    db,
    sql`SELECT a.id::text, a.url, a.title, a.body, a.published_at, a.language, a.authors, o.name AS outlet_name, o.domain AS outlet_domain
        FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.id = ANY(${sql.value([...ids])}::uuid[])`,
  );
  const sources = await queryRows<SourceRow>(
    db,
    sql`SELECT id::text, article_id::text, descriptor, span_start, span_end, anonymity, kind, actor_id::text, affiliation_id::text, role,
          origin, extractor, extractor_version, confidence
        FROM sources WHERE ${ofArticles(ids)} ORDER BY span_start NULLS LAST, span_end, id`,
  );
  const quotes = await queryRows<QuoteRow>(
    db,
    sql`SELECT id::text, article_id::text, span_start, span_end, kind, source_id::text, cue, cue_start, cue_end, attribution_method,
          origin, extractor, extractor_version, confidence
        FROM quotes WHERE ${ofArticles(ids)} ORDER BY span_start, span_end, id`,
  );
  const mentions = await queryRows<MentionRow>(
    db,
    sql`SELECT article_id::text, actor_id::text, span_start, span_end, origin, extractor, extractor_version, confidence
        FROM mentions WHERE ${ofArticles(ids)} ORDER BY span_start, span_end, id`,
  );
  const stances = await queryRows<StanceRow>(
    db,
    sql`SELECT st.article_id::text, q.slug, q.text AS question_text, st.source_id::text, st.position, st.evidence_start, st.evidence_end,
          st.quote_id::text, st.note, st.origin, st.extractor, st.extractor_version, st.confidence
        FROM stances st JOIN policy_questions q ON q.id = st.question_id
        WHERE st.article_id = ANY(${sql.value([...ids])}::uuid[]) ORDER BY st.evidence_start NULLS LAST, q.slug, st.id`,
  );
  const cited = [...sources.flatMap((s) => [s.actor_id, s.affiliation_id]), ...mentions.map((m) => m.actor_id)].filter(
    (id): id is string => id !== null,
  );
  return { articles, sources, quotes, mentions, stances, actors: await actorRows(db, [...new Set(cited)]) };
}

function extractedOf(row: Provenanced): ExtractedData | null {
  if (row.origin === Origin.MANUAL || row.extractor === null) return null;
  return { extractor: row.extractor, version: row.extractor_version ?? '', confidence: row.confidence ?? 0 };
}

const spanOf = (start: number | null, end: number | null): SpanData | null =>
  start === null || end === null ? null : { start, end };

/** Local keys for rows of one kind, in the order they are first asked for. */
function keyer(prefix: string): (id: string) => string {
  const keys = new Map<string, string>();
  return (id) => {
    if (!keys.has(id)) keys.set(id, `${prefix}${keys.size + 1}`);
    return keys.get(id) as string;
  };
}

/** The actors an article cites, keyed locally, with the ones they lead to through affiliations and memberships. */
function actorsOf(cited: readonly string[], all: ReadonlyMap<string, ActorRow>, actorKey: (id: string) => string) {
  const wanted: string[] = [];
  const visit = (id: string) => {
    if (wanted.includes(id) || !all.has(id)) return;
    wanted.push(id);
    const row = all.get(id) as ActorRow;
    [row.affiliation_id, ...row.member_of].forEach((next) => next && visit(next));
  };
  cited.forEach(visit);
  return wanted.map((id): ActorData => {
    const row = all.get(id) as ActorRow;
    return {
      key: actorKey(id),
      name: row.name,
      kind: row.kind,
      description: row.description,
      aliases: row.aliases,
      wikidataId: row.wikidata_id,
      affiliation: row.affiliation_id && all.has(row.affiliation_id) ? actorKey(row.affiliation_id) : null,
      memberOf: row.member_of.filter((m) => all.has(m)).map(actorKey),
    };
  });
}

type Keys = Record<'actor' | 'source' | 'quote', (id: string) => string>;

function quotesOf(quotes: readonly QuoteRow[], keys: Keys): QuoteData[] {
  return quotes.map((q) => ({
    key: keys.quote(q.id),
    span: { start: q.span_start, end: q.span_end },
    kind: q.kind,
    source: q.source_id === null ? null : keys.source(q.source_id),
    cue: q.cue,
    cueSpan: spanOf(q.cue_start, q.cue_end),
    attributionMethod: q.attribution_method,
    extracted: extractedOf(q),
  }));
}

function stancesOf(stances: readonly StanceRow[], keys: Keys): StanceData[] {
  return stances.map((st) => ({
    question: st.slug,
    questionText: st.question_text,
    source: keys.source(st.source_id),
    position: st.position,
    evidence: spanOf(st.evidence_start, st.evidence_end),
    quote: st.quote_id === null ? null : keys.quote(st.quote_id),
    note: st.note,
    extracted: extractedOf(st),
  }));
}

function sourcesOf(sources: readonly SourceRow[], keys: Keys): SourceData[] {
  const ref = (id: string | null) => (id === null ? null : { key: keys.actor(id) });
  return sources.map((s) => ({
    key: keys.source(s.id),
    descriptor: s.descriptor,
    span: spanOf(s.span_start, s.span_end),
    anonymity: s.anonymity,
    kind: s.kind,
    role: s.role,
    actor: ref(s.actor_id),
    affiliation: ref(s.affiliation_id),
    extracted: extractedOf(s),
  }));
}

function annotatedArticleOf(article: ArticleRow, rows: Rows): AnnotatedArticleData {
  const mine = <T extends { article_id: string }>(list: T[]) => list.filter((row) => row.article_id === article.id);
  const sources = mine(rows.sources);
  const mentions = mine(rows.mentions);
  const keys: Keys = { actor: keyer('a'), source: keyer('s'), quote: keyer('q') };
  const cited = [...sources.flatMap((s) => [s.actor_id, s.affiliation_id]), ...mentions.map((m) => m.actor_id)];
  return {
    url: article.url,
    title: article.title,
    body: article.body,
    publishedAt: article.published_at?.toISOString() ?? null,
    language: article.language,
    authors: article.authors,
    outletName: article.outlet_name,
    outletDomain: article.outlet_domain,
    extract: false,
    annotations: {
      offsets: OffsetUnit.CODE_POINT,
      actors: actorsOf(
        cited.filter((id): id is string => id !== null),
        rows.actors,
        keys.actor,
      ),
      sources: sourcesOf(sources, keys),
      quotes: quotesOf(mine(rows.quotes), keys),
      mentions: mentions.map((m) => ({
        actor: { key: keys.actor(m.actor_id) },
        span: { start: m.span_start, end: m.span_end },
        extracted: extractedOf(m),
      })),
      stances: stancesOf(mine(rows.stances), keys),
    },
  };
}

/** The articles of `ids`, in that order, each with its annotations; null for an id no article has. */
export async function readAnnotatedArticles(
  db: EntityManager,
  ids: readonly string[],
): Promise<(AnnotatedArticleData | null)[]> {
  if (!ids.length) return [];
  const rows = await loadRows(db, ids);
  const byId = new Map(rows.articles.map((article) => [article.id, article]));
  return ids.map((id) => {
    const article = byId.get(id);
    return article ? annotatedArticleOf(article, rows) : null;
  });
}

/**
 * Every stored article's id, a page at a time, in the order they were imported: importing an
 * export in this order resolves actors as the first imports did.
 */
export async function* articleIdPages(db: EntityManager, pageSize: number): AsyncIterable<string[]> {
  // imported_at as text: a JavaScript Date would cut its microseconds and page wrongly.
  let after: { importedAt: string; id: string } | null = null;
  for (;;) {
    const page: { id: string; imported_at: string }[] = await queryRows<{ id: string; imported_at: string }>(
      db,
      sql`SELECT id::text, imported_at::text FROM articles
          ${after ? sql`WHERE (imported_at, id) > (${sql.value(after.importedAt)}::timestamptz, ${sql.value(after.id)}::uuid)` : sql.blank}
          ORDER BY imported_at, id LIMIT ${sql.value(pageSize)}`,
    );
    if (!page.length) return;
    yield page.map((row) => row.id);
    const last = page[page.length - 1];
    after = { importedAt: last.imported_at, id: last.id };
  }
}

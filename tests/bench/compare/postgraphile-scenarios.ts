// The bench scenarios as PostGraphile v5 (amber preset, bench/postgraphile/) answers them: the
// query a PostGraphile user would write for the same rows in the same order, and the rearranging
// of its answer into Quotegraph's shape so that canonical() of the two can be compared.
//
// PostGraphile names things after the tables: the primary key `id` is `rowId` (its `id` is the
// Node id), relations are `outletByOutletId`, `quotesByArticleId`…, root lists `allArticles`.
// Orders by an article's date use the computed columns of bench/postgraphile/setup.sql.
import { createHash } from 'node:crypto';
import type { ScenarioName, ScenarioSubjects } from './scenarios';

export interface PostgraphileScenario {
  readonly query: string;
  readonly variables: (subjects: ScenarioSubjects) => Record<string, unknown>;
  /**
   * PostGraphile's `data` rearranged into Quotegraph's shape (same keys and nesting as the Quotegraph
   * query's data), so canonical() of both match. (`unknown` rather than `any`, which the lint
   * forbids here: it takes whatever an answer's `data` is typed as.)
   */
  readonly toQuotegraphData: (data: unknown) => unknown;
}

/** A scenario whose answer is typed as `T`: the one cast from the JSON answer. */
function scenario<T>(typed: {
  readonly query: string;
  readonly variables: (subjects: ScenarioSubjects) => Record<string, unknown>;
  readonly toQuotegraphData: (data: T) => unknown;
}): PostgraphileScenario {
  return { ...typed, toQuotegraphData: (data) => typed.toQuotegraphData(data as T) };
}

interface Nodes<T> {
  readonly nodes: readonly T[];
}

const edges = <T, U>(connection: Nodes<T>, node: (item: T) => U) => ({
  edges: connection.nodes.map((item) => ({ node: node(item) })),
});

interface PglArticle {
  readonly rowId: string;
  readonly title: string;
  readonly publishedAt: string | null;
  readonly outletByOutletId: { readonly name: string } | null;
}

const article = (a: PglArticle) => ({
  id: a.rowId,
  title: a.title,
  publishedAt: a.publishedAt,
  outlet: a.outletByOutletId && { name: a.outletByOutletId.name },
});

interface PglSource {
  readonly rowId?: string;
  readonly descriptor: string;
  readonly anonymity: string;
  readonly actorByActorId: { readonly rowId?: string; readonly name: string } | null;
}

/** Quotegraph's Source (and Actor) with the fields the query asked for: `id` only where there was `rowId`. */
const source = (s: PglSource | null) =>
  s && {
    ...(s.rowId === undefined ? {} : { id: s.rowId }),
    descriptor: s.descriptor,
    anonymity: s.anonymity,
    actor: s.actorByActorId && {
      ...(s.actorByActorId.rowId === undefined ? {} : { id: s.actorByActorId.rowId }),
      name: s.actorByActorId.name,
    },
  };

interface PglQuote {
  readonly rowId: string;
  readonly text: string;
}

// Quotegraph's quote order of `quotes` (PUBLISHED_AT_DESC) and Actor.quotes: newest article first,
// then the article id, then reading order, then the quote id.
const QUOTE_ORDER = ['PUBLISHED_AT_KEY_DESC', 'ARTICLE_ID_DESC', 'SPAN_START_ASC', 'ROW_ID_DESC'];

/**
 * PostGraphile's cursor of the row with these order values in `allQuotes(orderBy: QUOTE_ORDER)`:
 * base64 of JSON [digest, ...values], where the digest (which only catches a cursor reused with
 * another order) is the start of the SHA-256 of the JSON list of the ORDER BY expressions as
 * @dataplan/pg writes them (getOrderByDigest). Built from the subject so that nothing is asked
 * of the server before timing; a wrong digest fails loudly ("Invalid 'after' cursor").
 */
function quoteOrderCursor(deep: ScenarioSubjects['deepQuote']): string {
  // QUOTE_ORDER's expressions, in its order.
  const orderBy = [
    '"public"."quotes_published_at_key"(__quotes__)',
    '__quotes__."article_id"',
    '__quotes__."span_start"',
    '__quotes__."id"',
  ];
  const digest = createHash('sha256').update(JSON.stringify(orderBy)).digest('hex').slice(0, 10);
  const values = [digest, deep.publishedAtKey, deep.articleId, deep.spanStart, deep.id];
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64');
}

type QuoteWithSource = PglQuote & { readonly sourceBySourceIdAndArticleId: PglSource | null };

interface Q1Data {
  readonly articleByRowId:
    (PglArticle & { readonly quotesByArticleId: Nodes<QuoteWithSource & { readonly kind: string }> }) | null;
}

interface Q2Data {
  readonly allArticles: Nodes<PglArticle & { readonly quotesByArticleId: Nodes<QuoteWithSource> }>;
}

interface Q3Data {
  readonly actorByRowId: {
    readonly rowId: string;
    readonly name: string;
    readonly quotes: Nodes<PglQuote & { readonly articleByArticleId: Omit<PglArticle, 'outletByOutletId'> | null }>;
  } | null;
}

interface Q6Data {
  readonly allQuotes: {
    readonly edges: readonly { readonly cursor: string; readonly node: PglQuote }[];
    readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  };
}

export const POSTGRAPHILE_SCENARIOS: Record<ScenarioName, PostgraphileScenario | { readonly unsupported: string }> = {
  Q1: scenario<Q1Data>({
    // Article.quotes in reading order: the index (article_id, span_start, id) serves it.
    query: `query Q1($id: UUID!) { articleByRowId(rowId: $id) { rowId title publishedAt outletByOutletId { name }
      quotesByArticleId(first: 20, orderBy: [SPAN_START_ASC, ROW_ID_ASC]) { nodes { rowId text kind
        sourceBySourceIdAndArticleId { rowId descriptor anonymity actorByActorId { rowId name } } } } } }`,
    variables: (s) => ({ id: s.articleId }),
    toQuotegraphData: ({ articleByRowId: a }) => ({
      article: a && {
        ...article(a),
        quotes: edges(a.quotesByArticleId, (q) => ({
          id: q.rowId,
          text: q.text,
          kind: q.kind,
          source: source(q.sourceBySourceIdAndArticleId),
        })),
      },
    }),
  }),

  Q2: scenario<Q2Data>({
    // Quotegraph's default article order: COALESCE(published_at, '-infinity') DESC, id DESC.
    query: `query Q2 { allArticles(first: 20, orderBy: [PUBLISHED_AT_KEY_DESC, ROW_ID_DESC]) { nodes {
      rowId title publishedAt outletByOutletId { name }
      quotesByArticleId(first: 10, orderBy: [SPAN_START_ASC, ROW_ID_ASC]) { nodes { rowId text
        sourceBySourceIdAndArticleId { descriptor anonymity actorByActorId { name } } } } } } }`,
    variables: () => ({}),
    toQuotegraphData: ({ allArticles }) => ({
      articles: edges(allArticles, (a) => ({
        ...article(a),
        quotes: edges(a.quotesByArticleId, (q) => ({
          id: q.rowId,
          text: q.text,
          source: source(q.sourceBySourceIdAndArticleId),
        })),
      })),
    }),
  }),

  Q3: scenario<Q3Data>({
    // Actor.quotes is setup.sql's actors_quotes(), given Quotegraph's order explicitly.
    query: `query Q3($id: UUID!) { actorByRowId(rowId: $id) { rowId name
      quotes(first: 50, orderBy: [${QUOTE_ORDER.join(', ')}]) { nodes { rowId text
        articleByArticleId { rowId title publishedAt } } } } }`,
    variables: (s) => ({ id: s.actorId }),
    toQuotegraphData: ({ actorByRowId: actor }) => ({
      actor: actor && {
        id: actor.rowId,
        name: actor.name,
        quotes: edges(actor.quotes, (q) => ({
          id: q.rowId,
          text: q.text,
          article: q.articleByArticleId && {
            id: q.articleByArticleId.rowId,
            title: q.articleByArticleId.title,
            publishedAt: q.articleByArticleId.publishedAt,
          },
        })),
      },
    }),
  }),

  Q4: {
    unsupported:
      'stock PostGraphile v5 has no aggregates or GROUP BY (that takes the separate @graphile/pg-aggregates plugin); ' +
      'a hand-written SQL function returning the counts would be the limit server again behind PostGraphile.',
  },

  Q5: {
    unsupported:
      'stock PostGraphile v5 has no full-text search: ranking with ts_rank_cd, ts_headline snippets and one list ' +
      'mixing quotes and articles would all be a hand-written SQL function, not something PostGraphile generates.',
  },

  Q6: scenario<Q6Data>({
    // Keyset paging with PostGraphile's own cursor, over the same order as Quotegraph's `quotes`. Slow:
    // PostgreSQL can't inline quotes_published_at_key (it reads articles) nor index it, so each page
    // computes it for every quote and sorts them all (see setup.sql).
    query: `query Q6($after: Cursor) { allQuotes(first: 100, after: $after, orderBy: [${QUOTE_ORDER.join(', ')}]) {
      edges { cursor node { rowId text } } pageInfo { hasNextPage endCursor } } }`,
    variables: (s) => ({ after: quoteOrderCursor(s.deepQuote) }),
    toQuotegraphData: ({ allQuotes }) => ({
      quotes: {
        edges: allQuotes.edges.map((e) => ({ cursor: e.cursor, node: { id: e.node.rowId, text: e.node.text } })),
        pageInfo: allQuotes.pageInfo,
      },
    }),
  }),
};

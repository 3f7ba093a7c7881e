// The research queries `npm run bench` puts to Quotegraph, PostGraphile and the hand-written
// limit server: each as Quotegraph's GraphQL, the variables it takes from the corpus, and the
// canonical form the three answers are compared in before anything is timed.

/** Rows of the loaded corpus the scenarios ask about, found once by the runner. */
export interface ScenarioSubjects {
  /** An article in the middle of the default order, with its quotes. */
  readonly articleId: string;
  /** The person quoted most often. */
  readonly actorId: string;
  /** The quote halfway down the default quote order: Q6 pages on from it. */
  readonly deepQuote: {
    /** Quotegraph's cursor of that quote in `quotes` (PUBLISHED_AT_DESC). */
    readonly cursor: string;
    readonly id: string;
    readonly articleId: string;
    /** `COALESCE(a.published_at, '-infinity')` as PostgreSQL writes it as text. */
    readonly publishedAtKey: string;
    readonly spanStart: number;
  };
}

export type ScenarioName = 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'Q5' | 'Q6';

export interface Scenario {
  readonly name: ScenarioName;
  readonly title: string;
  readonly query: string;
  readonly variables: (subjects: ScenarioSubjects) => Record<string, unknown>;
}

const toGlobalId = (type: string, id: string) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'Q1',
    title: 'article → quotes → source → actor',
    query: `query Q1($id: ID!) { article(id: $id) { id title publishedAt outlet { name }
      quotes(first: 20) { edges { node { id text kind source { id descriptor anonymity actor { id name } } } } } } }`,
    variables: (s) => ({ id: toGlobalId('Article', s.articleId) }),
  },
  {
    name: 'Q2',
    title: '20 articles × 10 quotes → source → actor',
    query: `query Q2 { articles(first: 20) { edges { node { id title publishedAt outlet { name }
      quotes(first: 10) { edges { node { id text source { descriptor anonymity actor { name } } } } } } } } }`,
    variables: () => ({}),
  },
  {
    name: 'Q3',
    title: "an actor's 50 latest quotes",
    query: `query Q3($id: ID!) { actor(id: $id) { id name
      quotes(first: 50) { edges { node { id text article { id title publishedAt } } } } } }`,
    variables: (s) => ({ id: toGlobalId('Actor', s.actorId) }),
  },
  {
    name: 'Q4',
    title: 'quoteStats outlet × month, anonymous',
    query: `query Q4 { quoteStats(groupBy: [OUTLET, MONTH], filter: { anonymity: ANONYMOUS }) { outlet { name } month count } }`,
    variables: () => ({}),
  },
  {
    name: 'Q5',
    title: 'search "sanctions", top 20',
    query: `query Q5 { search(query: "sanctions", first: 20) { edges { node { rank highlight
      hit { __typename ... on Quote { id text } ... on Article { id title } } } } } }`,
    variables: () => ({}),
  },
  {
    name: 'Q6',
    title: 'keyset pages of 100',
    query: `query Q6($after: String) { quotes(first: 100, after: $after) { edges { cursor node { id text } }
      pageInfo { hasNextPage endCursor } } }`,
    variables: (s) => ({ after: s.deepQuote.cursor }),
  },
];

const DROPPED = new Set(['cursor', 'startCursor', 'endCursor']);

function canonicalValue(key: string, value: unknown): unknown {
  if (key === 'id' && typeof value === 'string') {
    const decoded = Buffer.from(value, 'base64url').toString('utf8');
    return /^[A-Z][A-Za-z]*:[0-9a-f-]{36}$/.test(decoded) ? decoded.slice(decoded.indexOf(':') + 1) : value;
  }
  if (key === 'publishedAt' && typeof value === 'string') return new Date(value).toISOString();
  if (key === 'rank' && typeof value === 'number') return Number(value.toPrecision(5));
  return canonical(value);
}

/**
 * An answer's `data` in a form all three servers can match: global ids as their uuids, dates as
 * ISO strings, ranks to five digits, and cursors (each server's own encoding) left out.
 */
export function canonical(data: unknown): unknown {
  if (Array.isArray(data)) return data.map((item) => canonical(item));
  if (data === null || typeof data !== 'object') return data;
  return Object.fromEntries(
    Object.entries(data)
      .filter(([key]) => !DROPPED.has(key))
      .map(([key, value]) => [key, canonicalValue(key, value)]),
  );
}

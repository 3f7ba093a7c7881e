// The "limit" server of `npm run bench`: each scenario answered by ONE hand-written SQL statement
// whose JSON PostgreSQL builds whole and Node passes on as text, unparsed. No resolvers, loaders or
// batching: its latency is the practical upper bound for a GraphQL server over the same schema.
//
// Its answers equal Quotegraph's `data` byte for byte. Objects are built with to_json(row), which
// writes compact JSON in column order (json_build_object and json_agg would add spaces, jsonb would
// reorder keys); a json value inside a row is embedded verbatim, so objects nest.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DatabaseError, Pool, type QueryConfig } from 'pg';

export interface LimitServerOptions {
  readonly databaseUrl: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly poolSize?: number;
}

export interface LimitServer {
  /** The base URL: POST `${url}/Q1` … `${url}/Q6`. */
  readonly url: string;
  close(): Promise<void>;
}

// ---- SQL pieces -------------------------------------------------------------------------------

/** Base64url without padding, as Buffer#toString('base64url'); encode() also wraps lines past 76 chars. */
const base64url = (bytes: string) => `translate(encode(${bytes}, 'base64'), E'+/=\\n', '-_')`;

/** A global id: base64url of "<Type>:<uuid>". */
const gid = (type: string, uuid: string) => base64url(`convert_to('${type}:' || ${uuid}, 'UTF8')`);

/** A DateTime as graphql-scalars writes it: UTC, milliseconds. */
const iso = (timestamp: string) => `to_char(${timestamp} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A JSON object of the columns (`expr AS "key"`, …); null when `from` finds no row. */
const obj = (columns: string, from = '') => `(SELECT to_json(j) FROM (SELECT ${columns} ${from}) j)`;

/** A JSON array of `item` over the rows of `rows` (named `alias`), in `order`; [] when there are none. */
const list = (rows: string, alias: string, item: string, order: string) =>
  `(SELECT COALESCE(to_json(array_agg(${item} ORDER BY ${order})), '[]') FROM (${rows}) ${alias})`;

/** `{edges: [{node}]}` of a connection. */
const connection = (rows: string, alias: string, node: string, order: string) =>
  obj(`${list(rows, alias, obj(`${node} AS node`), order)} AS edges`);

/** The statement's one value: `{"<field>": value}` as text. */
const data = (field: string, value: string) => `SELECT ${obj(`${value} AS "${field}"`)}::text AS data`;

/** The articles' order key (index IDX_articles_published_at_keyset): undated sorts as the oldest. */
const PUBLISHED_KEY = `COALESCE(a.published_at, '-infinity'::timestamptz)`;

/** The first quotes of article `a` in reading order, through the index (article_id, span_start, id). */
const readingOrder = (columns: string, first: number) =>
  `SELECT ${columns} FROM quotes q WHERE q.article_id = a.id ORDER BY q.span_start, q.id LIMIT ${first}`;

const outletOf = (article: string) => obj('o.name', `FROM outlets o WHERE o.id = ${article}.outlet_id`);

// ---- Q1: an article, its outlet, its first 20 quotes with source and actor ----------------------

const Q1_SOURCE = obj(
  `${gid('Source', 's.id')} AS id, s.descriptor, s.anonymity,
   ${obj(`${gid('Actor', 'ac.id')} AS id, ac.name`, 'FROM actors ac WHERE ac.id = s.actor_id')} AS actor`,
  'FROM sources s WHERE s.id = q.source_id',
);

const Q1_QUOTES = connection(
  readingOrder('q.id, q.span_start, q.text, q.kind, q.source_id', 20),
  'q',
  obj(`${gid('Quote', 'q.id')} AS id, q.text, q.kind, ${Q1_SOURCE} AS source`),
  'q.span_start, q.id',
);

const Q1 = data(
  'article',
  obj(
    `${gid('Article', 'a.id')} AS id, a.title, ${iso('a.published_at')} AS "publishedAt",
     ${outletOf('a')} AS outlet, ${Q1_QUOTES} AS quotes`,
    'FROM articles a WHERE a.id = $1',
  ),
);

// ---- Q2: the 20 newest articles, each with its first 10 quotes, source and actor ---------------

const Q2_SOURCE = obj(
  `s.descriptor, s.anonymity, ${obj('ac.name', 'FROM actors ac WHERE ac.id = s.actor_id')} AS actor`,
  'FROM sources s WHERE s.id = q.source_id',
);

const Q2_QUOTES = connection(
  readingOrder('q.id, q.span_start, q.text, q.source_id', 10),
  'q',
  obj(`${gid('Quote', 'q.id')} AS id, q.text, ${Q2_SOURCE} AS source`),
  'q.span_start, q.id',
);

const Q2 = data(
  'articles',
  connection(
    // A backward scan of the keyset index, stopped after 20.
    `SELECT a.id, ${PUBLISHED_KEY} AS k, a.title, a.published_at, a.outlet_id FROM articles a
     ORDER BY ${PUBLISHED_KEY} DESC, a.id DESC LIMIT 20`,
    'a',
    obj(
      `${gid('Article', 'a.id')} AS id, a.title, ${iso('a.published_at')} AS "publishedAt",
       ${outletOf('a')} AS outlet, ${Q2_QUOTES} AS quotes`,
    ),
    'a.k DESC, a.id DESC',
  ),
);

// ---- Q3: an actor's 50 latest quotes (PUBLISHED_AT_DESC), with their articles ------------------

/** The quote order PUBLISHED_AT_DESC: newest article first, then reading order, ties on the larger id. */
const QUOTE_KEYS = `${PUBLISHED_KEY} AS k, a.id AS article_id, -q.span_start AS negated_start, q.id`;
const QUOTE_ORDER = (alias: string) =>
  `${alias}.k DESC, ${alias}.article_id DESC, ${alias}.negated_start DESC, ${alias}.id DESC`;

const Q3_QUOTES = connection(
  // Sources of the actor → their quotes → the quotes' articles, then the top 50.
  `SELECT ${QUOTE_KEYS}, q.text, a.title, a.published_at
   FROM sources s JOIN quotes q ON q.source_id = s.id JOIN articles a ON a.id = q.article_id
   WHERE s.actor_id = ac.id ORDER BY 1 DESC, 2 DESC, 3 DESC, 4 DESC LIMIT 50`,
  'q',
  obj(
    `${gid('Quote', 'q.id')} AS id, q.text,
     ${obj(`${gid('Article', 'q.article_id')} AS id, q.title, ${iso('q.published_at')} AS "publishedAt"`)} AS article`,
  ),
  QUOTE_ORDER('q'),
);

const Q3 = data(
  'actor',
  obj(`${gid('Actor', 'ac.id')} AS id, ac.name, ${Q3_QUOTES} AS quotes`, 'FROM actors ac WHERE ac.id = $1'),
);

// ---- Q4: quoteStats(groupBy: [OUTLET, MONTH], filter: { anonymity: ANONYMOUS }) -----------------

const Q4 = data(
  'quoteStats',
  list(
    // Counted per article first (a quote's source is of its own article: foreign key (source_id,
    // article_id)), so the month is worked out for 10,000 articles rather than 50,000 quotes; then
    // Quotegraph's buckets, order and default limit, and each bucket's outlet name.
    `SELECT sum(p.quotes)::int AS count, a.outlet_id, to_char(a.published_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month
     FROM (SELECT s.article_id, count(*) AS quotes FROM sources s JOIN quotes q ON q.source_id = s.id
           WHERE s.anonymity = 'ANONYMOUS' GROUP BY s.article_id) p
     JOIN articles a ON a.id = p.article_id
     GROUP BY 2, 3 ORDER BY 1 DESC, a.outlet_id::text NULLS LAST, 3 NULLS LAST LIMIT 1000`,
    'b',
    obj(`${outletOf('b')} AS outlet, b.month, b.count`),
    'b.count DESC, b.outlet_id::text NULLS LAST, b.month NULLS LAST',
  ),
);

// ---- Q5: search "sanctions", the 20 best hits with highlights ----------------------------------

/** ts_headline's marks (no stored text holds them): the text is escaped as HTML, then they become <b>, </b>. */
const HEADLINE_OPTIONS = {
  article: `E'StartSel=\\x01, StopSel=\\x02, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "'`,
  quote: `E'StartSel=\\x01, StopSel=\\x02, HighlightAll=true'`,
};
/** Quotegraph's markHtml as SQL literals: & < > " ' as &#NN; (& first), then the marks as <b>, </b>. */
const HTML_ESCAPES: readonly (readonly [string, string])[] = [
  [`'&'`, `'&#38;'`],
  [`'<'`, `'&#60;'`],
  [`'>'`, `'&#62;'`],
  [`'"'`, `'&#34;'`],
  [`''''`, `'&#39;'`],
  [`E'\\x01'`, `'<b>'`],
  [`E'\\x02'`, `'</b>'`],
];
const markHtml = (headline: string) =>
  HTML_ESCAPES.reduce((text, [from, to]) => `replace(${text}, ${from}, ${to})`, headline);

/** The first 50,000 characters of a text are highlighted (HEADLINE_WINDOW). */
const HEADLINE_WINDOW = 50_000;

/**
 * Every match ranked (ts_rank_cd, as float4), the best 20 of each kind, then the best 20 of those:
 * rank, then QUOTE before ARTICLE, then the larger id. A quote's article always exists (foreign key),
 * so Quotegraph's join to it is left out.
 */
const Q5_HITS = `
  SELECT * FROM (
    (SELECT 'ARTICLE' AS type, a.id, ts_rank_cd(a.search, m.tsq)::real AS rank FROM articles a, m
     WHERE a.search @@ m.tsq ORDER BY 3 DESC, 2 DESC LIMIT 20)
    UNION ALL
    (SELECT 'QUOTE', q.id, ts_rank_cd(q.search, m.tsq)::real FROM quotes q, m
     WHERE q.search @@ m.tsq ORDER BY 3 DESC, 2 DESC LIMIT 20)
  ) h ORDER BY rank DESC, type DESC, id DESC LIMIT 20`;

const Q5_RESULTS = `
  SELECT h.type, h.id, h.rank,
    CASE h.type
      WHEN 'ARTICLE' THEN ts_headline('quotegraph', a.title || E'\\n' || left(a.body, ${HEADLINE_WINDOW}), m.tsq, ${HEADLINE_OPTIONS.article})
      ELSE ts_headline('quotegraph', left(q.text, ${HEADLINE_WINDOW}), m.tsq, ${HEADLINE_OPTIONS.quote})
    END AS headline,
    CASE h.type
      WHEN 'ARTICLE' THEN ${obj(`'Article' AS "__typename", ${gid('Article', 'a.id')} AS id, a.title`)}
      ELSE ${obj(`'Quote' AS "__typename", ${gid('Quote', 'q.id')} AS id, q.text`)}
    END AS hit
  FROM (${Q5_HITS}) h CROSS JOIN m
  LEFT JOIN articles a ON h.type = 'ARTICLE' AND a.id = h.id
  LEFT JOIN quotes q ON h.type = 'QUOTE' AND q.id = h.id`;

const Q5 = `WITH m AS (SELECT websearch_to_tsquery('quotegraph', $1) AS tsq) ${data(
  'search',
  connection(
    Q5_RESULTS,
    'r',
    // The rank as JavaScript prints the float4 Quotegraph reads back from its text.
    obj(`(r.rank::text)::numeric AS rank, ${markHtml('r.headline')} AS highlight, r.hit`),
    'r.rank DESC, r.type DESC, r.id DESC',
  ),
)}`;

// ---- Q6: quotes(first: 100, after: $after), the corpus-wide keyset page -------------------------

const Q6_PAGE = 100;

/**
 * Quotegraph's cursor: base64url of the JSON array of the sort keys as PostgreSQL writes them (the
 * timestamp in the session's TimeZone, the server default for both servers).
 */
const cursorOf = (row: string) =>
  base64url(
    `convert_to(to_json(ARRAY[${row}.k::text, ${row}.article_id::text, ${row}.negated_start::text, ${row}.id::text])::text, 'UTF8')`,
  );

/**
 * The page and one row more (for hasNextPage). The bounds on the key prefixes let the planner walk
 * the articles' keyset index backwards from the cursor's article and stop after 101 quotes.
 */
const q6Rows = (after: boolean) => `
  SELECT ${QUOTE_KEYS}, q.text FROM articles a JOIN quotes q ON q.article_id = a.id
  ${
    after
      ? `WHERE ${PUBLISHED_KEY} <= $1::timestamptz AND (${PUBLISHED_KEY}, a.id) <= ($1::timestamptz, $2::uuid)
         AND (${PUBLISHED_KEY}, a.id, -q.span_start, q.id) < ($1::timestamptz, $2::uuid, $3::integer, $4::uuid)`
      : ''
  }
  ORDER BY 1 DESC, 2 DESC, 3 DESC, 4 DESC LIMIT ${Q6_PAGE + 1}`;

const q6 = (after: boolean) =>
  data(
    'quotes',
    `(SELECT ${obj(`p.edges, ${obj('p.has_next AS "hasNextPage", p.end_cursor AS "endCursor"')} AS "pageInfo"`)}
      FROM (
        SELECT
          COALESCE(to_json(array_agg(${obj(`r.cursor, ${obj(`${gid('Quote', 'r.id')} AS id, r.text`)} AS node`)}
            ORDER BY r.n) FILTER (WHERE r.n <= ${Q6_PAGE})), '[]') AS edges,
          count(*) > ${Q6_PAGE} AS has_next,
          (array_agg(r.cursor ORDER BY r.n DESC) FILTER (WHERE r.n <= ${Q6_PAGE}))[1] AS end_cursor
        FROM (SELECT row_number() OVER (ORDER BY ${QUOTE_ORDER('r')}) AS n, ${cursorOf('r')} AS cursor, r.id, r.text
              FROM (${q6Rows(after)}) r) r
      ) p)`,
  );

const Q6_FIRST = q6(false);
const Q6_AFTER = q6(true);

// ---- Variables → statement ----------------------------------------------------------------------

type Variables = Record<string, unknown>;

class BadRequest extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** The uuid of a global id of `type`, as Quotegraph decodes it. */
function uuidOf(globalId: unknown, type: string): string {
  const decoded =
    typeof globalId === 'string' && BASE64URL.test(globalId) ? Buffer.from(globalId, 'base64url').toString('utf8') : '';
  const uuid = decoded.slice(type.length + 1);
  if (!decoded.startsWith(`${type}:`) || !UUID.test(uuid))
    throw new BadRequest(`id is not a global id of type ${type}`);
  return uuid;
}

const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** A quote cursor's four sort-key values; PostgreSQL refuses a bad timestamp or integer (SQLSTATE 22…). */
function cursorValues(after: string): string[] {
  let values: unknown;
  try {
    values = BASE64URL.test(after) ? JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) : undefined;
  } catch {
    values = undefined;
  }
  if (!isStrings(values) || values.length !== 4 || !UUID.test(values[1]) || !UUID.test(values[3])) {
    throw new BadRequest('after is not a cursor of this list');
  }
  return values;
}

const STATEMENTS: Record<string, (variables: Variables) => QueryConfig> = {
  Q1: (v) => ({ name: 'limit_q1', text: Q1, values: [uuidOf(v.id, 'Article')] }),
  Q2: () => ({ name: 'limit_q2', text: Q2 }),
  Q3: (v) => ({ name: 'limit_q3', text: Q3, values: [uuidOf(v.id, 'Actor')] }),
  Q4: () => ({ name: 'limit_q4', text: Q4 }),
  // The scenario's search text is part of its query, not a variable.
  Q5: () => ({ name: 'limit_q5', text: Q5, values: ['sanctions'] }),
  Q6: (v) => {
    if (v.after == null) return { name: 'limit_q6_first', text: Q6_FIRST };
    if (typeof v.after !== 'string') throw new BadRequest('after must be a string');
    return { name: 'limit_q6_after', text: Q6_AFTER, values: cursorValues(v.after) };
  },
};

// ---- HTTP ---------------------------------------------------------------------------------------

const MAX_BODY = 1 << 20;

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

const error = (message: string) => JSON.stringify({ error: message });

async function readVariables(req: IncomingMessage): Promise<Variables> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new BadRequest('body too large');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  let variables: unknown;
  try {
    variables = text.trim() ? JSON.parse(text) : {};
  } catch {
    throw new BadRequest('body is not JSON');
  }
  if (variables === null || typeof variables !== 'object' || Array.isArray(variables)) {
    throw new BadRequest('body must be a JSON object of variables');
  }
  return variables as Variables;
}

async function answer(pool: Pool, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const scenario = new URL(req.url ?? '/', 'http://limit').pathname.slice(1);
  const statement = Object.hasOwn(STATEMENTS, scenario) ? STATEMENTS[scenario] : undefined;
  if (!statement) return send(res, 404, error('unknown scenario'));
  if (req.method !== 'POST') return send(res, 405, error('POST the variables'));
  try {
    const query = statement(await readVariables(req));
    const { rows } = await pool.query<{ data: string }>(query);
    send(res, 200, `{"data":${rows[0].data}}`);
  } catch (caught) {
    if (caught instanceof BadRequest) return send(res, 400, error(caught.message));
    // A cursor value PostgreSQL cannot take (month 13, an integer past 2^31): data exception class.
    if (caught instanceof DatabaseError && caught.code?.startsWith('22')) return send(res, 400, error(caught.message));
    console.error(caught);
    send(res, 500, error('internal error'));
  }
}

export async function startLimitServer(options: LimitServerOptions): Promise<LimitServer> {
  const pool = new Pool({
    connectionString: options.databaseUrl,
    max: options.poolSize ?? 8,
    application_name: 'quotegraph-bench-limit',
  });
  // An idle connection the server drops must not crash the process; the next query reconnects.
  pool.on('error', (err) => console.error('limit server pool:', err.message));
  const server = createServer((req, res) => void answer(pool, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await pool.end();
    },
  };
}

if (require.main === module) {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('DATABASE_URL is required');
    process.exit(2);
  }
  startLimitServer({
    databaseUrl,
    port: Number(process.env.PORT ?? 0),
    poolSize: process.env.POOL_SIZE ? Number(process.env.POOL_SIZE) : undefined,
  }).then(
    (server) => {
      console.log(`listening on ${server.url}`);
      process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}

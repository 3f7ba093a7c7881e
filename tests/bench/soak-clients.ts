// The soak benchmark's clients: the requests they send (the well-behaved clients' reads and imports,
// the abusive client's heavy requests), keep-alive HTTP from a chosen loopback address, and the two
// ways of sending: open loop at a fixed rate, and back to back.
import http from 'node:http';

/** One request to send: its name in the report and its JSON body, made afresh for each send. */
export interface SoakRequest {
  readonly name: string;
  readonly body: () => Buffer;
}

/** What one request met: its latency and its answer, such as `200 OK`, `400 BAD_USER_INPUT` or `ECONNRESET`. */
export interface Outcome {
  readonly name: string;
  readonly latencyMs: number;
  readonly answer: string;
}

/** Where and as whom a client sends: the endpoint, its key (null: none, as anyone on the network), and its connections. */
export interface SoakClient {
  readonly url: URL;
  readonly key: string | null;
  readonly agent: http.Agent;
}

// Past the longest abusive request (a 1.5 MB import: about 6 s here); a request that outlasts it counts as an error.
const CLIENT_TIMEOUT_MS = 60_000;

/** Keep-alive connections from `localAddress`: the server counts mutations per address, and sees each client's own. */
export function soakClient(url: URL, key: string | null, localAddress: string): SoakClient {
  return { url, key, agent: new http.Agent({ keepAlive: true, localAddress, maxSockets: 512 }) };
}

/** The answer a response carries: its status and its first error's extensions.code, or OK. */
function answerOf(status: number, raw: Buffer): string {
  let parsed: { errors?: { extensions?: { code?: unknown } }[] };
  try {
    parsed = JSON.parse(raw.toString('utf8')) as typeof parsed;
  } catch {
    return `${status} (not JSON)`;
  }
  const [first] = parsed.errors ?? [];
  if (!first) return status === 200 ? '200 OK' : `${status} (no error)`;
  const code = first.extensions?.code;
  return `${status} ${typeof code === 'string' ? code : '(no code)'}`;
}

/** Posts one body to /graphql and resolves to its answer; a transport failure is its error code. */
export function post(client: SoakClient, body: Buffer): Promise<string> {
  return new Promise((resolve) => {
    const request = http.request(
      client.url,
      {
        method: 'POST',
        agent: client.agent,
        timeout: CLIENT_TIMEOUT_MS,
        headers: {
          'content-type': 'application/json',
          'content-length': body.length,
          ...(client.key === null ? {} : { authorization: `Bearer ${client.key}` }),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve(answerOf(response.statusCode ?? 0, Buffer.concat(chunks))));
        response.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      },
    );
    request.on('timeout', () =>
      request.destroy(Object.assign(new Error('client timeout'), { code: 'CLIENT_TIMEOUT' })),
    );
    request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    request.end(body);
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends `next(i)` at start + i / rate for `durationMs`, never waiting for earlier answers (open loop),
 * and times each from its scheduled send, so that a server (or an event loop) that stalls is charged
 * for every request that should have gone out meanwhile, not only the one it held (coordinated omission).
 */
export async function sendOpenLoop(
  client: SoakClient,
  rate: number,
  durationMs: number,
  next: (index: number) => SoakRequest,
): Promise<Outcome[]> {
  const start = performance.now();
  const sent: Promise<Outcome>[] = [];
  for (let index = 0; index * (1000 / rate) < durationMs; index += 1) {
    const scheduled = start + index * (1000 / rate);
    const wait = scheduled - performance.now();
    if (wait > 0) await sleep(wait);
    const request = next(index);
    sent.push(
      post(client, request.body()).then((answer) => ({
        name: request.name,
        latencyMs: performance.now() - scheduled,
        answer,
      })),
    );
  }
  return Promise.all(sent);
}

/** A client that sends its requests in turn, each when the one before it is answered, until stopped. */
export function sendBackToBack(client: SoakClient, requests: readonly SoakRequest[]): () => Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let stopping = false;
  const running = (async () => {
    for (let index = 0; !stopping; index += 1) {
      const request = requests[index % requests.length];
      const body = request.body();
      const started = performance.now();
      const answer = await post(client, body);
      outcomes.push({ name: request.name, latencyMs: performance.now() - started, answer });
    }
  })();
  return async () => {
    stopping = true;
    await running;
    return outcomes;
  };
}

/** A request whose body is the same on every send. */
function fixedRequest(name: string, query: string, variables?: Record<string, unknown>): SoakRequest {
  const body = Buffer.from(JSON.stringify({ query, variables }));
  return { name, body: () => body };
}

/** The well-behaved clients' reads: api-benchmark's queries, at page sizes a client browsing would ask for. */
export function readRequests(variables: { nato: string; deep: string }): SoakRequest[] {
  return [
    fixedRequest(
      'anonymous NATO-affiliated quotes in a month (first 50)',
      `query ($nato: ID!) { quotes(first: 50, filter: { anonymity: ANONYMOUS, affiliationIds: [$nato], publishedAfter: "2024-03-01T00:00:00Z", publishedBefore: "2024-04-01T00:00:00Z" }) {
        totalCount edges { node { text span { start end } source { descriptor affiliation { name } } article { title publishedAt outlet { name } } } } } }`,
      variables,
    ),
    fixedRequest(
      'stances on a question with evidence (first 50)',
      `{ policyQuestion(slug: "long-range-strikes") { positionCounts { position count } stances(first: 50, filter: { anonymity: NAMED }) { totalCount edges { node { position evidence { text } source { actor { name } } article { title } } } } } }`,
    ),
    fixedRequest(
      'phrase search with highlights (first 20)',
      `{ search(query: "\\"coherent strategy\\" -winter", first: 20) { totalCount edges { node { rank highlight hit { ... on Quote { text } ... on Article { title } } } } } }`,
    ),
    fixedRequest(
      'quoteStats by outlet, month and anonymity',
      `{ quoteStats(groupBy: [OUTLET, MONTH, ANONYMITY]) { outlet { name } month anonymity count } }`,
    ),
    fixedRequest(
      'a page of 50 quotes halfway down the list',
      `query ($deep: String!) { quotes(first: 50, after: $deep) { edges { cursor node { text article { title } } } pageInfo { hasNextPage } } }`,
      variables,
    ),
    fixedRequest(
      'articles(20) → quotes(20) → source → actor, affiliation, stances',
      `{ articles(first: 20) { edges { node { outlet { name } quotes(first: 20) { edges { node { source { actor { name aliases } affiliation { name } } stances { question { slug } } } } } } } } }`,
    ),
  ];
}

const IMPORT = `mutation ($input: ImportArticleInput!) { importArticle(input: $input) { created extraction { quotes sources } } }`;

// import-benchmark's sentences: quotes, attributions and names for extraction to find.
const SENTENCES = [
  '“We will not give up,” a Ukrainian defense source said.',
  'President Volodymyr Zelensky met Joe Biden in Washington on Thursday.',
  'Officials familiar with the discussions said the talks were difficult.',
  '“The Americans want a coherent strategy,” said a European official.',
  'Analysts say the decision could come within weeks.',
];

/** The well-behaved clients' import: a new article of two short paragraphs (about 1.5 kB) at each call. */
export function importRequest(runId: string): SoakRequest {
  let count = 0;
  return {
    name: 'importArticle of a new 1.5 kB article',
    body: () => {
      count += 1;
      const words = Array.from({ length: 12 }, (_, k) => SENTENCES[(count + k) % SENTENCES.length]).join(' ');
      const input = {
        url: `https://outlet${count % 25}.example/soak/${runId}/${count}`,
        title: `Soak article ${count}`,
        body: `${words}\n\nParagraph two of article ${count}. ${words}`,
        publishedAt: new Date(Date.UTC(2024, count % 12, 1 + (count % 28))).toISOString(),
        language: 'en',
      };
      return Buffer.from(JSON.stringify({ query: IMPORT, variables: { input } }));
    },
  };
}

/**
 * An import of a new article with this body at each call. The body's JSON is made once and spliced
 * in, so that the client's own work (it shares the server's event loop) stays small beside the server's.
 */
function bigImportRequest(name: string, runId: string, body: string): SoakRequest {
  const bodyJson = Buffer.from(JSON.stringify(body));
  const tail = Buffer.from('}}}');
  let count = 0;
  return {
    name,
    body: () => {
      count += 1;
      const input = { url: `https://abuse.example/${runId}/${name.replace(/\W+/g, '-')}/${count}`, title: name };
      const head = JSON.stringify({ query: IMPORT, variables: { input } }).slice(0, -3);
      return Buffer.concat([Buffer.from(`${head},"body":`), bodyJson, tail]);
    },
  };
}

/** About `bytes` of news prose in paragraphs of five sentences, speakers and quotes included. */
function prose(bytes: number): string {
  const paragraphs: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i += 1) {
    const paragraph = Array.from({ length: 5 }, (_, k) => SENTENCES[(i + k) % SENTENCES.length]).join(' ');
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs.join('\n\n');
}

/** `articles(first: 500) → quotes(first: 500) → source → actor → quotes(first: 500) → …`: far past the depth and cost limits. */
const DEEP_NESTING_OPENING =
  '{ articles(first: 500) { edges { node { quotes(first: 500) { edges { node { source { actor { quotes(first: 500) { edges { node { source { actor { name';
const DEEP_NESTING = `${DEEP_NESTING_OPENING} ${'} '.repeat(DEEP_NESTING_OPENING.split('{').length - 1)}`;

/**
 * The abusive client's requests, from the issue: a deep nesting, 1,000 aliases, a 300-term search, a
 * 12 MB variables object (120,000 small objects, so that parsing and walking it cost what they can),
 * a body of one 2 MB word (2,000,000 bytes: within MAX_BODY_BYTES' 2 MiB, so an editor's is imported
 * and extracted) and a body of 1.5 MB of prose. Without a key, the last three are refused at
 * MAX_READ_REQUEST_BYTES before they are parsed. The imports bring a new URL each time, so that
 * each is written and extracted rather than found already stored.
 */
export function abusiveRequests(runId: string): SoakRequest[] {
  const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: quotes(first: 1) { edges { node { text } } }`);
  const terms = Array.from({ length: 300 }, (_, i) => `${['strategy', 'missiles', 'talks', 'drones'][i % 4]}${i}`);
  const padding = Array.from({ length: 120_000 }, (_, i) => ({ index: i, text: 'x'.repeat(70) }));
  return [
    fixedRequest('deep nesting articles(500) → quotes(500) → source → actor → …', DEEP_NESTING),
    fixedRequest('1,000 aliases', `{ ${aliases.join(' ')} }`),
    fixedRequest('a 300-term search', 'query ($q: String!) { search(query: $q, first: 20) { totalCount } }', {
      q: terms.join(' '),
    }),
    fixedRequest('a 12 MB variables object', 'query ($first: Int) { quotes(first: $first) { totalCount } }', {
      first: 1,
      padding,
    }),
    bigImportRequest('import of a one-word 2 MB body', runId, 'a'.repeat(2_000_000)),
    bigImportRequest('import of a 1.5 MB prose body', runId, prose(1_500_000)),
  ];
}

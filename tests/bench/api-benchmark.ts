// `npm run bench:api`: loads a generated corpus of 10,000 articles (~100,000 quotes) into a fresh
// database (see bench-database.ts) and prints p50/p95 latency of representative cross-article
// queries sent over HTTP.
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config';
import { createDataSource } from '../../src/database/data-source';
import { createSchema } from '../../src/schema';
import { createServer } from '../../src/server';
import { openBenchDatabases } from './bench-database';
import { generateCorpus } from './generate-corpus';
import { benchQueryVariables } from './bench-query-variables';
import { queryRows, sql } from '../../src/database/sql';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);

const QUERIES: Record<string, { query: string; variables?: Record<string, unknown> }> = {
  'anonymous NATO-affiliated quotes in a month, with article and outlet (first 50)': {
    query: `query ($nato: ID!) { quotes(first: 50, filter: { anonymity: ANONYMOUS, affiliationIds: [$nato], publishedAfter: "2024-03-01T00:00:00Z", publishedBefore: "2024-04-01T00:00:00Z" }) {
      totalCount edges { node { text span { start end } source { descriptor affiliation { name } } article { title publishedAt outlet { name } } } } } }`,
  },
  'stances on a question with evidence, and position counts (first 50)': {
    query: `{ policyQuestion(slug: "long-range-strikes") { positionCounts { position count } stances(first: 50, filter: { anonymity: NAMED }) { totalCount edges { node { position evidence { text } source { actor { name } } article { title } } } } } }`,
  },
  'phrase search with highlights (first 20)': {
    query: `{ search(query: "\\"coherent strategy\\" -winter", first: 20) { totalCount edges { node { rank highlight hit { ... on Quote { text } ... on Article { title } } } } } }`,
  },
  'quoteStats by outlet, month and anonymity': {
    query: `{ quoteStats(groupBy: [OUTLET, MONTH, ANONYMITY]) { outlet { name } month anonymity count } }`,
  },
  'a page of 50 quotes deep in the list (after the 50,000th), newest first': {
    query: `query ($deep: String!) { quotes(first: 50, after: $deep) { edges { cursor node { text article { title } } } pageInfo { hasNextPage } } }`,
  },
  'articles(100) → quotes(20) → source → actor, affiliation, stances': {
    query: `{ articles(first: 100) { edges { node { outlet { name } quotes(first: 20) { edges { node { source { actor { name aliases } affiliation { name } } stances { question { slug } } } } } } } } }`,
  },
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface CorpusCounts {
  readonly articles: number;
  readonly quotes: number;
  readonly sources: number;
  readonly stances: number;
}

/** Generates the corpus and prints its size and how long it took. */
async function loadCorpus(dataSource: DataSource): Promise<CorpusCounts> {
  const started = Date.now();
  await generateCorpus(dataSource, { articles: ARTICLES, quotesPerArticle: 10 });
  const [counts] = await queryRows<CorpusCounts>(
    dataSource.manager,
    sql`SELECT (SELECT count(*) FROM articles)::int AS articles, (SELECT count(*) FROM quotes)::int AS quotes, (SELECT count(*) FROM sources)::int AS sources, (SELECT count(*) FROM stances)::int AS stances`,
  );
  console.log(
    `corpus: ${counts.articles} articles, ${counts.quotes} quotes, ${counts.sources} sources, ${counts.stances} stances (generated in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  return counts;
}

/** The queries' variables: NATO's global ID, and a cursor deep in the quote list. */

/** Sends each query RUNS times after 3 warm-up runs and prints its p50 and p95. */
async function timeQueries(endpoint: string, variables: Record<string, unknown>): Promise<void> {
  for (const [name, { query }] of Object.entries(QUERIES)) {
    const times: number[] = [];
    for (let run = 0; run < RUNS + 3; run += 1) {
      const started = performance.now();
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(`${name}: ${JSON.stringify(body.errors)}`);
      if (run >= 3) times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(
      `  p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms   ${name}`,
    );
  }
}

async function main(): Promise<void> {
  const databases = await openBenchDatabases();
  const dataSource = createDataSource({
    url: await databases.create(`quotegraph_bench_api_${process.pid}`),
    poolSize: 10,
  });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const counts = await loadCorpus(dataSource);
    const variables = await benchQueryVariables(dataSource, counts.quotes);

    const server = await createServer({
      config: loadConfig({ SEED_EXAMPLE_CORPUS: 'false' }),
      dataSource,
      schema: await createSchema(),
    });
    await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/graphql`;
    console.log(`${RUNS} runs each after 3 warm-up runs, one at a time, on ${databases.kind}:`);
    await timeQueries(endpoint, variables);
    await server.stop();
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await databases.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

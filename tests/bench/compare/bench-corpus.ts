// The corpus the servers are compared on: a fresh database on the bench's PostgreSQL, migrated by
// Quotegraph, filled by the generator (in PostgreSQL, INSERT … SELECT: faster than any COPY from
// the client), with PostGraphile's computed columns added, and the rows the scenarios ask about.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { createDataSource } from '../../../src/database/data-source';
import { encodeCursor } from '../../../src/common/cursor';
import { generateCorpus } from '../generate-corpus';
import { POSTGRAPHILE_FOLDER } from './bench-servers';
import type { BenchRun } from './report';
import type { ScenarioSubjects } from './scenarios';

export const SIZES = { S: 10_000, M: 100_000 } as const;
export type CorpusSize = keyof typeof SIZES;

export async function loadCorpus(url: string, size: CorpusSize): Promise<void> {
  const dataSource = createDataSource({ url, poolSize: 2 });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    await generateCorpus(dataSource, { articles: SIZES[size], quotesPerArticle: 10 });
    await dataSource.query(readFileSync(path.join(POSTGRAPHILE_FOLDER, 'setup.sql'), 'utf8'));
    // As a loaded corpus settles: visibility maps set (index-only scans pay), statistics fresh.
    await dataSource.query('VACUUM ANALYZE');
  } finally {
    await dataSource.destroy();
  }
}

async function withClient<T>(url: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

const ONE = async <T>(client: Client, text: string): Promise<T> => (await client.query(text)).rows[0] as T;

/** An article mid-way down the default order, the person quoted most, and the quote halfway down all quotes. */
export function findSubjects(url: string): Promise<ScenarioSubjects> {
  return withClient(url, async (client) => {
    const { count } = await ONE<{ count: number }>(client, 'SELECT count(*)::int AS count FROM quotes');
    const article = await ONE<{ id: string }>(
      client,
      `SELECT id FROM articles ORDER BY COALESCE(published_at, '-infinity') DESC, id DESC
       OFFSET (SELECT count(*) / 2 FROM articles) LIMIT 1`,
    );
    const actor = await ONE<{ id: string }>(
      client,
      `SELECT s.actor_id AS id FROM quotes q JOIN sources s ON s.id = q.source_id
       WHERE s.actor_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    const deep = await ONE<{ id: string; article_id: string; key: string; span_start: number }>(
      client,
      `SELECT q.id, a.id AS article_id, COALESCE(a.published_at, '-infinity')::text AS key, q.span_start
       FROM quotes q JOIN articles a ON a.id = q.article_id
       ORDER BY COALESCE(a.published_at, '-infinity') DESC, a.id DESC, -q.span_start DESC, q.id DESC
       OFFSET ${Math.floor(count / 2)} LIMIT 1`,
    );
    return {
      articleId: article.id,
      actorId: actor.id,
      deepQuote: {
        // As QUOTE_ORDER_KEYS[PUBLISHED_AT_DESC] writes it: date key, article, negated span start, quote.
        cursor: encodeCursor([deep.key, deep.article_id, String(-deep.span_start), deep.id]),
        id: deep.id,
        articleId: deep.article_id,
        publishedAtKey: deep.key,
        spanStart: deep.span_start,
      },
    };
  });
}

export function corpusCounts(url: string): Promise<BenchRun['corpus'] & { postgresql: string }> {
  return withClient(url, (client) =>
    ONE(
      client,
      `SELECT (SELECT count(*) FROM articles)::int AS articles, (SELECT count(*) FROM quotes)::int AS quotes,
              (SELECT count(*) FROM sources)::int AS sources, (SELECT count(*) FROM actors)::int AS actors,
              current_setting('server_version') AS postgresql`,
    ),
  );
}

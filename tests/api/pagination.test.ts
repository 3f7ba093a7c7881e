// Keyset paging: every row that existed when paging began is visited exactly once, whatever is
// inserted between pages. The inserted rows have fixed ids, dates and confidences, so where each
// lands (ahead of the cursor, never visited, or behind it, visited) and the number of pages are known.
import { createHash } from 'node:crypto';
import { ActorKind } from '../../src/actor/actor.entity';
import { rebuildCorpus, type ArticleSpec } from '../setup/corpus-builder';
import { startTestApp, type TestApp } from '../setup/test-app';

function articles(prefix: string, dates: (string | undefined)[]): ArticleSpec[] {
  return dates.map((publishedAt, i) => ({
    key: `${prefix}${i}`,
    title: `${prefix} article ${i}`,
    publishedAt,
    quotes: [1, 2, 3].map((n) => ({
      text: `${prefix} quote ${n} of article ${i}.`,
      source: n === 1 ? 'Ann Example' : `a source ${n}`,
    })),
  }));
}

// Ids above and below any random UUID, so that ties on the order's other keys break a known way.
const HIGH = (n: number) => `ffffffff-ffff-4fff-bfff-fffffffff00${n}`;
const LOW = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

/** One article with one quote each, both with the same id; a confidence makes the quote EXTRACTED. */
const INSERTED = [
  { name: 'newer', publishedAt: '2025-01-01T00:00:00Z', id: HIGH(1), confidence: null },
  { name: 'tied-high', publishedAt: '2024-03-01T00:00:00Z', id: HIGH(2), confidence: null },
  { name: 'tied-low', publishedAt: '2024-03-01T00:00:00Z', id: LOW(3), confidence: 0.5 },
  { name: 'older', publishedAt: '2023-01-01T00:00:00Z', id: LOW(4), confidence: null },
  { name: 'undated', publishedAt: null, id: LOW(5), confidence: 0.25 },
] as const;
const insertedText = (name: string) => `inserted ${name}.`;

// Where the cursor is after the first page of 7 (existing quotes: June x3, March x3, March x3,
// February x3, January x3, undated x3), and so which inserted rows are still ahead of the client.
const VISITED: Record<string, string[]> = {
  // Page 1 ends in the second March article: tied-high sorts before it, tied-low after.
  PUBLISHED_AT_DESC: ['tied-low', 'older', 'undated'],
  // Page 1 ends in the February article, after the undated and January ones.
  PUBLISHED_AT_ASC: ['newer', 'tied-high', 'tied-low'],
  // Page 1 is 7 of the 18 certain (MANUAL) quotes, highest ids first.
  CONFIDENCE_DESC: ['tied-low', 'older', 'undated'],
};

describe('keyset pagination', () => {
  let app: TestApp;
  const sql = (text: string, params: unknown[] = []) => app.database.dataSource.query(text, params);

  async function insertRows(): Promise<void> {
    for (const row of INSERTED) {
      const body = insertedText(row.name);
      await sql(`INSERT INTO articles (id, title, body, content_hash, published_at) VALUES ($1, $2, $3, $4, $5)`, [
        row.id,
        row.name,
        body,
        createHash('sha256').update(body).digest('hex'),
        row.publishedAt,
      ]);
      await sql(
        `INSERT INTO quotes (id, article_id, span_start, span_end, text, origin, extractor, extractor_version, confidence)
         VALUES ($1, $1, 0, $2, '', $3, $4, $5, $6)`,
        [
          row.id,
          Array.from(body).length,
          row.confidence === null ? 'MANUAL' : 'EXTRACTED',
          row.confidence === null ? null : 'test',
          row.confidence === null ? null : '1',
          row.confidence,
        ],
      );
    }
  }

  beforeAll(async () => {
    app = await startTestApp();
  });

  beforeEach(async () => {
    await rebuildCorpus(app.database.dataSource, {
      outlets: [],
      actors: [{ name: 'Ann Example', kind: ActorKind.PERSON }],
      questions: [],
      // Two articles share a date, one is undated: ties and nulls must page correctly too.
      articles: articles('old', [
        '2024-01-05T00:00:00Z',
        '2024-03-01T00:00:00Z',
        '2024-03-01T00:00:00Z',
        undefined,
        '2024-02-10T00:00:00Z',
        '2024-06-30T23:59:59Z',
      ]),
    });
  });

  afterAll(async () => {
    await app.close();
  });

  test.each(['PUBLISHED_AT_DESC', 'PUBLISHED_AT_ASC', 'CONFIDENCE_DESC'])(
    'paging through all quotes 7 at a time (%s) visits each once in order, and of the rows inserted after the first page exactly those behind the cursor',
    async (orderBy) => {
      const QUOTES = `query ($first: Int, $after: String, $orderBy: QuoteOrder) {
        quotes(first: $first, after: $after, orderBy: $orderBy) { edges { node { text } } pageInfo { hasNextPage endCursor } }
      }`;
      const existing: string[] = (await sql(`SELECT text FROM quotes`)).map((r: { text: string }) => r.text);
      expect(existing).toHaveLength(18);
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const { data, errors }: any = await app.graphql(QUOTES, { first: 7, after, orderBy });
        expect(errors).toBeUndefined();
        seen.push(...data.quotes.edges.map((e: any) => e.node.text));
        after = data.quotes.pageInfo.hasNextPage ? data.quotes.pageInfo.endCursor : null;
        pages += 1;
        if (pages === 1) await insertRows();
      } while (after);

      const visitedInserted = VISITED[orderBy].map(insertedText);
      expect([...seen].sort()).toEqual([...existing, ...visitedInserted].sort());
      expect(pages).toBe(3); // 18 + 3 rows
      // In the order the whole list has now, minus the rows that were ahead when they arrived.
      const { data }: any = await app.graphql(QUOTES, { first: 100, orderBy });
      const skipped = INSERTED.map((row) => insertedText(row.name)).filter((text) => !visitedInserted.includes(text));
      expect(seen).toEqual(
        data.quotes.edges.map((e: any) => e.node.text).filter((text: string) => !skipped.includes(text)),
      );
    },
  );
});

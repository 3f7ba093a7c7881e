// Extraction runs on worker threads: the event loop turns while a long article is extracted, the
// drafts are those of extraction on the calling thread, and a pool whose queue is full refuses
// with UNAVAILABLE. Under ts-jest the pool's default worker (the compiled one) does not exist, so
// these tests give it the worker's TypeScript source through a transpiling shim.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readGoldDocument } from '../../src/corpus/gold-annotation';
import { extractArticle } from '../../src/extraction/extract-article';
import {
  DEFAULT_EXTRACTION_POOL_OPTIONS,
  ExtractionPool,
  type ExtractionPoolOptions,
} from '../../src/extraction-pool/extraction-pool';

const { text } = readGoldDocument(path.join(__dirname, '../fixtures'), 'storm-shadow-victory-plan');
/** Some 120 kB of prose: a long extraction on any machine, against one turn of the event loop. */
const LONG = text.repeat(20);
const FROM_SOURCE: ExtractionPoolOptions = {
  ...DEFAULT_EXTRACTION_POOL_OPTIONS,
  threads: 2,
  maxQueue: 64,
  workerFile: path.join(__dirname, 'extraction-worker-from-source.cjs'),
};

/** The nice value of each thread of this process (Linux): the 19th field of its stat, after the name. */
function threadNiceValues(): Map<string, number> {
  return new Map(
    readdirSync('/proc/self/task').map((thread) => {
      const stat = readFileSync(`/proc/self/task/${thread}/stat`, 'utf8');
      return [thread, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])];
    }),
  );
}

/** Whether the extraction or one turn of the event loop ends first. */
async function firstToEnd(extraction: Promise<unknown>): Promise<string[]> {
  const order: string[] = [];
  const extracted = extraction.then(() => order.push('extracted'));
  await new Promise((resolve) => setImmediate(resolve));
  order.push('turned');
  await extracted;
  return order;
}

describe('an extraction pool with worker threads', () => {
  let pool: ExtractionPool;
  let longDraft: ReturnType<typeof extractArticle>;

  beforeAll(() => {
    pool = new ExtractionPool(FROM_SOURCE);
    longDraft = extractArticle(LONG);
  });

  afterAll(async () => {
    await pool.close();
  });

  test('drafts what extraction on the calling thread drafts', async () => {
    const bodies = [text, 'Mark Hill spoke. “We will win this, surely,” he said.', 'a'.repeat(2_000_000)];
    expect(await Promise.all(bodies.map((body) => pool.extract(body)))).toEqual(bodies.map(extractArticle));
    expect(await pool.extract(LONG)).toEqual(longDraft);
  });

  test('lets the event loop turn while it extracts a long article', async () => {
    expect(await firstToEnd(pool.extract(LONG))).toEqual(['turned', 'extracted']);
  });

  (process.platform === 'linux' ? test : test.skip)(
    'runs its threads at a lower scheduling priority than the event loop, which a busy machine serves first',
    async () => {
      await Promise.all([pool.extract(text), pool.extract(text)]);
      const nice = threadNiceValues();
      const eventLoop = nice.get(String(process.pid)) as number;
      // Nice values stop at 19, however low a process already runs.
      const expected = Math.min(19, eventLoop + FROM_SOURCE.niceIncrement);
      const lowered = [...nice.values()].filter((value) => value === expected);
      expect(FROM_SOURCE.niceIncrement).toBeGreaterThan(0);
      expect(lowered.length).toBeGreaterThanOrEqual(1);
      expect(lowered.length).toBeLessThanOrEqual(FROM_SOURCE.threads);
    },
  );

  test('refuses an extraction with UNAVAILABLE once maxQueue extractions wait', async () => {
    const one = new ExtractionPool({ ...FROM_SOURCE, threads: 1, maxQueue: 1 });
    try {
      const results = await Promise.allSettled([1, 2, 3, 4].map(() => one.extract(LONG)));
      // One runs (or waits for its thread to start) and one waits: the others find the queue full.
      const refused = results.filter((r) => r.status === 'rejected');
      expect(results[0]).toEqual({ status: 'fulfilled', value: longDraft });
      expect(refused.length).toBeGreaterThanOrEqual(2);
      expect(refused.map((r) => (r.reason as { extensions: { code: string } }).extensions.code)).toEqual(
        refused.map(() => 'UNAVAILABLE'),
      );
    } finally {
      await one.close();
    }
  });
});

describe('the default pool run from the TypeScript sources (ts-jest)', () => {
  test('has no compiled worker, and extracts on the calling thread', async () => {
    expect(DEFAULT_EXTRACTION_POOL_OPTIONS.workerFile).toBeNull();
    const pool = new ExtractionPool();
    expect(await firstToEnd(pool.extract(text))).toEqual(['extracted', 'turned']);
    await pool.close();
  });
});

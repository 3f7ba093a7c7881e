// Extraction stays linear in its input: one enormous "word", a paragraph of hundreds of thousands
// of words, long runs of capitals, and long articles of ordinary prose are read whole and give
// exact results. Nothing here is timed: an implementation quadratic in any of these inputs takes
// minutes on them, which jest's timeout catches, since the extractions run on a worker thread (a
// synchronous test cannot time out).
import path from 'node:path';
import type { ArticleDraft } from '../../src/extraction/extract-article';
import { analyse, LONGEST_WORD } from '../../src/extraction/text-analysis';
import { DEFAULT_EXTRACTION_POOL_OPTIONS, ExtractionPool } from '../../src/extraction-pool/extraction-pool';
import { surname } from '../setup/generated-names';

let pool: ExtractionPool;
const extractArticle = (body: string): Promise<ArticleDraft> => pool.extract(body);

beforeAll(() => {
  pool = new ExtractionPool({
    ...DEFAULT_EXTRACTION_POOL_OPTIONS,
    threads: 2,
    maxQueue: 64,
    workerFile: path.join(__dirname, 'extraction-worker-from-source.cjs'),
  });
});

afterAll(async () => {
  await pool.close();
});

/** Each token's text and offset. */
const tokensOf = (text: string) => analyse(text).tokens.map((t) => [t.text, t.start]);

describe('a word far longer than any word of prose', () => {
  test('a body that is one 2 MB word extracts nothing', async () => {
    expect(await extractArticle('a'.repeat(2_000_000))).toEqual({ quotes: [], sources: [], entities: [] });
  });

  test('a word of LONGEST_WORD characters is a token; a longer one is left out, the words after it at their offsets', () => {
    const longest = 'a'.repeat(LONGEST_WORD);
    const longer = 'b'.repeat(LONGEST_WORD + 1);
    expect(tokensOf(`Hello ${longest} and ${longer} world`)).toEqual([
      ['Hello', 0],
      [longest, 6],
      ['and', LONGEST_WORD + 7],
      ['world', 2 * LONGEST_WORD + 13],
    ]);
  });

  test('a quote after a 160 kB word is found and attributed at its offsets', async () => {
    const draft = await extractArticle(`${'x'.repeat(160_000)} “We will win this, surely,” said Mark Hill.`);
    expect(draft.quotes).toEqual([
      {
        start: 160_002,
        end: 160_027,
        kind: 'DIRECT',
        source: 0,
        speaker: 'Mark Hill',
        cue: 'said',
        attribution: 'CUE',
        confidence: 0.98,
      },
    ]);
    expect(draft.sources.map((s) => [s.actor?.name, s.start, s.end])).toEqual([['Mark Hill', 160_034, 160_043]]);
  });

  test('after more spaces than the tokenizer counts, words keep their offsets', async () => {
    const draft = await extractArticle(`${' '.repeat(70_000)}“We will win this, surely,” said Mark Hill.`);
    expect(draft.quotes.map((q) => [q.start, q.end, q.speaker])).toEqual([[70_001, 70_026, 'Mark Hill']]);
  });
});

describe('long runs of words', () => {
  test('a paragraph of 200,000 words is analysed whole', () => {
    const analysis = analyse('a '.repeat(200_000));
    expect(analysis.tokens.length).toBe(200_000);
    expect(analysis.tokens[199_999]).toMatchObject({ text: 'a', start: 399_998, paragraph: 0 });
  });

  test('a sports report followed by 200,000 capitals finds its two teams and nothing in the capitals', async () => {
    const report =
      'Belgium 3 – 0 Panama in the World Cup football match: the striker scored twice, and the coach said the goal came early.\n';
    expect((await extractArticle(report + 'A'.repeat(200_000))).entities).toEqual([
      { name: 'Belgium national team', kind: 'ORGANIZATION', start: 0, end: 7, surface: 'Belgium' },
      { name: 'Panama national team', kind: 'ORGANIZATION', start: 14, end: 20, surface: 'Panama' },
    ]);
  });

  test('a quote "said" 150,000 capitalised words names no speaker', async () => {
    const draft = await extractArticle(`“We will win this, surely,” said ${'A '.repeat(150_000)}`);
    expect(draft.quotes.map((q) => [q.start, q.end, q.source, q.attribution])).toEqual([[1, 26, null, 'NONE']]);
    expect(draft.sources).toEqual([]);
  });
});

describe('long articles of ordinary prose', () => {
  test('2,000 paragraphs, each a new governor and his quote: every "he said" is that paragraph’s governor', async () => {
    const governors = Array.from({ length: 2_000 }, (_, i) => `Tom ${surname(i)}`);
    const text = governors
      .map((name) => `Gov. ${name} spoke on Monday.\n“We will build new schools this year, and more,” he said.\n`)
      .join('');
    const draft = await extractArticle(text);
    expect(draft.quotes.map((q) => [draft.sources[q.source as number].actor?.name, q.attribution])).toEqual(
      governors.map((name) => [name, 'PRONOUN']),
    );
    expect(draft.sources.length).toBe(2_000);
  });

  test('"the president" and "the U.S. president", 1,000 times each, are the U.S. president named before', async () => {
    const text =
      'U.S. President Tom Barak spoke on Monday.\n' +
      'Then the president left, the U.S. president came back and the French president stayed.\n'.repeat(1_000);
    const people = (await extractArticle(text)).entities.filter((e) => e.kind === 'PERSON');
    expect(people.length).toBe(2_001);
    expect(new Set(people.map((p) => `${p.name} (${p.affiliation})`))).toEqual(new Set(['Tom Barak (United States)']));
  });
});

// `npm run bench:import [-- --real] [-- --batch N]`: builds a JSON Lines file of BENCH_ARTICLES
// articles (10,000 unless set) and imports it with the CLI into fresh databases (see
// bench-database.ts), with extraction off and on; prints articles/s, words per article and the CLI's
// peak memory. The default input is generated (short, repetitive articles); `--real` repeats real
// news instead, the PolNeAR dev texts and the Wikinews articles of ../shared, each copy under a URL
// and title of its own. Those texts are read from ../shared at run time and never copied into the
// repository (PolNeAR's are copyrighted); the file is written to a temporary folder and removed.
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openBenchDatabases } from './bench-database';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const CLI = path.join(__dirname, '../../src/import/import.cli.js');
/** The project's root, from the compiled benchmark in dist/tests/bench. */
const PROJECT_ROOT = path.resolve(__dirname, '../../..');
const POLNEAR_TEXTS = path.resolve(PROJECT_ROOT, '../shared/eval/polnear-dev/text');
const WIKINEWS = path.resolve(PROJECT_ROOT, '../shared/corpus/wikinews');

interface BenchArticle {
  readonly url: string;
  readonly title: string;
  readonly body: string;
  readonly publishedAt: string;
  readonly language: string;
  readonly outletName?: string;
}

const SENTENCES = [
  '“We will not give up,” a Ukrainian defense source said.',
  'President Volodymyr Zelensky met Joe Biden in Washington on Thursday.',
  'Officials familiar with the discussions said the talks were difficult.',
  '“The Americans want a coherent strategy,” said a European official.',
  'Analysts say the decision could come within weeks.',
];

function generatedArticle(i: number): BenchArticle {
  const words = Array.from({ length: 12 }, (_, k) => SENTENCES[(i + k) % SENTENCES.length]).join(' ');
  return {
    url: `https://outlet${i % 25}.example/news/${i}`,
    title: `Generated article ${i}`,
    body: `${words}\n\nParagraph two of article ${i}. ${words}`,
    publishedAt: new Date(Date.UTC(2024, i % 12, 1 + (i % 28))).toISOString(),
    language: 'en',
  };
}

/** The outlets of PolNeAR's file name prefixes, by the domain their articles would have. */
const POLNEAR_DOMAINS: Record<string, string> = {
  breitbart: 'breitbart.com',
  'huff-post': 'huffpost.com',
  nyt: 'nytimes.com',
  politico: 'politico.com',
  'usa-today': 'usatoday.com',
  'wash-post': 'washingtonpost.com',
  'west-journal': 'westernjournal.com',
};

/** A PolNeAR dev text: its first line is the headline, the rest the body; the file name gives outlet and date. */
function polnearArticle(file: string): BenchArticle {
  const [prefix, date, slug] = path.basename(file, '.txt').split('_');
  const [headline, ...rest] = readFileSync(file, 'utf8').split('\n');
  return {
    url: `https://www.${POLNEAR_DOMAINS[prefix] ?? `${prefix}.example`}/${date}/${slug}`,
    title: headline.trim(),
    body: rest.join('\n').trim(),
    publishedAt: new Date(`${date}T12:00:00Z`).toISOString(),
    language: 'en',
  };
}

function wikinewsArticle(file: string): BenchArticle {
  const article = JSON.parse(readFileSync(file, 'utf8')) as BenchArticle & { outlet: string };
  const { url, title, body, publishedAt, outlet } = article;
  return { url, title, body, publishedAt, language: 'en', outletName: outlet };
}

/** The real articles of ../shared, read now (never stored in the repository). */
function realArticles(): BenchArticle[] {
  const polnear = readdirSync(POLNEAR_TEXTS)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => polnearArticle(path.join(POLNEAR_TEXTS, name)));
  const wikinews = readdirSync(WIKINEWS)
    .filter((name) => /^GUM_news_.*(?<!\.entities)\.json$/.test(name))
    .sort()
    .map((name) => wikinewsArticle(path.join(WIKINEWS, name)));
  if (!polnear.length || !wikinews.length) throw new Error(`no texts in ${POLNEAR_TEXTS} or ${WIKINEWS}`);
  return [...polnear, ...wikinews];
}

/** The i-th copy of the real articles: its own URL and title, so that no two are one article. */
function realArticleMaker(texts: readonly BenchArticle[]): (i: number) => BenchArticle {
  return (i) => {
    const text = texts[i % texts.length];
    const copy = Math.floor(i / texts.length);
    return {
      ...text,
      url: `${text.url}${text.url.includes('?') ? '&' : '?'}copy=${copy}`,
      title: `${text.title} [${copy}]`,
    };
  };
}

/** Writes the articles as JSON Lines in pieces (100,000 real articles are half a gigabyte); returns their words. */
function writeArticles(file: string, articleAt: (i: number) => BenchArticle): number {
  const fd = openSync(file, 'w');
  let words = 0;
  try {
    for (let from = 0; from < ARTICLES; from += 1000) {
      const lines: string[] = [];
      for (let i = from; i < Math.min(from + 1000, ARTICLES); i += 1) {
        const article = articleAt(i);
        words += article.body.split(/\s+/).filter(Boolean).length;
        lines.push(JSON.stringify(article));
      }
      writeSync(fd, `${lines.join('\n')}\n`);
    }
  } finally {
    closeSync(fd);
  }
  return words;
}

interface Run {
  readonly created: number;
  readonly seconds: number;
  readonly peak: string | undefined;
}

async function importOnce(
  databases: Awaited<ReturnType<typeof openBenchDatabases>>,
  file: string,
  extract: boolean,
  cliArgs: readonly string[],
): Promise<Run> {
  const database = `quotegraph_bench_import_${process.pid}_${extract ? 'extract' : 'plain'}`;
  const url = await databases.create(database);
  const started = performance.now();
  const run = spawnSync(process.execPath, [CLI, file, ...cliArgs, ...(extract ? [] : ['--no-extract'])], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  await databases.drop(database);
  if (run.status !== 0) throw new Error(run.stderr || run.stdout);
  const created = Number(/created:\s+(\d+)/.exec(run.stdout)?.[1]);
  return { created, seconds, peak: /peak memory:\s+(\d+ MB)/.exec(run.stdout)?.[1] };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { real: { type: 'boolean' }, batch: { type: 'string' }, 'extract-only': { type: 'boolean' } },
  });
  const cliArgs = values.batch ? ['--batch', values.batch] : [];
  const folder = mkdtempSync(path.join(os.tmpdir(), 'quotegraph-bench-import-'));
  const file = path.join(folder, 'articles.jsonl');
  const words = writeArticles(file, values.real ? realArticleMaker(realArticles()) : generatedArticle);
  const databases = await openBenchDatabases();
  try {
    console.log(
      `${ARTICLES} ${values.real ? 'real (PolNeAR dev and Wikinews, repeated)' : 'generated'} articles, ` +
        `${(words / ARTICLES).toFixed(0)} words per article (${(statSync(file).size / 1e6).toFixed(1)} MB of JSON Lines), ` +
        `batches of ${values.batch ?? 100}, ${databases.kind}, ${os.availableParallelism()} cores:`,
    );
    const seconds: Record<string, number> = {};
    for (const extract of values['extract-only'] ? [true] : [false, true]) {
      const run = await importOnce(databases, file, extract, cliArgs);
      seconds[String(extract)] = run.seconds;
      console.log(
        `  extraction ${extract ? 'on ' : 'off'}: ${run.created} created in ${run.seconds.toFixed(1)} s = ${(run.created / run.seconds).toFixed(0)} articles/s, CLI peak memory ${run.peak}`,
      );
    }
    if (seconds.false !== undefined) {
      const added = ((seconds.true - seconds.false) * 1000) / (words / 1000);
      console.log(`  extraction adds ${added.toFixed(1)} ms per 1,000 words (writes included)`);
    }
  } finally {
    await databases.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

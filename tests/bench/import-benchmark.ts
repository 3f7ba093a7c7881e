// `npm run bench:import`: generates a 10,000-article JSON Lines file and imports it with the CLI
// into fresh databases (see bench-database.ts), with extraction off and on; prints articles/s and
// the CLI's peak memory.
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBenchDatabases } from './bench-database';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const CLI = path.join(__dirname, '../../src/import/import.cli.js');

const SENTENCES = [
  '“We will not give up,” a Ukrainian defense source said.',
  'President Volodymyr Zelensky met Joe Biden in Washington on Thursday.',
  'Officials familiar with the discussions said the talks were difficult.',
  '“The Americans want a coherent strategy,” said a European official.',
  'Analysts say the decision could come within weeks.',
];

function article(i: number): string {
  const words = Array.from({ length: 12 }, (_, k) => SENTENCES[(i + k) % SENTENCES.length]).join(' ');
  return JSON.stringify({
    url: `https://outlet${i % 25}.example/news/${i}`,
    title: `Generated article ${i}`,
    body: `${words}\n\nParagraph two of article ${i}. ${words}`,
    publishedAt: new Date(Date.UTC(2024, i % 12, 1 + (i % 28))).toISOString(),
    language: 'en',
  });
}

async function main(): Promise<void> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'quotegraph-bench-import-'));
  const file = path.join(folder, 'articles.jsonl');
  writeFileSync(file, `${Array.from({ length: ARTICLES }, (_, i) => article(i)).join('\n')}\n`);
  const databases = await openBenchDatabases();
  try {
    const words = Array.from(
      { length: ARTICLES },
      (_, i) => (JSON.parse(article(i)) as { body: string }).body.split(/\s+/).length,
    ).reduce((a, b) => a + b, 0);
    console.log(
      `${ARTICLES} articles, ${words} words (${(statSync(file).size / 1e6).toFixed(1)} MB of JSON Lines), one transaction each, batches of 100:`,
    );
    const seconds: Record<string, number> = {};
    for (const extract of [false, true]) {
      const database = `quotegraph_bench_import_${process.pid}_${extract ? 'extract' : 'plain'}`;
      const url = await databases.create(database);
      const started = performance.now();
      const run = spawnSync(process.execPath, [CLI, file, ...(extract ? [] : ['--no-extract'])], {
        env: { ...process.env, DATABASE_URL: url },
        encoding: 'utf8',
      });
      const elapsed = (performance.now() - started) / 1000;
      seconds[String(extract)] = elapsed;
      await databases.drop(database);
      if (run.status !== 0) throw new Error(run.stderr || run.stdout);
      const created = Number(/created:\s+(\d+)/.exec(run.stdout)?.[1]);
      const peak = /peak memory:\s+(\d+ MB)/.exec(run.stdout)?.[1];
      console.log(
        `  extraction ${extract ? 'on ' : 'off'}: ${created} created in ${elapsed.toFixed(1)} s = ${(created / elapsed).toFixed(0)} articles/s, CLI peak memory ${peak}`,
      );
    }
    const added = ((seconds.true - seconds.false) * 1000) / (words / 1000);
    console.log(`  extraction adds ${added.toFixed(1)} ms per 1,000 words (writes included)`);
  } finally {
    await databases.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// `npm run bench:export`: exports 200,000 generated quotes through POST /export from a server in
// its own process, and prints the rows, the time, and how much the server's memory grew. The
// database: see bench-database.ts.
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createDataSource } from '../../src/database/data-source';
import { freePort } from '../setup/free-port';
import { openBenchDatabases } from './bench-database';
import { generateCorpus } from './generate-corpus';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 20_000);
const MAIN = path.join(__dirname, '../../src/main.js');

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const QUERY = `{ quotes { totalCount edges { node { text kind cue confidence source { descriptor anonymity actor { name } affiliation { name } } article { title publishedAt outlet { name } } } } } }`;

/** The first export loads what the server loads once, so it is not measured. */
async function warmUp(endpoint: string): Promise<void> {
  await (
    await fetch(`${endpoint}/export`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: QUERY.replace('quotes {', 'quotes(filter: { kind: PARAPHRASE }) {'),
        format: 'csv',
      }),
    })
  ).text();
}

/** Streams the export and counts its rows (lines after the header) and bytes. */
async function exportAll(endpoint: string): Promise<{ rows: number; bytes: number }> {
  let rows = -1;
  let bytes = 0;
  for (const format of ['csv'] as const) {
    const response = await fetch(`${endpoint}/export`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY, format }),
    });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      for (const byte of value) if (byte === 10) rows += 1;
    }
  }
  return { rows, bytes };
}

async function main(): Promise<void> {
  const databases = await openBenchDatabases();
  const url = await databases.create(`quotegraph_bench_export_${process.pid}`);
  const dataSource = createDataSource({ url });
  const port = await freePort();
  let server: ReturnType<typeof spawn> | undefined;
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    await generateCorpus(dataSource, { articles: ARTICLES, quotesPerArticle: 10 });
    await dataSource.destroy();

    server = spawn(process.execPath, [MAIN], {
      env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', SEED_EXAMPLE_CORPUS: 'false' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) =>
      server?.stdout?.on('data', (chunk) => String(chunk).includes('listening') && resolve()),
    );
    const endpoint = `http://127.0.0.1:${port}`;
    await warmUp(endpoint);
    const baseline = rssMb(server.pid as number);
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server?.pid as number))), 50);
    const started = performance.now();
    const { rows, bytes } = await exportAll(endpoint);
    clearInterval(sampler);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `exported ${rows} quote rows (${(bytes / 1e6).toFixed(0)} MB of CSV) in ${seconds.toFixed(1)} s = ${(rows / seconds).toFixed(0)} rows/s`,
    );
    console.log(
      `server memory: ${baseline.toFixed(0)} MB before, ${peak.toFixed(0)} MB at the peak: growth ${(peak - baseline).toFixed(0)} MB`,
    );
  } finally {
    server?.kill('SIGTERM');
    if (dataSource.isInitialized) await dataSource.destroy();
    await databases.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

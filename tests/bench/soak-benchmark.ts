// `npm run bench:soak`: the server in this process over a generated corpus, and well-behaved clients
// sending a fixed rate of reads and imports in four phases of SOAK_MINUTES: alone; beside an
// abusive client from another address that holds no key, as anyone who can reach a public server
// (the heavy queries, oversized payloads, imports it may not make); beside the same client holding
// an editor key, whose megabyte imports are written; and alone again, on the corpus those imports
// grew. The abusive client runs on a thread of its own, as if on another machine. Prints the
// well-behaved clients' latencies, the answers by code and the memory of each phase, and how their
// p99 compares with phase 1's (the target beside the abusive client: within 2x). SOAK_ARTICLES
// (2,000), SOAK_MINUTES per phase (5) and SOAK_RATE (10 requests/s: 20 already saturates one Node
// process on this mix) set the run; the server's own settings (limits, pool, timeouts) come from the
// environment as for `npm start`.
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { DataSource } from 'typeorm';
import { createApiKey } from '../../src/auth/api-key.service';
import { Role } from '../../src/common/role';
import { loadConfig, type Config } from '../../src/config';
import { openDatabase } from '../../src/database/database';
import { queryRows, sql } from '../../src/database/sql';
import { createStatementCountingLogger } from '../../src/operations/statement-counting-logger';
import { createSchema } from '../../src/schema';
import { createServer } from '../../src/server';
import { openBenchDatabases } from './bench-database';
import { generateCorpus } from './generate-corpus';
import { benchQueryVariables } from './bench-query-variables';
import type { AbusiveClientReport, AbusiveClientSettings } from './soak-abusive-worker';
import {
  importRequest,
  type Outcome,
  post,
  readRequests,
  sendOpenLoop,
  type SoakClient,
  soakClient,
  type SoakRequest,
} from './soak-clients';

const ARTICLES = Number(process.env.SOAK_ARTICLES ?? 2_000);
const MINUTES = Number(process.env.SOAK_MINUTES ?? 5);
const RATE = Number(process.env.SOAK_RATE ?? 10);
/** One request in IMPORT_EVERY is an import. */
const IMPORT_EVERY = 10;
// Linux routes all of 127.0.0.0/8 to loopback: the abusive client gets an address of its own, as a
// client on another machine would, so that the per-address mutation limit does not count it with the others.
const WELL_BEHAVED_ADDRESS = '127.0.0.1';
const ABUSIVE_ADDRESS = process.env.SOAK_ABUSIVE_ADDRESS ?? (process.platform === 'linux' ? '127.0.0.2' : '127.0.0.1');

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

const ms = (value: number) => `${value.toFixed(0).padStart(6)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Loads the corpus and returns the reads' variables: NATO's global ID, and a cursor halfway down the quotes. */
async function loadCorpus(dataSource: DataSource): Promise<{ nato: string; deep: string }> {
  const started = Date.now();
  await generateCorpus(dataSource, { articles: ARTICLES, quotesPerArticle: 10 });
  const [{ quotes }] = await queryRows<{ quotes: number }>(
    dataSource.manager,
    sql`SELECT count(*)::int AS quotes FROM quotes`,
  );
  console.log(
    `corpus: ${ARTICLES} articles, ${quotes} quotes (generated in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  return (await benchQueryVariables(dataSource, quotes)) as { nato: string; deep: string };
}

/** Sends each read and one import once, and stops the benchmark if any is not answered OK: a broken mix measures nothing. */
async function warmUp(client: SoakClient, requests: readonly SoakRequest[]): Promise<void> {
  for (const request of requests) {
    const answer = await post(client, request.body());
    if (answer !== '200 OK') throw new Error(`warm-up: ${request.name} answered ${answer}`);
  }
}

interface PhaseResult {
  readonly title: string;
  /** From the first request to the last answer, the abusive client's last included. */
  readonly seconds: number;
  readonly wellBehaved: Outcome[];
  readonly abusive: Outcome[] | null;
  readonly memoryStart: NodeJS.MemoryUsage;
  readonly memoryEnd: NodeJS.MemoryUsage;
  readonly peakRss: number;
  /** CPU seconds this process used (user and system): the server's, the clients' and the abusive client's thread's. */
  readonly cpuSeconds: number;
  /** The event loop's delay (the server's and the clients': they share it), p99 and max, in ms. */
  readonly loopDelay: { p99: number; max: number };
}

/** The abusive client on its own thread; the function returned stops it and resolves to its outcomes. */
function startAbusiveThread(settings: AbusiveClientSettings): () => Promise<Outcome[]> {
  const thread = new Worker(path.join(__dirname, 'soak-abusive-worker.js'), { workerData: settings });
  return async () => {
    const report = once(thread, 'message');
    thread.postMessage('stop');
    const [{ outcomes }] = (await report) as [AbusiveClientReport];
    await thread.terminate();
    return outcomes;
  };
}

/** One phase: the well-behaved clients for SOAK_MINUTES, with the abusive client beside them when given one. */
async function runPhase(
  title: string,
  wellBehaved: SoakClient,
  mix: (index: number) => SoakRequest,
  abusive: AbusiveClientSettings | null,
): Promise<PhaseResult> {
  const started = performance.now();
  const memoryStart = process.memoryUsage();
  const cpuStart = process.cpuUsage();
  let peakRss = memoryStart.rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 500);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const stopAbusive = abusive ? startAbusiveThread(abusive) : null;
  const outcomes = await sendOpenLoop(wellBehaved, RATE, MINUTES * 60_000, mix);
  const abusiveOutcomes = stopAbusive ? await stopAbusive() : null;
  loop.disable();
  clearInterval(sampler);
  const memoryEnd = process.memoryUsage();
  const cpu = process.cpuUsage(cpuStart);
  return {
    title,
    seconds: (performance.now() - started) / 1000,
    wellBehaved: outcomes,
    abusive: abusiveOutcomes,
    memoryStart,
    memoryEnd,
    peakRss: Math.max(peakRss, memoryEnd.rss),
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    loopDelay: { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
  };
}

/** Each distinct answer with its count, most frequent first: `200 OK 5400, 429 RATE_LIMITED 3`. */
function countAnswers(outcomes: readonly Outcome[]): string {
  const counts = new Map<string, number>();
  for (const { answer } of outcomes) counts.set(answer, (counts.get(answer) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([answer, count]) => `${answer} ${count}`)
    .join(', ');
}

function latencyLine(label: string, outcomes: readonly Outcome[]): string {
  const sorted = outcomes.map((o) => o.latencyMs).sort((a, b) => a - b);
  return `    ${label.padEnd(9)} n ${String(sorted.length).padStart(6)}   p50 ${ms(percentile(sorted, 50))}   p95 ${ms(percentile(sorted, 95))}   p99 ${ms(percentile(sorted, 99))}   max ${ms(sorted[sorted.length - 1] ?? NaN)}`;
}

/** The abusive client's requests by kind: how many, how answered, and how long the server took. */
function printAbusive(outcomes: readonly Outcome[]): void {
  console.log(`  abusive client, back to back, one request at a time: ${outcomes.length} requests`);
  for (const name of [...new Set(outcomes.map((o) => o.name))]) {
    const ofKind = outcomes.filter((o) => o.name === name);
    const sorted = ofKind.map((o) => o.latencyMs).sort((a, b) => a - b);
    console.log(
      `    ${String(ofKind.length).padStart(5)} × ${name}: p50 ${ms(percentile(sorted, 50))}, max ${ms(sorted[sorted.length - 1])}; ${countAnswers(ofKind)}`,
    );
  }
}

function printPhase(result: PhaseResult): void {
  const { wellBehaved, memoryStart: start, memoryEnd: end } = result;
  const imports = wellBehaved.filter((o) => o.name.startsWith('importArticle'));
  const reads = wellBehaved.filter((o) => !o.name.startsWith('importArticle'));
  console.log(`\n${result.title} (${result.seconds.toFixed(0)} s to the last answer)`);
  console.log(`  well-behaved clients sent ${wellBehaved.length} (${reads.length} reads, ${imports.length} imports)`);
  console.log('  latency from the scheduled send to the answer:');
  console.log(latencyLine('reads', reads));
  console.log(latencyLine('imports', imports));
  console.log(latencyLine('all', wellBehaved));
  console.log('  by request (p50, p99):');
  for (const name of [...new Set(wellBehaved.map((o) => o.name))]) {
    const sorted = wellBehaved
      .filter((o) => o.name === name)
      .map((o) => o.latencyMs)
      .sort((a, b) => a - b);
    console.log(`    ${ms(percentile(sorted, 50))} ${ms(percentile(sorted, 99))}   ${name}`);
  }
  console.log(`  answers: ${countAnswers(wellBehaved)}`);
  const errors = wellBehaved.filter((o) => o.answer !== '200 OK');
  console.log(`  errors by code: ${errors.length ? countAnswers(errors) : 'none'}`);
  if (result.abusive) printAbusive(result.abusive);
  console.log(
    `  this process (abusive thread included): ${result.cpuSeconds.toFixed(1)} CPU s in ${result.seconds.toFixed(0)} s (${((100 * result.cpuSeconds) / result.seconds).toFixed(0)}% of one core); server event loop delay p99 ${result.loopDelay.p99.toFixed(0)} ms, max ${result.loopDelay.max.toFixed(0)} ms`,
  );
  console.log(
    `  memory of this process (server and clients): rss ${mb(start.rss)} → ${mb(end.rss)} (peak ${mb(result.peakRss)}), heap used ${mb(start.heapUsed)} → ${mb(end.heapUsed)} of ${mb(end.heapTotal)}, external ${mb(start.external)} → ${mb(end.external)}`,
  );
}

function p99Of(outcomes: readonly Outcome[]): number {
  return percentile(
    outcomes.map((o) => o.latencyMs).sort((a, b) => a - b),
    99,
  );
}

/** The server as main.ts would run it on this database, listening on a free loopback port; returns its URL and its stop. */
async function startServer(config: Config, dataSource: DataSource): Promise<{ url: URL; stop: () => Promise<void> }> {
  const server = await createServer({ config, dataSource, schema: await createSchema() });
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  return {
    url: new URL(`http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/graphql`),
    stop: () => server.stop(),
  };
}

async function soak(config: Config, dataSource: DataSource, kind: string): Promise<void> {
  const variables = await loadCorpus(dataSource);
  const runId = `${process.pid}-${Date.now()}`;
  const reads = readRequests(variables);
  const imports = importRequest(runId);
  const mix = (index: number) => (index % IMPORT_EVERY === IMPORT_EVERY - 1 ? imports : reads[index % reads.length]);
  const { key: editorKey } = await createApiKey(dataSource.manager, 'soak well-behaved clients', Role.EDITOR);
  const { key: abusiveKey } = await createApiKey(dataSource.manager, 'soak abusive editor', Role.EDITOR);
  const server = await startServer(config, dataSource);
  const wellBehaved = soakClient(server.url, editorKey, WELL_BEHAVED_ADDRESS);
  const anonymous: AbusiveClientSettings = { url: server.url.href, key: null, address: ABUSIVE_ADDRESS, runId };
  const editor: AbusiveClientSettings = { ...anonymous, key: abusiveKey };
  try {
    await warmUp(wellBehaved, [...reads, imports]);
    console.log(
      `${MINUTES} min per phase on ${kind}; well-behaved clients from ${WELL_BEHAVED_ADDRESS}: ${RATE} requests/s in total, open loop, one in ${IMPORT_EVERY} an import; abusive client from ${ABUSIVE_ADDRESS}, on a thread of its own`,
    );
    const phases: PhaseResult[] = [];
    for (const [title, abusive] of [
      ['phase 1: the well-behaved clients alone', null],
      ['phase 2: the same, beside an abusive client without a key', anonymous],
      ['phase 3: the same, beside the abusive client holding an editor key', editor],
      ['phase 4: the well-behaved clients alone again, on the corpus phase 3 grew', null],
    ] as const) {
      phases.push(await runPhase(title, wellBehaved, mix, abusive));
      printPhase(phases[phases.length - 1]);
    }
    const [alone, keyless, withEditorKey, aloneAfter] = phases.map((phase) => p99Of(phase.wellBehaved));
    console.log('\nwell-behaved p99, ratios:');
    for (const [label, ratio] of [
      ['beside the abusive client without a key / alone (phase 2 / 1)', keyless / alone],
      ['beside the abusive editor / alone (phase 3 / 1)', withEditorKey / alone],
      ['alone on the grown corpus / alone (phase 4 / 1)', aloneAfter / alone],
    ] as const)
      console.log(`  ${label.padEnd(64)} ${ratio.toFixed(2)} (${ratio <= 2 ? 'within' : 'NOT within'} 2x)`);
  } finally {
    wellBehaved.agent.destroy();
    await server.stop();
  }
}

async function main(): Promise<void> {
  const databases = await openBenchDatabases();
  try {
    const url = await databases.create(`quotegraph_bench_soak_${process.pid}`);
    // The environment's server settings apply (limits, pool size, timeouts); the request log would drown the figures.
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: url,
      HOST: '127.0.0.1',
      SEED_EXAMPLE_CORPUS: 'false',
      LOG_LEVEL: 'silent',
    });
    const database = await openDatabase(config, { migrate: true, logger: createStatementCountingLogger });
    try {
      await soak(config, database.dataSource, databases.kind);
    } finally {
      await database.close();
    }
  } finally {
    await databases.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

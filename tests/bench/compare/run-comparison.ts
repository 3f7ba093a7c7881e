// `npm run bench -- --size S|M`: Quotegraph, PostGraphile v5 and a hand-written SQL server (the
// limit) answer the same research queries over one generated corpus. It checks that the three
// return the same data, then measures each, interleaved, and writes bench/results/<size>.{md,json,svg}.
import 'reflect-metadata';
import { execSync } from 'node:child_process';
import { deepStrictEqual } from 'node:assert';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openBenchDatabases } from '../bench-database';
import { corpusCounts, type CorpusSize, findSubjects, loadCorpus, SIZES } from './bench-corpus';
import {
  installPostgraphile,
  postgraphileVersion,
  type RunningServer,
  startServers,
  stopServers,
} from './bench-servers';
import { type BenchRequest, countStatements, type LoadSettings, measureLoad, post, settle } from './measure';
import { POSTGRAPHILE_SCENARIOS } from './postgraphile-scenarios';
import { type BenchRun, type ScenarioResult, type ServerFigures, type ServerName, writeBenchReport } from './report';
import { canonical, SCENARIOS, type Scenario, type ScenarioSubjects } from './scenarios';
import { startStatementCounter } from './statement-counter';

const ROOT = path.resolve(__dirname, '../../../..');

interface Options extends LoadSettings {
  readonly size: CorpusSize;
  readonly repetitions: number;
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'S' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '3' },
      repetitions: { type: 'string', default: '3' },
      connections: { type: 'string', default: '8' },
    },
  });
  if (!Object.hasOwn(SIZES, values.size)) throw new Error('--size must be S (10,000 articles) or M (100,000)');
  return {
    size: values.size as CorpusSize,
    durationSeconds: Number(values.duration),
    warmupSeconds: Number(values.warmup),
    repetitions: Number(values.repetitions),
    connections: Number(values.connections),
  };
}

/** How a server is asked a scenario, or why it cannot be. */
function requestOf(server: RunningServer, scenario: Scenario, subjects: ScenarioSubjects): BenchRequest | string {
  const variables = scenario.variables(subjects);
  if (server.name === 'quotegraph')
    return { url: server.url, body: JSON.stringify({ query: scenario.query, variables }) };
  if (server.name === 'limit') return { url: `${server.url}/${scenario.name}`, body: JSON.stringify(variables) };
  const pgl = POSTGRAPHILE_SCENARIOS[scenario.name];
  if ('unsupported' in pgl) return pgl.unsupported;
  return { url: server.url, body: JSON.stringify({ query: pgl.query, variables: pgl.variables(subjects) }) };
}

/** The answer's data in canonical form; an answer with errors fails the run. */
async function canonicalAnswer(server: RunningServer, scenario: Scenario, request: BenchRequest): Promise<unknown> {
  const answer = (await post(request)) as { data?: unknown; errors?: unknown };
  if (answer.errors || answer.data === undefined)
    throw new Error(`${server.name} ${scenario.name}: ${JSON.stringify(answer.errors).slice(0, 500)}`);
  const pgl = POSTGRAPHILE_SCENARIOS[scenario.name];
  const data =
    server.name === 'postgraphile' && !('unsupported' in pgl) ? pgl.toQuotegraphData(answer.data) : answer.data;
  return canonical(data);
}

/** Every server that can express a scenario must return Quotegraph's data. */
async function checkEquivalence(servers: readonly RunningServer[], subjects: ScenarioSubjects): Promise<void> {
  for (const scenario of SCENARIOS) {
    const answers = new Map<ServerName, unknown>();
    for (const server of servers) {
      const request = requestOf(server, scenario, subjects);
      if (typeof request !== 'string') answers.set(server.name, await canonicalAnswer(server, scenario, request));
    }
    const expected = answers.get('quotegraph');
    for (const [name, answer] of answers) {
      try {
        deepStrictEqual(answer, expected);
      } catch {
        throw new Error(`equivalence: ${name} does not return Quotegraph's data for ${scenario.name}`);
      }
    }
    console.log(`  ${scenario.name}: the same data from ${[...answers.keys()].join(', ')}`);
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

type Requests = Map<string, Map<ServerName, BenchRequest | string>>;

function requestsOf(servers: readonly RunningServer[], subjects: ScenarioSubjects): Requests {
  return new Map(
    SCENARIOS.map((scenario) => [
      scenario.name,
      new Map(servers.map((server) => [server.name, requestOf(server, scenario, subjects)])),
    ]),
  );
}

/** Statements and database time per request, through a second set of servers behind the statement counter. */
async function countAll(databaseUrl: string, subjects: ScenarioSubjects) {
  const counter = await startStatementCounter(databaseUrl);
  const servers = await startServers(counter.url, 8);
  const counts = new Map<string, Awaited<ReturnType<typeof countStatements>>>();
  try {
    for (const [scenario, byServer] of requestsOf(servers, subjects))
      for (const [server, request] of byServer)
        if (typeof request !== 'string')
          counts.set(`${scenario}:${server}`, await countStatements(request, counter, 20));
  } finally {
    await stopServers(servers);
    await counter.close();
  }
  return counts;
}

type Repetition = ServerFigures['repetitions'][number] & { serverCpuMsPerRequest: number; failures: number };

/** Each repetition runs every scenario on every server, the servers' order turning each time. */
async function measureAll(
  servers: readonly RunningServer[],
  subjects: ScenarioSubjects,
  options: Options,
  databaseUrl: string,
) {
  const requests = requestsOf(servers, subjects);
  const runs = new Map<string, Repetition[]>();
  for (let repetition = 0; repetition < options.repetitions; repetition += 1) {
    for (const [scenario, byServer] of requests) {
      const order = servers.map((_, i) => servers[(i + repetition) % servers.length]);
      for (const server of order) {
        const request = byServer.get(server.name);
        if (request === undefined || typeof request === 'string') continue;
        await settle(databaseUrl);
        const figures = await measureLoad(request, server.pid, options, () => settle(databaseUrl));
        const key = `${scenario}:${server.name}`;
        runs.set(key, [...(runs.get(key) ?? []), figures]);
        console.log(
          `  ${repetition + 1}/${options.repetitions} ${scenario} ${server.name.padEnd(12)} ${figures.reqPerSec.toFixed(1).padStart(7)} req/s  p99 ${figures.p99Ms} ms`,
        );
      }
    }
  }
  return { requests, runs };
}

function scenarioResults(
  measured: Awaited<ReturnType<typeof measureAll>>,
  counts: Awaited<ReturnType<typeof countAll>>,
): Record<string, ScenarioResult> {
  return Object.fromEntries(
    SCENARIOS.map((scenario) => {
      const figures: ScenarioResult['figures'] = {};
      const unsupported: ScenarioResult['unsupported'] = {};
      for (const [server, request] of measured.requests.get(scenario.name) ?? []) {
        if (typeof request === 'string') {
          unsupported[server] = request;
          continue;
        }
        const runs = measured.runs.get(`${scenario.name}:${server}`) ?? [];
        const count = counts.get(`${scenario.name}:${server}`);
        figures[server] = {
          reqPerSec: median(runs.map((run) => run.reqPerSec)),
          p50Ms: median(runs.map((run) => run.p50Ms)),
          p99Ms: median(runs.map((run) => run.p99Ms)),
          serverCpuMsPerRequest: median(runs.map((run) => run.serverCpuMsPerRequest)),
          failures: runs.reduce((sum, run) => sum + run.failures, 0),
          statementsPerRequest: count?.statementsPerRequest ?? NaN,
          databaseMsPerRequest: count?.databaseMsPerRequest ?? NaN,
          repetitions: runs,
        };
      }
      return [scenario.name, { title: scenario.title, figures, unsupported }];
    }),
  );
}

function machine(): BenchRun['machine'] {
  return {
    cpus: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    loadAverage: os.loadavg(),
  };
}

function versionsOf(postgresql: string, commit: string): BenchRun['versions'] {
  const autocannon = JSON.parse(readFileSync(require.resolve('autocannon/package.json'), 'utf8')) as {
    version: string;
  };
  return {
    node: process.version,
    postgresql,
    quotegraph: commit,
    postgraphile: postgraphileVersion(),
    autocannon: autocannon.version,
  };
}

async function main(): Promise<void> {
  const options = parseOptions();
  const startedAt = new Date().toISOString();
  // The code measured is the build of the start; "-dirty" when the tree held changes not committed.
  const commit = execSync('git describe --always --dirty', { cwd: ROOT, encoding: 'utf8' }).trim();
  installPostgraphile();
  const databases = await openBenchDatabases();
  try {
    const url = await databases.create(`quotegraph_bench_${options.size.toLowerCase()}_${process.pid}`);
    const loading = Date.now();
    await loadCorpus(url, options.size);
    const corpus = await corpusCounts(url);
    console.log(
      `corpus ${options.size}: ${corpus.articles} articles, ${corpus.quotes} quotes on ${databases.kind} (PostgreSQL ${corpus.postgresql}), loaded in ${((Date.now() - loading) / 1000).toFixed(0)} s`,
    );
    const subjects = await findSubjects(url);
    const servers = await startServers(url, options.connections);
    let measured: Awaited<ReturnType<typeof measureAll>>;
    let counts: Awaited<ReturnType<typeof countAll>>;
    try {
      console.log('equivalence:');
      await checkEquivalence(servers, subjects);
      counts = await countAll(url, subjects);
      console.log(
        `load: ${options.connections} connections, ${options.warmupSeconds} s warm-up, ${options.durationSeconds} s measured`,
      );
      measured = await measureAll(servers, subjects, options, url);
    } finally {
      await stopServers(servers);
    }
    const { postgresql, ...counted } = corpus;
    const run: BenchRun = {
      size: options.size,
      corpus: counted,
      machine: machine(),
      versions: versionsOf(postgresql, commit),
      settings: {
        connections: options.connections,
        durationSeconds: options.durationSeconds,
        warmupSeconds: options.warmupSeconds,
        repetitions: options.repetitions,
      },
      startedAt,
      finishedAt: new Date().toISOString(),
      scenarios: scenarioResults(measured, counts),
    };
    const written = writeBenchReport(run, path.join(ROOT, 'bench/results'));
    console.log(
      `wrote ${Object.values(written)
        .map((file) => path.relative(ROOT, file))
        .join(', ')}`,
    );
  } finally {
    await databases.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

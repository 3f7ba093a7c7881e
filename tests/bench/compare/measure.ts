// How one server is measured on one scenario: throughput and latency under load (autocannon, a
// fixed number of connections), the server process's CPU per request, and, through the statement
// counter, the SQL statements and database time one request costs.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { Client } from 'pg';
import type { StatementCounter } from './statement-counter';

/** One scenario as one server takes it: the address and the body of a POST. */
export interface BenchRequest {
  readonly url: string;
  readonly body: string;
}

export interface LoadSettings {
  readonly connections: number;
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
}

export interface LoadFigures {
  readonly reqPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** The server process's CPU time (user and system) per answered request. */
  readonly serverCpuMsPerRequest: number;
  /** Requests that failed or went unanswered for REQUEST_TIMEOUT_SECONDS. */
  readonly failures: number;
}

/** Long enough for the slowest scenario on the slowest server: a slow answer is a figure, not a failure. */
const REQUEST_TIMEOUT_SECONDS = 60;

export async function post(request: BenchRequest): Promise<unknown> {
  const response = await fetch(request.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: request.body,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${request.url} answered ${response.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as unknown;
}

/** A load of `connections` clients for `seconds`, or until `amount` requests are answered. */
function load(
  request: BenchRequest,
  connections: number,
  until: { seconds: number } | { amount: number },
): Promise<autocannon.Result> {
  return autocannon({
    url: request.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: request.body,
    connections,
    ...('seconds' in until ? { duration: until.seconds } : { amount: until.amount }),
    timeout: REQUEST_TIMEOUT_SECONDS,
  });
}

/** A process's CPU time so far, in ms (Linux: utime + stime of /proc/<pid>/stat, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Warms up, then loads the server for the duration; a non-2xx answer fails the run, others count as failures. */
export async function measureLoad(
  request: BenchRequest,
  pid: number,
  settings: LoadSettings,
  settled: () => Promise<void>,
): Promise<LoadFigures> {
  const warmup = await load(request, settings.connections, { seconds: settings.warmupSeconds });
  // A scenario slower than a few answers per connection in the duration (a million quotes counted
  // on two cores) is measured over a number of answers instead, so its figures rest on enough of them.
  const slow = warmup.requests.total < 2 * settings.connections;
  const until = slow ? { amount: 3 * settings.connections } : { seconds: settings.durationSeconds };
  await settled(); // the warm-up's last requests, given up on, may still run in the database
  const cpuBefore = cpuMs(pid);
  const result = await load(request, settings.connections, until);
  const cpu = cpuMs(pid) - cpuBefore;
  if (result.non2xx) throw new Error(`${request.url}: ${result.non2xx} non-2xx answers`);
  return {
    reqPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    serverCpuMsPerRequest: cpu / Math.max(1, result.requests.total),
    failures: result.errors + result.timeouts,
  };
}

/**
 * Waits (at most `timeoutMs`, then goes on) until no statement runs in the database but this
 * one's: a request a client gave up on (a warm-up's last ones, a slow server's timeouts) may still
 * be running, and would slow the next server.
 */
export async function settle(databaseUrl: string, timeoutMs = 90_000): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const { rows } = await client.query<{ busy: number }>(
        `SELECT count(*)::int AS busy FROM pg_stat_activity
         WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
      );
      if (rows[0].busy === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await client.end();
  }
}

export interface StatementFigures {
  readonly statementsPerRequest: number;
  readonly databaseMsPerRequest: number;
}

/** Sends the request `count` times, one at a time, through a server that reaches PostgreSQL through `counter`. */
export async function countStatements(
  request: BenchRequest,
  counter: StatementCounter,
  count: number,
): Promise<StatementFigures> {
  await post(request); // first-use work (a prepared statement, a schema cache) is not the steady state
  counter.reset();
  for (let i = 0; i < count; i += 1) await post(request);
  const { statements, databaseMs } = counter.snapshot();
  return { statementsPerRequest: statements / count, databaseMsPerRequest: databaseMs / count };
}

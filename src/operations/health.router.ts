// Probes for an orchestrator. GET /healthz: the process is up (liveness; never asks the database, so a
// database outage does not get the process restarted). GET /readyz: this process can serve now — the
// database answers, every migration the code knows is applied, and no shutdown is under way.
import express, { type Router } from 'express';
import type { DataSource } from 'typeorm';
import { queryRows, sql } from '../database/sql';

export const DEFAULT_READINESS_TIMEOUT_MS = 2000;

export interface HealthOptions {
  readonly dataSource: DataSource;
  readonly isDraining: () => boolean;
  /** The migrations that must be applied; by default those the data source was built with (migrations/index.ts). */
  readonly expectedMigrations?: readonly string[] | (() => readonly string[]);
  /** How long each database check may take before the server counts as unready. */
  readonly timeoutMs?: number;
}

export interface Readiness {
  readonly ready: boolean;
  /** What failed, for people: no SQL, no error text from the driver. */
  readonly reasons: readonly string[];
}

class CheckTimedOut extends Error {}

/** Settles as `work` does, or rejects with CheckTimedOut after `ms`; a late outcome of `work` is dropped. */
async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new CheckTimedOut()), ms);
  });
  work.catch(() => undefined);
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function migrationNamesOf(dataSource: DataSource): string[] {
  // TypeORM records a migration under its `name`, else its class name.
  return dataSource.migrations.map((migration) => migration.name ?? migration.constructor.name);
}

async function missingMigrations(dataSource: DataSource, expected: readonly string[], timeoutMs: number) {
  const table = dataSource.options.migrationsTableName ?? 'migrations';
  const rows = await within(
    timeoutMs,
    queryRows<{ name: string }>(dataSource.manager, sql`SELECT name FROM ${sql.identifier(table)}`),
  );
  const applied = new Set(rows.map((row) => row.name));
  return expected.filter((name) => !applied.has(name));
}

async function databaseProblem(options: HealthOptions, timeoutMs: number): Promise<string | undefined> {
  const { dataSource } = options;
  if (!dataSource.isInitialized) return 'database: not connected';
  try {
    await within(timeoutMs, queryRows(dataSource.manager, sql`SELECT 1`));
  } catch (error) {
    return error instanceof CheckTimedOut ? `database: no answer within ${timeoutMs} ms` : 'database: not answering';
  }
  const { expectedMigrations = () => migrationNamesOf(dataSource) } = options;
  const expected = typeof expectedMigrations === 'function' ? expectedMigrations() : expectedMigrations;
  try {
    const missing = await missingMigrations(dataSource, expected, timeoutMs);
    return missing.length ? `migrations: not applied: ${missing.join(', ')}` : undefined;
  } catch (error) {
    return error instanceof CheckTimedOut
      ? `migrations: no answer within ${timeoutMs} ms`
      : 'migrations: cannot read the migrations table';
  }
}

export async function checkReadiness(options: HealthOptions): Promise<Readiness> {
  const reasons: string[] = [];
  if (options.isDraining()) reasons.push('draining: the server is shutting down');
  const problem = await databaseProblem(options, options.timeoutMs ?? DEFAULT_READINESS_TIMEOUT_MS);
  if (problem) reasons.push(problem);
  return { ready: reasons.length === 0, reasons };
}

export function createHealthRouter(options: HealthOptions): Router {
  const router = express.Router();
  // Probes that arrive together share one check, so a burst of them costs the database two statements.
  let pending: Promise<Readiness> | undefined;
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    pending ??= checkReadiness(options).finally(() => {
      pending = undefined;
    });
    const { ready, reasons } = await pending;
    res.set('Cache-Control', 'no-store');
    if (ready) res.json({ status: 'ready' });
    else res.status(503).json({ status: 'unavailable', reasons });
  });
  return router;
}

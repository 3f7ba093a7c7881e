// /healthz says the process is up whatever the database does; /readyz is ready only when the database
// answers, every migration is applied and no shutdown is under way, and names what failed otherwise.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import { createHealthRouter, type HealthOptions } from '../../src/operations/health.router';
import { createTestDatabase, type TestDatabase } from '../setup/test-database';

interface Probe {
  status: number;
  cacheControl: string | null;
  body: any;
}

async function withProbes(options: HealthOptions, work: (probe: (path: string) => Promise<Probe>) => Promise<void>) {
  const app = express().use(createHealthRouter(options));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    await work(async (path) => {
      const response = await fetch(`http://127.0.0.1:${port}${path}`);
      return {
        status: response.status,
        cacheControl: response.headers.get('cache-control'),
        body: await response.json(),
      };
    });
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('health probes', () => {
  let database: TestDatabase;
  let draining = false;
  const options = (): HealthOptions => ({ dataSource: database.dataSource, isDraining: () => draining });

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database.drop();
  });

  afterEach(() => {
    draining = false;
  });

  test('readyz is ready when the database answers and every migration is applied', async () => {
    await withProbes(options(), async (probe) => {
      expect(await probe('/readyz')).toEqual({ status: 200, cacheControl: 'no-store', body: { status: 'ready' } });
      expect(await probe('/healthz')).toEqual({ status: 200, cacheControl: 'no-store', body: { status: 'ok' } });
    });
  });

  test('readyz is unavailable while the server drains, and healthz stays ok', async () => {
    await withProbes(options(), async (probe) => {
      draining = true;
      expect(await probe('/readyz')).toEqual({
        status: 503,
        cacheControl: 'no-store',
        body: { status: 'unavailable', reasons: ['draining: the server is shutting down'] },
      });
      expect((await probe('/healthz')).body).toEqual({ status: 'ok' });
    });
  });

  test('readyz names the migration the database lacks', async () => {
    const last = new migrations[migrations.length - 1]();
    // For a DELETE, TypeORM answers [rows, affected].
    const [[removed]] = await database.dataSource.query<[{ timestamp: string; name: string }[], number]>(
      `DELETE FROM migrations WHERE id = (SELECT max(id) FROM migrations) RETURNING timestamp, name`,
    );
    try {
      expect(removed?.name).toBe(last.name);
      await withProbes(options(), async (probe) => {
        expect(await probe('/readyz')).toEqual({
          status: 503,
          cacheControl: 'no-store',
          body: { status: 'unavailable', reasons: [`migrations: not applied: ${last.name}`] },
        });
      });
    } finally {
      await database.dataSource.query(`INSERT INTO migrations (timestamp, name) VALUES ($1, $2)`, [
        removed?.timestamp,
        removed?.name,
      ]);
    }
  });

  test('readyz accepts an explicit list of expected migrations', async () => {
    await withProbes({ ...options(), expectedMigrations: () => ['FutureChange1999999999999'] }, async (probe) => {
      expect((await probe('/readyz')).body).toEqual({
        status: 'unavailable',
        reasons: ['migrations: not applied: FutureChange1999999999999'],
      });
    });
  });

  test('readyz is unavailable, naming no driver error, when the database does not answer in time', async () => {
    const silent = {
      isInitialized: true,
      migrations: [],
      options: { migrationsTableName: 'migrations' },
      manager: { query: () => new Promise(() => undefined) },
    } as unknown as DataSource;
    await withProbes({ dataSource: silent, isDraining: () => true, timeoutMs: 50 }, async (probe) => {
      expect((await probe('/readyz')).body).toEqual({
        status: 'unavailable',
        reasons: ['draining: the server is shutting down', 'database: no answer within 50 ms'],
      });
    });
  });

  test('readyz is unavailable when the query fails, without the driver message', async () => {
    const failing = {
      isInitialized: true,
      migrations: [],
      options: {},
      manager: { query: () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.5:5432')) },
    } as unknown as DataSource;
    await withProbes({ dataSource: failing, isDraining: () => false }, async (probe) => {
      expect((await probe('/readyz')).body).toEqual({ status: 'unavailable', reasons: ['database: not answering'] });
    });
  });

  // Last: it closes the database for good.
  test('readyz is unavailable once the database connection is gone, while healthz stays ok', async () => {
    await database.dataSource.destroy();
    await withProbes(options(), async (probe) => {
      expect(await probe('/readyz')).toEqual({
        status: 503,
        cacheControl: 'no-store',
        body: { status: 'unavailable', reasons: ['database: not connected'] },
      });
      expect(await probe('/healthz')).toEqual({ status: 200, cacheControl: 'no-store', body: { status: 'ok' } });
    });
  });
});

// Races and a busy pool end in clear answers: a deadlock is run again and succeeds (or ends as
// CONFLICT), a request holds one pool connection at most, and a pool with none free answers
// UNAVAILABLE, never INTERNAL.
import type { AddressInfo } from 'node:net';
import { QueryFailedError } from 'typeorm';
import { createApiKey } from '../../src/auth/api-key.service';
import { Role } from '../../src/common/role';
import { loadConfig } from '../../src/config';
import { createDataSource } from '../../src/database/data-source';
import { inTransaction } from '../../src/database/transaction';
import { createSchema } from '../../src/schema';
import { createServer, type QuotegraphServer } from '../../src/server';
import { createTestDatabase, type TestDatabase } from '../setup/test-database';

describe('races and a busy pool', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database.drop();
  });

  test('two transactions that deadlock both commit: the one PostgreSQL undoes runs again', async () => {
    const sql = (query: string) => database.dataSource.query(query);
    await sql(`INSERT INTO outlets (name) VALUES ('first'), ('second')`);
    let attempts = 0;
    // Each holds one row and then asks for the other's: a deadlock, whatever the timing.
    let bothHoldOne!: () => void;
    const holding = new Promise<void>((resolve) => (bothHoldOne = resolve));
    let held = 0;
    const hold = () => {
      held += 1;
      if (held === 2) bothHoldOne();
      return holding;
    };
    const rename = (first: string, second: string) =>
      inTransaction(database.dataSource.manager, async (tx) => {
        attempts += 1;
        await tx.query(`UPDATE outlets SET name = name || '+' WHERE name LIKE $1 || '%'`, [first]);
        if (attempts <= 2) await hold();
        await tx.query(`UPDATE outlets SET name = name || '+' WHERE name LIKE $1 || '%'`, [second]);
      });
    await Promise.all([rename('first', 'second'), rename('second', 'first')]);
    expect(attempts).toBe(3);
    expect(await sql(`SELECT name FROM outlets ORDER BY name`)).toEqual([{ name: 'first++' }, { name: 'second++' }]);
  });

  test('a transaction undone three times ends as CONFLICT', async () => {
    let attempts = 0;
    const deadlocked = () => {
      attempts += 1;
      throw new QueryFailedError('UPDATE …', [], Object.assign(new Error('deadlock detected'), { code: '40P01' }));
    };
    await expect(inTransaction(database.dataSource.manager, async () => deadlocked())).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
    expect(attempts).toBe(3);
  });

  describe('a server on a pool of two connections', () => {
    let server: QuotegraphServer;
    let url: string;
    let small: ReturnType<typeof createDataSource>;
    const graphql = async (query: string) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      return (await response.json()) as { data?: any; errors?: { message: string; extensions: { code: string } }[] };
    };

    beforeAll(async () => {
      small = createDataSource({ url: database.url, poolSize: 2, connectTimeoutMs: 300 });
      await small.initialize();
      server = await createServer({
        config: loadConfig({ SEED_EXAMPLE_CORPUS: 'false', LOG_LEVEL: 'silent' }),
        dataSource: small,
        schema: await createSchema(),
      });
      await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/graphql`;
    });

    afterAll(async () => {
      await server.stop();
      await small.destroy();
    });

    test('a request of 30 aliases that each read holds one connection, beside another taken', async () => {
      const held = small.createQueryRunner();
      await held.connect();
      try {
        const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: outlets(first: 1) { totalCount }`).join(' ');
        const { data, errors } = await graphql(`{ ${aliases} }`);
        expect(errors).toBeUndefined();
        expect(Object.keys(data)).toHaveLength(30);
      } finally {
        await held.release();
      }
    });

    test('with every connection taken, a request is UNAVAILABLE, and served once one is free', async () => {
      const { key } = await createApiKey(small.manager, 'reader', Role.READER);
      const held = [small.createQueryRunner(), small.createQueryRunner()];
      await Promise.all(held.map((runner) => runner.connect()));
      try {
        const { errors } = await graphql('{ outlets { totalCount } }');
        expect(errors?.[0]).toMatchObject({
          message: 'the database is busy: no connection came free in time; retry shortly',
          extensions: { code: 'UNAVAILABLE' },
        });
        // The key is looked up before GraphQL runs: its wait ends the same way, as a 503.
        const keyed = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          body: JSON.stringify({ query: '{ outlets { totalCount } }' }),
        });
        expect(keyed.status).toBe(503);
        expect(((await keyed.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
          'UNAVAILABLE',
        );
      } finally {
        await Promise.all(held.map((runner) => runner.release()));
      }
      expect((await graphql('{ outlets { totalCount } }')).errors).toBeUndefined();
    });
  });
});

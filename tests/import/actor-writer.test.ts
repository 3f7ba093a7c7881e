// The actor writer against real PostgreSQL: how a record's name and aliases resolve to actors,
// which aliases an actor gains (with their origin) and the revisions that leaves, and the
// single-word rule across articles (one carrier links, several make a new actor flagged ambiguous).
import { ActorKind } from '../../src/actor/actor.entity';
import { Origin } from '../../src/common/annotation';
import { inTransaction, type Transaction } from '../../src/database/transaction';
import { ACTOR_LOCK_BUCKETS, writeActors } from '../../src/import/actor-writer';
import type { ActorRecord } from '../../src/import/annotation-set';
import { startTestApp, type TestApp } from '../setup/test-app';

describe('writeActors', () => {
  let app: TestApp;
  const sql = (query: string, params: unknown[] = []) => app.database.dataSource.query(query, params);
  const write = (records: ActorRecord[]) =>
    inTransaction(app.database.dataSource.manager, (tx) => writeActors(tx, records));
  const person = (name: string, aliases: string[] = []): ActorRecord => ({
    key: name,
    name,
    kind: ActorKind.PERSON,
    aliases,
    aliasOrigin: Origin.EXTRACTED,
  });
  const organisation = (name: string, aliases: string[] = []): ActorRecord => ({
    ...person(name, aliases),
    kind: ActorKind.ORGANIZATION,
  });
  const aliasesOf = (id: string) =>
    sql(`SELECT alias, origin FROM actor_aliases WHERE actor_id = $1 ORDER BY alias`, [id]);
  const revisionsOf = (id: string) =>
    sql(`SELECT operation, after->'aliases' AS aliases FROM revisions WHERE entity_id = $1 ORDER BY at`, [id]);

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('stores extracted aliases as EXTRACTED and aliases without an origin as MANUAL, never the name itself', async () => {
    const extracted = await write([person('Ada Quill', ['Quill', 'ADA QUILL'])]);
    const manual = await write([{ key: 'b', name: 'Bram Stone', kind: ActorKind.PERSON, aliases: ['B. Stone'] }]);
    expect(await aliasesOf(extracted.ids.get('Ada Quill') as string)).toEqual([
      { alias: 'Quill', origin: 'EXTRACTED' },
    ]);
    expect(await aliasesOf(manual.ids.get('b') as string)).toEqual([{ alias: 'B. Stone', origin: 'MANUAL' }]);
  });

  it('adds a later record’s aliases to the existing actor with one UPDATE revision, and none when nothing is new', async () => {
    const first = await write([organisation('Korean Peoples Army Test')]);
    const id = first.ids.get('Korean Peoples Army Test') as string;
    expect(await revisionsOf(id)).toEqual([{ operation: 'CREATE', aliases: [] }]);

    const second = await write([organisation('Korean Peoples Army Test', ['KPAT'])]);
    expect(second.ids.get('Korean Peoples Army Test')).toBe(id);
    expect(second.created).toBe(0);
    expect(await aliasesOf(id)).toEqual([{ alias: 'KPAT', origin: 'EXTRACTED' }]);
    expect(await revisionsOf(id)).toEqual([
      { operation: 'CREATE', aliases: [] },
      { operation: 'UPDATE', aliases: ['KPAT'] },
    ]);

    await write([organisation('Korean Peoples Army Test', ['KPAT', 'kpat'])]);
    expect(await revisionsOf(id)).toHaveLength(2);
  });

  it('keeps a MANUAL alias as it is and leaves an alias another actor holds with that actor', async () => {
    const { ids } = await write([
      { key: 'c', name: 'Cora Vale', kind: ActorKind.PERSON, aliases: ['Vale'] },
      person('Dirk Moss', ['Mossy']),
    ]);
    await write([person('Cora Vale', ['vale', 'Mossy', 'C. Vale'])]);
    expect(await aliasesOf(ids.get('c') as string)).toEqual([
      { alias: 'C. Vale', origin: 'EXTRACTED' },
      { alias: 'Vale', origin: 'MANUAL' },
    ]);
    expect(await aliasesOf(ids.get('Dirk Moss') as string)).toEqual([{ alias: 'Mossy', origin: 'EXTRACTED' }]);
  });

  it('links a single word of a later article to the one actor carrying it, and flags a new actor when several do', async () => {
    const { ids } = await write([person('Eva Thorn'), person('Finn Thorn'), person('Gus Wren')]);
    const later = await write([person('Wren'), person('Thorn')]);
    expect(later.ids.get('Wren')).toBe(ids.get('Gus Wren'));
    const thorn = later.ids.get('Thorn') as string;
    expect([ids.get('Eva Thorn'), ids.get('Finn Thorn')]).not.toContain(thorn);

    const { data } = await app.graphql(
      `{ thorn: actor(name: "Thorn") { name ambiguous } wren: actor(name: "Gus Wren") { ambiguous } }`,
    );
    expect(data).toEqual({ thorn: { name: 'Thorn', ambiguous: true }, wren: { ambiguous: false } });
    // The ambiguous actor is the one the word names from now on, not a new one each time.
    expect((await write([person('Thorn')])).ids.get('Thorn')).toBe(thorn);
  });

  it('joins an organisation to the one existing organisation one of its aliases names, never a person', async () => {
    const { ids } = await write([organisation('Zentology'), person('Hal Brook'), person('Brook')]);
    const later = await write([organisation('Church of Zentology', ['Zentology']), person('Ivy Brook', ['Brook'])]);
    expect(later.ids.get('Church of Zentology')).toBe(ids.get('Zentology'));
    expect(later.created).toBe(1);
    expect(later.ids.get('Ivy Brook')).not.toBe(ids.get('Brook'));
    expect(await aliasesOf(ids.get('Zentology') as string)).toEqual([
      { alias: 'Church of Zentology', origin: 'EXTRACTED' },
    ]);
  });

  describe('locks', () => {
    /** A writer that has created `name` and not committed: it holds the lock bucket of that name until `release`. */
    async function uncommittedWriter(name: string) {
      const runner = app.database.dataSource.createQueryRunner();
      await runner.startTransaction();
      const { ids } = await writeActors(runner.manager as Transaction, [person(name)]);
      return {
        id: ids.get(name) as string,
        release: async (commit: boolean) => {
          await (commit ? runner.commitTransaction() : runner.rollbackTransaction());
          await runner.release();
        },
      };
    }

    /** A name of `name`'s lock bucket that no actor has. */
    async function nameInTheBucketOf(name: string): Promise<string> {
      const [row] = (await sql(
        `SELECT 'Bucketmate Person ' || n AS name FROM generate_series(1, 100000) n
         WHERE hashtext(normalise_key('Bucketmate Person ' || n))::bigint & $2 = hashtext(normalise_key($1))::bigint & $2
         LIMIT 1`,
        [name, ACTOR_LOCK_BUCKETS - 1],
      )) as { name: string }[];
      return row.name;
    }

    it('never makes a writer that names only known actors wait for one creating an actor', async () => {
      const { ids } = await write([person('Known Lockless')]);
      const creating = await uncommittedWriter(await nameInTheBucketOf('Known Lockless'));
      try {
        // Were the known name locked, this would wait for the writer above, which waits for this test.
        const resolved = await inTransaction(app.database.dataSource.manager, async (tx) => {
          await tx.query(`SET LOCAL lock_timeout = '2s'`);
          return writeActors(tx, [person('Known Lockless')]);
        });
        expect(resolved.ids.get('Known Lockless')).toBe(ids.get('Known Lockless'));
        expect(resolved.created).toBe(0);
      } finally {
        await creating.release(false);
      }
    });

    it('makes a writer naming an actor another writer is creating find that actor once it commits', async () => {
      const creating = await uncommittedWriter('Zed Concurrent');
      const second = write([person('Zed Concurrent', ['Zed C.'])]);
      await creating.release(true);
      const { ids, created } = await second;
      expect(ids.get('Zed Concurrent')).toBe(creating.id);
      expect(created).toBe(0);
      expect(await sql(`SELECT count(*)::int AS n FROM actors WHERE name = 'Zed Concurrent'`)).toEqual([{ n: 1 }]);
    });
  });
});

// Corpus maintenance through GraphQL: correcting an article's metadata and outlet, listing outlets
// with their article counts, merging outlets, deleting an actor nothing cites, and pruning the
// extracted actors nothing cites; every change leaves its revisions.
import { Client } from 'pg';
import { ActorKind } from '../../src/actor/actor.entity';
import { toGlobalId } from '../../src/common/global-id';
import { rebuildCorpus, type BuiltCorpus } from '../setup/corpus-builder';
import { startTestApp, type TestApp } from '../setup/test-app';

describe('corpus maintenance', () => {
  let app: TestApp;
  let corpus: BuiltCorpus;
  const sql = (text: string, params: unknown[] = []) => app.database.dataSource.query(text, params);
  const oneRow = async (text: string, params: unknown[] = []) => (await sql(text, params))[0];
  const gid = toGlobalId;
  const revisionsOf = (id: string) =>
    sql(`SELECT operation, before, after FROM revisions WHERE entity_id = $1 ORDER BY at`, [id]);

  beforeAll(async () => {
    app = await startTestApp();
  });

  // Every test mutates: each starts from this corpus, never from what an earlier test left.
  beforeEach(async () => {
    corpus = await rebuildCorpus(app.database.dataSource, {
      outlets: [
        { key: 'breitbart', name: 'Breitbart', domain: 'breitbart.com' },
        { key: 'huffpost', name: 'HuffPost', domain: 'huffpost.com' },
      ],
      actors: [
        { name: 'NATO', kind: ActorKind.ORGANIZATION },
        { name: 'France', kind: ActorKind.STATE, memberOf: ['NATO'] },
        { name: 'Mark Rutte', kind: ActorKind.PERSON, aliases: ['Rutte'] },
        { name: 'Jane Orphan', kind: ActorKind.PERSON, aliases: ['J. Orphan'] },
      ],
      questions: [],
      articles: [
        {
          key: 'a',
          title: 'First',
          outlet: 'breitbart',
          url: 'https://www.huffpost.com/entry/first',
          publishedAt: '2024-09-01T00:00:00Z',
          intro: 'Mark Rutte spoke.',
          quotes: [{ text: 'We stand together.', source: 'Mark Rutte', affiliation: 'NATO' }],
        },
        {
          key: 'b',
          title: 'Second',
          outlet: 'breitbart',
          url: 'https://breitbart.com/second',
          intro: 'Second text.',
          quotes: [],
        },
        {
          key: 'c',
          title: 'Third',
          outlet: 'huffpost',
          url: 'https://huffpost.com/third',
          intro: 'Third text.',
          quotes: [],
        },
      ],
    });
  });

  afterAll(async () => {
    await app.close();
  });

  describe('updateArticle', () => {
    const UPDATE = `mutation ($input: UpdateArticleInput!) {
      updateArticle(input: $input) { id title url publishedAt language body outlet { name } }
    }`;

    test('moves an article to another outlet, keeps its body, and records the outlet it had', async () => {
      const before = await oneRow(`SELECT body FROM articles WHERE id = $1`, [corpus.articleIds.a]);
      const { data, errors } = await app.graphql(UPDATE, {
        input: {
          id: gid('Article', corpus.articleIds.a),
          outletId: gid('Outlet', corpus.outletIds.huffpost),
          title: ' First, corrected ',
          language: 'fr',
        },
      });
      expect(errors).toBeUndefined();
      expect(data.updateArticle).toMatchObject({
        title: 'First, corrected',
        language: 'fr',
        body: before.body,
        outlet: { name: 'HuffPost' },
      });
      expect(await oneRow(`SELECT outlet_id FROM articles WHERE id = $1`, [corpus.articleIds.a])).toEqual({
        outlet_id: corpus.outletIds.huffpost,
      });
      const revisions = await revisionsOf(corpus.articleIds.a);
      expect(revisions.map((r: any) => r.operation)).toEqual(['CREATE', 'UPDATE']);
      expect(revisions[1].before).toMatchObject({
        outlet_id: corpus.outletIds.breitbart,
        title: 'First',
        language: 'en',
      });
      expect(revisions[1].after).toMatchObject({
        outlet_id: corpus.outletIds.huffpost,
        title: 'First, corrected',
        language: 'fr',
      });
    });

    test('a field left out stays, null clears it', async () => {
      const { data, errors } = await app.graphql(UPDATE, {
        input: { id: gid('Article', corpus.articleIds.a), publishedAt: null },
      });
      expect(errors).toBeUndefined();
      expect(data.updateArticle).toMatchObject({
        title: 'First',
        url: 'https://www.huffpost.com/entry/first',
        publishedAt: null,
        outlet: { name: 'Breitbart' },
      });
    });

    test("another article's URL is a CONFLICT naming input.url, and nothing changes", async () => {
      const { data, errors } = await app.graphql(UPDATE, {
        input: { id: gid('Article', corpus.articleIds.a), url: 'https://breitbart.com/second', title: 'Changed' },
      });
      expect(data).toBeNull();
      expect(errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.url' });
      expect(errors?.[0].message).toContain('"Second"');
      expect(await oneRow(`SELECT title, url FROM articles WHERE id = $1`, [corpus.articleIds.a])).toEqual({
        title: 'First',
        url: 'https://www.huffpost.com/entry/first',
      });
      expect(await revisionsOf(corpus.articleIds.a)).toHaveLength(1);
    });

    test('an unknown outlet is NOT_FOUND naming input.outletId', async () => {
      const { errors } = await app.graphql(UPDATE, {
        input: {
          id: gid('Article', corpus.articleIds.a),
          outletId: gid('Outlet', '00000000-0000-4000-8000-000000000000'),
        },
      });
      expect(errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.outletId' });
    });

    test('the body is no input field', async () => {
      const { errors } = await app.graphql(UPDATE, {
        input: { id: gid('Article', corpus.articleIds.a), body: 'Other text.' },
      });
      expect(errors?.[0].message).toMatch(/"body" is not defined by type "UpdateArticleInput"/);
    });
  });

  describe('outlets', () => {
    test('lists outlets by name with their article counts, and finds them by part of the name or domain', async () => {
      await sql(`INSERT INTO outlets (name) VALUES ('Associated Press')`);
      const { data, errors } = await app.graphql(
        `{ outlets { totalCount edges { node { name domain articleCount } } } }`,
      );
      expect(errors).toBeUndefined();
      expect(data.outlets.totalCount).toBe(3);
      expect(data.outlets.edges.map((e: any) => e.node)).toEqual([
        { name: 'Associated Press', domain: null, articleCount: 0 },
        { name: 'Breitbart', domain: 'breitbart.com', articleCount: 2 },
        { name: 'HuffPost', domain: 'huffpost.com', articleCount: 1 },
      ]);
      const found = await app.graphql(`{ outlets(filter: { search: "HUFF" }) { edges { node { name } } } }`);
      expect(found.data.outlets.edges.map((e: any) => e.node.name)).toEqual(['HuffPost']);
      const byDomain = await app.graphql(`{ outlets(filter: { search: "breitbart.c" }) { edges { node { name } } } }`);
      expect(byDomain.data.outlets.edges.map((e: any) => e.node.name)).toEqual(['Breitbart']);
    });

    test('pages by name with a cursor', async () => {
      const first = await app.graphql(
        `{ outlets(first: 1) { pageInfo { hasNextPage endCursor } edges { node { name } } } }`,
      );
      expect(first.data.outlets.edges.map((e: any) => e.node.name)).toEqual(['Breitbart']);
      expect(first.data.outlets.pageInfo.hasNextPage).toBe(true);
      const next = await app.graphql(
        `query ($after: String) { outlets(first: 5, after: $after) { pageInfo { hasNextPage } edges { node { name } } } }`,
        {
          after: first.data.outlets.pageInfo.endCursor,
        },
      );
      expect(next.data.outlets.edges.map((e: any) => e.node.name)).toEqual(['HuffPost']);
      expect(next.data.outlets.pageInfo.hasNextPage).toBe(false);
    });

    test('article counts cost the same statements for 2 outlets and for 40', async () => {
      await sql(
        `INSERT INTO outlets (name, domain) SELECT 'Outlet ' || n, 'outlet' || n || '.example' FROM generate_series(1, 38) n`,
      );
      const statements: string[] = [];
      // Called back with apply on each client, and put back below.
      // eslint-disable-next-line @typescript-eslint/unbound-method
      const originalQuery = Client.prototype.query;
      Client.prototype.query = function countingQuery(this: Client, ...args: unknown[]) {
        statements.push(String(typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text));
        return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof Client.prototype.query;
      try {
        const count = async (first: number) => {
          statements.length = 0;
          // Anonymous, so that the count holds the query's statements and not the key's lookup.
          const { data } = await app.graphqlWith(
            {},
            `query ($first: Int!) { outlets(first: $first) { edges { node { name articleCount } } } }`,
            { first },
          );
          expect(data.outlets.edges).toHaveLength(first);
          return statements.length;
        };
        const forTwo = await count(2);
        expect(await count(40)).toBe(forTwo);
        expect(forTwo).toBeLessThanOrEqual(3);
      } finally {
        Client.prototype.query = originalQuery;
      }
    });
  });

  describe('mergeOutlets', () => {
    const MERGE = `mutation ($intoId: ID!, $fromIds: [ID!]!) { mergeOutlets(intoId: $intoId, fromIds: $fromIds) { name domain articleCount } }`;

    test('moves the articles to the survivor, which keeps its name and domain, deletes the merged outlets, and records it all', async () => {
      const { data, errors } = await app.graphql(MERGE, {
        intoId: gid('Outlet', corpus.outletIds.huffpost),
        fromIds: [gid('Outlet', corpus.outletIds.breitbart)],
      });
      expect(errors).toBeUndefined();
      expect(data.mergeOutlets).toEqual({ name: 'HuffPost', domain: 'huffpost.com', articleCount: 3 });
      expect(await sql(`SELECT name FROM outlets`)).toEqual([{ name: 'HuffPost' }]);
      const moved = await revisionsOf(corpus.articleIds.b);
      expect(moved[1]).toMatchObject({
        operation: 'UPDATE',
        before: { outlet_id: corpus.outletIds.breitbart },
        after: { outlet_id: corpus.outletIds.huffpost },
      });
      expect((await revisionsOf(corpus.outletIds.breitbart)).map((r: any) => r.operation)).toEqual([
        'CREATE',
        'DELETE',
      ]);
    });

    test('a survivor without a domain takes the merged outlet’s', async () => {
      const [press] = await sql(`INSERT INTO outlets (name) VALUES ('Breitbart News') RETURNING id`);
      const { data, errors } = await app.graphql(MERGE, {
        intoId: gid('Outlet', press.id),
        fromIds: [gid('Outlet', corpus.outletIds.breitbart)],
      });
      expect(errors).toBeUndefined();
      expect(data.mergeOutlets).toEqual({ name: 'Breitbart News', domain: 'breitbart.com', articleCount: 2 });
      expect((await revisionsOf(press.id)).at(-1)).toMatchObject({
        operation: 'UPDATE',
        before: { domain: null },
        after: { domain: 'breitbart.com' },
      });
    });

    test('merging an outlet into itself is BAD_USER_INPUT naming fromIds, and nothing moves', async () => {
      const id = gid('Outlet', corpus.outletIds.huffpost);
      const { errors } = await app.graphql(MERGE, { intoId: id, fromIds: [id] });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fromIds' });
      expect(await oneRow(`SELECT count(*)::int AS n FROM outlets`)).toEqual({ n: 2 });
    });
  });

  describe('deleteActor', () => {
    const DELETE = `mutation ($id: ID!) { deleteActor(id: $id) }`;

    test.each([
      ['as a source', 'Mark Rutte', /1 source/],
      ['as a source’s affiliation', 'NATO', /1 source/],
      ['as a member', 'France', /1 membership/],
    ])('refuses with CONFLICT an actor cited %s, and says to merge it instead', async (_case, name, cited) => {
      const { data, errors } = await app.graphql(DELETE, { id: gid('Actor', corpus.actorIds[name]) });
      expect(data).toBeNull();
      expect(errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'id' });
      expect(errors?.[0].message).toMatch(cited);
      expect(errors?.[0].message).toContain('merge it');
      expect(await oneRow(`SELECT count(*)::int AS n FROM actors WHERE id = $1`, [corpus.actorIds[name]])).toEqual({
        n: 1,
      });
    });

    test('deletes an actor nothing cites, with its aliases, and records the actor as it was', async () => {
      const id = corpus.actorIds['Jane Orphan'];
      const { data, errors } = await app.graphql(DELETE, { id: gid('Actor', id) });
      expect(errors).toBeUndefined();
      expect(data.deleteActor).toBe(gid('Actor', id));
      expect(await oneRow(`SELECT count(*)::int AS n FROM actor_aliases WHERE actor_id = $1`, [id])).toEqual({ n: 0 });
      const revisions = await revisionsOf(id);
      expect(revisions.at(-1)).toMatchObject({
        operation: 'DELETE',
        before: { name: 'Jane Orphan', aliases: ['J. Orphan'] },
        after: null,
      });
    });
  });

  describe('pruneOrphanActors', () => {
    const PRUNE = `mutation { pruneOrphanActors { count actors { id name } } }`;

    test('deletes only the extracted actors nothing cites and no curator named', async () => {
      // Cited ones (Mark Rutte, NATO, France) and a MANUAL orphan stay; so does an extracted one a curator gave an alias.
      await sql(
        `INSERT INTO actors (name, kind, origin) VALUES ('Extracted Orphan', 'PERSON', 'EXTRACTED'), ('Named Orphan', 'PERSON', 'EXTRACTED')`,
      );
      await sql(
        `INSERT INTO actor_aliases (actor_id, alias) SELECT id, 'N. Orphan' FROM actors WHERE name = 'Named Orphan'`,
      );
      await sql(`UPDATE actors SET origin = 'EXTRACTED' WHERE name IN ('Mark Rutte', 'NATO', 'France')`);
      const orphan = await oneRow(`SELECT id FROM actors WHERE name = 'Extracted Orphan'`);
      const { data, errors } = await app.graphql(PRUNE);
      expect(errors).toBeUndefined();
      expect(data.pruneOrphanActors).toEqual({
        count: 1,
        actors: [{ id: gid('Actor', orphan.id), name: 'Extracted Orphan' }],
      });
      expect((await sql(`SELECT name FROM actors ORDER BY name`)).map((r: any) => r.name)).toEqual([
        'France',
        'Jane Orphan',
        'Mark Rutte',
        'NATO',
        'Named Orphan',
      ]);
      expect((await revisionsOf(orphan.id)).map((r: any) => r.operation)).toEqual(['DELETE']);
    });

    test('the actors extraction creates are EXTRACTED, and pruning removes them once their article is deleted', async () => {
      const imported = await app.graphql(
        `mutation ($input: ImportArticleInput!) { importArticle(input: $input) { article { id } extraction { newActors } } }`,
        {
          input: {
            title: 'Talks',
            url: 'https://example.org/talks',
            body: '"We will not back down," said Jens Stoltenberg, the head of the alliance, in Brussels on Tuesday.\n',
          },
        },
      );
      expect(imported.errors).toBeUndefined();
      const { article, extraction } = imported.data.importArticle;
      expect(extraction.newActors).toBeGreaterThan(0);
      const created = await sql(
        `SELECT name, origin FROM actors WHERE name NOT IN ('NATO', 'France', 'Mark Rutte', 'Jane Orphan') ORDER BY name`,
      );
      expect(created).toHaveLength(extraction.newActors);
      expect(created).toContainEqual({ name: 'Jens Stoltenberg', origin: 'EXTRACTED' });
      expect(created.every((actor: any) => actor.origin === 'EXTRACTED')).toBe(true);
      // While the article cites them nothing is pruned.
      expect((await app.graphql(PRUNE)).data.pruneOrphanActors.count).toBe(0);
      await app.graphql(`mutation ($id: ID!) { deleteArticle(id: $id) }`, { id: article.id });
      const { data } = await app.graphql(PRUNE);
      expect(data.pruneOrphanActors.actors.map((actor: any) => actor.name).sort()).toEqual(
        created.map((actor: any) => actor.name),
      );
      expect((await sql(`SELECT name FROM actors ORDER BY name`)).map((r: any) => r.name)).toEqual([
        'France',
        'Jane Orphan',
        'Mark Rutte',
        'NATO',
      ]);
    });

    test('an extracted actor a curator edited is MANUAL and stays', async () => {
      await sql(`INSERT INTO actors (name, kind, origin) VALUES ('Edited Orphan', 'PERSON', 'EXTRACTED')`);
      const edited = await oneRow(`SELECT id FROM actors WHERE name = 'Edited Orphan'`);
      const update = await app.graphql(`mutation ($input: UpdateActorInput!) { updateActor(input: $input) { name } }`, {
        input: { id: gid('Actor', edited.id), description: 'A diplomat.' },
      });
      expect(update.errors).toBeUndefined();
      expect(await oneRow(`SELECT origin FROM actors WHERE id = $1`, [edited.id])).toEqual({ origin: 'MANUAL' });
      const { data } = await app.graphql(PRUNE);
      expect(data.pruneOrphanActors).toEqual({ count: 0, actors: [] });
    });

    test('createActor makes a MANUAL actor, which pruning leaves', async () => {
      const created = await app.graphql(
        `mutation { createActor(input: { name: "Curated Person", kind: PERSON }) { id } }`,
      );
      expect(created.errors).toBeUndefined();
      expect(await oneRow(`SELECT origin FROM actors WHERE name = 'Curated Person'`)).toEqual({ origin: 'MANUAL' });
      expect((await app.graphql(PRUNE)).data.pruneOrphanActors.count).toBe(0);
    });
  });
});

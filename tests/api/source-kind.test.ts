// Source kinds and attribution methods through GraphQL: the kind sources get by default, the
// filters and the quoteStats dimension over them, how curation treats an attribution method, and
// the migration's derivation of the kind of rows stored before it.
import path from 'node:path';
import { ActorKind } from '../../src/actor/actor.entity';
import { toGlobalId } from '../../src/common/global-id';
import { readGoldDocument } from '../../src/corpus/gold-annotation';
import { AddSourceKind1795617173335 } from '../../migrations/1795617173335-add-source-kind';
import { rebuildCorpus, type BuiltCorpus } from '../setup/corpus-builder';
import { startTestApp, type TestApp } from '../setup/test-app';

describe('source kinds and attribution methods', () => {
  let app: TestApp;
  let corpus: BuiltCorpus;
  const sql = (query: string, params: unknown[] = []) => app.database.dataSource.query(query, params);

  async function graphql(query: string, variables: Record<string, unknown> = {}): Promise<any> {
    const response = await app.graphql(query, variables);
    expect(response.errors).toBeUndefined();
    return response.data;
  }

  beforeAll(async () => {
    app = await startTestApp();
  });

  // Tests create, import and delete sources: each starts from this corpus alone.
  beforeEach(async () => {
    corpus = await rebuildCorpus(app.database.dataSource, {
      outlets: [{ key: 'o', name: 'Outlet', domain: 'outlet.example' }],
      actors: [
        { name: 'Keir Starmer', kind: ActorKind.PERSON },
        { name: 'NATO', kind: ActorKind.ORGANIZATION },
        { name: 'France', kind: ActorKind.STATE },
        { name: 'The Elders', kind: ActorKind.GROUP },
      ],
      questions: [],
      articles: [
        {
          key: 'a',
          title: 'A',
          outlet: 'o',
          quotes: [
            { text: 'We stand firm.', source: 'Keir Starmer' },
            { text: 'The alliance holds.', source: 'NATO' },
            { text: 'Paris agrees.', source: 'France' },
            { text: 'Peace first.', source: 'The Elders' },
            { text: 'Not yet.', source: 'an official' },
            { text: 'Soon.', source: 'a diplomat' },
          ],
        },
      ],
    });
  });

  afterAll(async () => {
    await app.close();
  });

  test("gives a source written without a kind its actor's kind (a state or organisation as ORGANIZATION), else PERSON", async () => {
    const data = await graphql(`
      {
        sources(first: 20) {
          edges {
            node {
              descriptor
              kind
            }
          }
        }
      }
    `);
    const kinds = Object.fromEntries(data.sources.edges.map((e: any) => [e.node.descriptor, e.node.kind]));
    expect(kinds).toEqual({
      'Keir Starmer': 'PERSON',
      NATO: 'ORGANIZATION',
      France: 'ORGANIZATION',
      'The Elders': 'GROUP',
      'an official': 'PERSON',
      'a diplomat': 'PERSON',
    });
  });

  test('filters sources and quotes by source kind, and counts quotes by it', async () => {
    const data = await graphql(`
      {
        sources(filter: { sourceKind: ORGANIZATION }) {
          edges {
            node {
              descriptor
            }
          }
        }
        quotes(filter: { sourceKind: GROUP }) {
          edges {
            node {
              text
            }
          }
        }
        quoteStats(groupBy: [SOURCE_KIND]) {
          sourceKind
          count
        }
      }
    `);
    expect(data.sources.edges.map((e: any) => e.node.descriptor).sort()).toEqual(['France', 'NATO']);
    expect(data.quotes.edges.map((e: any) => e.node.text)).toEqual(['Peace first.']);
    expect(data.quoteStats).toEqual([
      { sourceKind: 'PERSON', count: 3 },
      { sourceKind: 'ORGANIZATION', count: 2 },
      { sourceKind: 'GROUP', count: 1 },
    ]);
  });

  test("createSource takes the linked actor's kind, PERSON for an anonymous source, and a kind given; updateSource changes it, and re-derives it for a new actor", async () => {
    const create = `mutation ($input: CreateSourceInput!) { createSource(input: $input) { id kind } }`;
    const articleId = toGlobalId('Article', corpus.articleIds.a);
    const state = await graphql(create, {
      input: {
        articleId,
        descriptor: 'Paris',
        anonymity: 'NAMED',
        actorId: toGlobalId('Actor', corpus.actorIds.France),
      },
    });
    const anonymous = await graphql(create, { input: { articleId, descriptor: 'a source', anonymity: 'ANONYMOUS' } });
    const document = await graphql(create, {
      input: { articleId, descriptor: 'the report', anonymity: 'ANONYMOUS', kind: 'DOCUMENT' },
    });
    expect([state, anonymous, document].map((d) => d.createSource.kind)).toEqual([
      'ORGANIZATION',
      'PERSON',
      'DOCUMENT',
    ]);
    const updated = await graphql(
      `
        mutation ($input: UpdateSourceInput!) {
          updateSource(input: $input) {
            kind
            origin
          }
        }
      `,
      {
        input: { id: anonymous.createSource.id, kind: 'GROUP' },
      },
    );
    expect(updated.updateSource).toEqual({ kind: 'GROUP', origin: 'MANUAL' });
    const relink = `mutation ($input: UpdateSourceInput!) { updateSource(input: $input) { kind actor { name } } }`;
    const person = await graphql(create, {
      input: {
        articleId,
        descriptor: 'Keir Starmer',
        anonymity: 'NAMED',
        actorId: toGlobalId('Actor', corpus.actorIds['Keir Starmer']),
      },
    });
    expect(person.createSource.kind).toBe('PERSON');
    const relinked = await graphql(relink, {
      input: { id: person.createSource.id, actorId: toGlobalId('Actor', corpus.actorIds.NATO) },
    });
    expect(relinked.updateSource).toEqual({ kind: 'ORGANIZATION', actor: { name: 'NATO' } });
  });

  describe('on extracted quotes', () => {
    let articleId: string;

    beforeEach(async () => {
      const { text } = readGoldDocument(path.join(__dirname, '../fixtures'), 'storm-shadow-victory-plan');
      const imported = await graphql(
        `
          mutation ($input: ImportArticleInput!) {
            importArticle(input: $input) {
              article {
                id
              }
            }
          }
        `,
        { input: { title: 'Storm Shadow', body: text, extract: true } },
      );
      articleId = imported.importArticle.article.id;
    });

    test('filters quotes by how they were attributed; curated quotes, which have no method, never match', async () => {
      const stored = await sql(
        `SELECT attribution_method AS method, count(*)::int AS n FROM quotes WHERE origin = 'EXTRACTED' GROUP BY 1 ORDER BY 2 DESC`,
      );
      expect(stored.length).toBeGreaterThan(0);
      expect(stored.every((row: any) => row.method !== null)).toBe(true);
      const method = stored[0].method as string;
      const data = await graphql(
        `
          query ($methods: [AttributionMethod!]) {
            quotes(first: 100, filter: { attributionMethods: $methods }) {
              edges {
                node {
                  origin
                  attributionMethod
                }
              }
            }
          }
        `,
        { methods: [method] },
      );
      const quotes = data.quotes.edges.map((e: any) => e.node);
      expect(quotes).toHaveLength(stored[0].n);
      expect(quotes.every((q: any) => q.origin === 'EXTRACTED' && q.attributionMethod === method)).toBe(true);
      const all = await graphql(`
        {
          quotes(first: 100, filter: { attributionMethods: [CUE, NEIGHBOUR, PRONOUN, CONTINUATION, REPORTED, NONE] }) {
            edges {
              node {
                origin
              }
            }
          }
        }
      `);
      expect(all.quotes.edges.map((e: any) => e.node.origin)).not.toContain('MANUAL');
    });

    test("a curator's correction keeps an extracted quote's attribution method; a change of its source clears it", async () => {
      const [quote] = await sql(
        `SELECT q.id, q.attribution_method AS method, q.source_id FROM quotes q WHERE q.article_id = $1::uuid AND q.source_id IS NOT NULL AND q.origin = 'EXTRACTED' ORDER BY q.span_start LIMIT 1`,
        [Buffer.from(articleId, 'base64url').toString().split(':')[1]],
      );
      const [other] = await sql(
        `SELECT id FROM sources WHERE article_id = (SELECT article_id FROM quotes WHERE id = $1) AND id <> $2 LIMIT 1`,
        [quote.id, quote.source_id],
      );
      const update = `mutation ($input: UpdateQuoteInput!) { updateQuote(input: $input) { origin attributionMethod } }`;
      const corrected = await graphql(update, { input: { id: toGlobalId('Quote', quote.id), cue: 'declared' } });
      expect(corrected.updateQuote).toEqual({ origin: 'MANUAL', attributionMethod: quote.method });
      const reattributed = await graphql(update, {
        input: { id: toGlobalId('Quote', quote.id), sourceId: toGlobalId('Source', other.id) },
      });
      expect(reattributed.updateQuote).toEqual({ origin: 'MANUAL', attributionMethod: null });
    });
  });

  test('the migration derives the kind of stored sources from their actor, else from the head of their descriptor, and changes nothing else', async () => {
    const runner = app.database.dataSource.createQueryRunner();
    const migration = new AddSourceKind1795617173335();
    try {
      await sql(`DELETE FROM stances; UPDATE quotes SET source_id = NULL; DELETE FROM sources`);
      await migration.down(runner);
      const descriptors = [
        'officials familiar with the discussions',
        'the report',
        'a letter from senators',
        'the White House',
        'analysts',
        'a spokeswoman for the ministry',
        'James Jones',
        'a Ukrainian defense source',
        'the Foreign Ministry',
        'NATO',
      ];
      await sql(
        `INSERT INTO sources (article_id, descriptor, anonymity) SELECT $1::uuid, d, 'ANONYMOUS' FROM unnest($2::text[]) d`,
        [corpus.articleIds.a, descriptors],
      );
      await sql(
        `INSERT INTO sources (article_id, descriptor, anonymity, actor_id, role) SELECT $1::uuid, a.name || ' (linked)', 'NAMED', a.id, 'leader' FROM actors a WHERE a.id = ANY($2::uuid[])`,
        [corpus.articleIds.a, Object.values(corpus.actorIds)],
      );
      const before = await sql(`SELECT to_jsonb(s) AS row FROM sources s ORDER BY descriptor`);
      await migration.up(runner);
      const after = await sql(
        `SELECT descriptor, kind, to_jsonb(s) - 'kind' AS row FROM sources s ORDER BY descriptor`,
      );
      expect(after.map((r: any) => r.row)).toEqual(before.map((r: any) => r.row));
      expect(Object.fromEntries(after.map((r: any) => [r.descriptor, r.kind]))).toEqual({
        'officials familiar with the discussions': 'GROUP',
        'the report': 'DOCUMENT',
        'a letter from senators': 'DOCUMENT',
        'the White House': 'ORGANIZATION',
        analysts: 'GROUP',
        'a spokeswoman for the ministry': 'PERSON',
        'James Jones': 'PERSON',
        'a Ukrainian defense source': 'PERSON',
        'the Foreign Ministry': 'ORGANIZATION',
        NATO: 'ORGANIZATION',
        'Keir Starmer (linked)': 'PERSON',
        'NATO (linked)': 'ORGANIZATION',
        'France (linked)': 'ORGANIZATION',
        'The Elders (linked)': 'GROUP',
      });
    } finally {
      await runner.release();
    }
  });
});

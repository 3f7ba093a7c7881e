// Extraction on import, through GraphQL into an empty database: what it writes, how it marks it,
// and how a second article reuses the actors of the first.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readGoldDocument } from '../../src/corpus/gold-annotation';
import { startTestApp, type TestApp } from '../setup/test-app';
import { EXTRACTORS } from '../../src/extraction/extractors';

const { gold, text } = readGoldDocument(path.join(__dirname, '../fixtures'), 'storm-shadow-victory-plan');
const IMPORT = `mutation ($input: ImportArticleInput!) {
  importArticle(input: $input) {
    extraction { quotes sources mentions newActors }
    article { id quotes(first: 100) { edges { node { id kind span { start end } origin extractor confidence source { descriptor anonymity origin extractor affiliation { name } actor { name } } } } } }
  }
}`;

async function importExample(app: TestApp): Promise<any> {
  const response = await app.graphql(IMPORT, { input: { title: 'Storm Shadow', body: text, extract: true } });
  expect(response.errors).toBeUndefined();
  return response.data.importArticle;
}

describe('extraction on import', () => {
  let app: TestApp;
  let imported: any;
  const sql = (query: string, params: unknown[] = []) => app.database.dataSource.query(query, params);

  beforeAll(async () => {
    app = await startTestApp();
    imported = await importExample(app);
  });

  afterAll(async () => {
    await app.close();
  });

  test('finds the 6 direct quotes of the example article at their exact spans, and no other direct quote', () => {
    const direct = imported.article.quotes.edges.map((e: any) => e.node).filter((q: any) => q.kind === 'DIRECT');
    expect(direct.map((q: any) => [q.span.start, q.span.end])).toEqual(
      gold.quotes.filter((q) => q.kind === 'DIRECT').map((q) => q.span),
    );
  });

  test('attributes each to the right source, anonymous, with the affiliation the text gives', () => {
    const direct = imported.article.quotes.edges.map((e: any) => e.node).filter((q: any) => q.kind === 'DIRECT');
    expect(
      direct.map((q: any) => [q.source.descriptor, q.source.anonymity, q.source.affiliation?.name ?? null]),
    ).toEqual([
      ['a Ukrainian defense source', 'ANONYMOUS', 'Ukraine'],
      ['a Ukrainian defense source', 'ANONYMOUS', 'Ukraine'],
      ['a European official familiar with the discussions', 'ANONYMOUS', null],
      ['a European official familiar with the discussions', 'ANONYMOUS', null],
      ['a Ukrainian military official', 'ANONYMOUS', 'Ukraine'],
      ['one official from a NATO country', 'ANONYMOUS', 'NATO'],
    ]);
  });

  test('marks every extracted row EXTRACTED with its extractor, version and a confidence', async () => {
    for (const table of ['quotes', 'sources', 'mentions']) {
      const rows = await sql(`SELECT origin, extractor, extractor_version, confidence FROM ${table}`);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.origin).toBe('EXTRACTED');
        expect(row.extractor).toMatch(/^(quote-finder|attribution|entity-linker)$/);
        expect(row.extractor_version).toBe(Object.values(EXTRACTORS).find((e) => e.name === row.extractor)?.version);
        expect(row.confidence).toBeGreaterThan(0);
        expect(row.confidence).toBeLessThanOrEqual(1);
      }
    }
    const [counts] = await sql(
      `SELECT (SELECT count(*) FROM quotes)::int AS quotes, (SELECT count(*) FROM sources)::int AS sources, (SELECT count(*) FROM mentions)::int AS mentions, (SELECT count(*) FROM actors)::int AS actors`,
    );
    expect(imported.extraction).toEqual({
      quotes: counts.quotes,
      sources: counts.sources,
      mentions: counts.mentions,
      newActors: counts.actors,
    });
  });

  test('links Zelensky, Biden, Starmer and Macron to one actor each, whatever form of the name or role phrase the text uses', async () => {
    const rows: { name: string; forms: string[] }[] = await sql(`
      SELECT ac.name, array_agg(DISTINCT substr(a.body, m.span_start + 1, m.span_end - m.span_start)) AS forms
      FROM mentions m JOIN actors ac ON ac.id = m.actor_id JOIN articles a ON a.id = m.article_id
      WHERE ac.kind = 'PERSON' GROUP BY ac.name ORDER BY ac.name`);
    // Sorted here, not by the database's collation, which differs between servers.
    expect(rows.map((r) => ({ name: r.name, forms: [...r.forms].sort() }))).toEqual([
      { name: 'Emmanuel Macron', forms: ['Emmanuel Macron'] },
      { name: 'Joe Biden', forms: ['Biden', 'Joe Biden', 'The U.S. president', 'the U.S. leader'] },
      { name: 'Keir Starmer', forms: ['Keir Starmer'] },
      { name: 'Volodymyr Zelensky', forms: ['The Ukrainian leader', 'Volodymyr Zelensky', 'Zelensky'] },
    ]);
    const [biden] = await sql(
      `SELECT af.name AS affiliation FROM actors ac JOIN actors af ON af.id = ac.affiliation_id WHERE ac.name = 'Joe Biden'`,
    );
    expect(biden.affiliation).toBe('United States');
  });

  test('the example article text is read the same from the fixture and the corpus', () => {
    expect(readFileSync(path.join(__dirname, '../../src/corpus/data/storm-shadow-victory-plan.txt'), 'utf8')).toBe(
      text,
    );
  });

  // These write more rows than the one import: they get a database of their own (with the same
  // import), so that the tests above never see their rows, in whatever order the tests run.
  describe('after the import', () => {
    let later: TestApp;
    let laterImported: any;
    const laterSql = (query: string, params: unknown[] = []) => later.database.dataSource.query(query, params);

    beforeAll(async () => {
      later = await startTestApp();
      laterImported = await importExample(later);
    });

    afterAll(async () => {
      await later?.close();
    });

    test('a second article naming the same people links them to the existing actors, with no duplicate', async () => {
      const before = await laterSql(`SELECT count(*)::int AS n FROM actors`);
      const second =
        'Joe Biden met Zelensky again on Friday. “We will keep helping Ukraine for as long as it takes,” Biden said.';
      const { data, errors } = await later.graphql(IMPORT, { input: { title: 'Second', body: second } });
      expect(errors).toBeUndefined();
      expect(data.importArticle.extraction.newActors).toBe(0);
      expect(await laterSql(`SELECT count(*)::int AS n FROM actors`)).toEqual(before);
      const [quote] = data.importArticle.article.quotes.edges.map((e: any) => e.node);
      expect(quote.source).toMatchObject({ descriptor: 'Biden', anonymity: 'NAMED', actor: { name: 'Joe Biden' } });
      const people = await laterSql(`SELECT name FROM actors WHERE kind = 'PERSON' AND name_key LIKE '%zelensky%'`);
      expect(people).toEqual([{ name: 'Volodymyr Zelensky' }]);
    });

    test('concurrent imports naming the same new person create one actor', async () => {
      const bodies = ['One', 'Two', 'Three', 'Four'].map(
        (n) => `${n}: Prime Minister Mette Frederiksen spoke. “We stand firm on this, ${n},” Frederiksen said.`,
      );
      const results = await Promise.all(
        bodies.map((body, i) => later.graphql(IMPORT, { input: { title: `Concurrent ${i}`, body } })),
      );
      expect(results.every((r) => !r.errors)).toBe(true);
      expect(await laterSql(`SELECT count(*)::int AS n FROM actors WHERE name = 'Mette Frederiksen'`)).toEqual([
        { n: 1 },
      ]);
    });

    test("a curator's edit turns an extracted quote MANUAL", async () => {
      const quote = laterImported.article.quotes.edges[0].node;
      const { data } = await later.graphql(
        `mutation ($id: ID!) { updateQuote(input: { id: $id, cue: "told" }) { origin extractor confidence cue } }`,
        { id: quote.id },
      );
      expect(data.updateQuote).toEqual({ origin: 'MANUAL', extractor: 'quote-finder', confidence: null, cue: 'told' });
    });
  });
});

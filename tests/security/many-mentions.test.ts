// An article with thousands of annotations imports whole: its own 5,000 sources, quotes and
// mentions naming 15,000 new actors, or the quotes, sources, mentions and actors extraction finds
// in a long article. One insert of the 15,000 actors alone would bind more than PostgreSQL's
// 65,535 parameters (six an actor).
import { startTestApp, type TestApp } from '../setup/test-app';
import { surname } from '../setup/generated-names';

const IMPORT = `mutation ($input: ImportArticleInput!) {
  importArticle(input: $input) { created extraction { quotes sources mentions newActors } }
}`;

/** The most records an input's list may hold. */
const MANY = 5_000;
/** One line of the body a record of each kind points into: a speaker, then what she said. */
const LINE = 'Olena said yes. ';

/**
 * A source and a quote at each line, the source an actor of the actors list affiliated with an
 * organisation named only there; a mention at each line of another actor, by name: 15,000 actors.
 */
function ownAnnotations() {
  const at = (i: number, text: string) => {
    const start = i * LINE.length + LINE.indexOf(text);
    return { start, end: start + text.length };
  };
  const lines = Array.from({ length: MANY }, (_, i) => i);
  return {
    actors: lines.map((i) => ({ key: `a${i}`, name: `Olena ${surname(i)}`, kind: 'PERSON' })),
    sources: lines.map((i) => ({
      key: `s${i}`,
      descriptor: 'Olena',
      span: at(i, 'Olena'),
      anonymity: 'NAMED',
      actor: { key: `a${i}` },
      affiliation: { name: `${surname(i)} Institute` },
    })),
    quotes: lines.map((i) => ({ span: at(i, 'yes'), kind: 'DIRECT', source: `s${i}` })),
    mentions: lines.map((i) => ({ actor: { name: `Ivan ${surname(i)}` }, span: at(i, 'Olena') })),
  };
}

const GOVERNORS = 2_000;

describe('an article with thousands of annotations', () => {
  let app: TestApp;
  const count = async (table: string, where = 'true'): Promise<number> =>
    (await app.database.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`))[0].n;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  beforeEach(async () => {
    await app.database.dataSource.query('TRUNCATE articles, outlets, actors, policy_questions, revisions CASCADE');
  });

  test('imports its own 5,000 sources, quotes and mentions of 15,000 new actors whole, each with its revision', async () => {
    const { data, errors } = await app.graphql(IMPORT, {
      input: { title: 'Yes', body: LINE.repeat(MANY), extract: false, annotations: ownAnnotations() },
    });
    expect(errors).toBeUndefined();
    expect(data.importArticle).toEqual({
      created: true,
      extraction: { quotes: MANY, sources: MANY, mentions: MANY, newActors: 3 * MANY },
    });
    // Each quote is its own line's, said by its own line's source.
    expect(await count('quotes q JOIN sources s ON s.id = q.source_id', 'q.span_start = s.span_start + 11')).toBe(MANY);
    expect(await count('actors')).toBe(3 * MANY);
    expect(await count('sources s JOIN actors a ON a.id = s.affiliation_id', "a.kind = 'ORGANIZATION'")).toBe(MANY);
    for (const [type, rows] of [
      ['Actor', 3 * MANY],
      ['Source', MANY],
      ['Quote', MANY],
      ['Mention', MANY],
    ])
      expect(await count('revisions', `entity_type = '${type}' AND operation = 'CREATE'`)).toBe(rows);
  });

  test('six concurrent imports naming the same 1,000 new actors create each of them once', async () => {
    const names = Array.from({ length: 1_000 }, (_, i) => `Ivan ${surname(i)}`);
    const mentions = names.map((name) => ({ actor: { name }, span: { start: 0, end: 5 } }));
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        app.graphql(IMPORT, {
          input: { title: `Names ${i}`, body: `Olena, article ${i}.`, extract: false, annotations: { mentions } },
        }),
      ),
    );
    expect(results.map((r) => r.errors)).toEqual(results.map(() => undefined));
    expect(results.map((r) => r.data.importArticle.extraction.newActors).sort()).toEqual([0, 0, 0, 0, 0, 1_000]);
    expect(await count('actors')).toBe(1_000);
  });

  test('imports the 2,000 quotes, sources, mentions and actors extraction finds in 2,000 paragraphs', async () => {
    const governors = Array.from({ length: GOVERNORS }, (_, i) => `Tom ${surname(i)}`);
    const body = governors
      .map((name) => `Gov. ${name} spoke on Monday.\n“We will build new schools this year, and more,” he said.\n`)
      .join('');
    const { data, errors } = await app.graphql(IMPORT, { input: { title: 'Governors', body } });
    expect(errors).toBeUndefined();
    expect(data.importArticle).toEqual({
      created: true,
      extraction: { quotes: GOVERNORS, sources: GOVERNORS, mentions: GOVERNORS, newActors: GOVERNORS },
    });
    // Each quote is a governor's, and no two the same governor's.
    const quoted = `quotes q JOIN sources s ON s.id = q.source_id JOIN actors a ON a.id = s.actor_id`;
    expect(await count(quoted, `a.name LIKE 'Tom Bar%k'`)).toBe(GOVERNORS);
    expect(await count(`(SELECT DISTINCT s.actor_id FROM ${quoted}) governors`)).toBe(GOVERNORS);
  });

  test('imports a body of one 2 MB word with nothing extracted', async () => {
    const { data, errors } = await app.graphql(IMPORT, { input: { title: 'A word', body: 'a'.repeat(2_000_000) } });
    expect(errors).toBeUndefined();
    expect(data.importArticle).toEqual({
      created: true,
      extraction: { quotes: 0, sources: 0, mentions: 0, newActors: 0 },
    });
  });
});

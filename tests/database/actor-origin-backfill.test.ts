// The migration that gave actors an origin had to guess it for the actors already stored: only an
// actor nothing but extraction ever touched may become EXTRACTED (and so prunable).
import { AddActorOrigin1795618500000 } from '../../migrations/1795618500000-add-actor-origin';
import { createTestDatabase, type TestDatabase } from '../setup/test-database';

describe('actor origin backfill', () => {
  let database: TestDatabase;
  const sql = (text: string, params: unknown[] = []) => database.dataSource.query(text, params);

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database.drop();
  });

  test('marks EXTRACTED only actors cited by extracted rows alone, with no sign of a curator', async () => {
    const runner = database.dataSource.createQueryRunner();
    try {
      await new AddActorOrigin1795618500000().down(runner);
      const [article] = await sql(
        `INSERT INTO articles (title, body, content_hash) VALUES ('T', 'Ann Bo and Cy Do and Ed Fa and Gu Ha and Io Ju met.', $1) RETURNING id`,
        ['c'.repeat(64)],
      );
      const actors: Record<string, string> = {};
      for (const name of ['Ann Bo', 'Cy Do', 'Ed Fa', 'Gu Ha', 'Io Ju']) {
        const [row] = await sql(`INSERT INTO actors (name, kind) VALUES ($1, 'PERSON') RETURNING id`, [name]);
        actors[name] = row.id;
      }
      await sql(`UPDATE actors SET wikidata_id = 'Q42' WHERE id = $1`, [actors['Cy Do']]);
      await sql(
        `INSERT INTO revisions (entity_type, entity_id, operation, before, after) VALUES ('Actor', $1, 'UPDATE', '{}', '{}')`,
        [actors['Ed Fa']],
      );
      const mention = (actor: string, start: number, origin: 'EXTRACTED' | 'MANUAL') => {
        const provenance = origin === 'EXTRACTED' ? ['test', '1', 0.9] : [null, null, null];
        return sql(
          `INSERT INTO mentions (article_id, actor_id, span_start, span_end, origin, extractor, extractor_version, confidence)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [article.id, actors[actor], start, start + 5, origin, ...provenance],
        );
      };
      await mention('Ann Bo', 0, 'EXTRACTED');
      await mention('Cy Do', 10, 'EXTRACTED');
      await mention('Ed Fa', 21, 'EXTRACTED');
      await mention('Gu Ha', 32, 'MANUAL');
      await new AddActorOrigin1795618500000().up(runner);
      const rows: { name: string; origin: string }[] = await sql(`SELECT name, origin FROM actors ORDER BY name`);
      expect(Object.fromEntries(rows.map((row) => [row.name, row.origin]))).toEqual({
        'Ann Bo': 'EXTRACTED', // cited by extraction alone
        'Cy Do': 'MANUAL', // a Wikidata id: a curator's
        'Ed Fa': 'MANUAL', // updated by a curator
        'Gu Ha': 'MANUAL', // cited by a curated row
        'Io Ju': 'MANUAL', // cited by nothing
      });
    } finally {
      await runner.release();
    }
  });
});

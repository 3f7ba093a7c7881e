import { createTestDatabase, type TestDatabase } from '../setup/test-database';

describe('migrations', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database.drop();
  });

  test('generating a migration from the entities against the migrated database yields no statement', async () => {
    const pending = await database.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  test('every migration has run and none is pending', async () => {
    expect(await database.dataSource.showMigrations()).toBe(false);
    const applied: { name: string }[] = await database.dataSource.query('SELECT name FROM migrations ORDER BY id');
    expect(applied.map((m) => m.name)).toEqual(database.dataSource.migrations.map((m) => m.name));
  });
});

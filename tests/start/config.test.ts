import { ConfigError, loadConfig } from '../../src/config';

describe('configuration', () => {
  test('has defaults for everything: port 4000, embedded PostgreSQL on a port of its own', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4000,
      host: 'localhost',
      databaseUrl: undefined,
      maxPageSize: 500,
      seedExampleCorpus: true,
    });
    expect(config.embeddedPostgres.port).not.toBe(5432);
    expect(Object.isFrozen(config)).toBe(true);
  });

  test.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'not a url'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['MAX_PAGE_SIZE', '0'],
    ['SEED_EXAMPLE_CORPUS', 'maybe'],
  ])('refuses %s=%s with an error naming the variable', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(`^${variable} `));
  });
});

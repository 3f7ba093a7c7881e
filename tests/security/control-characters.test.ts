// Every string argument, at any depth, must be text PostgreSQL can store: NUL, the other C0
// controls but tab, LF and CR, and lone surrogates are BAD_USER_INPUT naming the field, before any
// SQL runs (NUL used to reach PostgreSQL as 22021 and come back INTERNAL).
import { forbiddenCharacterIn, forbiddenStringIn } from '../../src/errors/validation';
import { startTestApp, type TestApp } from '../setup/test-app';

const IMPORT = `mutation ($input: ImportArticleInput!) { importArticle(input: $input) { created article { title } } }`;
const IMPORT_MANY = `mutation ($inputs: [ImportArticleInput!]!) {
  importArticles(inputs: $inputs) { createdCount failedCount items { index created article { title } error { code field message } } }
}`;

describe('forbiddenStringIn', () => {
  test('names the first bad string by its path through objects and lists', () => {
    const value = {
      title: 'ok',
      annotations: { sources: [{ descriptor: 'a' }, { descriptor: 'b' }, { descriptor: 'c\u0000' }] },
    };
    expect(forbiddenStringIn(value, 'input')).toEqual({
      field: 'input.annotations.sources[2].descriptor',
      message: 'input.annotations.sources[2].descriptor contains the control character U+0000',
    });
  });

  test('takes tab, line feed, carriage return, emoji and accents, and refuses other controls and lone surrogates', () => {
    expect(forbiddenCharacterIn('a\tb\nc\r\nd 😀 Pécs')).toBeUndefined();
    expect(forbiddenCharacterIn('bell\u0007')).toBe('contains the control character U+0007');
    expect(forbiddenCharacterIn('esc\u001b[0m')).toBe('contains the control character U+001B');
    expect(forbiddenCharacterIn('half \uD83D of an emoji')).toBe(
      'contains a lone surrogate: it is not valid Unicode text',
    );
    expect(forbiddenCharacterIn('\uDE00 alone')).toBe('contains a lone surrogate: it is not valid Unicode text');
  });

  test('walks a nesting far deeper than the call stack would allow', () => {
    let value: unknown = 'deep\u0000';
    for (let i = 0; i < 200_000; i += 1) value = [value];
    const found = forbiddenStringIn(value, 'v');
    expect(found?.message).toBe(`v${'[0]'.repeat(200_000)} contains the control character U+0000`);
  });
});

describe('string arguments with control characters, through GraphQL', () => {
  let app: TestApp;
  const count = async (table: string): Promise<number> =>
    (await app.database.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  const written = async () => ({
    articles: await count('articles'),
    outlets: await count('outlets'),
    actors: await count('actors'),
    revisions: await count('revisions'),
  });

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  beforeEach(async () => {
    await app.database.dataSource.query('TRUNCATE articles, outlets, actors CASCADE');
  });

  test.each([
    ['actor(name:) with NUL', `query ($v: String) { actor(name: $v) { id } }`, 'a\u0000b', 'name'],
    ['search(query:) with a bell', `query ($v: String!) { search(query: $v) { totalCount } }`, 'war\u0007', 'query'],
    [
      'article(url:) with a lone surrogate',
      `query ($v: String) { article(url: $v) { id } }`,
      'https://x.org/\uD800',
      'url',
    ],
    [
      'articles(filter: { search }) with NUL',
      `query ($v: String) { articles(filter: { search: $v }) { totalCount } }`,
      'kyiv\u0000',
      'filter.search',
    ],
    [
      'actors(filter: { search }) with NUL',
      `query ($v: String) { actors(filter: { search: $v }) { totalCount } }`,
      '\u0000',
      'filter.search',
    ],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_case, query, value, field) => {
    const { data, errors } = await app.graphql(query, { v: value });
    // A nullable field answers null beside its error; a non-null one nulls the whole data.
    expect(data === null || Object.values(data).every((v) => v === null)).toBe(true);
    expect(errors).toHaveLength(1);
    expect(errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(errors?.[0].message).toMatch(new RegExp(`^${field.replace(/[.[\]]/g, '\\$&')} contains `));
  });

  test('refuses a bad item of a list of scalars, naming its index', async () => {
    const { errors } = await app.graphql(
      `mutation ($from: [ID!]!) { mergeActors(intoId: "x", fromIds: $from) { id } }`,
      {
        from: ['QWN0b3I6eA', 'bad\u0000'],
      },
    );
    expect(errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'fromIds[1]' });
  });

  test.each([
    ['a NUL in the title', { title: 'Bad\u0000title', body: 'Body.' }, 'input.title', 'U+0000'],
    [
      'an escape in the outlet name',
      { title: 'T', body: 'Body.', outletName: 'The \u001b[31mTimes' },
      'input.outletName',
      'U+001B',
    ],
    [
      'a lone surrogate in an author',
      { title: 'T', body: 'Body.', authors: ['Ann', 'B\uDC00b'] },
      'input.authors[1]',
      'lone surrogate',
    ],
    [
      'a NUL in a source descriptor of the annotations',
      {
        title: 'T',
        body: 'Olena Kovalenko said: "We will hold."',
        extract: false,
        annotations: {
          sources: [
            { key: 's1', descriptor: 'Olena', anonymity: 'NAMED' },
            { key: 's2', descriptor: 'Kovalenko', anonymity: 'NAMED' },
            { key: 's3', descriptor: 'an official\u0000', anonymity: 'ANONYMOUS' },
          ],
        },
      },
      'input.annotations.sources[2].descriptor',
      'U+0000',
    ],
  ])('importArticle refuses %s, naming the field, and writes nothing', async (_case, input, field, what) => {
    const before = await written();
    const { data, errors } = await app.graphql(IMPORT, { input });
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(errors?.[0].message).toContain(what);
    expect(await written()).toEqual(before);
  });

  test('importArticle keeps tab, line feed and carriage return in a title', async () => {
    const { data, errors } = await app.graphql(IMPORT, {
      input: { title: 'A\tB\r\nC', body: 'Body.', extract: false },
    });
    expect(errors).toBeUndefined();
    expect(data.importArticle).toEqual({ created: true, article: { title: 'A\tB\r\nC' } });
  });

  test('importArticles (and so the import CLI, which runs the same batch) fails the bad item alone', async () => {
    const { data, errors } = await app.graphql(IMPORT_MANY, {
      inputs: [
        { title: 'Good', body: 'First body.', extract: false },
        { title: 'Bad', body: 'Second body.', extract: false, outletName: 'Out\u0000let' },
        { title: 'Bad too', body: 'Third body.', extract: false, authors: ['\uD800'] },
      ],
    });
    expect(errors).toBeUndefined();
    expect(data.importArticles).toEqual({
      createdCount: 1,
      failedCount: 2,
      items: [
        { index: 0, created: true, article: { title: 'Good' }, error: null },
        {
          index: 1,
          created: false,
          article: null,
          error: {
            code: 'BAD_USER_INPUT',
            field: 'outletName',
            message: 'outletName contains the control character U+0000',
          },
        },
        {
          index: 2,
          created: false,
          article: null,
          error: {
            code: 'BAD_USER_INPUT',
            field: 'authors[0]',
            message: 'authors[0] contains a lone surrogate: it is not valid Unicode text',
          },
        },
      ],
    });
    const titles = await app.database.dataSource.query(`SELECT title FROM articles`);
    expect(titles).toEqual([{ title: 'Good' }]);
    expect(await count('outlets')).toBe(0);
  });
});

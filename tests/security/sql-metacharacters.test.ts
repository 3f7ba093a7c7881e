// SQL and tsquery metacharacters in any string argument of any Query root field are data: they
// match rows or are refused as BAD_USER_INPUT (NOT_FOUND at most), never reach PostgreSQL as SQL or
// tsquery syntax, never come back INTERNAL_SERVER_ERROR or with PostgreSQL's words, and leave the
// database as it was. The sweep is driven by the schema, so a new field or filter is covered the day
// it lands (an adversarial pass once found 255 answers with data, 136 BAD_USER_INPUT, no SQL error).
// Cursors and ids are also sent well-formed around the payload (a real cursor of the field with one
// of its values replaced, a global id of `Article:<uuid><payload>`), so the payload gets past their
// decoding to wherever the value would be cast or bound.
import {
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { encodeCursor } from '../../src/common/cursor';
import { toGlobalId } from '../../src/common/global-id';
import { loadExampleCorpus } from '../../src/corpus/example-corpus';
import { ErrorCode } from '../../src/errors/error-code';
import { createSchema } from '../../src/schema';
import { startTestApp, type TestApp } from '../setup/test-app';

// No NUL or other control characters: those are refused before any SQL (control-characters.test.ts).
const PAYLOADS = [
  `' OR 1=1 --`,
  `'; DROP TABLE articles; --`,
  `' UNION SELECT key_hash FROM api_keys --`,
  `"quoted" & !not | (a <-> b):*`,
  `"unterminated`,
  `%_\\`,
  `$1`,
  `\\'`,
  `a:* & b:A`,
  `!!!`,
  `()`,
  `<->`,
  `E'\\\\'`,
  // Numbers and dates that look well-formed but overflow what PostgreSQL casts them to.
  `1e309`,
  `9999999999`,
  `2024-13-45 25:61:61+00`,
  `😀 e\u0301 😀\u0301`,
];

// Inside a global id, after a well-formed uuid: a uuid check that is not anchored would let these through.
const ID_PAYLOADS = PAYLOADS.slice(0, 3);
const SOME_UUID = '00000000-0000-4000-8000-000000000000';
// Requests in flight at once: PostgreSQL works while the server (in this process) answers another.
const IN_FLIGHT = 3;

// The codes that say the caller asked for something wrong or absent; anything else is a failure.
const CALLER_ERRORS: string[] = [ErrorCode.BadUserInput, ErrorCode.NotFound];
const POSTGRES_WORDS = /syntax error|SQLSTATE|relation "|column "|tsquery|QueryFailedError/i;

type Field = GraphQLField<unknown, unknown>;

/** A string-like argument, or a field of one (at any depth) of an input-object argument. */
interface Target {
  field: Field;
  /** The argument, then the input fields down to the string: ['filter', 'search']. */
  path: string[];
  /** ID, or String. */
  typeName: string;
}

/** One request of the sweep: `value` at the target's path. */
interface Probe {
  target: Target;
  /** How the payload was sent: as it is, inside a global id, or as one value of a real cursor. */
  form: string;
  payload: string;
  value: string;
}

/** Paths under `type` to its String and ID fields, through nested input objects (each once per path). */
function stringPaths(type: GraphQLInputType, seen: readonly string[]): { path: string[]; typeName: string }[] {
  const named = getNamedType(type);
  if (named.name === 'String' || named.name === 'ID') return [{ path: [], typeName: named.name }];
  if (!isInputObjectType(named) || seen.includes(named.name)) return [];
  return Object.values(named.getFields()).flatMap((field) =>
    stringPaths(field.type, [...seen, named.name]).map(({ path, typeName }) => ({
      path: [field.name, ...path],
      typeName,
    })),
  );
}

function targetsOf(schema: GraphQLSchema): Target[] {
  const fields = Object.values(schema.getQueryType()?.getFields() ?? {});
  return fields.flatMap((field) =>
    field.args.flatMap((arg) =>
      stringPaths(arg.type, []).map(({ path, typeName }) => ({ field, path: [arg.name, ...path], typeName })),
    ),
  );
}

/** A sensible value for a required input: a real article's id, a word the corpus holds, 5, true, the first enum value. */
function sensibleValue(type: GraphQLInputType, articleId: string): unknown {
  if (isNonNullType(type)) return sensibleValue(type.ofType, articleId);
  if (isListType(type)) return [sensibleValue(type.ofType, articleId)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type))
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type) && field.defaultValue === undefined)
        .map((field) => [field.name, sensibleValue(field.type, articleId)]),
    );
  switch (type.name) {
    case 'ID':
      return articleId;
    case 'String':
      return 'strategy';
    case 'Int':
      return 5;
    case 'Float':
      return 0.5;
    case 'Boolean':
      return true;
    case 'DateTime':
      return '2020-01-01T00:00:00Z';
    default:
      throw new Error(`no sensible value for the scalar ${type.name}: add one`);
  }
}

/** The value of `type` with `value` at `path` (inside a list where the type is one), the rest sensible. */
function valueAt(type: GraphQLInputType, path: string[], value: string, articleId: string): unknown {
  if (isNonNullType(type)) return valueAt(type.ofType, path, value, articleId);
  if (isListType(type)) return [valueAt(type.ofType, path, value, articleId)];
  if (path.length === 0) return value;
  if (!isInputObjectType(type)) throw new Error(`${type.name} has no field ${path[0]}`);
  const [name, ...rest] = path;
  return {
    ...(sensibleValue(type, articleId) as object),
    [name]: valueAt(type.getFields()[name].type, rest, value, articleId),
  };
}

/** The smallest valid selection: totalCount of a connection, else __typename of an object. */
function smallestSelection(field: Field): string {
  const named = getNamedType(field.type);
  if ((isObjectType(named) || isInterfaceType(named)) && 'totalCount' in named.getFields()) return '{ totalCount }';
  return isCompositeType(named) ? '{ __typename }' : '';
}

/** A connection's edges carry cursors: its `after` takes one of them. */
function hasCursors(field: Field): boolean {
  const named = getNamedType(field.type);
  if (!isObjectType(named) || !('edges' in named.getFields())) return false;
  const edge = getNamedType(named.getFields().edges.type);
  return isObjectType(edge) && 'cursor' in edge.getFields() && field.args.some((arg) => arg.name === 'after');
}

/** A request of `field` with its required arguments, and `given` ones, all through variables. */
function request(field: Field, selection: string, articleId: string, given: Record<string, unknown> = {}) {
  const args = field.args.filter(
    (arg) => arg.name in given || (isNonNullType(arg.type) && arg.defaultValue === undefined),
  );
  const declarations = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const query = args.length
    ? `query (${declarations}) { ${field.name}(${passed}) ${selection} }`
    : `{ ${field.name} ${selection} }`;
  const variables = Object.fromEntries(
    args.map((arg) => [arg.name, arg.name in given ? given[arg.name] : sensibleValue(arg.type, articleId)]),
  );
  return { query, variables };
}

function probeRequest(probe: Probe, articleId: string) {
  const [argName, ...rest] = probe.target.path;
  const arg = probe.target.field.args.find((a) => a.name === argName);
  if (!arg) throw new Error(`${probe.target.field.name} has no argument ${argName}`);
  return request(probe.target.field, smallestSelection(probe.target.field), articleId, {
    [argName]: valueAt(arg.type, rest, probe.value, articleId),
  });
}

const nameOf = (target: Target) => `${target.field.name}(${target.path.join('.')})`;

describe('SQL and tsquery metacharacters in every string argument of every query field', () => {
  let app: TestApp;
  let schema: GraphQLSchema;
  let articleCount: number;
  let articleId: string;
  /** A real cursor of each connection that has rows, decoded: its sort-key values. */
  const cursorValues = new Map<string, string[]>();

  const countRows = async () => {
    const tables: { name: string }[] = await app.database.dataSource.query(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables)
      counts[name] = (await app.database.dataSource.query(`SELECT count(*)::int AS n FROM "${name}"`))[0].n;
    return counts;
  };

  /** Each payload as it is; an `after` also as each value of a real cursor; an ID also inside a global id. */
  const probesOf = (target: Target): Probe[] => {
    const values = (target.path.join('.') === 'after' && cursorValues.get(target.field.name)) || [];
    return [
      ...PAYLOADS.flatMap((payload) => [
        { target, form: 'as it is', payload, value: payload },
        ...values.map((_, i) => ({
          target,
          form: `as cursor value ${i}`,
          payload,
          value: encodeCursor(values.map((v, j) => (j === i ? payload : v))),
        })),
      ]),
      ...(target.typeName === 'ID' ? ID_PAYLOADS : []).map((payload) => ({
        target,
        form: `in a global id, after a uuid`,
        payload,
        value: toGlobalId('Article', `${SOME_UUID}${payload}`),
      })),
    ];
  };

  /** What was wrong with the answer to a probe, if anything; and whether it had data or was refused. */
  const check = async (probe: Probe): Promise<{ answered: boolean; failures: string[] }> => {
    const { query, variables } = probeRequest(probe, articleId);
    const response = await app.graphqlWith({ authorization: `Bearer ${app.editorKey}` }, query, variables);
    const where = `${nameOf(probe.target)} <- ${JSON.stringify(probe.payload)} ${probe.form}`;
    const failures = response.status >= 500 ? [`${where}: HTTP ${response.status}`] : [];
    if (!response.errors?.length) {
      if (response.data?.[probe.target.field.name] === undefined) failures.push(`${where}: neither data nor errors`);
      return { answered: true, failures };
    }
    for (const error of response.errors) {
      const code = error.extensions?.code;
      if (!code || !CALLER_ERRORS.includes(code) || POSTGRES_WORDS.test(error.message))
        failures.push(`${where}: ${code} ${JSON.stringify(error.message)}`);
    }
    return { answered: false, failures };
  };

  beforeAll(async () => {
    app = await startTestApp();
    articleCount = (await loadExampleCorpus(app.database.dataSource)).length;
    schema = await createSchema();
    articleId = (await app.graphql(`{ articles(first: 1) { edges { node { id } } } }`)).data.articles.edges[0].node.id;
    for (const field of Object.values(schema.getQueryType()?.getFields() ?? {}).filter(hasCursors)) {
      const { query, variables } = request(field, '{ edges { cursor } }', articleId);
      const { data, errors } = await app.graphql(query, variables);
      expect(errors).toBeUndefined();
      const cursor: string | undefined = data[field.name].edges[0]?.cursor;
      if (cursor) cursorValues.set(field.name, JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    }
  });

  afterAll(async () => {
    await app?.close();
  });

  test('the sweep covers the string arguments that matter, from the schema', () => {
    const covered = targetsOf(schema).map(nameOf);
    expect(covered.length).toBeGreaterThanOrEqual(20);
    expect(covered).toEqual(
      expect.arrayContaining([
        'search(query)',
        'search(filter.search)',
        'actor(name)',
        'article(url)',
        'articles(filter.search)',
        'actors(filter.search)',
        'outlets(filter.search)',
        'quotes(filter.search)',
        'quoteStats(filter.search)',
        'sources(filter.roleContains)',
        'policyQuestion(slug)',
        'node(id)',
        'revisions(entityId)',
      ]),
    );
    // Real cursors of the connections the corpus fills, so that payloads reach the keyset casts.
    expect([...cursorValues.keys()]).toEqual(expect.arrayContaining(['articles', 'quotes', 'search', 'actors']));
  });

  test('no string argument of any query field reaches PostgreSQL as SQL or tsquery syntax, and nothing is written', async () => {
    const before = await countRows();
    expect(before.articles).toBe(articleCount);
    const targets = targetsOf(schema);
    const probes = targets.flatMap(probesOf);
    const results: { answered: boolean; failures: string[] }[] = [];
    let next = 0;
    const worker = async () => {
      while (next < probes.length) {
        const index = next++;
        results[index] = await check(probes[index]);
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    const failures = results.flatMap((result) => result.failures);
    const answered = results.filter((result) => result.answered).length;
    const refused = results.length - answered;
    // Nothing was written or dropped: the payloads were data, never statements.
    expect(await countRows()).toEqual(before);
    expect(failures).toEqual([]);
    // The sweep cannot quietly send nothing: every target got every payload at least as it is, and was answered.
    expect(targets.length).toBeGreaterThanOrEqual(20);
    expect(probes.length).toBeGreaterThanOrEqual(targets.length * PAYLOADS.length);
    expect(results.filter(Boolean)).toHaveLength(probes.length);
    // Both happen: free text is searched (finding nothing or something), malformed ids and cursors are refused.
    expect(answered).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});

// A query reads only the columns its fields need (src/common/selected-fields.ts): each field must
// then answer exactly what it answers when every column is read. Driven by the schema, so a field
// added later, or a resolver that reads a column its declaration leaves out, is covered too.
import {
  getNamedType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  isLeafType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { ActorKind } from '../../src/actor/actor.entity';
import { createSchema } from '../../src/schema';
import { Position } from '../../src/stance/stance.entity';
import { buildCorpus } from '../setup/corpus-builder';
import { startTestApp, type TestApp } from '../setup/test-app';

/** The lists each type's nodes are read through, and the type of their nodes. */
const LISTS = { articles: 'Article', quotes: 'Quote', sources: 'Source', actors: 'Actor', outlets: 'Outlet' } as const;

const callable = (field: GraphQLField<unknown, unknown>) => field.args.every((arg) => !isNonNullType(arg.type));

/** A field's selection: a leaf alone, an object with its own callable leaves (one level down). */
function selectionOf(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (isLeafType(type)) return field.name;
  if (!isObjectType(type)) return `${field.name} { __typename }`;
  const leaves = Object.values(type.getFields()).filter((f) => callable(f) && isLeafType(getNamedType(f.type)));
  return `${field.name} { __typename ${leaves.map((f) => f.name).join(' ')} }`;
}

function fieldsOf(schema: GraphQLSchema, typeName: string): GraphQLField<unknown, unknown>[] {
  const type = schema.getType(typeName) as GraphQLObjectType;
  return Object.values(type.getFields()).filter((field) => callable(field) && field.name !== 'id');
}

describe('columns read for the fields asked', () => {
  let app: TestApp;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    app = await startTestApp();
    schema = await createSchema();
    await buildCorpus(app.database.dataSource, {
      outlets: [{ key: 'one', name: 'One', domain: 'one.example' }],
      actors: [
        { name: 'NATO', kind: ActorKind.ORGANIZATION },
        { name: 'France', kind: ActorKind.STATE, memberOf: ['NATO'] },
        { name: 'Leader 😀', kind: ActorKind.PERSON, aliases: ['L'], affiliation: 'France' },
      ],
      questions: [{ slug: 'q-one', text: 'Question one?' }],
      articles: [0, 1, 2].map((i) => ({
        key: `a${i}`,
        title: `Article ${i} 😀`,
        outlet: 'one',
        publishedAt: new Date(Date.UTC(2024, 0, 1 + i)).toISOString(),
        intro: `France and NATO were named, with Leader 😀 ${i}.`,
        quotes: [
          {
            text: `First 😀 quote ${i}.`,
            source: 'Leader 😀',
            stance: { question: 'q-one', position: Position.SUPPORT },
          },
          { text: `Second quote ${i}.`, source: 'an official from France', affiliation: 'France' },
        ],
      })),
    });
  });

  afterAll(() => app.close());

  test.each(Object.entries(LISTS))(
    'each field of %s answers alike alone and beside every other field',
    async (list, type) => {
      const fields = fieldsOf(schema, type);
      const page = (selection: string) => `{ ${list}(first: 20) { edges { node { id ${selection} } } } }`;
      const everything = await app.graphql(page(fields.map(selectionOf).join(' ')));
      expect(everything.errors).toBeUndefined();
      const nodes: Record<string, unknown>[] = everything.data[list].edges.map((edge: { node: object }) => edge.node);
      expect(nodes.length).toBeGreaterThan(0);
      for (const field of fields) {
        const alone = await app.graphql(page(selectionOf(field)));
        expect(alone.errors).toBeUndefined();
        const values = alone.data[list].edges.map((edge: { node: Record<string, unknown> }) => edge.node[field.name]);
        expect({ field: field.name, values }).toEqual({ field: field.name, values: nodes.map((n) => n[field.name]) });
      }
    },
  );
});

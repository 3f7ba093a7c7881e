// Every cookbook operation validates against the schema and answers without errors on the
// example corpus, and the README shows each of them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, validate } from 'graphql';
import { loadExampleCorpus } from '../../src/corpus/example-corpus';
import { readCookbook, recipeVariables } from '../../src/playground/cookbook';
import { createSchema } from '../../src/schema';
import { startTestApp, type TestApp } from '../setup/test-app';

const recipes = readCookbook();

describe('cookbook', () => {
  let app: TestApp;
  const variablesUsed = new Map<string, Record<string, unknown>>();

  beforeAll(async () => {
    app = await startTestApp();
    await loadExampleCorpus(app.database.dataSource);
  });

  afterAll(async () => {
    await app.close();
  });

  test('holds 8 to 12 named operations, one per file', () => {
    expect(recipes.length).toBeGreaterThanOrEqual(8);
    expect(recipes.length).toBeLessThanOrEqual(12);
    expect(new Set(recipes.map((r) => r.name)).size).toBe(recipes.length);
  });

  test('every operation validates against the schema', async () => {
    const schema = await createSchema();
    for (const recipe of recipes) {
      expect({ recipe: recipe.name, errors: validate(schema, parse(recipe.document)).map((e) => e.message) }).toEqual({ recipe: recipe.name, errors: [] });
    }
  });

  // In file order: the import runs before the correction, which then finds an extracted quote.
  test.each(recipes.map((r) => [r.name, r] as const))('%s answers without errors on the example corpus', async (_name, recipe) => {
    const variables = await recipeVariables(app.database.dataSource.manager, recipe);
    variablesUsed.set(recipe.name, variables);
    const { data, errors } = await app.graphql(recipe.document, variables);
    expect(errors).toBeUndefined();
    const answer = JSON.stringify(data);
    expect(answer.length).toBeGreaterThan(40);
    expect(answer).not.toMatch(/"totalCount":0\b/);
  });

  test('the correction recipe corrects an extracted quote, which becomes MANUAL', async () => {
    const variables = variablesUsed.get('CorrectAnExtractedAttribution') as Record<string, unknown>;
    const { data } = await app.graphql(`query ($id: ID!) { node(id: $id) { ... on Quote { origin source { id } } } }`, { id: variables.quoteId });
    expect(data.node).toEqual({ origin: 'MANUAL', source: { id: variables.sourceId } });
  });

  test('the README shows every cookbook operation as it is in the repository', () => {
    const readme = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    for (const recipe of recipes) {
      const operation = recipe.document.replace(/^#.*\n/gm, '').trim();
      expect({ recipe: recipe.name, inReadme: readme.includes(operation) }).toEqual({ recipe: recipe.name, inReadme: true });
    }
  });
});

// Every cookbook operation validates against the schema and answers without errors on the
// example corpus, and the README shows each of them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, validate } from 'graphql';
import { loadExampleCorpus } from '../../src/corpus/example-corpus';
import { readCookbook, type Recipe, recipeVariables } from '../../src/playground/cookbook';
import { createSchema } from '../../src/schema';
import { startTestApp, type TestApp } from '../setup/test-app';

const recipes = readCookbook();

const recipeNamed = (name: string) => recipes.find((r) => r.name === name) as Recipe;
// The one recipe that changes rows another recipe reads (OnlyCuratedOrConfidentAnnotations lists the
// confident extracted quotes): it runs on a database of its own.
const CORRECTION = 'CorrectAnExtractedAttribution';

/** The example corpus and the article of the import recipe, whose extracted quotes other recipes read. */
async function startCookbookApp(): Promise<TestApp> {
  const app = await startTestApp();
  await loadExampleCorpus(app.database.dataSource);
  expect((await app.graphql(recipeNamed('ImportAnArticle').document)).errors).toBeUndefined();
  return app;
}

describe('cookbook', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startCookbookApp();
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

  // ImportAnArticle, run again here, finds its article and writes nothing.
  test.each(recipes.filter((r) => r.name !== CORRECTION).map((r) => [r.name, r] as const))("%s answers without errors on the example corpus and the import recipe's article", async (_name, recipe) => {
    const variables = await recipeVariables(app.database.dataSource.manager, recipe);
    const { data, errors } = await app.graphql(recipe.document, variables);
    expect(errors).toBeUndefined();
    const answer = JSON.stringify(data);
    expect(answer.length).toBeGreaterThan(40);
    expect(answer).not.toMatch(/"totalCount":0\b/);
  });

  describe('on a database of its own', () => {
    let own: TestApp;

    beforeAll(async () => {
      own = await startCookbookApp();
    });

    afterAll(async () => {
      await own?.close();
    });

    test(`${CORRECTION} answers without errors and corrects an extracted quote, which becomes MANUAL`, async () => {
      const variables = await recipeVariables(own.database.dataSource.manager, recipeNamed(CORRECTION));
      const QUOTE = `query ($id: ID!) { node(id: $id) { ... on Quote { origin source { id } } } }`;
      expect((await own.graphql(QUOTE, { id: variables.quoteId })).data.node.origin).toBe('EXTRACTED');
      expect((await own.graphql(recipeNamed(CORRECTION).document, variables)).errors).toBeUndefined();
      expect((await own.graphql(QUOTE, { id: variables.quoteId })).data.node).toEqual({ origin: 'MANUAL', source: { id: variables.sourceId } });
    });
  });

  test('the README shows every cookbook operation as it is in the repository', () => {
    const readme = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    for (const recipe of recipes) {
      const operation = recipe.document.replace(/^#.*\n/gm, '').trim();
      expect({ recipe: recipe.name, inReadme: readme.includes(operation) }).toEqual({ recipe: recipe.name, inReadme: true });
    }
  });
});

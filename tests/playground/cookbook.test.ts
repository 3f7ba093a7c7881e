// Every cookbook operation validates against the schema and answers without errors on the
// example corpus, the cross-article ones with rows from several articles, and the README shows each of them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, validate } from 'graphql';
import { loadExampleCorpus, loadHandAnnotatedExample } from '../../src/corpus/example-corpus';
import { readCookbook, type Recipe, recipeVariables } from '../../src/playground/cookbook';
import { createSchema } from '../../src/schema';
import { startTestApp, type TestApp } from '../setup/test-app';

const recipes = readCookbook();

const recipeNamed = (name: string) => recipes.find((r) => r.name === name) as Recipe;
// The one recipe that changes rows another recipe reads (OnlyCuratedOrConfidentAnnotations lists the
// curated quotes): it runs on a database of its own.
const CORRECTION = 'CorrectAnExtractedAttribution';

// Recipes whose question spans articles answer with rows from more than one article of the example
// corpus; the others, and why they may answer about one article.
const CROSS_ARTICLE = [
  'AnonymousSourcingByOutletAndMonth',
  'QuotesByAffiliationAcrossArticles',
  'CoMentionedActors',
  'PhraseSearchWithHighlights',
  'AnonymousSourcesAndTheirAffiliations',
  'OnlyCuratedOrConfidentAnnotations',
  'PagingThroughAllQuotes',
];
const ONE_ARTICLE: Record<string, string> = {
  StancesOnAPolicyQuestion: 'policy questions and stances come only from the hand annotation',
  ImportAnArticle: 'imports one article',
  CorrectAnExtractedAttribution: 'corrects one quote',
};

/** The example corpus, and, when asked, the article of the import recipe (which ImportAnArticle, run again, finds). */
async function startCookbookApp(options: { importRecipe: boolean }): Promise<TestApp> {
  const app = await startTestApp();
  await loadExampleCorpus(app.database.dataSource);
  if (options.importRecipe) expect((await app.graphql(recipeNamed('ImportAnArticle').document)).errors).toBeUndefined();
  return app;
}

/** The articles an answer draws on: titles of `article { title }` and of Article hits, outlet-months of quoteStats. */
function articlesIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => articlesIn(item, found));
  else if (value && typeof value === 'object') {
    const node = value as Record<string, any>;
    if (typeof node.article?.title === 'string') found.add(node.article.title);
    if (node.__typename === 'Article') found.add(node.title);
    if ('month' in node && node.outlet) found.add(`${node.outlet.name} ${node.month}`);
    Object.values(node).forEach((child) => articlesIn(child, found));
  }
  return found;
}

const MANUAL_QUOTES = `{ quotes(first: 500, filter: { origin: MANUAL }) { edges { node { id text kind cue origin span { start end } source { id descriptor } } } } }`;
const manualQuotes = async (app: TestApp) =>
  (await app.graphql(MANUAL_QUOTES)).data.quotes.edges.map((e: any) => e.node);

describe('cookbook', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startCookbookApp({ importRecipe: true });
  });

  afterAll(async () => {
    await app.close();
  });

  test('holds 8 to 12 named operations, one per file', () => {
    expect(recipes.length).toBeGreaterThanOrEqual(8);
    expect(recipes.length).toBeLessThanOrEqual(12);
    expect(new Set(recipes.map((r) => r.name)).size).toBe(recipes.length);
  });

  test('every operation is marked as answering across articles or about one, with the reason', () => {
    expect(recipes.map((r) => r.name).sort()).toEqual([...CROSS_ARTICLE, ...Object.keys(ONE_ARTICLE)].sort());
  });

  test('every operation validates against the schema', async () => {
    const schema = await createSchema();
    for (const recipe of recipes) {
      expect({ recipe: recipe.name, errors: validate(schema, parse(recipe.document)).map((e) => e.message) }).toEqual({
        recipe: recipe.name,
        errors: [],
      });
    }
  });

  // ImportAnArticle, run again here, finds its article and writes nothing.
  test.each(recipes.filter((r) => r.name !== CORRECTION).map((r) => [r.name, r] as const))(
    "%s answers without errors on the example corpus and the import recipe's article",
    async (_name, recipe) => {
      const variables = await recipeVariables(app.database.dataSource.manager, recipe);
      const { data, errors } = await app.graphql(recipe.document, variables);
      expect(errors).toBeUndefined();
      const answer = JSON.stringify(data);
      expect(answer.length).toBeGreaterThan(40);
      expect(answer).not.toMatch(/"totalCount":0\b/);
    },
  );

  // A fresh server's database: the example corpus only. The correction changes rows other recipes
  // read, so it runs here, after the cross-article answers.
  describe("on the example corpus alone, a fresh server's", () => {
    let own: TestApp;

    beforeAll(async () => {
      own = await startCookbookApp({ importRecipe: false });
    });

    afterAll(async () => {
      await own?.close();
    });

    test.each(CROSS_ARTICLE)('%s answers with rows from more than one article', async (name) => {
      const recipe = recipeNamed(name);
      const { data, errors } = await own.graphql(
        recipe.document,
        await recipeVariables(own.database.dataSource.manager, recipe),
      );
      expect(errors).toBeUndefined();
      if (name === 'CoMentionedActors') {
        expect(Math.max(...data.actor.coMentioned.map((c: any) => c.articleCount))).toBeGreaterThan(1);
      } else {
        expect([...articlesIn(data)].length).toBeGreaterThan(1);
      }
    });

    test(`${CORRECTION} corrects an extracted quote, which becomes MANUAL, and leaves every MANUAL quote as it was`, async () => {
      const before = await manualQuotes(own);
      expect(before.length).toBeGreaterThanOrEqual(10);
      const variables = await recipeVariables(own.database.dataSource.manager, recipeNamed(CORRECTION));
      const QUOTE = `query ($id: ID!) { node(id: $id) { ... on Quote { origin source { id } } } }`;
      expect((await own.graphql(QUOTE, { id: variables.quoteId })).data.node.origin).toBe('EXTRACTED');
      expect((await own.graphql(recipeNamed(CORRECTION).document, variables)).errors).toBeUndefined();
      expect((await own.graphql(QUOTE, { id: variables.quoteId })).data.node).toEqual({
        origin: 'MANUAL',
        source: { id: variables.sourceId },
      });
      const after = await manualQuotes(own);
      expect(after.filter((q: any) => q.id !== variables.quoteId)).toEqual(before);
    });
  });

  describe('on the hand-annotated article alone, where no quote is extracted', () => {
    let own: TestApp;

    beforeAll(async () => {
      own = await startTestApp();
      await loadHandAnnotatedExample(own.database.dataSource);
    });

    afterAll(async () => {
      await own?.close();
    });

    test(`${CORRECTION} is offered no ids, so running it rewrites no MANUAL quote`, async () => {
      const before = await manualQuotes(own);
      expect(before).toHaveLength(10);
      const variables = await recipeVariables(own.database.dataSource.manager, recipeNamed(CORRECTION));
      expect(variables).toEqual({});
      const { errors } = await own.graphql(recipeNamed(CORRECTION).document, variables);
      expect(errors?.length).toBeGreaterThan(0);
      expect(await manualQuotes(own)).toEqual(before);
    });
  });

  test('the README shows every cookbook operation as it is in the repository', () => {
    const readme = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    for (const recipe of recipes) {
      const operation = recipe.document.replace(/^#.*\n/gm, '').trim();
      expect({ recipe: recipe.name, inReadme: readme.includes(operation) }).toEqual({
        recipe: recipe.name,
        inReadme: true,
      });
    }
  });
});

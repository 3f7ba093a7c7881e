import express, { type Router } from 'express';
import type { DataSource } from 'typeorm';
import { readCookbook, recipeVariables } from './cookbook';
import { PLAYGROUND_ASSETS, PLAYGROUND_SCRIPT, playgroundPage } from './playground.page';

/** The playground's assets under /playground, and its page for a browser's GET /graphql. */
export function createPlaygroundRouter(dataSource: DataSource): Router {
  const router = express.Router();
  const recipes = readCookbook();

  router.get('/playground/playground.js', (_req, res) => {
    res.type('application/javascript').set('Cache-Control', 'no-cache').send(PLAYGROUND_SCRIPT);
  });
  router.get('/playground/:file', (req, res, next) => {
    const file = Object.hasOwn(PLAYGROUND_ASSETS, req.params.file) ? PLAYGROUND_ASSETS[req.params.file] : undefined;
    if (!file) return next();
    res.sendFile(file, { maxAge: '1d', immutable: true });
  });
  router.get('/graphql', async (req, res, next) => {
    if (req.query.query !== undefined || req.accepts(['application/json', 'text/html']) !== 'text/html') return next();
    try {
      const tabs = await Promise.all(
        recipes.map(async (recipe) => ({ ...recipe, variables: await recipeVariables(dataSource.manager, recipe) })),
      );
      res.type('html').set('Cache-Control', 'no-cache').send(playgroundPage(tabs));
    } catch (error) {
      next(error);
    }
  });
  return router;
}

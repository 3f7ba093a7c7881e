import express, { type Request, type Router } from 'express';
import type { DataSource } from 'typeorm';
import { readCookbook, recipeVariables } from './cookbook';
import { PLAYGROUND_ASSETS, PLAYGROUND_SCRIPT, playgroundPage } from './playground.page';

export interface PlaygroundOptions {
  /** The editor key the zero-config start keeps on this machine, for the page to send. */
  readonly localKey?: () => Promise<string | null>;
}

const LOOPBACK_ADDRESS = /^(127\.|::1$|::ffff:127\.)/;

/**
 * The local key goes only into a page that a browser on this machine navigated to: never to a
 * script of another origin (CORS lets localhost pages call /graphql; they send Origin and are not
 * navigations), nor to another machine, nor through a proxy.
 */
function mayReceiveLocalKey(req: Request): boolean {
  const mode = req.get('sec-fetch-mode');
  return (
    LOOPBACK_ADDRESS.test(req.socket.remoteAddress ?? '') &&
    // A reverse proxy on this machine connects from loopback for visitors from anywhere.
    req.get('x-forwarded-for') === undefined &&
    req.get('forwarded') === undefined &&
    req.get('origin') === undefined &&
    (!mode || mode === 'navigate')
  );
}

/** The playground's assets under /playground, and its page for a browser's GET /graphql. */
export function createPlaygroundRouter(dataSource: DataSource, options: PlaygroundOptions = {}): Router {
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
      const key = options.localKey && mayReceiveLocalKey(req) ? await options.localKey() : null;
      const headers: Record<string, string> = key ? { Authorization: `Bearer ${key}` } : {};
      res.type('html').set('Cache-Control', 'no-store').send(playgroundPage(tabs, headers));
    } catch (error) {
      next(error);
    }
  });
  return router;
}
